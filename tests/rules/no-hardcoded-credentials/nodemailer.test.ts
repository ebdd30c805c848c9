import rule from '../../../src/rules/no-hardcoded-credentials.js';
import { cjsTester, jsTester, tsTester } from '../../helpers.js';
import { fallback, hardcoded, invalid } from './helpers.js';

const options = "{ host: 'smtp.example.com', auth: { user: 'app', pass: 'correct-horse-battery' } }";

// Every import form reaches createTransport.
const importForms: [string, string][] = [
  ['default import', `import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(${options});`],
  ['namespace import', `import * as nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(${options});`],
  ['named import', `import { createTransport } from 'nodemailer';\nexport const t = createTransport(${options});`],
  ['require', `const nodemailer = require('nodemailer');\nexport const t = nodemailer.createTransport(${options});`],
  ['destructured require', `const { createTransport } = require('nodemailer');\nexport const t = createTransport(${options});`],
  ['class field', `import nodemailer from 'nodemailer';\nexport class Mailer { private t = nodemailer.createTransport(${options}); }`],
  ['`as`', `import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(${options} as any);`],
];

tsTester.run('no-hardcoded-credentials: nodemailer import forms', rule, {
  valid: importForms.map(([, code]) => code.replace("'correct-horse-battery'", 'process.env.SMTP_PASS')),
  invalid: importForms.map(([name, code]) =>
    invalid(name, code, (c) => [hardcoded(c, "'correct-horse-battery'", 'nodemailer', 'auth.pass')]),
  ),
});

tsTester.run('no-hardcoded-credentials: nodemailer', rule, {
  valid: [
    // Look-alikes: a non-mail auth.pass, a local createTransport, a user name.
    `export const db = { auth: { user: 'app', pass: 'correct-horse-battery' } };`,
    `function createTransport(o: object) { return o; }\ncreateTransport({ auth: { pass: 'correct-horse-battery' } });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'mailer@example.com', pass: process.env.PASS } });`,
    // Placeholders and empty strings.
    ...["''", "'changeme'", "'<your-password>'", "'xxx'", "'********'", "'YOUR_SMTP_PASSWORD'", "'${SMTP_PASS}'", "'password'"].map(
      (value) => `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'app', pass: ${value} } });`,
    ),
    // A local development server's credentials.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'mailpit', port: 1025, auth: { user: 'dev', pass: 'dev-password' } });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport('smtp://dev:dev-password@localhost:1025');`,
    // A template literal built from variables is not a literal secret.
    "import nodemailer from 'nodemailer';\nnodemailer.createTransport(`smtps://${process.env.USER}:${process.env.PASS}@smtp.example.com`);",
  ],
  invalid: [
    invalid(
      'OAuth2 and DKIM secrets',
      `import nodemailer from 'nodemailer';
export const t = nodemailer.createTransport({
  service: 'gmail',
  auth: { type: 'OAuth2', user: 'me@example.com', clientId: 'id', clientSecret: 'GOCSPX-abc123def', refreshToken: '1//0gAbCdEf', privateKey: '-----BEGIN PRIVATE KEY-----abc' },
  dkim: { domainName: 'example.com', keySelector: 'k1', privateKey: '-----BEGIN RSA PRIVATE KEY-----xyz' },
});`,
      (c) => [
        hardcoded(c, "'GOCSPX-abc123def'", 'nodemailer', 'auth.clientSecret'),
        hardcoded(c, "'1//0gAbCdEf'", 'nodemailer', 'auth.refreshToken'),
        hardcoded(c, "'-----BEGIN PRIVATE KEY-----abc'", 'nodemailer', 'auth.privateKey'),
        hardcoded(c, "'-----BEGIN RSA PRIVATE KEY-----xyz'", 'nodemailer', 'dkim.privateKey'),
      ],
    ),
    invalid(
      'password in an SMTP URL (smtps too)',
      `import nodemailer from 'nodemailer';
export const t = nodemailer.createTransport('smtps://app%40example.com:hunter22@smtp.example.com');`,
      (c) => [hardcoded(c, "'smtps://app%40example.com:hunter22@smtp.example.com'", 'nodemailer', 'password in the SMTP URL')],
    ),
    invalid(
      'a constant, a config object and an environment fallback',
      `import nodemailer from 'nodemailer';
const PASS = 'correct-horse-battery';
const config = { smtp: { refresh: '1//0gAbCdEf' } };
export const a = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'a', pass: PASS } });
export const b = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'a', refreshToken: config.smtp.refresh } });
export const c = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'a', pass: process.env.SMTP_PASS || 'fallback-pass-123' } });
export const d = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'a', pass: process.env.SMTP_PASS ?? 'changeme' } });`,
      (c) => [
        hardcoded(c, "'correct-horse-battery'", 'nodemailer', 'auth.pass'),
        hardcoded(c, "'1//0gAbCdEf'", 'nodemailer', 'auth.refreshToken'),
        fallback(c, "'fallback-pass-123'", 'nodemailer', 'auth.pass', 'process.env.SMTP_PASS'),
      ],
    ),
    invalid(
      'NestJS transport and email-templates transport',
      `import { MailerModule } from '@nestjs-modules/mailer';
import Email from 'email-templates';
MailerModule.forRoot({ transport: { host: 'smtp.example.com', auth: { user: 'a', pass: 'nest-secret-99' } } });
MailerModule.forRoot({ transport: 'smtps://a:nest-url-secret@smtp.example.com' });
export const email = new Email({ transport: { host: 'smtp.example.com', auth: { user: 'a', pass: 'templates-secret' } } });`,
      (c) => [
        hardcoded(c, "'nest-secret-99'", 'NestJS MailerService', 'auth.pass'),
        hardcoded(c, "'smtps://a:nest-url-secret@smtp.example.com'", 'NestJS MailerService', 'password in the SMTP URL'),
        hardcoded(c, "'templates-secret'", 'email-templates', 'auth.pass'),
      ],
    ),
  ],
});

cjsTester.run('no-hardcoded-credentials: nodemailer in CommonJS (espree)', rule, {
  valid: [`const nodemailer = require('nodemailer');\nmodule.exports = nodemailer.createTransport({ auth: { user: 'a', pass: process.env.P } });`],
  invalid: [
    invalid(
      'require',
      `const nodemailer = require('nodemailer');\nmodule.exports = nodemailer.createTransport({ host: 'smtp.example.com', auth: { user: 'a', pass: "s3cret-pass" } });`,
      (c) => [hardcoded(c, '"s3cret-pass"', 'nodemailer', 'auth.pass')],
    ),
  ],
});

jsTester.run('no-hardcoded-credentials: nodemailer in plain JS (espree)', rule, {
  valid: [`import { createTransport } from 'nodemailer';\nexport default createTransport({ auth: { pass: '' } });`],
  invalid: [
    invalid(
      'named import',
      `import { createTransport } from 'nodemailer';\nexport default createTransport({ host: 'smtp.example.com', auth: { pass: 's3cret-pass' } });`,
      (c) => [hardcoded(c, "'s3cret-pass'", 'nodemailer', 'auth.pass')],
    ),
  ],
});
