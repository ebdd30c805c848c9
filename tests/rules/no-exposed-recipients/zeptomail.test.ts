import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'ZeptoMail';
const fix = 'Use `sendBatchMail`, which sends every `to` entry its own copy, or put the list in `bcc` and keep an address in `to`, such as your own: ZeptoMail rejects a message without one.';
const { invalid } = exposedReports(sdk, fix, { required: ['to'] });


const config = "{ url: 'api.zeptomail.com/', token: process.env.ZEPTO_TOKEN }";
const from = "from: { address: 'me@x.io', name: 'Me' }";
/** The ZeptoMail recipient shape, one entry per user. */
const entries = 'users.map((u) => ({ email_address: { address: u.email, name: u.name } }))';
const one = "[{ email_address: { address: 'me@x.io', name: 'Me' } }]";

// zeptomail 8 has named exports only, in an ESM and a CommonJS build.
const importForms: [string, string][] = [
  ['named import', `import { SendMailClient } from 'zeptomail';\nconst client = new SendMailClient(${config});`],
  ['aliased import', `import { SendMailClient as Zepto } from 'zeptomail';\nconst client = new Zepto(${config});`],
  ['namespace import', `import * as zepto from 'zeptomail';\nconst client = new zepto.SendMailClient(${config});`],
  ['require', `const zepto = require('zeptomail');\nconst client = new zepto.SendMailClient(${config});`],
  ['destructured require', `const { SendMailClient } = require('zeptomail');\nconst client = new SendMailClient(${config});`],
  ['`as` and `!`', `import { SendMailClient } from 'zeptomail';\nconst client = (new SendMailClient(${config}) as any)!;`],
];

const user = '{ email: string; name: string }[]';

tsTester.run('no-exposed-recipients: ZeptoMail import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }) => client.sendMail({ ${from}, to: [{ email_address: { address: u.email, name: '' } }], subject: 'Hi' });`,
    // The batch API sends every `to` entry its own copy.
    `${setup}\nexport const f = (users: ${user}) => client.sendBatchMail({ ${from}, to: ${entries}, subject: 'Hi' });`,
  ]),
  invalid: importForms.map(([name, setup]) =>
    invalid(name, `${setup}\nexport const f = (users: ${user}) => client.sendMail({ ${from}, to: ${entries}, subject: 'Hi' });`, [
      ['to', `to: ${entries}`],
    ]),
  ),
});

tsTester.run('no-exposed-recipients: ZeptoMail methods and clients held elsewhere', rule, {
  valid: [
    // A template batch is individual too.
    `import { SendMailClient } from 'zeptomail';\nconst client = new SendMailClient(${config});\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.mailBatchWithTemplate({ template_key: 'k', ${from}, to: list });`,
    // bcc stays hidden in a batch.
    `import { SendMailClient } from 'zeptomail';\nconst client = new SendMailClient(${config});\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.sendBatchMail({ ${from}, to: ${one}, bcc: list });`,
    // A local class with the same name is not ZeptoMail.
    `class SendMailClient { sendMail(m: unknown) {} }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new SendMailClient().sendMail({ to: list });`,
    // A shadowed binding: the parameter is not the import.
    `import { SendMailClient } from 'zeptomail';\nexport function f(SendMailClient: any, list: string[] = db.users.map((u) => u.email)) { return new SendMailClient({}).sendMail({ to: list }); }`,
    // An unrelated sendMail.
    `import { SendMailClient } from 'zeptomail';\nconst client = new SendMailClient(${config});\ndeclare const legacy: { sendMail(o: unknown): void };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => legacy.sendMail({ to: list });`,
    // Another client of the package does not send mail.
    `import { AgentClient } from 'zeptomail';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new AgentClient(${config}).sendMail({ to: list });`,
    // A fixed list is not reported by default.
    `import { SendMailClient } from 'zeptomail';\nnew SendMailClient(${config}).sendMail({ ${from}, to: [{ email_address: { address: 'a@x.io' } }, { email_address: { address: 'b@x.io' } }] });`,
  ],
  invalid: [
    invalid(
      'sendBatchMail: to is individual, cc is shared',
      `import { SendMailClient } from 'zeptomail';
const client = new SendMailClient(${config});
export const f = (list: { email_address: { address: string } }[] = db.users.map((u) => u)) => client.sendBatchMail({ ${from}, to: list, cc: list, subject: 'Hi' });`,
      [['cc', 'cc: list']],
    ),
    invalid(
      'sendMailWithTemplate',
      `import { SendMailClient } from 'zeptomail';
const client = new SendMailClient(${config});
export const f = (users: ${user}) => client.sendMailWithTemplate({ template_key: 'k', ${from}, to: ${one}, cc: ${entries} });`,
      [['cc', `cc: ${entries}`]],
    ),
    invalid(
      'a message held in a variable, filled by push in a loop',
      `import { SendMailClient } from 'zeptomail';
const client = new SendMailClient(${config});
export async function digest(users: ${user}) {
  const recipients = [];
  for (const u of users) recipients.push({ email_address: { address: u.email, name: u.name } });
  const mail = { ${from}, to: recipients, subject: 'Digest' };
  await client.sendMail(mail);
}`,
      [['to', 'to: recipients']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { SendMailClient } from 'zeptomail';
export class Mailer {
  private client = new SendMailClient(${config});
  notify = (list: object[] = db.users.map((u) => u)) => this.client?.sendMail({ ${from}, to: list.filter(Boolean), subject: 'Hi' });
}`,
      [['to', 'to: list.filter(Boolean)']],
    ),
    invalid(
      'this.client set in the constructor',
      `import { SendMailClient } from 'zeptomail';
declare const team: Set<object>;
class Mailer {
  constructor() { this.client = new SendMailClient(${config}); }
  notify() { return this.client.sendMail({ ${from}, to: [...team], subject: 'Hi' }); }
}`,
      [['to', 'to: [...team]']],
    ),
    invalid(
      'parameter annotated with the exported class',
      `import type { SendMailClient } from 'zeptomail';
export const f = (client: SendMailClient, users: ${user}) => client.sendMail({ ${from}, to: ${entries} });`,
      [['to', `to: ${entries}`]],
    ),
  ],
});

jsTester.run('no-exposed-recipients: ZeptoMail in plain ESM JavaScript', rule, {
  valid: [`import { SendMailClient } from 'zeptomail';\nexport const f = (users) => new SendMailClient(${config}).sendBatchMail({ ${from}, to: ${entries} });`],
  invalid: [
    invalid(
      'espree, ESM',
      `import { SendMailClient } from 'zeptomail';\nconst client = new SendMailClient(${config});\nexport const f = (users) => client.sendMail({ ${from}, to: ${entries}, subject: 'Hi' });`,
      [['to', `to: ${entries}`]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: ZeptoMail in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { SendMailClient: class { sendMail() {} } }; }\nconst { SendMailClient } = require('zeptomail');\nmodule.exports = (users) => new SendMailClient({}).sendMail({ to: users.map((u) => u.email) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      `const { SendMailClient } = require('zeptomail');\nconst client = new SendMailClient(${config});\nmodule.exports = (users) => client.sendBatchMail({ ${from}, to: ${entries}, cc: ${entries} });`,
      [['cc', `cc: ${entries}`]],
    ),
  ],
});
