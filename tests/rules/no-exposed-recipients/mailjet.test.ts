import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'Mailjet (node-mailjet)';
const fix = 'Give every recipient its own entry in `Messages` (at most 50 a call in v3.1), or put the list in `Bcc` and keep an address in `To`, such as your own: Mailjet rejects a message without one.';
const { invalid } = exposedReports(sdk, fix, { field: 'Messages[].To', bcc: 'Bcc', required: ['Messages[].To', 'To'] });

const mapped = 'To: users.map((u) => ({ Email: u.email }))';
const v31 = (client = 'mailjet') =>
  `export const f = (users: { email: string }[] = db.users.map((u) => u.email)) => ${client}.post('send', { version: 'v3.1' }).request({ Messages: [{ From: { Email: 'news@x.io' }, ${mapped} }] });`;

// node-mailjet exports the class itself (no named ESM exports, no `.default`): only these forms run.
const importForms: [string, string][] = [
  ['default import, new', "import Mailjet from 'node-mailjet';\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' });"],
  ['default import, apiConnect', "import Mailjet from 'node-mailjet';\nconst mailjet = Mailjet.apiConnect('k', 's');"],
  ['other local name', "import MJ from 'node-mailjet';\nconst mailjet = new MJ({ apiToken: 't' });"],
  ['require, new', "const Mailjet = require('node-mailjet');\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' });"],
  ['require, apiConnect', "const Mailjet = require('node-mailjet');\nconst mailjet = Mailjet.apiConnect(process.env.MJ_KEY, process.env.MJ_SECRET);"],
  ['required and connected inline', "const mailjet = require('node-mailjet').apiConnect('k', 's');"],
  ['destructured require of the static', "const { apiConnect } = require('node-mailjet');\nconst mailjet = apiConnect('k', 's');"],
  ['the static Client class', "const Mailjet = require('node-mailjet');\nconst mailjet = new Mailjet.Client({ apiKey: 'k', apiSecret: 's' });"],
  ['`as` and `!`', "import Mailjet from 'node-mailjet';\nconst mailjet = (new Mailjet({ apiKey: 'k', apiSecret: 's' }) as any)!;"],
  ['a local factory', "import Mailjet from 'node-mailjet';\nconst connect = () => Mailjet.apiConnect('k', 's');\nconst mailjet = connect();"],
  // node-mailjet 3: the static `connect` (renamed `apiConnect` in v6), and the instance's.
  ['node-mailjet 3, require and connect', "const Mailjet = require('node-mailjet');\nconst mailjet = Mailjet.connect(process.env.MJ_KEY, process.env.MJ_SECRET);"],
  ['node-mailjet 3, required and connected inline', "const mailjet = require('node-mailjet').connect('k', 's');"],
  ['node-mailjet 3, an instance connected', "import Mailjet from 'node-mailjet';\nconst mailjet = new Mailjet().connect('k', 's');"],
];

tsTester.run('no-exposed-recipients: Mailjet import forms', rule, {
  valid: importForms.map(([, setup]) => ({
    // One Messages entry per recipient: nobody sees anyone else.
    code: `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => mailjet.post('send', { version: 'v3.1' }).request({ Messages: users.map((u) => ({ To: [{ Email: u.email }] })) });`,
  })),
  invalid: importForms.map(([name, setup]) => invalid(name, `${setup}\n${v31()}`, [['Messages[].To', mapped]])),
});

const setup = "import Mailjet from 'node-mailjet';\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' });";

tsTester.run('no-exposed-recipients: Mailjet messages', rule, {
  valid: [
    // One recipient per message, built in a loop of messages.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => mailjet.post('send', { version: 'v3.1' }).request({ Messages: users.map((u) => ({ To: [{ Email: u.email }], Bcc: [{ Email: 'audit@x.io' }] })) });`,
    // The list in Bcc is hidden.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: 'me@x.io' }], Bcc: users.map((u) => ({ Email: u.email })) }] });`,
    // v3: one address, and Recipients (each gets its own copy).
    `${setup}\nexport const f = (u: { email: string }) => mailjet.post('send').request({ FromEmail: 'a@x.io', To: u.email });`,
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => mailjet.post('send').request({ FromEmail: 'a@x.io', Recipients: users.map((u) => ({ Email: u.email })) });`,
    // A fixed list.
    `${setup}\nmailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: 'a@x.io' }, { Email: 'b@x.io' }] }] });`,
    // node-mailjet has no `.default` property: this code throws before it sends anything.
    `const Mailjet = require('node-mailjet').default;\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new Mailjet({}).post('send').request({ To: list.join(',') });`,
    // Reading is not sending.
    `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailjet.get('contact').request({ To: list.join(',') });`,
    // Look-alikes: a local class, an object with post().request(), a shadowed binding.
    `class Mailjet { post(r: string, o?: unknown) { return { request(b: unknown) {} }; } }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new Mailjet().post('send').request({ To: list.join(',') });`,
    `const mailjet = { post: (r: string) => ({ request(b: unknown) {} }) };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailjet.post('send').request({ Messages: [{ To: list }] });`,
    `import Mailjet from 'node-mailjet';\nexport function f(Mailjet: any, list: string[] = db.users.map((u) => u.email)) { return new Mailjet({}).post('send').request({ To: list.join(',') }); }`,
    // A `request` of another library.
    `import got from 'got';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => got.post('send').request({ To: list.join(',') });`,
  ],
  invalid: [
    invalid(
      'Cc in v3.1',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: 'me@x.io' }], Cc: list.map((e) => ({ Email: e })) }] });`,
      [['Messages[].Cc', 'Cc: list.map((e) => ({ Email: e }))']],
    ),
    invalid(
      'Bcc already there: no suggestion',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ Bcc: [{ Email: 'audit@x.io' }], To: list.map((e) => ({ Email: e })) }] });`,
      [['Messages[].To', 'To: list.map((e) => ({ Email: e }))', false]],
    ),
    invalid(
      'v3: a comma-joined list',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailjet.post('send').request({ FromEmail: 'news@x.io', Subject: 'Hi', To: list.join(',') });`,
      [['To', "To: list.join(',')"]],
    ),
    invalid(
      'v3: Cc from a set',
      `${setup}\nexport const f = (set: Set<string> = db.users.map((u) => u.email)) => mailjet.post('send').request({ FromEmail: 'news@x.io', To: 'me@x.io', Cc: [...set].join(', ') });`,
      [['Cc', "Cc: [...set].join(', ')"]],
    ),
    invalid(
      'the request in a variable, the body in a variable',
      `${setup}
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const send = mailjet.post('send', { version: 'v3.1' });
  const body = { Messages: [{ Subject: 'Hi', To: users.map((u) => ({ Email: u.email })) }] };
  return send.request(body);
}`,
      [['Messages[].To', 'To: users.map((u) => ({ Email: u.email }))']],
    ),
    invalid(
      'an array filled in a loop',
      `${setup}
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const to = [];
  for (const u of users) to.push({ Email: u.email });
  return mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: to }] });
}`,
      [['Messages[].To', 'To: to']],
    ),
    invalid(
      'a parameter typed with the default-exported class',
      `import Mailjet from 'node-mailjet';\nexport const f = (mailjet: Mailjet, users: { email: string }[] = db.users.map((u) => u.email)) => mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ ${mapped} }] });`,
      [['Messages[].To', mapped]],
    ),
    invalid(
      'class field with an initialiser',
      `import Mailjet from 'node-mailjet';
export class Mailer {
  private mailjet = Mailjet.apiConnect('k', 's');
  notify(users: { email: string }[] = db.users.map((u) => u.email)) { return this.mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ ${mapped} }] }); }
}`,
      [['Messages[].To', mapped]],
    ),
    invalid(
      'this.mailjet set in the constructor, with optional chaining',
      `const Mailjet = require('node-mailjet');
class Mailer {
  constructor() { this.mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' }); }
  notify(users: { email: string }[] = db.users.map((u) => u.email)) { return this.mailjet?.post('send', { version: 'v3.1' })?.request({ Messages: [{ ${mapped} }] }); }
}`,
      [['Messages[].To', mapped]],
    ),
  ],
});

jsTester.run('no-exposed-recipients: Mailjet in plain ESM JavaScript', rule, {
  valid: [
    "import Mailjet from 'node-mailjet';\nexport const f = (users) => Mailjet.apiConnect('k', 's').post('send', { version: 'v3.1' }).request({ Messages: users.map((u) => ({ To: [{ Email: u.email }] })) });",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      `import Mailjet from 'node-mailjet';\nexport const f = (users) => Mailjet.apiConnect('k', 's').post('send', { version: 'v3.1' }).request({ Messages: [{ ${mapped} }] });`,
      [['Messages[].To', mapped]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Mailjet in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return function () {}; }\nconst Mailjet = require('node-mailjet');\nmodule.exports = (list = db.users.map((u) => u.email)) => new Mailjet({}).post('send').request({ To: list.join(',') });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const Mailjet = require('node-mailjet');\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' });\nmodule.exports = (users = db.users.map((u) => u.email)) => mailjet.post('send').request({ To: users.map((u) => u.email).join(',') });",
      [['To', "To: users.map((u) => u.email).join(',')"]],
    ),
  ],
});
