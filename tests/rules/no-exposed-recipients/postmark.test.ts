import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'Postmark';
const fix =
  'Send one message per recipient with `sendEmailBatch` (at most 500 a call), or put the list in `Bcc` (at most 50 recipients a message) and keep an address in `To`, such as your own: Postmark rejects a message without one.';

const { invalid } = exposedReports(sdk, fix, { bcc: 'Bcc', required: ['To'] });

// Every import form reaches a ServerClient (also exported as `Client`).
const importForms: [string, string][] = [
  ['named import', "import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');"],
  ['the `Client` alias', "import { Client } from 'postmark';\nconst client = new Client('token');"],
  ['aliased import', "import { ServerClient as Postmark } from 'postmark';\nconst client = new Postmark('token', { useHttps: true });"],
  ['namespace import', "import * as postmark from 'postmark';\nconst client = new postmark.ServerClient('token');"],
  ['namespace import, `Client`', "import * as postmark from 'postmark';\nconst client = new postmark.Client('token');"],
  ['require', "const postmark = require('postmark');\nconst client = new postmark.ServerClient(process.env.TOKEN);"],
  ['destructured require', "const { ServerClient } = require('postmark');\nconst client = new ServerClient('token');"],
  ['aliased destructured require', "const { Client: PostmarkClient } = require('postmark');\nconst client = new PostmarkClient('token');"],
  ['`as` and `!`', "import { ServerClient } from 'postmark';\nconst client = (new ServerClient('token') as ServerClient)!;"],
  ['a ServerClient type annotation', "import type { ServerClient } from 'postmark';\ndeclare const client: ServerClient;"],
  ['a factory function', "import * as postmark from 'postmark';\nfunction makeClient() { return new postmark.ServerClient('token'); }\nconst client = makeClient();"],
];

tsTester.run('no-exposed-recipients: Postmark import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (emails: string[] = db.users.map((u) => u.email)) => client.sendEmail({ From: 'a@x.io', To: 'me@x.io', Bcc: emails.join(',') });`,
    `${setup}\nexport const f = (users: { email: string }[]) => client.sendEmailBatch(users.map((u) => ({ From: 'a@x.io', To: u.email, Subject: 'Hi' })));`,
  ]),
  invalid: importForms.map(([name, setup]) =>
    invalid(name, `${setup}\nexport const f = (emails: string[] = db.users.map((u) => u.email)) => client.sendEmail({ From: 'a@x.io', To: emails.join(','), Subject: 'Hi' });`, [
      ['To', "To: emails.join(',')"],
    ]),
  ),
});

tsTester.run('no-exposed-recipients: Postmark messages and clients held elsewhere', rule, {
  valid: [
    // A local function named sendEmail.
    `function sendEmail(m: { To: string }) {}\nexport const f = (emails: string[] = db.users.map((u) => u.email)) => sendEmail({ To: emails.join(',') });`,
    // A local class with the SDK's name.
    `class ServerClient { constructor(t: string) {} sendEmail(m: unknown) {} }\nexport const f = (emails: string[] = db.users.map((u) => u.email)) => new ServerClient('t').sendEmail({ To: emails.join(',') });`,
    // A shadowed binding.
    `import * as postmark from 'postmark';\nexport function f(postmark: any, emails: string[] = db.users.map((u) => u.email)) { return new postmark.ServerClient('t').sendEmail({ To: emails.join(',') }); }`,
    // An unrelated send-like call.
    `import { ServerClient } from 'postmark';\ndeclare const queue: { sendEmail(m: unknown): void };\nexport const f = (emails: string[] = db.users.map((u) => u.email)) => queue.sendEmail({ To: emails.join(',') });`,
    // One template message per recipient.
    `import { ServerClient } from 'postmark';
const client = new ServerClient('token');
export const f = (users: { email: string; name: string }[]) =>
  client.sendEmailBatchWithTemplates(users.map((u) => ({ From: 'a@x.io', To: u.email, TemplateAlias: 'welcome', TemplateModel: { name: u.name } })));`,
    // One bulk message per recipient.
    `import { ServerClient } from 'postmark';
const client = new ServerClient('token');
export const f = (users: { email: string }[]) => client.sendBulkEmail({ From: 'a@x.io', Subject: 'News', Messages: users.map((u) => ({ To: u.email })) });`,
    // A fixed, comma-separated string is not reported by default.
    `import { ServerClient } from 'postmark';\nnew ServerClient('token').sendEmail({ From: 'a@x.io', To: 'ops@x.io, cto@x.io' });`,
  ],
  invalid: [
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { ServerClient } from 'postmark';
export class Mailer {
  private client = new ServerClient('token');
  notify(users: { email: string }[]) { return this.client?.sendEmail({ From: 'a@x.io', To: 'me@x.io', Cc: users.map((u) => u.email).join(', ') }); }
}`,
      [['Cc', "Cc: users.map((u) => u.email).join(', ')"]],
    ),
    invalid(
      '`this.x` set in the constructor, sendEmailWithTemplate',
      `import * as postmark from 'postmark';
class Mailer {
  constructor(token: string) { this.client = new postmark.Client(token); }
  notify(ids: Array<string> = db.users.map((u) => u.email)) { return this.client.sendEmailWithTemplate({ From: 'a@x.io', To: ids.join(','), TemplateId: 1, TemplateModel: {} }); }
}`,
      [['To', "To: ids.join(',')"]],
    ),
    invalid(
      'a constructor parameter property typed ServerClient, a message in a variable',
      `import { ServerClient } from 'postmark';
export class Mailer {
  constructor(private readonly client: ServerClient) {}
  async digest(users: { email: string }[]) {
    const addresses = [];
    for (const u of users) addresses.push(u.email);
    const message = { From: 'a@x.io', To: addresses.join(','), Bcc: 'audit@x.io' };
    await this.client.sendEmail(message);
  }
}`,
      [['To', "To: addresses.join(',')", false]],
    ),
    invalid(
      'sendEmailBatch with one message holding the whole list',
      `import { ServerClient } from 'postmark';
const client = new ServerClient('token');
export const f = (list: string[] = db.users.map((u) => u.email)) => client.sendEmailBatch([{ From: 'a@x.io', To: list.join(','), Subject: 'Hi' }]);`,
      [['To', "To: list.join(',')"]],
    ),
    invalid(
      'sendEmailBatchWithTemplates with a shared Cc in every message',
      `import { ServerClient } from 'postmark';
const client = new ServerClient('token');
export const f = (users: { email: string }[], managers: string[] = db.users.map((u) => u.email)) =>
  client.sendEmailBatchWithTemplates(users.map((u) => ({ From: 'a@x.io', To: u.email, Cc: managers.join(','), TemplateAlias: 'a', TemplateModel: {} })));`,
      [['Cc', "Cc: managers.join(',')"]],
    ),
    invalid(
      'sendBulkEmail with one message holding the whole list',
      `import { ServerClient } from 'postmark';
const client = new ServerClient('token');
export const f = (users: { email: string }[]) =>
  client.sendBulkEmail({ From: 'a@x.io', Subject: 'News', Messages: [{ To: users.map((u) => u.email).join(',') }] });`,
      [['To', "To: users.map((u) => u.email).join(',')"]],
    ),
  ],
});

jsTester.run('no-exposed-recipients: Postmark in plain ESM JavaScript', rule, {
  valid: [
    "import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');\nexport const f = (users) => client.sendEmailBatch(users.map((u) => ({ From: 'a@x.io', To: u.email })));",
  ],
  invalid: [
    // Native ESM: the default import is module.exports, which holds ServerClient.
    invalid(
      'espree, ESM, default import',
      "import postmark from 'postmark';\nconst client = new postmark.ServerClient('token');\nexport const f = (users) => client.sendEmail({ From: 'a@x.io', To: users.map((u) => u.email).join(',') });",
      [['To', "To: users.map((u) => u.email).join(',')"]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Postmark in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { ServerClient: class { sendEmail() {} } }; }\nconst postmark = require('postmark');\nmodule.exports = (users) => new postmark.ServerClient('t').sendEmail({ To: users.map((u) => u.email).join(',') });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const postmark = require('postmark');\nconst client = new postmark.ServerClient(process.env.POSTMARK_TOKEN);\nmodule.exports = (users) => client.sendEmail({ From: 'a@x.io', To: users.map((u) => u.email).join(',') });",
      [['To', "To: users.map((u) => u.email).join(',')"]],
    ),
  ],
});
