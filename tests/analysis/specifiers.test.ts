// The npm package Deno, edge runtimes and CDNs name in a specifier: the SDK tables key modules by
// package, so `npm:resend@4` and `https://esm.sh/resend` are `resend` to every rule.
import { describe, expect, it } from 'vitest';
import { moduleName } from '../../src/util/specifiers.js';

describe('moduleName', () => {
  it.each([
    ['npm:resend', 'resend'],
    ['npm:resend@4', 'resend'],
    ['npm:resend@^4.0.1', 'resend'],
    ['npm:@sendgrid/mail@8.1.0', '@sendgrid/mail'],
    ['npm:/nodemailer@6/lib/mailer', 'nodemailer/lib/mailer'],
    ['https://esm.sh/resend', 'resend'],
    ['https://esm.sh/resend@2.0.0?target=deno', 'resend'],
    ['https://esm.sh/@sendgrid/mail@7?target=deno', '@sendgrid/mail'],
    ['https://esm.sh/v135/resend@2.0.0/es2022/resend.mjs', 'resend'],
    ['https://esm.sh/stable/resend@1', 'resend'],
    ['https://esm.sh/@aws-sdk/client-sesv2@3.600.0', '@aws-sdk/client-sesv2'],
    ['https://cdn.jsdelivr.net/npm/nodemailer@6/+esm', 'nodemailer'],
    ['https://cdn.skypack.dev/nodemailer', 'nodemailer'],
    ['https://unpkg.com/resend', 'resend'],
  ])('%s names %s', (specifier, name) => {
    expect(moduleName(specifier)).toBe(name);
  });

  it.each(['nodemailer', './mailer', '../lib/mail.js', '@/lib/mail', '#mail', 'jsr:@std/path', 'https://deno.land/x/smtp/mod.ts', 'node:fs'])(
    '%s is left as it is',
    (specifier) => {
      expect(moduleName(specifier)).toBe(specifier);
    },
  );
});
