// `reportFixedLists` (on in `strict`): a fixed list of more than one address in a visible field is
// reported with its own message: its addresses see each other. Individualising flags still make it
// safe. That `strict` sets it and `recommended` does not is tested in tests/configs.test.ts.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, jsTester, tsTester } from '../../helpers.js';

const on = [{ reportFixedLists: true }] as [{ reportFixedLists: boolean }];

interface Expected {
  readonly sdk: string;
  readonly field: string;
  readonly fix: string;
  readonly count: number;
  /** The hidden field the suggestion renames the key to; none when no suggestion is offered. */
  readonly bcc?: string;
}

/** The `fixedList` report on `text`, with the suggestion that renames its key (the last segment of `field`) to `bcc`. */
function fixed(code: string, text: string, { sdk, field, fix, count, bcc }: Expected) {
  const key = field.slice(field.lastIndexOf('.') + 1);
  return {
    messageId: 'fixedList' as const,
    data: { sdk, field, fix, count },
    ...at(code, text),
    suggestions: bcc
      ? [{ messageId: 'moveToBcc' as const, data: { bcc, field }, output: code.replace(text, text.replace(new RegExp(`^${key}\\b`), bcc)) }]
      : [],
  };
}

const NODEMAILER = {
  sdk: 'nodemailer',
  fix: 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).',
};
const RESEND = {
  sdk: 'Resend',
  fix: 'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.',
};
const POSTMARK = {
  sdk: 'Postmark',
  fix: 'Send one message per recipient with `sendEmailBatch` (at most 500 a call), or put the list in `Bcc` (at most 50 recipients a message) and keep an address in `To`, such as your own: Postmark rejects a message without one.',
};
const SES_V2 = {
  sdk: 'Amazon SES v2 (@aws-sdk/client-sesv2)',
  fix: 'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkEmailCommand` (one `BulkEmailEntries` entry each, 50 a call).',
};
const MAILJET = {
  sdk: 'Mailjet (node-mailjet)',
  fix: 'Give every recipient its own entry in `Messages` (at most 50 a call in v3.1), or put the list in `Bcc` and keep an address in `To`, such as your own: Mailjet rejects a message without one.',
};

const transport = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
const nodemailerArray = `${transport}await transporter.sendMail({ from: 'a@x.io', to: ['ops@x.io', 'cfo@x.io'], subject: 'Report' });`;
const nodemailerComma = `${transport}await transporter.sendMail({ from: 'a@x.io', to: 'ops@x.io', cc: 'a@x.io, b@x.io; c@x.io', subject: 'Report' });`;
const nodemailerObjects = `${transport}await transporter.sendMail({ to: [{ name: 'Ops', address: 'ops@x.io' }, { name: 'CFO', address: 'cfo@x.io' }] });`;
const nodemailerConst = `${transport}const TEAM = ['ops@x.io', 'cfo@x.io', 'cto@x.io'];\nawait transporter.sendMail({ to: TEAM, subject: 'Report' });`;
const resendArray = "import { Resend } from 'resend';\nconst resend = new Resend('re_x');\nawait resend.emails.send({ from: 'a@x.io', to: ['ops@x.io', 'cfo@x.io'], subject: 'Hi', html: '<p>Hi</p>' });";
const sesDestination = `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
const ses = new SESv2Client({});
await ses.send(new SendEmailCommand({ Destination: { ToAddresses: ['ops@x.io', 'cfo@x.io'] }, Content: {} }));`;
const postmarkComma = "import { ServerClient } from 'postmark';\nnew ServerClient('token').sendEmail({ From: 'a@x.io', To: 'ops@x.io, cto@x.io', Subject: 'Hi' });";
const mailjetTo = `import Mailjet from 'node-mailjet';
const mailjet = new Mailjet({ apiKey: 'k', apiSecret: process.env.S });
await mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: 'ops@x.io' }, { Email: 'cfo@x.io' }], Subject: 'Hi' }] });`;

const invalid = [
  {
    name: 'nodemailer: an array of two addresses in `to`',
    code: nodemailerArray,
    options: on,
    errors: [fixed(nodemailerArray, "to: ['ops@x.io', 'cfo@x.io']", { ...NODEMAILER, field: 'to', count: 2, bcc: 'bcc' })],
  },
  {
    name: 'nodemailer: a comma and semicolon separated `cc`',
    code: nodemailerComma,
    options: on,
    errors: [fixed(nodemailerComma, "cc: 'a@x.io, b@x.io; c@x.io'", { ...NODEMAILER, field: 'cc', count: 3, bcc: 'bcc' })],
  },
  {
    name: 'nodemailer: `{ name, address }` entries',
    code: nodemailerObjects,
    options: on,
    errors: [
      fixed(nodemailerObjects, "to: [{ name: 'Ops', address: 'ops@x.io' }, { name: 'CFO', address: 'cfo@x.io' }]", {
        ...NODEMAILER,
        field: 'to',
        count: 2,
        bcc: 'bcc',
      }),
    ],
  },
  {
    name: 'nodemailer: a constant list',
    code: nodemailerConst,
    options: on,
    errors: [fixed(nodemailerConst, 'to: TEAM', { ...NODEMAILER, field: 'to', count: 3, bcc: 'bcc' })],
  },
  {
    name: 'Resend: an array in `to`',
    code: resendArray,
    options: on,
    errors: [fixed(resendArray, "to: ['ops@x.io', 'cfo@x.io']", { ...RESEND, field: 'to', count: 2 }) /* Resend requires `to`: not moved */],
  },
  {
    name: 'SES v2: `Destination.ToAddresses`',
    code: sesDestination,
    options: on,
    errors: [
      fixed(sesDestination, "ToAddresses: ['ops@x.io', 'cfo@x.io']", { ...SES_V2, field: 'Destination.ToAddresses', count: 2, bcc: 'BccAddresses' }),
    ],
  },
  {
    name: 'Postmark: a comma-separated `To`',
    code: postmarkComma,
    options: on,
    errors: [fixed(postmarkComma, "To: 'ops@x.io, cto@x.io'", { ...POSTMARK, field: 'To', count: 2 }) /* Postmark requires `To` */],
  },
  {
    name: 'Mailjet: a `To` array in one `Messages` entry',
    code: mailjetTo,
    options: on,
    errors: [fixed(mailjetTo, "To: [{ Email: 'ops@x.io' }, { Email: 'cfo@x.io' }]", { ...MAILJET, field: 'Messages[].To', count: 2 }) /* Mailjet requires `To` */],
  },
];

const valid = [
  // Off by default.
  nodemailerArray,
  postmarkComma,
  // One address.
  { code: `${transport}await transporter.sendMail({ to: 'ops@x.io', cc: ['cfo@x.io'] });`, options: on },
  // The list in bcc.
  { code: `${transport}await transporter.sendMail({ to: 'me@x.io', bcc: ['ops@x.io', 'cfo@x.io'] });`, options: on },
  // Individualising flags.
  { code: "import sgMail from '@sendgrid/mail';\nsgMail.send({ to: ['a@x.io', 'b@x.io'], isMultiple: true, from: 'me@x.io' });", options: on },
  { code: "import sgMail from '@sendgrid/mail';\nsgMail.sendMultiple({ to: ['a@x.io', 'b@x.io'], from: 'me@x.io' });", options: on },
  {
    code: "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst client = mailchimp('key');\nclient.messages.send({ message: { to: [{ email: 'a@x.io' }, { email: 'b@x.io' }], preserve_recipients: false } });",
    options: on,
  },
  {
    code: "import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: process.env.K });\nmg.messages.create('x.io', { to: ['a@x.io', 'b@x.io'], 'recipient-variables': JSON.stringify({}) });",
    options: on,
  },
  // One `Messages` entry a recipient.
  {
    code: "import Mailjet from 'node-mailjet';\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: process.env.S });\nmailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: 'a@x.io' }] }, { To: [{ Email: 'b@x.io' }] }] });",
    options: on,
  },
  // A literal only shaped like a message is no proof of mail, even with message shapes on.
  {
    code: "export const route = { to: ['/home', '/about'], from: '/', subject: 'nav' };",
    options: [{ reportFixedLists: true, messageShapes: true }] as [{ reportFixedLists: boolean; messageShapes: boolean }],
  },
];

tsTester.run('no-exposed-recipients: reportFixedLists (TS)', rule, { valid, invalid });
jsTester.run('no-exposed-recipients: reportFixedLists (JS)', rule, { valid, invalid });

tsTester.run('no-exposed-recipients: maxFixedRecipients keeps its own message', rule, {
  valid: [],
  invalid: [
    {
      code: nodemailerConst,
      options: [{ reportFixedLists: true, maxFixedRecipients: 2 }],
      errors: [
        {
          messageId: 'fixedListTooLong',
          data: { ...NODEMAILER, field: 'to', count: 3, max: 2 },
          ...at(nodemailerConst, 'to: TEAM'),
          suggestions: [
            { messageId: 'moveToBcc', data: { bcc: 'bcc', field: 'to' }, output: nodemailerConst.replace('to: TEAM', 'bcc: TEAM') },
          ],
        },
      ],
    },
  ],
});
