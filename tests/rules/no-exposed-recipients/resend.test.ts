import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'Resend';
const fix =
  'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.';

type Report = [field: string, text: string, bcc?: boolean];

const { invalid } = exposedReports(sdk, fix, { required: ['to'] });

const to: Report = ['to', 'to: users.map((u) => u.email)'];

// Resend has a named export only: every form reaches the Resend class.
const importForms: [string, string][] = [
  ['named import', "import { Resend } from 'resend';\nconst resend = new Resend('re_123');"],
  ['aliased import', "import { Resend as Mailer } from 'resend';\nconst resend = new Mailer(process.env.RESEND_API_KEY);"],
  ['namespace import', "import * as R from 'resend';\nconst resend = new R.Resend();"],
  ['require', "const R = require('resend');\nconst resend = new R.Resend('re_123');"],
  ['destructured require', "const { Resend } = require('resend');\nconst resend = new Resend('re_123');"],
  ['`as` and `!`', "import { Resend } from 'resend';\nconst resend = (new Resend('re_123') as Resend)!;"],
  ['a Resend type annotation', "import type { Resend } from 'resend';\ndeclare const resend: Resend;"],
  ['a factory function', "import { Resend } from 'resend';\nconst make = () => new Resend('re_123');\nconst resend = make();"],
];

tsTester.run('no-exposed-recipients: Resend import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }, team: string[] = db.users.map((u) => u.email)) => resend.emails.send({ from: 'a@x.io', to: u.email, bcc: team, subject: 'Hi', html: '' });`,
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => resend.batch.send(users.map((u) => ({ from: 'a@x.io', to: u.email, subject: 'Hi', html: '' })));`,
  ]),
  invalid: importForms.map(([name, setup]) =>
    invalid(
      name,
      `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => resend.emails.send({ from: 'a@x.io', to: users.map((u) => u.email), subject: 'Hi', html: '' });`,
      [to],
    ),
  ),
});

tsTester.run('no-exposed-recipients: Resend messages and clients held elsewhere', rule, {
  valid: [
    // A local function named send.
    `function send(m: { to: string[] }) {}\nexport const f = (users: string[] = db.users.map((u) => u.email)) => send({ to: users });`,
    // A local class with the SDK's name and shape.
    `class Resend { emails = { send(m: unknown) {} }; }\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new Resend().emails.send({ to: users });`,
    // A shadowed binding.
    `import { Resend } from 'resend';\nexport function f(resend: { emails: { send(m: unknown): void } }, users: string[] = db.users.map((u) => u.email)) { return resend.emails.send({ to: users }); }`,
    // An unrelated send.
    `import { Resend } from 'resend';\ndeclare const ws: { send(m: unknown): void };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => ws.send({ to: users });`,
    // A local type named Resend proves nothing.
    `type Resend = { emails: { send(m: unknown): void } };\nexport const f = (r: Resend, users: string[] = db.users.map((u) => u.email)) => r.emails.send({ to: users });`,
    // One email per recipient with batch.create.
    `import { Resend } from 'resend';\nconst resend = new Resend();\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => resend.batch.create(users.map((u) => ({ from: 'a@x.io', to: [u.email], subject: 'Hi' })));`,
    // A fixed list is not reported by default.
    `import { Resend } from 'resend';\nnew Resend().emails.send({ from: 'a@x.io', to: ['ops@x.io', 'cto@x.io'], subject: 'Hi', html: '' });`,
  ],
  invalid: [
    invalid(
      'emails.create',
      `import { Resend } from 'resend';
const resend = new Resend('re_123');
export const f = (ids: string[] = db.users.map((u) => u.email)) => resend.emails.create({ from: 'a@x.io', to: ids, subject: 'Hi', html: '' });`,
      [['to', 'to: ids']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { Resend } from 'resend';
export class Mailer {
  private resend = new Resend('re_123');
  notify(users: string[] = db.users.map((u) => u.email)) { return this.resend?.emails.send({ from: 'a@x.io', to: 'me@x.io', cc: users, subject: 'Hi', html: '' }); }
}`,
      [['cc', 'cc: users']],
    ),
    invalid(
      '`this.x` set in the constructor, and the emails resource in a variable',
      `import * as R from 'resend';
class Mailer {
  constructor() { this.resend = new R.Resend(); }
  notify(set: Set<string> = db.users.map((u) => u.email)) {
    const emails = this.resend.emails;
    return emails.send({ from: 'a@x.io', to: [...set], subject: 'Hi', html: '' });
  }
}`,
      [['to', 'to: [...set]']],
    ),
    invalid(
      'a constructor parameter property typed Resend, a message built in a loop',
      `import { Resend } from 'resend';
export class Mailer {
  constructor(private readonly resend: Resend) {}
  async digest(users: { email: string }[] = db.users.map((u) => u.email)) {
    const addresses = [];
    for (const u of users) addresses.push(u.email);
    const email = { from: 'a@x.io', to: addresses, bcc: 'audit@x.io', subject: 'Digest', html: '' };
    await this.resend.emails.send(email);
  }
}`,
      [['to', 'to: addresses', false]],
    ),
    invalid(
      'batch.send with one email holding the whole list',
      `import { Resend } from 'resend';
const resend = new Resend('re_123');
export const f = (users: { email: string }[] = db.users.map((u) => u.email)) => resend.batch.send([{ from: 'a@x.io', to: users.map((u) => u.email), subject: 'Hi', html: '' }]);`,
      [to],
    ),
    invalid(
      'batch.create with a shared cc in every email',
      `import { Resend } from 'resend';
const resend = new Resend('re_123');
export const f = (users: { email: string }[] = db.users.map((u) => u.email), managers: string[] = db.users.map((u) => u.email)) =>
  resend.batch.create(users.map((u) => ({ from: 'a@x.io', to: u.email, cc: managers.filter(Boolean), subject: 'Hi', html: '' })));`,
      [['cc', 'cc: managers.filter(Boolean)']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: Resend in plain ESM JavaScript', rule, {
  valid: [
    "import { Resend } from 'resend';\nconst resend = new Resend();\nexport const f = (users) => resend.batch.send(users.map((u) => ({ from: 'a@x.io', to: u.email })));",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      "import { Resend } from 'resend';\nconst resend = new Resend();\nexport const f = (users) => resend.emails.send({ from: 'a@x.io', to: users.map((u) => u.email) });",
      [to],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Resend in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { Resend: class { emails = { send() {} } } }; }\nconst { Resend } = require('resend');\nmodule.exports = (users = db.users.map((u) => u.email)) => new Resend().emails.send({ to: users.map((u) => u.email) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const { Resend } = require('resend');\nconst resend = new Resend(process.env.RESEND_API_KEY);\nmodule.exports = (users = db.users.map((u) => u.email)) => resend.emails.send({ from: 'a@x.io', to: users.map((u) => u.email) });",
      [to],
    ),
  ],
});
