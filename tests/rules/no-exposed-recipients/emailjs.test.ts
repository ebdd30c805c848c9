import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'emailjs';
const fix = 'Put the list in `bcc`, or send one message per recipient.';
const { invalid } = exposedReports(sdk, fix);


// emailjs 5 has named exports only (no default export); `require()` works through require(esm).
const importForms: [string, string][] = [
  ['named import', "import { SMTPClient } from 'emailjs';\nconst c = new SMTPClient({ host: 'smtp.example.com' });"],
  ['aliased import', "import { SMTPClient as Smtp } from 'emailjs';\nconst c = new Smtp({ host: 'smtp.example.com' });"],
  ['namespace import', "import * as emailjs from 'emailjs';\nconst c = new emailjs.SMTPClient({ host: 'smtp.example.com' });"],
  ['require', "const emailjs = require('emailjs');\nconst c = new emailjs.SMTPClient({ host: 'smtp.example.com' });"],
  ['destructured require', "const { SMTPClient } = require('emailjs');\nconst c = new SMTPClient({ host: 'smtp.example.com' });"],
  ['`as` and `!`', "import { SMTPClient } from 'emailjs';\nconst c = (new SMTPClient({ host: 'smtp.example.com' }) as any)!;"],
  ['factory function', "import { SMTPClient } from 'emailjs';\nconst make = () => new SMTPClient({});\nconst c = make();"],
];

tsTester.run('no-exposed-recipients: emailjs import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }) => c.sendAsync({ from: 'me@x.io', to: u.email, bcc: ['a@x.io', 'b@x.io'], subject: 'Hi' });`,
    `${setup}\nexport const f = (users: string[] = db.users.map((u) => u.email)) => c.send({ from: 'me@x.io', to: 'me@x.io', bcc: users, subject: 'Hi' }, () => {});`,
  ]),
  invalid: importForms.flatMap(([name, setup]) => [
    invalid(
      `${name}: sendAsync`,
      `${setup}\nexport const f = (users: { email: string }[]) => c.sendAsync({ from: 'me@x.io', to: users.map((u) => u.email), subject: 'Hi' });`,
      [['to', 'to: users.map((u) => u.email)']],
    ),
    invalid(
      `${name}: send with a callback`,
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => c.send({ from: 'me@x.io', to: 'me@x.io', cc: list.join(', '), subject: 'Hi' }, (err) => {});`,
      [['cc', "cc: list.join(', ')"]],
    ),
  ]),
});

tsTester.run('no-exposed-recipients: emailjs messages and clients held elsewhere', rule, {
  valid: [
    // A local class with the same name and method is not emailjs.
    `class SMTPClient { send(m: unknown, cb?: unknown) {} }\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new SMTPClient().send({ to: users }, () => {});`,
    // A shadowed binding: the parameter is not the import.
    `import { SMTPClient } from 'emailjs';\nexport function f(SMTPClient: any, users: string[] = db.users.map((u) => u.email)) { return new SMTPClient({}).sendAsync({ to: users }); }`,
    // An unrelated send.
    `import { SMTPClient } from 'emailjs';\nconst c = new SMTPClient({});\ndeclare const socket: { send(o: unknown): void };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => socket.send({ to: users });`,
    // The EmailJS service SDK is another package: its recipients are template parameters.
    `import emailjs from '@emailjs/browser';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => emailjs.send('service', 'template', { to: users });`,
    // A Message with the list in bcc only.
    `import { Message } from 'emailjs';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new Message({ from: 'me@x.io', to: 'me@x.io', bcc: users, subject: 'Hi' });`,
    // A fixed list is not reported by default.
    `import { SMTPClient } from 'emailjs';\nnew SMTPClient({}).send({ from: 'me@x.io', to: 'a@x.io, b@x.io', cc: ['c@x.io', 'd@x.io'], subject: 'Hi' }, () => {});`,
    // A local type named SMTPClient proves nothing.
    `type SMTPClient = { sendAsync(m: unknown): Promise<void> };\nexport const f = (c: SMTPClient, users: string[] = db.users.map((u) => u.email)) => c.sendAsync({ to: users });`,
  ],
  invalid: [
    invalid(
      'a Message built with the list',
      `import { SMTPClient, Message } from 'emailjs';
const client = new SMTPClient({ host: 'smtp.example.com' });
export function notify(users: { email: string }[]) {
  const msg = new Message({ from: 'me@x.io', to: users.map((u) => u.email), subject: 'News' });
  client.send(msg, () => {});
}`,
      [['to', 'to: users.map((u) => u.email)']],
    ),
    invalid(
      'a Message from a namespace import',
      `import * as emailjs from 'emailjs';
export const build = (list: string[] = db.users.map((u) => u.email)) => new emailjs.Message({ from: 'me@x.io', to: 'me@x.io', cc: [...list], subject: 'News' });`,
      [['cc', 'cc: [...list]']],
    ),
    invalid(
      'headers held in a variable, filled by push in a loop',
      `import { SMTPClient } from 'emailjs';
const client = new SMTPClient({});
export async function digest(users: { email: string }[]) {
  const addresses = [];
  for (const u of users) addresses.push(u.email);
  const headers = { from: 'me@x.io', to: addresses, subject: 'Digest' };
  await client.sendAsync(headers);
}`,
      [['to', 'to: addresses']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { SMTPClient } from 'emailjs';
export class Mailer {
  private client = new SMTPClient({});
  notify = (users: string[] = db.users.map((u) => u.email)) => this.client?.sendAsync({ from: 'me@x.io', to: users.filter(Boolean), subject: 'Hi' });
}`,
      [['to', 'to: users.filter(Boolean)']],
    ),
    invalid(
      'this.client set in the constructor',
      `import { SMTPClient } from 'emailjs';
declare const byEmail: Record<string, unknown>;
class Mailer {
  constructor() { this.client = new SMTPClient({}); }
  notify() { return this.client.send({ from: 'me@x.io', to: Object.keys(byEmail), subject: 'Hi' }, () => {}); }
}`,
      [['to', 'to: Object.keys(byEmail)']],
    ),
    invalid(
      'parameter annotated with the exported class',
      `import type { SMTPClient } from 'emailjs';
declare const set: Set<string>;
export const f = (client: SMTPClient) => client.sendAsync({ from: 'me@x.io', to: Array.from(set), subject: 'Hi' });`,
      [['to', 'to: Array.from(set)']],
    ),
    invalid(
      'constructor parameter property with a qualified type',
      `import * as emailjs from 'emailjs';
export class Mailer {
  constructor(private readonly client: emailjs.SMTPClient) {}
  send(list: Array<string> = db.users.map((u) => u.email)) { return this.client.sendAsync({ from: 'me@x.io', to: 'me@x.io', cc: list, subject: 'Hi' }); }
}`,
      [['cc', 'cc: list']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: emailjs in plain ESM JavaScript', rule, {
  valid: ["import { SMTPClient } from 'emailjs';\nnew SMTPClient({}).send({ from: 'me@x.io', to: 'a@x.io', subject: 'Hi' }, () => {});"],
  invalid: [
    invalid(
      'espree, ESM',
      "import { SMTPClient } from 'emailjs';\nconst client = new SMTPClient({});\nexport const f = (users) => client.sendAsync({ from: 'me@x.io', to: users.map((u) => u.email), subject: 'Hi' });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
    invalid(
      'espree, ESM, Message',
      "import { Message } from 'emailjs';\nexport const f = (users) => new Message({ from: 'me@x.io', to: 'me@x.io', cc: users.map((u) => u.email), subject: 'Hi' });",
      [['cc', 'cc: users.map((u) => u.email)']],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: emailjs in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { SMTPClient: class { send() {} } }; }\nconst { SMTPClient } = require('emailjs');\nmodule.exports = (users) => new SMTPClient({}).send({ to: users.map((u) => u.email) }, () => {});",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const { SMTPClient } = require('emailjs');\nconst client = new SMTPClient({});\nmodule.exports = (users) => client.send({ from: 'me@x.io', to: users.map((u) => u.email), subject: 'Hi' }, () => {});",
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ],
});
