// What the shipped configs do with code, beyond which options they set (tests/plugin.test.ts).
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const transport = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
const nodemailerArray = `${transport}await transporter.sendMail({ from: 'a@x.io', to: ['ops@x.io', 'cfo@x.io'], subject: 'Report' });`;
const postmarkComma = "import { ServerClient } from 'postmark';\nnew ServerClient('token').sendEmail({ From: 'a@x.io', To: 'ops@x.io, cto@x.io', Subject: 'Hi' });";
const sesDestination = `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
const ses = new SESv2Client({});
await ses.send(new SendEmailCommand({ Destination: { ToAddresses: ['ops@x.io', 'cfo@x.io'] }, Content: {} }));`;

describe('the shipped configs', () => {
  const lint = (config: Linter.Config[], code: string, filename: string) =>
    new Linter()
      .verify(code, [...config, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }], { filename })
      .filter((m) => m.ruleId === 'mail/no-exposed-recipients')
      .map((m) => m.messageId);

  for (const filename of ['mail.js', 'mail.ts']) {
    it(`strict reports a fixed multi-address field, recommended does not (${filename})`, () => {
      expect(lint(plugin.configs.strict, nodemailerArray, filename)).toEqual(['fixedList']);
      expect(lint(plugin.configs.strict, postmarkComma, filename)).toEqual(['fixedList']);
      expect(lint(plugin.configs.recommended, nodemailerArray, filename)).toEqual([]);
      expect(lint(plugin.configs.recommended, postmarkComma, filename)).toEqual([]);
      expect(lint(plugin.configs.strict, sesDestination, filename)).toEqual(['fixedList']);
      expect(lint(plugin.configs.recommended, sesDestination, filename)).toEqual([]);
    });
  }
});

describe('mail/respect-provider-limits in the shipped configs', () => {
  const code = `import { Resend } from 'resend';
import { chunk } from 'lodash';
const resend = new Resend('re_123');
export async function f(users) {
  for (const batch of chunk(users, 500)) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`;
  for (const name of ['recommended', 'strict', 'all'] as const) {
    it(`${name} reports a chunk above Resend's batch limit`, () => {
      const messages = new Linter().verify(code, plugin.configs[name], { filename: 'mail.js' });
      expect(messages.filter((m) => m.ruleId === 'mail/respect-provider-limits').map((m) => [m.line, m.messageId])).toEqual([[5, 'messagesChunk']]);
    });
  }
});

describe('each config carries its rules object as properties, for tools that read a config', () => {
  it.each(Object.keys(plugin.configs) as (keyof typeof plugin.configs)[])('%s', (name) => {
    const config = plugin.configs[name];
    const [first] = config;
    expect(config.rules).toBe(first!.rules);
    expect(config.plugins).toBe(first!.plugins);
    expect(config.settings).toEqual(first!.settings);
    expect(config.name).toBe(`mail/${name}`);
    // Spread, it is the list of config objects and nothing else.
    expect([...config]).toHaveLength(3);
  });
});
