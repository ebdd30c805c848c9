import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const sdk = 'email-templates';
const fix = 'Put the list in `message.bcc`, or call `email.send()` once per recipient on a pooled transport.';
/**
 * An `exposedList` report on `text` (a `to:`/`cc:` property inside `message`) in `code`, with the
 * move-to-bcc suggestion, which renames the key and reports the field as `message.to`.
 */
const exposed = (code: string, text: string, key = 'to', withBcc = true) => {
  const field = `message.${key}`;
  return {
    messageId: 'exposedList' as const,
    data: { sdk, field, fix },
    ...at(code, text),
    suggestions: withBcc
      ? [
          {
            messageId: 'moveToBcc' as const,
            data: { bcc: 'bcc', field },
            output: code.replace(text, text.replace(new RegExp(`^${key}\\b`), 'bcc')),
          },
        ]
      : [],
  };
};

/** An invalid case whose reports are written as (key, text) pairs and located in the code. */
const invalid = (name: string, code: string, reports: [key: string, text: string, bcc?: boolean][]) => ({
  name,
  code,
  errors: reports.map(([key, text, bcc = true]) => exposed(code, text, key, bcc)),
});

// email-templates is CommonJS (`module.exports = Email`): the default import and require give the class.
const importForms: [string, string][] = [
  ['default import', "import Email from 'email-templates';\nconst email = new Email({ transport: { jsonTransport: true } });"],
  ['default import under another name', "import Mailer from 'email-templates';\nconst email = new Mailer({ send: true });"],
  ['require', "const Email = require('email-templates');\nconst email = new Email({ send: true });"],
  ['`as` and `!`', "import Email from 'email-templates';\nconst email = (new Email({ send: true }) as any)!;"],
  ['factory function', "import Email from 'email-templates';\nfunction makeEmail() { return new Email({ send: true }); }\nconst email = makeEmail();"],
];

tsTester.run('no-exposed-recipients: email-templates import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }) => email.send({ template: 'welcome', message: { to: u.email }, locals: { name: 'x' } });`,
    // Lists handed to the template as locals are rendered, not addressed.
    `${setup}\nexport const f = (users: { email: string }[]) => email.send({ template: 'team', message: { to: 'me@x.io' }, locals: { to: users.map((u) => u.email), users } });`,
  ]),
  invalid: importForms.map(([name, setup]) =>
    invalid(
      name,
      `${setup}\nexport const f = (users: { email: string }[]) => email.send({ template: 'news', message: { to: users.map((u) => u.email) }, locals: { users } });`,
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ),
});

tsTester.run('no-exposed-recipients: email-templates messages and instances held elsewhere', rule, {
  valid: [
    // A local class named Email is not email-templates.
    `class Email { send(o: unknown) {} }\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new Email().send({ message: { to: users } });`,
    // A shadowed binding: the parameter is not the import.
    `import Email from 'email-templates';\nexport function f(Email: any, users: string[] = db.users.map((u) => u.email)) { return new Email({}).send({ message: { to: users } }); }`,
    // An unrelated send.
    `import Email from 'email-templates';\nconst email = new Email({});\ndeclare const queue: { send(o: unknown): void };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => queue.send({ message: { to: users } });`,
    // `to` outside `message` is not a recipient field of email-templates.
    `import Email from 'email-templates';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new Email({}).send({ template: 'x', to: users, message: { to: 'me@x.io' } });`,
    // The list in bcc, with the constructor's defaults.
    `import Email from 'email-templates';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new Email({ message: { from: 'me@x.io', to: 'me@x.io', bcc: users } });`,
    // render() only renders a template.
    `import Email from 'email-templates';\nconst email = new Email({});\nexport const f = (users: string[] = db.users.map((u) => u.email)) => email.render('news/html', { to: users });`,
    // A fixed list is not reported by default.
    `import Email from 'email-templates';\nnew Email({}).send({ template: 'x', message: { to: ['a@x.io', 'b@x.io'], cc: 'c@x.io, d@x.io' } });`,
  ],
  invalid: [
    invalid(
      "constructor defaults: a `to` in the constructor's message goes to every send",
      `import Email from 'email-templates';
export const build = (admins: string[] = db.users.map((u) => u.email)) => new Email({ message: { from: 'me@x.io', to: admins }, send: true });`,
      [['to', 'to: admins']],
    ),
    invalid(
      'cc in the message',
      `const Email = require('email-templates');
const email = new Email({});
declare const team: Set<string>;
email.send({ template: 'report', message: { to: 'me@x.io', cc: [...team] } });`,
      [['cc', 'cc: [...team]']],
    ),
    invalid(
      'a message held in a variable, filled by push in a loop',
      `import Email from 'email-templates';
const email = new Email({});
export async function digest(users: { email: string }[]) {
  const addresses = [];
  for (const u of users) addresses.push(u.email);
  const message = { from: 'me@x.io', to: addresses };
  await email.send({ template: 'digest', message, locals: { users } });
}`,
      [['to', 'to: addresses']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import Email from 'email-templates';
export class Mailer {
  private email = new Email({ send: true });
  notify = (users: string[] = db.users.map((u) => u.email)) => this.email?.send({ template: 'x', message: { to: users.join(',') } });
}`,
      [['to', "to: users.join(',')"]],
    ),
    invalid(
      'this.email set in the constructor',
      `import Email from 'email-templates';
declare const byEmail: Record<string, unknown>;
class Mailer {
  constructor() { this.email = new Email({}); }
  notify() { return this.email.send({ template: 'x', message: { to: Object.keys(byEmail) } }); }
}`,
      [['to', 'to: Object.keys(byEmail)']],
    ),
    invalid(
      'parameter annotated with the class (the @types/email-templates default export)',
      `import type Email from 'email-templates';
export const f = (email: Email, users: { email: string }[]) => email.send({ template: 'x', message: { cc: users.filter(Boolean).map((u) => u.email) } });`,
      [['cc', 'cc: users.filter(Boolean).map((u) => u.email)']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: email-templates in plain ESM JavaScript', rule, {
  valid: ["import Email from 'email-templates';\nnew Email({}).send({ template: 'x', message: { to: 'a@x.io' } });"],
  invalid: [
    invalid(
      'espree, ESM',
      "import Email from 'email-templates';\nconst email = new Email({ send: true });\nexport const f = (users) => email.send({ template: 'x', message: { to: users.map((u) => u.email) } });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: email-templates in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return class { send() {} }; }\nconst Email = require('email-templates');\nmodule.exports = (users) => new Email({}).send({ message: { to: users.map((u) => u.email) } });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const Email = require('email-templates');\nconst email = new Email({ send: true });\nmodule.exports = (users) => email.send({ template: 'x', message: { to: users.map((u) => u.email) } });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
    invalid(
      'espree, CommonJS, constructor defaults',
      "const Email = require('email-templates');\nmodule.exports = (users) => new Email({ message: { cc: users.map((u) => u.email) } });",
      [['cc', 'cc: users.map((u) => u.email)']],
    ),
  ],
});
