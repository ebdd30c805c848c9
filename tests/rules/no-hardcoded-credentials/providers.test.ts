import rule from '../../../src/rules/no-hardcoded-credentials.js';
import { cjsTester, jsTester, tsTester } from '../../helpers.js';
import { fallback, hardcoded, invalid } from './helpers.js';

tsTester.run('no-hardcoded-credentials: SendGrid, Resend, Postmark', rule, {
  valid: [
    `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey(process.env.SENDGRID_API_KEY!);`,
    `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('SG.xxxxxxxx');`,
    `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('<your-api-key>');`,
    `import { Resend } from 'resend';\nnew Resend(process.env.RESEND_API_KEY);\nnew Resend();\nnew Resend('re_123456789_xxxxxxxx');`,
    // Too short to be a real key: example values.
    `import { Resend } from 'resend';\nimport Mailjet from 'node-mailjet';\nnew Resend('re_123');\nnew Mailjet({ apiKey: 'k', apiSecret: 's' });`,
    `import { ServerClient } from 'postmark';\nnew ServerClient(process.env.POSTMARK_SERVER_TOKEN!);`,
    // Look-alikes: a local client with setApiKey, an unrelated Resend class.
    `const sgMail = { setApiKey(k: string) {} };\nsgMail.setApiKey('SG.abcdefghijklmnop.qrstuvwxyz');`,
    `class Resend { constructor(k: string) {} }\nnew Resend('re_live_abcdef123');`,
  ],
  invalid: [
    invalid(
      'SendGrid setApiKey, on the singleton and on a MailService',
      `import sgMail, { MailService } from '@sendgrid/mail';
sgMail.setApiKey('SG.abcdefghijklmnop.qrstuvwxyz');
const service = new MailService();
service.setApiKey(process.env.SENDGRID_KEY || 'SG.fallbackfallback.key');
service.setTwilioEmailAuth('user', 'twilio-pass-1');`,
      (c) => [
        hardcoded(c, "'SG.abcdefghijklmnop.qrstuvwxyz'", 'SendGrid (@sendgrid/mail)', 'API key'),
        fallback(c, "'SG.fallbackfallback.key'", 'SendGrid (@sendgrid/mail)', 'API key', 'process.env.SENDGRID_KEY'),
        hardcoded(c, "'twilio-pass-1'", 'SendGrid (@sendgrid/mail)', 'Twilio password'),
      ],
    ),
    invalid(
      'Resend key in a constant',
      `import { Resend } from 'resend';
const RESEND_KEY = 're_live_abcdef123';
export const resend = new Resend(RESEND_KEY);`,
      (c) => [hardcoded(c, "'re_live_abcdef123'", 'Resend', 'API key')],
    ),
    invalid(
      'Postmark server token',
      `import * as postmark from 'postmark';
export const client = new postmark.ServerClient('8f2b1c4e-1111-2222-3333-444455556666');`,
      (c) => [hardcoded(c, "'8f2b1c4e-1111-2222-3333-444455556666'", 'Postmark', 'server token')],
    ),
  ],
});

tsTester.run('no-hardcoded-credentials: Mailgun, Mandrill, Mailjet', rule, {
  valid: [
    `import Mailgun from 'mailgun.js';\nnew Mailgun(FormData).client({ username: 'api', key: process.env.MAILGUN_API_KEY! });`,
    `import mailchimp from '@mailchimp/mailchimp_transactional';\nmailchimp(process.env.MANDRILL_KEY!);`,
    // The Mailjet API key is the public half of the pair.
    `import Mailjet from 'node-mailjet';\nnew Mailjet({ apiKey: 'public-key-123', apiSecret: process.env.MJ_SECRET });`,
  ],
  invalid: [
    invalid(
      'mailgun.js key, mailgun-js apiKey',
      `import Mailgun from 'mailgun.js';
import mailgunJs from 'mailgun-js';
const mg = new Mailgun(FormData).client({ username: 'api', key: 'key-0123456789abcdef' });
const legacy = mailgunJs({ apiKey: 'legacy-0123456789', domain: 'mg.example.com' });`,
      (c) => [
        hardcoded(c, "'key-0123456789abcdef'", 'Mailgun (mailgun.js)', 'API key'),
        hardcoded(c, "'legacy-0123456789'", 'Mailgun (mailgun-js)', 'API key'),
      ],
    ),
    invalid(
      'Mandrill, both packages',
      `import mailchimp from '@mailchimp/mailchimp_transactional';
import { Mandrill } from 'mandrill-api';
export const a = mailchimp('md-abcdefghijk');
export const b = new Mandrill('md-lmnopqrstuv');`,
      (c) => [
        hardcoded(c, "'md-abcdefghijk'", 'Mandrill (@mailchimp/mailchimp_transactional)', 'API key'),
        hardcoded(c, "'md-lmnopqrstuv'", 'Mandrill (mandrill-api)', 'API key'),
      ],
    ),
    invalid(
      'Mailjet secret and token, and node-mailjet 3\'s `connect`',
      `import Mailjet from 'node-mailjet';
export const a = new Mailjet({ apiKey: 'public', apiSecret: 'mj-secret-123' });
export const b = Mailjet.apiConnect(process.env.MJ_KEY!, process.env.MJ_SECRET || 'mj-secret-456');
export const c = new Mailjet({ apiToken: 'mj-token-789' });
export const d = Mailjet.connect('public', 'mj-secret-v3');`,
      (c) => [
        hardcoded(c, "'mj-secret-123'", 'Mailjet (node-mailjet)', 'apiSecret'),
        fallback(c, "'mj-secret-456'", 'Mailjet (node-mailjet)', 'API secret', 'process.env.MJ_SECRET'),
        hardcoded(c, "'mj-token-789'", 'Mailjet (node-mailjet)', 'apiToken'),
        hardcoded(c, "'mj-secret-v3'", 'Mailjet (node-mailjet)', 'API secret'),
      ],
    ),
  ],
});

tsTester.run('no-hardcoded-credentials: Brevo, SparkPost, MailerSend, Mailtrap, ZeptoMail', rule, {
  valid: [
    `import { BrevoClient } from '@getbrevo/brevo';\nnew BrevoClient({ apiKey: process.env.BREVO_API_KEY! });`,
    `import { BrevoClient } from '@getbrevo/brevo';\nnew BrevoClient({ apiKey: 'xkeysib-xxxxxxxx' });`,
    `import SparkPost from 'sparkpost';\nnew SparkPost();\nnew SparkPost({ origin: 'https://api.eu.sparkpost.com' });`,
    `import { MailtrapClient } from 'mailtrap';\nnew MailtrapClient({ token: process.env.MAILTRAP_TOKEN! });`,
  ],
  invalid: [
    invalid(
      'Brevo v6, v2 setApiKey, and the sib-api-v3-sdk ApiClient',
      `import { BrevoClient, TransactionalEmailsApi } from '@getbrevo/brevo';
const SibApiV3Sdk = require('sib-api-v3-sdk');
export const client = new BrevoClient({ apiKey: 'xkeysib-0123456789abcdef-AbCdEf' });
const api = new TransactionalEmailsApi();
api.setApiKey(0, 'xkeysib-legacy0123456789');
const defaultClient = SibApiV3Sdk.ApiClient.instance;
defaultClient.authentications['api-key'].apiKey = 'xkeysib-sib0123456789';`,
      (c) => [
        hardcoded(c, "'xkeysib-0123456789abcdef-AbCdEf'", 'Brevo (@getbrevo/brevo)', 'API key'),
        hardcoded(c, "'xkeysib-legacy0123456789'", 'Brevo (@getbrevo/brevo)', 'API key'),
        hardcoded(c, "'xkeysib-sib0123456789'", 'Brevo (sib-api-v3-sdk)', 'API key'),
      ],
    ),
    invalid(
      'SparkPost, MailerSend, Mailtrap, ZeptoMail',
      `import SparkPost from 'sparkpost';
import { MailerSend } from 'mailersend';
import { MailtrapClient } from 'mailtrap';
import { SendMailClient } from 'zeptomail';
export const a = new SparkPost('sp-0123456789abcdef', { origin: 'https://api.sparkpost.com' });
export const b = new MailerSend({ apiKey: 'mlsn.0123456789abcdef' });
export const c = new MailtrapClient({ token: 'mt-0123456789abcdef' });
export const d = new SendMailClient({ url: 'api.zeptomail.com/', token: 'Zoho-enczapikey wSsVR61abcdef' });`,
      (c) => [
        hardcoded(c, "'sp-0123456789abcdef'", 'SparkPost', 'API key'),
        hardcoded(c, "'mlsn.0123456789abcdef'", 'MailerSend', 'API key'),
        hardcoded(c, "'mt-0123456789abcdef'", 'Mailtrap', 'API token'),
        hardcoded(c, "'Zoho-enczapikey wSsVR61abcdef'", 'ZeptoMail', 'send mail token'),
      ],
    ),
  ],
});

tsTester.run('no-hardcoded-credentials: Azure, SES, emailjs', rule, {
  valid: [
    `import { EmailClient } from '@azure/communication-email';\nnew EmailClient('https://my.communication.azure.com', credential);\ndeclare const credential: any;`,
    `import { EmailClient } from '@azure/communication-email';\nnew EmailClient(process.env.AZURE_CONNECTION_STRING!);`,
    `import { SESClient } from '@aws-sdk/client-ses';\nnew SESClient({ region: 'eu-west-1' });\nnew SESClient({ region: 'eu-west-1', credentials: { accessKeyId: process.env.A!, secretAccessKey: process.env.S! } });`,
    // The access key id alone is an identifier, not the secret.
    `import { SESClient } from '@aws-sdk/client-ses';\nnew SESClient({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: process.env.S! } });`,
    `import { SMTPClient } from 'emailjs';\nnew SMTPClient({ host: 'localhost', user: 'dev', password: 'dev-password' });`,
  ],
  invalid: [
    invalid(
      'Azure connection string and key credential',
      `import { EmailClient } from '@azure/communication-email';
import { AzureKeyCredential } from '@azure/core-auth';
export const a = new EmailClient('endpoint=https://my.communication.azure.com/;accesskey=AbCdEf0123456789==');
export const b = new EmailClient('https://my.communication.azure.com', new AzureKeyCredential('AzKey0123456789=='));`,
      (c) => [
        hardcoded(c, "'endpoint=https://my.communication.azure.com/;accesskey=AbCdEf0123456789=='", 'Azure Communication Email', 'connection string access key'),
        hardcoded(c, "'AzKey0123456789=='", 'Azure Communication Email', 'access key'),
      ],
    ),
    invalid(
      'AWS credentials for SES, v1, v2 and aws-sdk',
      `import { SESClient } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import AWS from 'aws-sdk';
export const a = new SESClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY' } });
export const b = new SESv2Client({ credentials: { accessKeyId: 'AKIA2', secretAccessKey: 'v2-secret-key-0123', sessionToken: 'session-token-0123' } });
export const c = new AWS.SES({ accessKeyId: 'AKIA3', secretAccessKey: 'v2sdk-secret-0123' });`,
      (c) => [
        hardcoded(c, "'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'", 'Amazon SES (@aws-sdk/client-ses)', 'credentials.secretAccessKey'),
        hardcoded(c, "'v2-secret-key-0123'", 'Amazon SES v2 (@aws-sdk/client-sesv2)', 'credentials.secretAccessKey'),
        hardcoded(c, "'session-token-0123'", 'Amazon SES v2 (@aws-sdk/client-sesv2)', 'credentials.sessionToken'),
        hardcoded(c, "'v2sdk-secret-0123'", 'Amazon SES (aws-sdk v2)', 'secretAccessKey'),
      ],
    ),
    invalid(
      'emailjs password',
      `import { SMTPClient } from 'emailjs';
export const client = new SMTPClient({ host: 'smtp.example.com', user: 'app', password: 'emailjs-pass-1', ssl: true });`,
      (c) => [hardcoded(c, "'emailjs-pass-1'", 'emailjs', 'password')],
    ),
  ],
});

cjsTester.run('no-hardcoded-credentials: API clients in CommonJS (espree)', rule, {
  valid: [`const sgMail = require('@sendgrid/mail');\nsgMail.setApiKey(process.env.SENDGRID_API_KEY);`],
  invalid: [
    invalid(
      'require and destructured require',
      `const sgMail = require('@sendgrid/mail');
const { Resend } = require('resend');
sgMail.setApiKey('SG.cjs-0123456789');
module.exports = new Resend('re_cjs_0123456789');`,
      (c) => [
        hardcoded(c, "'SG.cjs-0123456789'", 'SendGrid (@sendgrid/mail)', 'API key'),
        hardcoded(c, "'re_cjs_0123456789'", 'Resend', 'API key'),
      ],
    ),
  ],
});

jsTester.run('no-hardcoded-credentials: API clients in plain JS (espree)', rule, {
  valid: [`import { Resend } from 'resend';\nexport default new Resend(process.env.RESEND_API_KEY);`],
  invalid: [
    invalid(
      'client in a class field',
      `import { Resend } from 'resend';
export class Mailer { resend = new Resend('re_field_0123456789'); }`,
      (c) => [hardcoded(c, "'re_field_0123456789'", 'Resend', 'API key')],
    ),
  ],
});
