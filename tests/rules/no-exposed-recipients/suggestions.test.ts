// Issue 22, item 1: a suggestion is offered only when the message it leaves keeps every recipient
// and every earlier and later write of the field it touches. A bcc already there is merged with
// the list, in the form the provider takes; a write or a spread after the change that could undo
// it means no suggestion (the report stays). tests/robustness/suggestions.test.ts applies every
// suggestion of the corpus and reads the resulting messages.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const nodemailer = 'nodemailer';
const nodemailerFix = 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const sendgrid = 'SendGrid (@sendgrid/mail)';
const sendgridFix =
  'Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.';
const postmark = 'Postmark';
const postmarkFix =
  'Send one message per recipient with `sendEmailBatch` (at most 500 a call), or put the list in `Bcc` (at most 50 recipients a message) and keep an address in `To`, such as your own: Postmark rejects a message without one.';
const ses = 'Amazon SES (@aws-sdk/client-ses)';
const sesFix =
  'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkTemplatedEmail` (v1) / `SendBulkEmail` (v2), at most 50 destinations a call.';

const NODEMAILER = "import nodemailer from 'nodemailer';\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
const SENDGRID = "import sgMail from '@sendgrid/mail';\n";
const POSTMARK = "import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');\n";
const SES = "import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\nconst ses = new SESClient({});\n";

interface Suggestion {
  readonly messageId: 'moveToBcc' | 'setFlag';
  readonly data: Record<string, string>;
  readonly output: string;
}

/** An `exposedList` report on `text` (the `nth` occurrence), with exactly `suggestions`. */
function report(code: string, text: string, sdk: string, fix: string, field: string, suggestions: Suggestion[], nth = 0) {
  return { messageId: 'exposedList' as const, data: { sdk, field, fix }, ...at(code, text, nth), suggestions };
}

const moveTo = (bcc: string, field: string, output: string): Suggestion => ({ messageId: 'moveToBcc', data: { bcc, field }, output });
const setFlag = (output: string): Suggestion => ({ messageId: 'setFlag', data: { flag: 'isMultiple: true' }, output });

/** A nodemailer case: `body` is the function body of `notify(users, admins)`. */
function smtp(body: string): string {
  return `${NODEMAILER}export async function notify(users: { email: string }[], admins: string[]) {\n${body}\n}`;
}

const list = 'users.map((u) => u.email)';

// --- A bcc written after the change would overwrite the list: no suggestion. ---
const laterWrite = smtp(`  const msg: Record<string, unknown> = { subject: 'News' };
  msg.to = ${list};
  msg.bcc = admins;
  await transport.sendMail(msg);`);
const laterWriteInBranch = smtp(`  const msg: Record<string, unknown> = { subject: 'News' };
  msg.to = ${list};
  if (admins.length) msg.bcc = admins;
  await transport.sendMail(msg);`);
const literalThenWrite = smtp(`  const msg: Record<string, unknown> = { subject: 'News', to: ${list} };
  msg.bcc = admins;
  await transport.sendMail(msg);`);
// The literal with the list is spread into one that sets bcc after it.
const spreadThenBcc = smtp(`  const base = { subject: 'News', to: ${list} };
  await transport.sendMail({ ...base, bcc: admins });`);
// A bcc in a spread before the list: a renamed key would replace it.
const bccInSpread = smtp(`  const base = { subject: 'News', bcc: admins };
  await transport.sendMail({ ...base, to: ${list} });`);
// A spread whose keys are unknown may hold a bcc.
const unknownSpread = smtp(`  await transport.sendMail({ to: ${list}, ...extra() });`).replace('export async', 'declare function extra(): object;\nexport async');
// The message is handed to other code before the send, which may set a bcc.
const handedOver = smtp(`  const msg: Record<string, unknown> = { subject: 'News', to: ${list} };
  addAudit(msg);
  await transport.sendMail(msg);`).replace('export async', 'declare function addAudit(m: object): void;\nexport async');
// A computed key may be bcc.
const computedKey = smtp(`  const key = admins.length ? 'bcc' : 'replyTo';
  await transport.sendMail({ to: ${list}, [key]: admins });`);

// --- A bcc written before the change, or next to it: merged. ---
const earlierWrite = smtp(`  const msg: Record<string, unknown> = { subject: 'News' };
  msg.bcc = admins;
  msg.to = ${list};
  await transport.sendMail(msg);`);
const bccInLiteral = smtp(`  await transport.sendMail({ to: ${list}, bcc: admins, subject: 'News' });`);
const bccStringInLiteral = smtp(`  await transport.sendMail({ cc: ${list}, bcc: 'audit@example.com', to: 'me@example.com' });`);
const bccFirstInVariable = smtp(`  const msg = { bcc: ['audit@example.com'], subject: 'News' } as Record<string, unknown>;
  msg.to = ${list};
  await transport.sendMail(msg);`);

// --- Postmark takes one comma-separated string. ---
const postmarkMerge = `${POSTMARK}export const f = (users: { email: string }[]) =>
  client.sendEmail({ From: 'a@x.io', To: 'me@x.io', Cc: users.map((u) => u.email).join(','), Bcc: 'audit@x.io' });`;

// --- SES: the destination in a variable, BccAddresses set after the change. ---
const sesLater = `${SES}export async function f(users: { email: string }[]) {
  const Destination: Record<string, string[]> = { ToAddresses: users.map((u) => u.email) };
  Destination.BccAddresses = ['audit@x.io'];
  await ses.send(new SendEmailCommand({ Source: 'a@x.io', Destination, Message: {} as any }));
}`;
const sesNested = `${SES}export async function f(users: { email: string }[]) {
  const params = { Source: 'a@x.io', Destination: { ToAddresses: users.map((u) => u.email) }, Message: {} as any };
  (params.Destination as any).BccAddresses = ['audit@x.io'];
  await ses.send(new SendEmailCommand(params));
}`;

// --- SendGrid's isMultiple. ---
const spreadUndoesFlag = `${SENDGRID}export const f = (users: { email: string }[]) => sgMail.send({ from: 'a@x.io', to: ${list}, ...{ isMultiple: false } });`;
const flagWithCc = `${SENDGRID}export const f = (users: { email: string }[]) => sgMail.send({ from: 'a@x.io', to: ${list}, cc: 'boss@x.io' });`;

tsTester.run('no-exposed-recipients: suggestions that keep every recipient', rule, {
  valid: [],
  invalid: [
    { name: 'a later msg.bcc = …: no suggestion', code: laterWrite, errors: [report(laterWrite, `msg.to = ${list}`, nodemailer, nodemailerFix, 'to', [])] },
    {
      name: 'a later msg.bcc = … in a branch: no suggestion',
      code: laterWriteInBranch,
      errors: [report(laterWriteInBranch, `msg.to = ${list}`, nodemailer, nodemailerFix, 'to', [])],
    },
    {
      name: 'the literal, then msg.bcc = …: no suggestion',
      code: literalThenWrite,
      errors: [report(literalThenWrite, `to: ${list}`, nodemailer, nodemailerFix, 'to', [])],
    },
    {
      name: 'spread into a literal that sets bcc after it: no suggestion',
      code: spreadThenBcc,
      errors: [report(spreadThenBcc, `to: ${list}`, nodemailer, nodemailerFix, 'to', [])],
    },
    {
      name: '{ ...base, to } with a bcc in base: no suggestion',
      code: bccInSpread,
      errors: [report(bccInSpread, `to: ${list}`, nodemailer, nodemailerFix, 'to', [])],
    },
    { name: 'a spread of unknown keys: no suggestion', code: unknownSpread, errors: [report(unknownSpread, `to: ${list}`, nodemailer, nodemailerFix, 'to', [])] },
    {
      name: 'the message handed to other code before the send: no suggestion',
      code: handedOver,
      errors: [report(handedOver, `to: ${list}`, nodemailer, nodemailerFix, 'to', [])],
    },
    { name: 'a computed key: no suggestion', code: computedKey, errors: [report(computedKey, `to: ${list}`, nodemailer, nodemailerFix, 'to', [])] },
    {
      name: 'msg.bcc = … before msg.to = list: the write reads the bcc there and adds the list',
      code: earlierWrite,
      errors: [
        report(earlierWrite, `msg.to = ${list}`, nodemailer, nodemailerFix, 'to', [
          moveTo('bcc', 'to', earlierWrite.replace(`msg.to = ${list}`, `msg.bcc = [msg.bcc ?? [], ${list}].flat()`)),
        ]),
      ],
    },
    {
      name: 'a bcc in the same literal: merged',
      code: bccInLiteral,
      errors: [
        report(bccInLiteral, `to: ${list}`, nodemailer, nodemailerFix, 'to', [
          moveTo('bcc', 'to', bccInLiteral.replace(`{ to: ${list}, bcc: admins, subject`, `{ bcc: [admins ?? [], ${list}].flat(), subject`)),
        ]),
      ],
    },
    {
      name: 'a bcc string in the same literal, a cc list: merged',
      code: bccStringInLiteral,
      errors: [
        report(bccStringInLiteral, `cc: ${list}`, nodemailer, nodemailerFix, 'cc', [
          moveTo(
            'bcc',
            'cc',
            bccStringInLiteral.replace(`{ cc: ${list}, bcc: 'audit@example.com', to`, `{ bcc: ['audit@example.com', ${list}].flat(), to`),
          ),
        ]),
      ],
    },
    {
      name: 'a bcc in the literal the variable starts with: the write reads it and adds the list',
      code: bccFirstInVariable,
      errors: [
        report(bccFirstInVariable, `msg.to = ${list}`, nodemailer, nodemailerFix, 'to', [
          moveTo('bcc', 'to', bccFirstInVariable.replace(`msg.to = ${list}`, `msg.bcc = [msg.bcc ?? [], ${list}].flat()`)),
        ]),
      ],
    },
    {
      name: 'Postmark: merged into the comma-separated Bcc',
      code: postmarkMerge,
      errors: [
        report(postmarkMerge, "Cc: users.map((u) => u.email).join(',')", postmark, postmarkFix, 'Cc', [
          moveTo(
            'Bcc',
            'Cc',
            postmarkMerge.replace(
              "Cc: users.map((u) => u.email).join(','), Bcc: 'audit@x.io' }",
              "Bcc: ['audit@x.io', users.map((u) => u.email).join(',')].filter(Boolean).join(', ') }",
            ),
          ),
        ]),
      ],
    },
    {
      name: 'SES: BccAddresses written after the destination: no suggestion',
      code: sesLater,
      errors: [report(sesLater, `ToAddresses: ${list}`, ses, sesFix, 'Destination.ToAddresses', [])],
    },
    {
      name: 'SES: a write into the destination through another path: no suggestion',
      code: sesNested,
      errors: [report(sesNested, `ToAddresses: ${list}`, ses, sesFix, 'Destination.ToAddresses', [])],
    },
    {
      name: 'SendGrid: isMultiple: false in a later spread, the flag goes after it',
      code: spreadUndoesFlag,
      errors: [
        report(spreadUndoesFlag, `to: ${list}`, sendgrid, sendgridFix, 'to', [
          setFlag(spreadUndoesFlag.replace('...{ isMultiple: false } })', '...{ isMultiple: false }, isMultiple: true })')),
        ]),
      ],
    },
    {
      name: 'SendGrid: a cc with the list in to: no isMultiple, which would send the cc twice and be refused',
      code: flagWithCc,
      errors: [report(flagWithCc, `to: ${list}`, sendgrid, sendgridFix, 'to', [])],
    },
  ],
});

// Mandrill's flag sits in `message`: after a spread that sets it, it goes last.
const mandrill = 'Mandrill (@mailchimp/mailchimp_transactional)';
const mandrillFix = 'Set `preserve_recipients: false` so each recipient gets a copy addressed only to them.';
const mandrillUnset =
  'Set `preserve_recipients: false` in the message so each recipient gets a copy addressed only to them; without it the account setting decides.';
const MANDRILL = "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst client = mailchimp('key');\n";
const mandrillFlag = `${MANDRILL}export const f = (users: { email: string }[]) => client.messages.send({ message: { to: users.map((u) => ({ email: u.email })) } });`;
const mandrillSpread = `${MANDRILL}const shared = { preserve_recipients: true, subject: 'Hi' };
export const f = (users: { email: string }[]) => client.messages.send({ message: { to: users.map((u) => ({ email: u.email })), ...shared } });`;
const mandrillReport = (code: string, unset: boolean, output: string) => ({
  messageId: unset ? ('accountDecides' as const) : ('exposedList' as const),
  data: { sdk: mandrill, field: 'message.to', fix: unset ? mandrillUnset : mandrillFix },
  ...at(code, 'to: users.map((u) => ({ email: u.email }))'),
  suggestions: [{ messageId: 'setFlag' as const, data: { flag: 'preserve_recipients: false' }, output }],
});
tsTester.run('no-exposed-recipients: the Mandrill flag where nothing overrides it', rule, {
  valid: [],
  invalid: [
    { code: mandrillFlag, errors: [mandrillReport(mandrillFlag, true, mandrillFlag.replace('{ to: users', '{ preserve_recipients: false, to: users'))] },
    {
      code: mandrillSpread,
      errors: [mandrillReport(mandrillSpread, false, mandrillSpread.replace('...shared } });', '...shared, preserve_recipients: false } });'))],
    },
  ],
});

// The same forms in plain JavaScript (espree) and CommonJS.
const jsLater = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({});
export async function notify(users, admins) {
  const msg = { subject: 'News' };
  msg.to = users.map((u) => u.email);
  msg.bcc = admins;
  await transport.sendMail(msg);
}`;
const jsMerge = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({});
export const notify = (users) => transport.sendMail({ bcc: 'audit@example.com', to: users.map((u) => u.email) });`;
jsTester.run('no-exposed-recipients: suggestions that keep every recipient (JavaScript)', rule, {
  valid: [],
  invalid: [
    { code: jsLater, errors: [report(jsLater, 'msg.to = users.map((u) => u.email)', nodemailer, nodemailerFix, 'to', [])] },
    {
      code: jsMerge,
      errors: [
        report(jsMerge, 'to: users.map((u) => u.email)', nodemailer, nodemailerFix, 'to', [
          moveTo('bcc', 'to', jsMerge.replace("{ bcc: 'audit@example.com', to: users.map((u) => u.email) }", "{ bcc: ['audit@example.com', users.map((u) => u.email)].flat() }")),
        ]),
      ],
    },
  ],
});

const cjsSpread = `const nodemailer = require('nodemailer');
const transport = nodemailer.createTransport({});
const base = { bcc: 'audit@example.com', subject: 'News' };
module.exports = (users) => transport.sendMail({ ...base, to: users.map((u) => u.email) });`;
cjsTester.run('no-exposed-recipients: suggestions that keep every recipient (CommonJS)', rule, {
  valid: [],
  invalid: [{ code: cjsSpread, errors: [report(cjsSpread, 'to: users.map((u) => u.email)', nodemailer, nodemailerFix, 'to', [])] }],
});
