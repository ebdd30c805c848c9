import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const sdk = 'MailerSend';
const fix = 'Send one `EmailParams` per recipient with `mailerSend.email.sendBulk([...])`, or put the list in `bcc` (at most 10) and keep an address in `to`, such as your own: MailerSend rejects an email without one.';
/**
 * An `exposedList` report on `text` in `code`. A setter argument has no key to rename, so it gets
 * no suggestion; a `to`/`cc` property of the constructor's config gets the move to `bcc`.
 */
const exposed = (code: string, text: string, field = 'to', withBcc = false, nth = 0) => ({
  messageId: 'exposedList' as const,
  data: { sdk, field, fix },
  ...at(code, text, nth),
  suggestions: withBcc
    ? [
        {
          messageId: 'moveToBcc' as const,
          data: { bcc: 'bcc', field },
          output: code.replace(text, text.replace(new RegExp(`^${field}\\b`), 'bcc')),
        },
      ]
    : [],
});

/** An invalid case whose reports are written as (field, text) pairs and located in the code. */
const invalid = (
  name: string,
  code: string,
  reports: [field: string, text: string, bcc?: boolean, nth?: number][],
) => ({
  name,
  code,
  errors: reports.map(([field, text, bcc = false, nth = 0]) => exposed(code, text, field, bcc, nth)),
});

const list = 'users.map((u) => new Recipient(u.email, u.name))';
const users = '(users: { email: string; name: string }[] = db.users.map((u) => u.email))';

// mailersend has named exports only (no default export). The body names the classes `EmailParams`
// and `Recipient`; `body` rewrites it for forms that bind other names.
const importForms: [string, string, (code: string) => string][] = [
  ['named imports', "import { MailerSend, EmailParams, Recipient, Sender } from 'mailersend';", (c) => c],
  [
    'aliased imports',
    "import { MailerSend, EmailParams as Params, Recipient as To, Sender } from 'mailersend';",
    (c) => c.replaceAll('new EmailParams(', 'new Params(').replaceAll('new Recipient(', 'new To('),
  ],
  [
    'namespace import',
    "import * as ms from 'mailersend';",
    (c) => c.replaceAll(/new (MailerSend|EmailParams|Recipient|Sender)\(/g, 'new ms.$1('),
  ],
  ['require', "const ms = require('mailersend');", (c) => c.replaceAll(/new (MailerSend|EmailParams|Recipient|Sender)\(/g, 'new ms.$1(')],
  ['destructured require', "const { MailerSend, EmailParams, Recipient, Sender } = require('mailersend');", (c) => c],
];

const client = "const mailerSend = new MailerSend({ apiKey: 'key' });";

tsTester.run('no-exposed-recipients: MailerSend import forms', rule, {
  valid: importForms.map(([, setup, body]) => ({
    // One EmailParams per recipient, sent in bulk.
    code: `${setup}\n${body(`${client}\nexport const f = ${users} => mailerSend.email.sendBulk(users.map((u) => new EmailParams().setFrom(new Sender('a@x.io')).setTo([new Recipient(u.email)])));`)}`,
  })),
  invalid: importForms.map(([name, setup, body]) => {
    const code = `${setup}\n${body(`${client}\nexport const f = ${users} => mailerSend.email.send(new EmailParams().setFrom(new Sender('a@x.io')).setTo(${list}));`)}`;
    return invalid(name, code, [['to', body(list)]]);
  }),
});

const setup = `import { MailerSend, EmailParams, Recipient, Sender } from 'mailersend';\n${client}`;

tsTester.run('no-exposed-recipients: MailerSend EmailParams', rule, {
  valid: [
    // One recipient a message.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => Promise.all(users.map((u) => { const params = new EmailParams(); params.setTo([new Recipient(u.email)]); return mailerSend.email.send(params); }));`,
    `${setup}\nexport const f = (u: { email: string }) => mailerSend.email.send(new EmailParams({ to: [new Recipient(u.email)] }));`,
    // bcc is hidden.
    `${setup}\nexport const f = ${users} => mailerSend.email.send(new EmailParams().setTo([new Recipient('me@x.io')]).setBcc(${list}));`,
    // A fixed list.
    `${setup}\nmailerSend.email.send(new EmailParams().setTo([new Recipient('a@x.io'), new Recipient('b@x.io')]));`,
    // Look-alikes: a local builder class, a shadowed binding, another module's EmailParams.
    `class EmailParams { setTo(r: unknown) { return this; } }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new EmailParams().setTo(list);`,
    `import { EmailParams } from 'mailersend';\nexport function f(EmailParams: any, list: string[] = db.users.map((u) => u.email)) { return new EmailParams().setTo(list); }`,
    `import { EmailParams } from './email';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new EmailParams().setTo(list);`,
    // An unrelated object with email.send.
    `const mailerSend = { email: { send(p: unknown) {} } };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailerSend.email.send({ to: list });`,
  ],
  invalid: [
    invalid(
      'setCc on a builder in a variable',
      `${setup}
export async function f${users} {
  const params = new EmailParams().setFrom(new Sender('a@x.io')).setTo([new Recipient('me@x.io')]);
  params.setCc(${list});
  await mailerSend.email.send(params);
}`,
      [['cc', list]],
    ),
    invalid(
      'an array of recipients filled in a loop',
      `${setup}
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const recipients = [];
  for (const u of users) recipients.push(new Recipient(u.email));
  return mailerSend.email.send(new EmailParams().setTo(recipients));
}`,
      [['to', 'recipients', false, 2]],
    ),
    invalid(
      'the constructor config: `to` is not moved to bcc (MailerSend rejects an email without `to`)',
      `${setup}\nexport const f = ${users} => mailerSend.email.send(new EmailParams({ from: new Sender('a@x.io'), to: ${list} }));`,
      [['to', `to: ${list}`, false]],
    ),
    invalid(
      'the constructor config: `cc` is moved to bcc, `to` kept',
      `${setup}\nexport const f = ${users} => mailerSend.email.send(new EmailParams({ from: new Sender('a@x.io'), to: [new Recipient('me@x.io')], cc: ${list} }));`,
      [['cc', `cc: ${list}`, true]],
    ),
    invalid(
      'a parameter typed with the class, `as` and `!`',
      `import { EmailParams, Recipient } from 'mailersend';\nexport const f = (params: EmailParams, list: string[] = db.users.map((u) => u.email)) => (params as EmailParams)!.setTo(list.map((e) => new Recipient(e)));`,
      [['to', 'list.map((e) => new Recipient(e))']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { MailerSend, EmailParams, Recipient } from 'mailersend';
export class Mailer {
  private params = new EmailParams();
  notify = (list: string[] = db.users.map((u) => u.email)) => this.params?.setCc(list.map((e) => new Recipient(e)));
}`,
      [['cc', 'list.map((e) => new Recipient(e))']],
    ),
    invalid(
      'this.params set in the constructor',
      `import { EmailParams, Recipient } from 'mailersend';
class Mailer {
  constructor() { this.params = new EmailParams(); }
  notify(list: string[] = db.users.map((u) => u.email)) { return this.params.setTo(list.map((e) => new Recipient(e))); }
}`,
      [['to', 'list.map((e) => new Recipient(e))']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: MailerSend in plain ESM JavaScript', rule, {
  valid: [
    "import { EmailParams, Recipient } from 'mailersend';\nexport const f = (u) => new EmailParams().setTo([new Recipient(u.email)]);",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      "import { EmailParams, Recipient } from 'mailersend';\nexport const f = (users) => new EmailParams().setTo(users.map((u) => new Recipient(u.email)));",
      [['to', 'users.map((u) => new Recipient(u.email))']],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: MailerSend in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return {}; }\nconst { EmailParams } = require('mailersend');\nmodule.exports = (list = db.users.map((u) => u.email)) => new EmailParams().setTo(list.map((e) => ({ email: e })));",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const { EmailParams, Recipient } = require('mailersend');\nmodule.exports = (users = db.users.map((u) => u.email)) => new EmailParams().setCc(users.map((u) => new Recipient(u.email)));",
      [['cc', 'users.map((u) => new Recipient(u.email))']],
    ),
  ],
});
