// Every limit in the SDK data, with a list spelled out or sized by a constant, and a chunk: above
// the limit reported, at the limit silent; individualising flags do not lift a per-request limit.
import rule from '../../../src/rules/respect-provider-limits.js';
import { at, jsTester, tsTester } from '../../helpers.js';
import { addresses, AWS_V2, MAILGUN, MAILJET, messages, POSTMARK, recipients, RESEND, SENDGRID, SES, SES_V2 } from './support.js';

const SES_COUNTED = '`ToAddresses`, `CcAddresses`, `BccAddresses` together';
const SENDGRID_COUNTED = '`to`, `cc`, `bcc` together';

const resend = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');\n";
const postmark = "import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');\n";
const sesV1 = "import { SESClient, SendEmailCommand, SendBulkTemplatedEmailCommand } from '@aws-sdk/client-ses';\nconst ses = new SESClient({});\n";
const sesV2 = "import { SESv2Client, SendEmailCommand, SendBulkEmailCommand } from '@aws-sdk/client-sesv2';\nconst ses = new SESv2Client({});\n";
const awsV2 = "import AWS from 'aws-sdk';\nconst ses = new AWS.SES();\n";
const sendgrid = "import sgMail from '@sendgrid/mail';\nimport { chunk } from 'lodash';\n";
const mailgun = "import Mailgun from 'mailgun.js';\nimport { chunk } from 'lodash';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: process.env.KEY });\n";
const mailjetSetup =
  "import Mailjet from 'node-mailjet';\nimport { chunk } from 'lodash';\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: process.env.SECRET });\n";

const resendTo51 = `${resend}await resend.emails.send({ from: 'a@x.io', to: [${addresses(51)}], subject: 'Hi' });`;
const resendToConst = `${resend}const TEAM = [${addresses(60)}];\nawait resend.emails.send({ to: TEAM, subject: 'Hi' });`;
const resendBatch101 = `${resend}await resend.batch.send([${Array.from({ length: 101 }, (_, i) => `{ to: 'u${i}@x.io' }`).join(', ')}]);`;
const resendBatchMapped = `${resend}const INVITED = [${addresses(120)}];\nawait resend.batch.send(INVITED.map((to) => ({ to, subject: 'Hi' })));`;
const postmarkCc = `${postmark}await client.sendEmail({ From: 'a@x.io', To: 'me@x.io', Cc: '${Array.from({ length: 51 }, (_, i) => `u${i}@x.io`).join(', ')}' });`;
const postmarkBcc = `${postmark}await client.sendEmail({ From: 'a@x.io', To: 'me@x.io', Bcc: [${addresses(70)}].join(',') });`;
const sesV1To = `${sesV1}await ses.send(new SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: [${addresses(51)}] }, Message: {} }));`;
const sesV1Bulk = `${sesV1}import { chunk } from 'lodash';
export async function f(emails) {
  await ses.send(new SendBulkTemplatedEmailCommand({ Template: 't', Destinations: chunk(emails, 75).map((group) => ({ Destination: { BccAddresses: group } })) }));
}`;
const sesV2Bcc = `${sesV2}import { chunk } from 'lodash';
export async function f(emails) {
  for (const group of chunk(emails, 100)) {
    await ses.send(new SendEmailCommand({ Destination: { ToAddresses: ['me@x.io'], BccAddresses: group }, Content: {} }));
  }
}`;
const sesV2Bulk = `${sesV2}export async function f(teams) {
  await ses.send(new SendBulkEmailCommand({ BulkEmailEntries: [{ Destination: { CcAddresses: [${addresses(55)}] } }], DefaultContent: {} }));
}`;
const awsV2To = `${awsV2}export async function f(emails) {
  for (let i = 0; i < emails.length; i += 200) {
    await ses.sendEmail({ Source: 'a@x.io', Destination: { ToAddresses: emails.slice(i, i + 200) }, Message: {} }).promise();
  }
}`;
const sendgridPersonalizations = `${sendgrid}export async function f(users) {
  for (const batch of chunk(users, 1500)) {
    await sgMail.send({ from: 'a@x.io', personalizations: batch.map((u) => ({ to: u.email })), subject: 'Hi', text: 'Hi' });
  }
}`;
const sendgridMultiple = `${sendgrid}export async function f(emails) {
  for (const group of chunk(emails, 2000)) await sgMail.sendMultiple({ from: 'a@x.io', to: group, subject: 'Hi', text: 'Hi' });
}`;
const mailgunTo = `${mailgun}export async function f(users) {
  for (const batch of chunk(users, 5000)) {
    await mg.messages.create('x.io', {
      from: 'a@x.io',
      to: batch.map((u) => u.email),
      'recipient-variables': JSON.stringify(Object.fromEntries(batch.map((u) => [u.email, {}]))),
    });
  }
}`;
const mailjetMessages = `${mailjetSetup}export async function f(users) {
  for (const batch of chunk(users, 150)) {
    await mailjet.post('send', { version: 'v3.1' }).request({ Messages: batch.map((u) => ({ To: [{ Email: u.email }] })) });
  }
}`;

const invalid = [
  { name: 'Resend: 51 addresses in `to`', code: resendTo51, errors: [recipients(resendTo51, `[${addresses(51)}]`, RESEND, { max: 50, count: 51, field: 'to', chunk: false })] },
  {
    name: 'Resend: a constant list of 60 in `to`',
    code: resendToConst,
    errors: [recipients(resendToConst, `[${addresses(60)}]`, RESEND, { max: 50, count: 60, field: 'to', chunk: false })],
  },
  {
    name: 'Resend: 101 emails in one batch call',
    code: resendBatch101,
    errors: [messages(resendBatch101, '[{', RESEND, { max: 100, count: 101, where: 'one `send` call', chunk: false })].map((e) => ({
      ...e,
      ...at(resendBatch101, resendBatch101.slice(resendBatch101.indexOf('[{'), resendBatch101.lastIndexOf(']') + 1)),
    })),
  },
  {
    name: 'Resend: a constant list of 120 mapped into one batch call',
    code: resendBatchMapped,
    errors: [messages(resendBatchMapped, `[${addresses(120)}]`, RESEND, { max: 100, count: 120, where: 'one `send` call', chunk: false })],
  },
  {
    name: 'Postmark: 51 addresses in a comma-separated `Cc`',
    code: postmarkCc,
    errors: [recipients(postmarkCc, postmarkCc.slice(postmarkCc.indexOf("'u0@"), postmarkCc.lastIndexOf("'") + 1), POSTMARK, { max: 50, count: 51, field: 'Cc', chunk: false })],
  },
  {
    name: 'Postmark: 70 joined into `Bcc`',
    code: postmarkBcc,
    errors: [recipients(postmarkBcc, `[${addresses(70)}]`, POSTMARK, { max: 50, count: 70, field: 'Bcc', chunk: false })],
  },
  {
    name: 'SES v1: 51 in `ToAddresses`',
    code: sesV1To,
    errors: [recipients(sesV1To, `[${addresses(51)}]`, SES, { max: 50, count: 51, field: 'Destination.ToAddresses', counted: SES_COUNTED, chunk: false })],
  },
  {
    name: 'SES v1: chunks of 75 in the `BccAddresses` of bulk destinations',
    code: sesV1Bulk,
    errors: [recipients(sesV1Bulk, '75', SES, { max: 50, count: 75, field: 'Destination.BccAddresses', counted: SES_COUNTED, chunk: true })],
  },
  {
    name: 'SES v2: chunks of 100 in `BccAddresses` (hidden recipients count too)',
    code: sesV2Bcc,
    errors: [recipients(sesV2Bcc, '100', SES_V2, { max: 50, count: 100, field: 'Destination.BccAddresses', counted: SES_COUNTED, chunk: true })],
  },
  {
    name: 'SES v2: 55 in the `CcAddresses` of one bulk entry',
    code: sesV2Bulk,
    errors: [recipients(sesV2Bulk, `[${addresses(55)}]`, SES_V2, { max: 50, count: 55, field: 'Destination.CcAddresses', counted: SES_COUNTED, chunk: false })],
  },
  {
    name: 'aws-sdk v2: slices of 200 in `ToAddresses`',
    code: awsV2To,
    errors: [recipients(awsV2To, '200', AWS_V2, { max: 50, count: 200, field: 'Destination.ToAddresses', counted: SES_COUNTED, chunk: true, nth: 1 })],
  },
  {
    name: 'SendGrid: chunks of 1,500 personalizations',
    code: sendgridPersonalizations,
    errors: [messages(sendgridPersonalizations, '1500', SENDGRID, { max: 1000, count: 1500, where: '`personalizations` of one `send` call', chunk: true })],
  },
  {
    name: 'SendGrid: sendMultiple individualises, but 2,000 recipients a request are still too many',
    code: sendgridMultiple,
    errors: [recipients(sendgridMultiple, '2000', SENDGRID, { max: 1000, count: 2000, field: 'to', counted: SENDGRID_COUNTED, chunk: true })],
  },
  {
    name: 'Mailgun: chunks of 5,000 in `to` with recipient-variables',
    code: mailgunTo,
    errors: [recipients(mailgunTo, '5000', MAILGUN, { max: 1000, count: 5000, field: 'to', chunk: true })],
  },
  {
    name: 'Mailjet: chunks of 150 `Messages`',
    code: mailjetMessages,
    errors: [messages(mailjetMessages, '150', MAILJET, { max: 100, count: 150, where: '`Messages` of one `request` call', chunk: true })],
  },
];

const valid = [
  // At the limit.
  `${resend}await resend.emails.send({ to: [${addresses(50)}] });`,
  `${resend}await resend.batch.send([${Array.from({ length: 100 }, (_, i) => `{ to: 'u${i}@x.io' }`).join(', ')}]);`,
  `${postmark}await client.sendEmail({ To: '${Array.from({ length: 50 }, (_, i) => `u${i}@x.io`).join(', ')}' });`,
  `${sesV1}await ses.send(new SendEmailCommand({ Destination: { ToAddresses: [${addresses(50)}] } }));`,
  sendgridPersonalizations.replace('1500', '1000'),
  sendgridMultiple.replace('2000', '1000'),
  mailgunTo.replace('5000', '1000'),
  mailjetMessages.replace('150', '100'),
  // Below it, and lists whose size is data.
  sesV2Bcc.replace('100', '50'),
  awsV2To.replaceAll('200', '50'),
  `${resend}export const f = (users) => resend.emails.send({ to: users.map((u) => u.email) });`,
  `${resend}export const f = (users) => resend.batch.send(users.map((u) => ({ to: u.email })));`,
  // A literal list that is shortened before the send.
  `${resend}const TEAM = [${addresses(60)}];\nTEAM.length = 10;\nawait resend.emails.send({ to: TEAM });`,
  // Resend states no maximum for cc and bcc.
  `${resend}await resend.emails.send({ to: 'me@x.io', bcc: [${addresses(60)}] });`,
  // A provider with no limit in the data.
  `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nawait t.sendMail({ bcc: [${addresses(500)}] });`,
];

tsTester.run('respect-provider-limits: every limit (TS)', rule, { valid, invalid });
jsTester.run('respect-provider-limits: every limit (JS)', rule, { valid, invalid });
