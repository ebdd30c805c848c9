import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'sendmail';
const fix = 'Put the list in `bcc`, or send one message per recipient.';
const { invalid } = exposedReports(sdk, fix);


// sendmail is CommonJS: `module.exports` is a factory that returns the send function itself.
const importForms: [string, string][] = [
  ['require, called at once', "const sendmail = require('sendmail')({ silent: true });"],
  ['require, then the factory', "const createSendmail = require('sendmail');\nconst sendmail = createSendmail({ silent: true });"],
  ['default import', "import createSendmail from 'sendmail';\nconst sendmail = createSendmail({ silent: true });"],
  ['`as` and `!`', "import createSendmail from 'sendmail';\nconst sendmail = (createSendmail({}) as any)!;"],
  ['factory function', "import createSendmail from 'sendmail';\nconst make = () => createSendmail({ silent: true });\nconst sendmail = make();"],
];

const cb = '(err: unknown, reply: unknown) => {}';

tsTester.run('no-exposed-recipients: sendmail import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }) => sendmail({ from: 'me@x.io', to: u.email, subject: 'Hi', html: '.' }, ${cb});`,
    `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => sendmail({ from: 'me@x.io', to: 'me@x.io', bcc: list.join(','), subject: 'Hi', html: '.' }, ${cb});`,
  ]),
  invalid: importForms.map(([name, setup]) =>
    invalid(
      name,
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => sendmail({ from: 'me@x.io', to: list.join(','), subject: 'Hi', html: '.' }, ${cb});`,
      [['to', "to: list.join(',')"]],
    ),
  ),
});

tsTester.run('no-exposed-recipients: sendmail held elsewhere', rule, {
  valid: [
    // A local function named sendmail is not the package.
    `function sendmail(o: unknown, cb?: unknown) {}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => sendmail({ to: list.join(',') });`,
    // A shadowed binding: the parameter is not the send function.
    `const sendmail = require('sendmail')({});\nexport function f(sendmail: any, list: string[] = db.users.map((u) => u.email)) { return sendmail({ to: list.join(',') }); }`,
    // The factory takes options, not a message.
    `import createSendmail from 'sendmail';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => createSendmail({ silent: true, to: list });`,
    // An unrelated send.
    `const sendmail = require('sendmail')({});\ndeclare const bus: { send(o: unknown): void };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => bus.send({ to: list.join(',') });`,
    // A fixed list is not reported by default.
    `const sendmail = require('sendmail')({});\nsendmail({ from: 'me@x.io', to: 'a@x.io, b@x.io', subject: 'Hi' }, ${cb});`,
  ],
  invalid: [
    invalid(
      'cc, and a message held in a variable',
      `const sendmail = require('sendmail')({ silent: true });
export function notify(users: { email: string }[]) {
  const mail = { from: 'me@x.io', to: 'me@x.io', cc: users.map((u) => u.email).join(', '), subject: 'Hi' };
  sendmail(mail, ${cb});
}`,
      [['cc', "cc: users.map((u) => u.email).join(', ')"]],
    ),
    invalid(
      'a list filled by push in a loop, and optional call',
      `import createSendmail from 'sendmail';
const sendmail = createSendmail({});
export function digest(users: { email: string }[]) {
  const to = [];
  for (const u of users) to.push(u.email);
  sendmail?.({ from: 'me@x.io', to: to.join(','), subject: 'Digest' }, ${cb});
}`,
      [['to', "to: to.join(',')"]],
    ),
    invalid(
      'class field with an initialiser',
      `import createSendmail from 'sendmail';
export class Mailer {
  private send = createSendmail({ silent: true });
  notify = (list: string[] = db.users.map((u) => u.email)) => this.send({ from: 'me@x.io', to: list.filter(Boolean).join(','), subject: 'Hi' }, ${cb});
}`,
      [['to', "to: list.filter(Boolean).join(',')"]],
    ),
    invalid(
      'this.send set in the constructor',
      `const createSendmail = require('sendmail');
declare const team: Set<string>;
class Mailer {
  constructor() { this.send = createSendmail({}); }
  notify() { return this.send({ from: 'me@x.io', to: [...team].join(','), subject: 'Hi' }, ${cb}); }
}`,
      [['to', "to: [...team].join(',')"]],
    ),
  ],
});

jsTester.run('no-exposed-recipients: sendmail in plain ESM JavaScript', rule, {
  valid: ["import createSendmail from 'sendmail';\ncreateSendmail({})({ from: 'me@x.io', to: 'a@x.io', subject: 'Hi' }, () => {});"],
  invalid: [
    invalid(
      'espree, ESM',
      "import createSendmail from 'sendmail';\nconst sendmail = createSendmail({ silent: true });\nexport const f = (users) => sendmail({ from: 'me@x.io', to: users.map((u) => u.email).join(','), subject: 'Hi' }, () => {});",
      [['to', "to: users.map((u) => u.email).join(',')"]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: sendmail in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return () => () => {}; }\nconst sendmail = require('sendmail')({});\nmodule.exports = (users) => sendmail({ to: users.map((u) => u.email).join(',') });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const sendmail = require('sendmail')({ silent: true });\nmodule.exports = (list = db.users.map((u) => u.email)) => sendmail({ from: 'me@x.io', to: list.join(','), subject: 'Hi' }, (err, reply) => {});",
      [['to', "to: list.join(',')"]],
    ),
  ],
});
