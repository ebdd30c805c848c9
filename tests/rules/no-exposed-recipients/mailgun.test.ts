import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const JS = 'Mailgun (mailgun.js)';
const LEGACY = 'Mailgun (mailgun-js)';
const fix =
  "Add `'recipient-variables'` (a JSON object keyed by address) so Mailgun sends each `to` address its own copy, at most 1,000 a call, or put the list in `bcc` and keep an address in `to`, such as your own: Mailgun rejects a message without one.";

type Report = [field: string, text: string, bcc?: boolean];

const reports = new Map([JS, LEGACY].map((sdk) => [sdk, exposedReports(sdk, fix, { required: ['to'] })]));
/** An invalid case for one of the two Mailgun packages. */
const invalid = (sdk: string, name: string, code: string, found: Report[]) => reports.get(sdk)!.invalid(name, code, found);

const to: Report = ['to', 'to: users.map((u) => u.email)'];

// mailgun.js: every import form reaches the Mailgun class; the client comes from `.client()`.
const jsForms: [string, string][] = [
  ['default import', "import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });"],
  ['`default` imported by name', "import { default as MG } from 'mailgun.js';\nconst mg = new MG(FormData).client({ username: 'api', key: 'k' });"],
  ['namespace import', "import * as mailgun from 'mailgun.js';\nconst mg = new mailgun.default(FormData).client({ username: 'api', key: 'k' });"],
  ['require', "const Mailgun = require('mailgun.js');\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });"],
  ["require(...).default", "const Mailgun = require('mailgun.js').default;\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });"],
  ['destructured require of default', "const { default: Mailgun } = require('mailgun.js');\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });"],
  ['the factory kept in a variable', "import Mailgun from 'mailgun.js';\nconst mailgun = new Mailgun(FormData);\nconst mg = mailgun.client({ username: 'api', key: 'k', url: 'https://api.eu.mailgun.net' });"],
  ['`as` and `!`', "import Mailgun from 'mailgun.js';\nconst mg = (new Mailgun(FormData).client({ username: 'api', key: 'k' }) as any)!;"],
];

tsTester.run('no-exposed-recipients: mailgun.js import forms', rule, {
  valid: jsForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }, team: string[] = db.users.map((u) => u.email)) => mg.messages.create('mg.x.io', { from: 'a@x.io', to: u.email, bcc: team });`,
    // recipient-variables makes every `to` address a separate message.
    `${setup}\nexport const f = (users: { email: string }[]) => mg.messages.create('mg.x.io', { to: users.map((u) => u.email), 'recipient-variables': JSON.stringify({}) });`,
  ]),
  invalid: jsForms.map(([name, setup]) =>
    invalid(
      JS,
      name,
      `${setup}\nexport const f = (users: { email: string }[]) => mg.messages.create('mg.x.io', { from: 'a@x.io', to: users.map((u) => u.email) });`,
      [to],
    ),
  ),
});

tsTester.run('no-exposed-recipients: mailgun.js messages and clients held elsewhere', rule, {
  valid: [
    // The domain is argument 1; only argument 2 is the message.
    `import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });\nexport const f = (domains: string[] = db.users.map((u) => u.email)) => mg.messages.create(domains.join(','), { to: 'a@x.io' });`,
    // A local class with the same shape.
    `class Mailgun { constructor(f: unknown) {} client(o: unknown) { return { messages: { create(d: string, m: unknown) {} } }; } }
export const f = (users: string[] = db.users.map((u) => u.email)) => new Mailgun(FormData).client({}).messages.create('d', { to: users });`,
    // A shadowed binding.
    `import Mailgun from 'mailgun.js';\nexport function f(Mailgun: any, users: string[] = db.users.map((u) => u.email)) { return new Mailgun(FormData).client({}).messages.create('d', { to: users }); }`,
    // An unrelated create.
    `import Mailgun from 'mailgun.js';\ndeclare const db: { messages: { create(d: string, m: unknown): void } };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => db.messages.create('d', { to: users });`,
    // recipient-variables built elsewhere still counts as present.
    `import Mailgun from 'mailgun.js';
const mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });
export function f(users: { email: string; id: string }[]) {
  const vars = Object.fromEntries(users.map((u) => [u.email, { id: u.id }]));
  return mg.messages.create('mg.x.io', { to: users.map((u) => u.email), 'recipient-variables': JSON.stringify(vars) });
}`,
    // A fixed list is not reported by default.
    `import Mailgun from 'mailgun.js';\nnew Mailgun(FormData).client({ username: 'api', key: 'k' }).messages.create('d', { to: ['ops@x.io', 'cto@x.io'] });`,
  ],
  invalid: [
    invalid(
      JS,
      'recipient-variables makes `to` individual, not cc',
      `import Mailgun from 'mailgun.js';
const mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });
export const f = (users: { email: string }[], managers: string[] = db.users.map((u) => u.email)) =>
  mg.messages.create('mg.x.io', { to: users.map((u) => u.email), cc: managers, 'recipient-variables': '{}' });`,
      [['cc', 'cc: managers']],
    ),
    invalid(
      JS,
      'class field with an initialiser, and optional chaining',
      `import Mailgun from 'mailgun.js';
export class Mailer {
  private mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });
  notify(users: string[] = db.users.map((u) => u.email)) { return this.mg?.messages.create('mg.x.io', { to: users.join(',') }); }
}`,
      [['to', "to: users.join(',')"]],
    ),
    invalid(
      JS,
      '`this.x` set in the constructor, and a message built in a variable',
      `import Mailgun from 'mailgun.js';
class Mailer {
  constructor(key: string) { this.mg = new Mailgun(FormData).client({ username: 'api', key }); }
  async digest(users: { email: string }[]) {
    const addresses = [];
    for (const u of users) addresses.push(u.email);
    const data = { from: 'a@x.io', to: addresses, bcc: 'audit@x.io' };
    await this.mg.messages.create('mg.x.io', data);
  }
}`,
      [['to', 'to: addresses', false]],
    ),
  ],
});

// mailgun-js: a factory that works with and without `new`.
const legacyForms: [string, string][] = [
  ['require, called', "const mailgun = require('mailgun-js')({ apiKey: 'k', domain: 'mg.x.io' });"],
  ['require, constructed', "const Mailgun = require('mailgun-js');\nconst mailgun = new Mailgun({ apiKey: 'k', domain: 'mg.x.io' });"],
  ['require kept, then called', "const makeMailgun = require('mailgun-js');\nconst mailgun = makeMailgun({ apiKey: 'k', domain: 'mg.x.io' });"],
  ['default import, called', "import mailgunJs from 'mailgun-js';\nconst mailgun = mailgunJs({ apiKey: 'k', domain: 'mg.x.io' });"],
  ['default import, constructed', "import Mailgun from 'mailgun-js';\nconst mailgun = new Mailgun({ apiKey: 'k', domain: 'mg.x.io' });"],
  ['`as` and `!`', "import mailgunJs from 'mailgun-js';\nconst mailgun = (mailgunJs({ apiKey: 'k', domain: 'mg.x.io' }) as any)!;"],
];

tsTester.run('no-exposed-recipients: mailgun-js import forms', rule, {
  valid: legacyForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }) => mailgun.messages().send({ from: 'a@x.io', to: u.email });`,
    `${setup}\nexport const f = (users: { email: string }[]) => mailgun.messages().send({ to: users.map((u) => u.email), 'recipient-variables': {} });`,
  ]),
  invalid: legacyForms.map(([name, setup]) =>
    invalid(
      LEGACY,
      name,
      `${setup}\nexport const f = (users: { email: string }[]) => mailgun.messages().send({ from: 'a@x.io', to: users.map((u) => u.email) });`,
      [to],
    ),
  ),
});

tsTester.run('no-exposed-recipients: mailgun-js clients held elsewhere', rule, {
  valid: [
    // A local factory with the same shape.
    `const mailgun = { messages() { return { send(d: unknown) {} }; } };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => mailgun.messages().send({ to: users });`,
  ],
  invalid: [
    invalid(
      LEGACY,
      'messages() kept in a variable, with a callback',
      `const mailgun = require('mailgun-js')({ apiKey: 'k', domain: 'mg.x.io' });
const messages = mailgun.messages();
export const f = (ids: string[] = db.users.map((u) => u.email), done: () => void) => messages.send({ to: 'me@x.io', cc: [...ids] }, done);`,
      [['cc', 'cc: [...ids]']],
    ),
    invalid(
      LEGACY,
      'class field, recipient-variables only individualises `to`',
      `import mailgunJs from 'mailgun-js';
export class Mailer {
  private mailgun = mailgunJs({ apiKey: 'k', domain: 'mg.x.io' });
  notify(users: string[] = db.users.map((u) => u.email), managers: string[] = db.users.map((u) => u.email)) { return this.mailgun.messages().send({ to: users, cc: managers.slice(0), 'recipient-variables': {} }); }
}`,
      [['cc', 'cc: managers.slice(0)']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: Mailgun in plain ESM JavaScript', rule, {
  valid: [
    "import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });\nexport const f = (users) => mg.messages.create('d', { to: users.map((u) => u.email), 'recipient-variables': '{}' });",
  ],
  invalid: [
    invalid(
      JS,
      'espree, ESM',
      "import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });\nexport const f = (users) => mg.messages.create('d', { to: users.map((u) => u.email) });",
      [to],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Mailgun in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return () => ({ messages() { return { send() {} }; } }); }\nconst mailgun = require('mailgun-js')({});\nmodule.exports = (users) => mailgun.messages().send({ to: users.map((u) => u.email) });",
  ],
  invalid: [
    invalid(
      LEGACY,
      'espree, CommonJS, mailgun-js',
      "const mailgun = require('mailgun-js')({ apiKey: process.env.KEY, domain: 'mg.x.io' });\nmodule.exports = (users) => mailgun.messages().send({ to: users.map((u) => u.email) });",
      [to],
    ),
    invalid(
      JS,
      'espree, CommonJS, mailgun.js',
      "const Mailgun = require('mailgun.js');\nconst mg = new Mailgun(FormData).client({ username: 'api', key: process.env.KEY });\nmodule.exports = (users) => mg.messages.create('d', { to: users.map((u) => u.email) });",
      [to],
    ),
  ],
});
