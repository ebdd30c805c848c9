// Forms found while testing the SDK matrices: TypeScript's `import x = require()`, SendGrid's
// array of messages, and values that only look like one address.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, tsTester } from '../../helpers.js';

/**
 * A report on `text`: the flag suggestions first, then the one that renames its key `from` to `to`
 * (`null` where the provider rejects a message without the field, so the move is not offered).
 */
const report = (
  code: string,
  text: string,
  sdk: string,
  field: string,
  fix: string,
  rename: [from: string, to: string] | null,
  flags: { messageId: 'setFlag'; data: { flag: string }; output: string }[] = [],
) => ({
  messageId: 'exposedList' as const,
  data: { sdk, field, fix },
  ...at(code, text),
  suggestions: [
    ...flags,
    ...(rename
      ? [{ messageId: 'moveToBcc' as const, data: { bcc: rename[1], field }, output: code.replace(text, text.replace(rename[0], rename[1])) }]
      : []),
  ],
});

const sendgridFix =
  'Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.';
const sesFix =
  'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkTemplatedEmail` (v1) / `SendBulkEmail` (v2), at most 50 destinations a call.';
const nodemailerFix =
  'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const mailgunFix =
  "Add `'recipient-variables'` (a JSON object keyed by address) so Mailgun sends each `to` address its own copy, at most 1,000 a call, or put the list in `bcc` and keep an address in `to`, such as your own: Mailgun rejects a message without one.";

const cases = {
  importEqualsSendgrid: "import sgMail = require('@sendgrid/mail');\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.send({ to: users });",
  importEqualsAws: "import AWS = require('aws-sdk');\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new AWS.SES().sendEmail({ Destination: { ToAddresses: users } });",
  sendArray: "import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.send([{ to: users }, { to: 'a@x.io' }]);",
  newSet: "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const f = (users: { email: string }[]) => t.sendMail({ to: [...new Set(users.map((u) => u.email))] });",
  objectKeysParam: "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const f = (byEmail: Record<string, number>) => t.sendMail({ cc: Object.keys(byEmail) });",
  defaultAsNamed: "import { default as nm } from 'nodemailer';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => nm.createTransport({}).sendMail({ to: list });",
  recipientVariablesUndefined: "import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });\nexport const f = (users: string[] = db.users.map((u) => u.email)) => mg.messages.create('d', { to: users, 'recipient-variables': undefined });",
};

tsTester.run('no-exposed-recipients: more forms', rule, {
  valid: [
    // An unknown isMultiple argument may be true: silent, like an unknown `isMultiple` property.
    "import sgMail from '@sendgrid/mail';\nexport const f = (users: string[], each: boolean) => sgMail.send({ to: users }, each);",
    // One message per element of the array: nothing shared.
    "import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.send(users.map((to) => ({ to, from: 'a@x.io' })));",
  ],
  invalid: [
    {
      code: cases.importEqualsSendgrid,
      errors: [
        report(cases.importEqualsSendgrid, 'to: users', 'SendGrid (@sendgrid/mail)', 'to', sendgridFix, null, [
          { messageId: 'setFlag', data: { flag: 'isMultiple: true' }, output: cases.importEqualsSendgrid.replace('{ to: users }', '{ isMultiple: true, to: users }') },
        ]),
      ],
    },
    {
      code: cases.importEqualsAws,
      errors: [report(cases.importEqualsAws, 'ToAddresses: users', 'Amazon SES (aws-sdk v2)', 'Destination.ToAddresses', sesFix, ['ToAddresses', 'BccAddresses'])],
    },
    {
      code: cases.sendArray,
      errors: [
        report(cases.sendArray, 'to: users', 'SendGrid (@sendgrid/mail)', 'to', sendgridFix, null, [
          { messageId: 'setFlag', data: { flag: 'isMultiple: true' }, output: cases.sendArray.replace('[{ to: users }', '[{ isMultiple: true, to: users }') },
        ]),
      ],
    },
    { code: cases.newSet, errors: [report(cases.newSet, 'to: [...new Set(users.map((u) => u.email))]', 'nodemailer', 'to', nodemailerFix, ['to', 'bcc'])] },
    { code: cases.objectKeysParam, errors: [report(cases.objectKeysParam, 'cc: Object.keys(byEmail)', 'nodemailer', 'cc', nodemailerFix, ['cc', 'bcc'])] },
    { code: cases.defaultAsNamed, errors: [report(cases.defaultAsNamed, 'to: list', 'nodemailer', 'to', nodemailerFix, ['to', 'bcc'])] },
    {
      code: cases.recipientVariablesUndefined,
      errors: [report(cases.recipientVariablesUndefined, 'to: users', 'Mailgun (mailgun.js)', 'to', mailgunFix, null)],
    },
  ],
});
