// Type-aware analysis (`useTypeInformation`) on code that imports from the fixture project
// tests/fixtures/typed-project: clients and lists typed in other modules.
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import exposedRecipients from '../../src/rules/no-exposed-recipients.js';
import unbatchedSend from '../../src/rules/no-unbatched-send.js';
import { at } from '../helpers.js';

const tsconfigRootDir = path.resolve(import.meta.dirname, '../fixtures/typed-project');

/**
 * The linted code is a file of the fixture's src/jobs folder that is not on disk: the project
 * service gives it a default project, read with the fixture's tsconfig, where `../mailer.js` and
 * `../db.js` resolve to the fixture's modules. (`'*.ts'` would match only files at the root.)
 */
const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: { allowDefaultProject: ['src/jobs/*.ts'] }, tsconfigRootDir },
  },
});
const filename = 'src/jobs/case.ts';
const typed = [{ useTypeInformation: true }] as [{ useTypeInformation: boolean }];

const nodemailerFix =
  'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const nodemailerBatching =
  'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';

/**
 * An `exposedList` report on `text`, whose key `field` the suggestion renames to `bcc`; no
 * suggestion when the message leaves the function (`moved` false), as code after it may set a bcc.
 */
const exposed = (code: string, text: string, sdk: string, fix: string, field = 'to', moved = true) => ({
  messageId: 'exposedList' as const,
  data: { sdk, field, fix },
  ...at(code, text),
  suggestions: moved
    ? [
        {
          messageId: 'moveToBcc' as const,
          data: { bcc: 'bcc', field },
          output: code.replace(text, text.replace(new RegExp(`^${field}\\b`), 'bcc')),
        },
      ]
    : [],
});

const awaitedList = `import { transporter } from '../mailer.js';
import { subscriberEmails } from '../db.js';
export async function digest(html: string) {
  const recipients = await subscriberEmails();
  await transporter.sendMail({ from: 'digest@example.com', to: recipients, subject: 'Digest', html });
}`;

const annotated = `import type { SendMailOptions } from 'nodemailer';
import { subscriberEmails } from '../db.js';
export async function build(html: string) {
  const emails = await subscriberEmails();
  const mail: SendMailOptions = { to: emails, subject: 'Digest', html };
  return mail;
}`;

const sendgridTyped = (flag: string) => `import type { MailDataRequired } from '@sendgrid/mail';
import { customers } from '../db.js';
export async function statement() {
  const list = await customers();
  const msg: MailDataRequired = { ${flag}from: 'billing@example.com', to: list.map((c) => c.email), subject: 'Statement', text: 'Ready.' };
  return msg;
}`;

typedTester.run('no-exposed-recipients with type information', exposedRecipients, {
  valid: [
    // Without the option the transporter from another module is not known to be nodemailer.
    { name: 'the same code without useTypeInformation', code: awaitedList, filename },
    { name: 'an annotated SendMailOptions without useTypeInformation', code: annotated, filename },
    // Silent as it should be; note that `MailDataRequired` is declared in @sendgrid/helpers, and
    // the same literal without `isMultiple` is not reported either (see the report of this change).
    {
      name: 'MailDataRequired with isMultiple: true',
      code: sendgridTyped('isMultiple: true, '),
      filename,
      options: typed,
    },
    {
      name: 'an object passed to an in-file wrapper that calls sendMultiple',
      code: `import sgMail, { type MailDataRequired } from '@sendgrid/mail';
import { customers } from '../db.js';
function sendEach(msg: MailDataRequired) {
  return sgMail.sendMultiple(msg);
}
export async function statements() {
  const list = await customers();
  await sendEach({ from: 'billing@example.com', to: list.map((c) => c.email), subject: 'Statement', text: 'Ready.' });
}`,
      filename,
      options: typed,
    },
    {
      name: 'a SendMailOptions literal passed to an in-file function that moves `to` into `bcc`',
      code: `import type { SendMailOptions } from 'nodemailer';
import { transporter } from '../mailer.js';
import { subscriberEmails } from '../db.js';
function sendPrivately(options: SendMailOptions) {
  return transporter.sendMail({ from: 'news@example.com', to: 'news@example.com', bcc: options.to, subject: options.subject });
}
export async function news() {
  const emails = await subscriberEmails();
  await sendPrivately({ to: emails, subject: 'News', html: '<p>Hi</p>' });
}`,
      filename,
      options: typed,
    },
    {
      name: 'a tuple of two addresses is a fixed list',
      code: `import { transporter } from '../mailer.js';
import { pagers } from '../db.js';
export async function page(text: string) {
  await transporter.sendMail({ to: pagers, subject: 'Incident', text });
}`,
      filename,
      options: typed,
    },
    {
      name: 'one address from a typed list',
      code: `import { transporter } from '../mailer.js';
import { subscriberEmails } from '../db.js';
export async function first(html: string) {
  const [to] = await subscriberEmails();
  await transporter.sendMail({ to, subject: 'Digest', html });
}`,
      filename,
      options: typed,
    },
  ],
  invalid: [
    {
      name: 'an imported transporter, a string[] from an awaited function',
      code: awaitedList,
      filename,
      options: typed,
      errors: [exposed(awaitedList, 'to: recipients', 'nodemailer', nodemailerFix)],
    },
    {
      name: 'an object literal typed SendMailOptions by a variable annotation',
      code: annotated,
      filename,
      options: typed,
      errors: [exposed(annotated, 'to: emails', 'nodemailer', nodemailerFix, 'to', false)],
    },
  ],
});

const loop = (imports: string, client: string) => `${imports}
import { customers } from '../db.js';
export async function welcomeEach() {
  for (const customer of await customers()) {
    await ${client}.sendMail({ to: customer.email, subject: 'Welcome', text: 'Hello!' });
  }
}`;

const plainLoop = loop("import { transporter } from '../mailer.js';", 'transporter');

typedTester.run('no-unbatched-send with type information', unbatchedSend, {
  valid: [
    { name: 'the imported transporter without useTypeInformation', code: plainLoop, filename },
    {
      name: 'the imported pooled transport (pool: true, rateLimit)',
      code: loop("import { pooled } from '../mailer.js';", 'pooled'),
      filename,
      options: typed,
    },
    {
      name: 'a client from createMailer(), created out of view',
      code: loop("import { createMailer } from '../mailer.js';\nconst mailer = createMailer();", 'mailer'),
      filename,
      options: typed,
    },
  ],
  invalid: [
    {
      name: 'the imported non-pooled transporter in a loop',
      code: plainLoop,
      filename,
      options: typed,
      errors: [
        {
          messageId: 'sequential' as const,
          data: { what: 'This nodemailer send', fix: nodemailerBatching },
          ...at(plainLoop, "transporter.sendMail({ to: customer.email, subject: 'Welcome', text: 'Hello!' })"),
        },
      ],
    },
  ],
});

// SendGrid declares its message types in @sendgrid/helpers, outside the package users import.
const sendgridMessage = `import type { MailDataRequired } from '@sendgrid/mail';
import { customers } from '../db.js';
export async function statements() {
  const list = await customers();
  const msg: MailDataRequired = { from: 'b@x.io', to: list.map((c) => c.email), subject: 'S', text: 'T' };
  return msg;
}`;

typedTester.run('no-exposed-recipients with type information: SendGrid message types', exposedRecipients, {
  valid: [
    {
      name: 'isMultiple: true',
      code: sendgridMessage.replace("subject: 'S'", "subject: 'S', isMultiple: true"),
      filename,
      options: typed,
    },
  ],
  invalid: [
    {
      name: 'a MailDataRequired literal with a list in to',
      code: sendgridMessage,
      filename,
      options: typed,
      errors: [
        {
          messageId: 'exposedList' as const,
          data: {
            sdk: 'SendGrid (@sendgrid/mail)',
            field: 'to',
            fix: 'Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.',
          },
          ...at(sendgridMessage, 'to: list.map((c) => c.email)'),
          // isMultiple only: SendGrid rejects a message without `to`, so no move to bcc.
          suggestions: [
            {
              messageId: 'setFlag' as const,
              data: { flag: 'isMultiple: true' },
              output: sendgridMessage.replace("{ from: 'b@x.io'", "{ isMultiple: true, from: 'b@x.io'"),
            },
          ],
        },
      ],
    },
  ],
});
