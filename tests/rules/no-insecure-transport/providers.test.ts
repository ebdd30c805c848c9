import rule from '../../../src/rules/no-insecure-transport.js';
import { cjsTester, jsTester, tsTester } from '../../helpers.js';
import { rejectUnauthorized, setting, smtpUrl } from './helpers.js';

/** One invalid case, its reports built from the code. */
const invalid = <E extends { messageId: string }>(name: string, code: string, errors: (code: string) => E[]) => ({
  name,
  code,
  errors: errors(code),
});

tsTester.run('no-insecure-transport: NestJS mailer and email-templates', rule, {
  valid: [
    `import { MailerModule } from '@nestjs-modules/mailer';\nMailerModule.forRoot({ transport: { host: 'smtp.example.com', requireTLS: true } });`,
    `import { MailerModule } from '@nestjs-modules/mailer';\nMailerModule.forRoot({ transport: 'smtps://user:pass@smtp.example.com' });`,
    `import { MailerModule } from '@nestjs-modules/mailer';\nMailerModule.forRootAsync({ useFactory: (config: any) => ({ transport: config.get('SMTP') }) });`,
    // A look-alike module with the same shape.
    `const MailerModule = { forRoot(o: object) { return o; } };\nMailerModule.forRoot({ transport: { host: 'smtp.example.com', ignoreTLS: true } });`,
    `import Email from 'email-templates';\nnew Email({ transport: { jsonTransport: true }, tls: { rejectUnauthorized: false } });`,
  ],
  invalid: [
    invalid(
      'forRoot in a module decorator',
      `import { Module } from '@nestjs/common';
import { MailerModule } from '@nestjs-modules/mailer';
@Module({
  imports: [MailerModule.forRoot({ transport: { host: 'smtp.example.com', tls: { rejectUnauthorized: false } } })],
})
export class AppModule {}`,
      (code) => [rejectUnauthorized(code, 'NestJS MailerService')],
    ),
    invalid(
      'forRoot with a connection URL',
      `import * as mailer from '@nestjs-modules/mailer';
mailer.MailerModule.forRoot({ transport: 'smtp://app:s3cr3t-pw@smtp.example.com' });`,
      (code) => [smtpUrl(code, "'smtp://app:s3cr3t-pw@smtp.example.com'", 'smtp.example.com', 'NestJS MailerService')],
    ),
    invalid(
      'forRootAsync factory',
      `const { MailerModule } = require('@nestjs-modules/mailer');
MailerModule.forRootAsync({
  useFactory: async () => {
    return { transport: { host: 'smtp.example.com', ignoreTLS: true } };
  },
});`,
      (code) => [setting(code, 'ignoreTLS: true', 'NestJS MailerService', 'ignoreTLS: true', 'ignoreTLS', 'requireTLS')],
    ),
    invalid(
      'email-templates transport',
      `import Email from 'email-templates';
export const email = new Email({ message: { from: 'a@example.com' }, transport: { host: 'smtp.example.com', tls: { rejectUnauthorized: false } } });`,
      (code) => [rejectUnauthorized(code, 'email-templates')],
    ),
  ],
});

tsTester.run('no-insecure-transport: emailjs', rule, {
  valid: [
    `import { SMTPClient } from 'emailjs';\nnew SMTPClient({ host: 'smtp.example.com', ssl: true, tls: { rejectUnauthorized: true } });`,
    `import { SMTPClient } from 'emailjs';\nnew SMTPClient({ host: 'localhost', tls: { rejectUnauthorized: false } });`,
    `class SMTPClient { constructor(o: object) {} }\nnew SMTPClient({ host: 'smtp.example.com', tls: { rejectUnauthorized: false } });`,
  ],
  invalid: [
    invalid(
      'tls and ssl options that skip verification',
      `import { SMTPClient } from 'emailjs';
export const a = new SMTPClient({ host: 'smtp.example.com', tls: { rejectUnauthorized: false } });
export const b = new SMTPClient({ host: 'smtp.example.com', ssl: { rejectUnauthorized: false } });`,
      (code) => [
        rejectUnauthorized(code, 'emailjs'),
        setting(code, 'rejectUnauthorized: false', 'emailjs', 'ssl.rejectUnauthorized: false', 'rejectUnauthorized', 'verification', 1),
      ],
    ),
  ],
});

tsTester.run('no-insecure-transport: HTTP API clients', rule, {
  valid: [
    `import { ServerClient } from 'postmark';\nnew ServerClient(process.env.POSTMARK_TOKEN!, { useHttps: true });`,
    `import { ServerClient } from 'postmark';\nnew ServerClient(process.env.POSTMARK_TOKEN!, { useHttps: false, requestHost: 'localhost:3000' });`,
    `import Mailgun from 'mailgun.js';\nnew Mailgun(FormData).client({ username: 'api', key: process.env.MG!, url: 'https://api.eu.mailgun.net' });`,
    `import Mailgun from 'mailgun.js';\nnew Mailgun(FormData).client({ username: 'api', key: process.env.MG!, url: 'http://localhost:8080' });`,
    `import mailgun from 'mailgun-js';\nmailgun({ apiKey: process.env.MG!, domain: 'mg.example.com', protocol: 'https:' });`,
    `import SparkPost from 'sparkpost';\nnew SparkPost(process.env.SPARKPOST_KEY, { origin: 'https://api.eu.sparkpost.com:443' });`,
    `import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: process.env.MG! });\nmg.messages.create('mg.example.com', { to: 'a@example.com', 'o:skip-verification': false, 'o:require-tls': true });`,
    // A per-message option on something that is not a Mailgun send.
    `export const options = { 'o:skip-verification': true };`,
  ],
  invalid: [
    invalid(
      'Postmark useHttps: false',
      `import * as postmark from 'postmark';
export const client = new postmark.ServerClient(process.env.POSTMARK_TOKEN!, { useHttps: false });`,
      (code) => [setting(code, 'useHttps: false', 'Postmark', 'useHttps: false', 'postmark', 'remove')],
    ),
    invalid(
      'mailgun.js url over http',
      `import Mailgun from 'mailgun.js';
const mailgun = new Mailgun(FormData);
export const mg = mailgun.client({ username: 'api', key: process.env.MG!, url: 'http://api.mailgun.net' });`,
      (code) => [setting(code, "url: 'http://api.mailgun.net'", 'Mailgun (mailgun.js)', "url: 'http://api.mailgun.net'", 'https', 'https')],
    ),
    invalid(
      'mailgun-js protocol http',
      `const mailgun = require('mailgun-js');
module.exports = mailgun({ apiKey: process.env.MG, domain: 'mg.example.com', protocol: 'http:' });`,
      (code) => [setting(code, "protocol: 'http:'", 'Mailgun (mailgun-js)', "protocol: 'http:'", 'https', 'remove')],
    ),
    invalid(
      'SparkPost origin and endpoint over http',
      `import SparkPost from 'sparkpost';
export const a = new SparkPost(process.env.KEY, { origin: 'http://api.sparkpost.com' });
export const b = new SparkPost({ endpoint: 'http://api.sparkpost.com:80' });`,
      (code) => [
        setting(code, "origin: 'http://api.sparkpost.com'", 'SparkPost', "origin: 'http://api.sparkpost.com'", 'https', 'https'),
        setting(code, "endpoint: 'http://api.sparkpost.com:80'", 'SparkPost', "endpoint: 'http://api.sparkpost.com:80'", 'https', 'https'),
      ],
    ),
    invalid(
      "Mailgun 'o:skip-verification' in a message",
      `import Mailgun from 'mailgun.js';
const mg = new Mailgun(FormData).client({ username: 'api', key: process.env.MG! });
const message = { to: 'a@example.com', 'o:skip-verification': 'yes' };
export const send = () => mg.messages.create('mg.example.com', message);`,
      (code) => [
        setting(code, "'o:skip-verification': 'yes'", 'Mailgun (mailgun.js)', "'o:skip-verification': 'yes'", 'skipVerification', 'verification'),
      ],
    ),
  ],
});

cjsTester.run('no-insecure-transport: HTTP API clients in CommonJS (espree)', rule, {
  valid: [`const { ServerClient } = require('postmark');\nmodule.exports = new ServerClient(process.env.TOKEN);`],
  invalid: [
    invalid(
      'destructured require',
      `const { ServerClient } = require('postmark');
module.exports = new ServerClient(process.env.TOKEN, { useHttps: false });`,
      (code) => [setting(code, 'useHttps: false', 'Postmark', 'useHttps: false', 'postmark', 'remove')],
    ),
  ],
});

jsTester.run('no-insecure-transport: emailjs in plain JS (espree)', rule, {
  valid: [`import { SMTPClient } from 'emailjs';\nexport default new SMTPClient({ host: 'smtp.example.com', tls: true });`],
  invalid: [
    invalid(
      'client in a class field',
      `import { SMTPClient } from 'emailjs';
export class Mailer { client = new SMTPClient({ host: 'smtp.example.com', ssl: { rejectUnauthorized: false } }); }`,
      (code) => [setting(code, 'rejectUnauthorized: false', 'emailjs', 'ssl.rejectUnauthorized: false', 'rejectUnauthorized', 'verification')],
    ),
  ],
});
