import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'Mailtrap';
const fix = 'Send one request per recipient with `client.batchSend({ base, requests })`, or put the list in `bcc` and keep an address in `to`, such as your own: Mailtrap rejects an email without one.';
const { exposed, invalid } = exposedReports(sdk, fix, { required: ['to'] });


// mailtrap is CommonJS with named exports (`__esModule`, no default export).
const importForms: [string, string][] = [
  ['named import', "import { MailtrapClient } from 'mailtrap';\nconst client = new MailtrapClient({ token: process.env.MAILTRAP_TOKEN! });"],
  ['aliased import', "import { MailtrapClient as Mailtrap } from 'mailtrap';\nconst client = new Mailtrap({ token: 'x' });"],
  ['namespace import', "import * as mailtrap from 'mailtrap';\nconst client = new mailtrap.MailtrapClient({ token: 'x' });"],
  ['require', "const mailtrap = require('mailtrap');\nconst client = new mailtrap.MailtrapClient({ token: 'x' });"],
  ['destructured require', "const { MailtrapClient } = require('mailtrap');\nconst client = new MailtrapClient({ token: 'x', bulk: true });"],
  ['`as` and `!`', "import { MailtrapClient } from 'mailtrap';\nconst client = (new MailtrapClient({ token: 'x' }) as any)!;"],
  ['factory function', "import { MailtrapClient } from 'mailtrap';\nconst make = (token: string) => new MailtrapClient({ token });\nconst client = make('x');"],
];

const from = "from: { email: 'me@x.io' }";

tsTester.run('no-exposed-recipients: Mailtrap import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (u: { email: string }) => client.send({ ${from}, to: [{ email: u.email }], subject: 'Hi', text: '.' });`,
    `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.send({ ${from}, to: [{ email: 'me@x.io' }], bcc: list.map((e) => ({ email: e })), subject: 'Hi', text: '.' });`,
  ]),
  invalid: importForms.map(([name, setup]) =>
    invalid(
      name,
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.send({ ${from}, to: list.map((e) => ({ email: e })), subject: 'Hi', text: '.' });`,
      [['to', 'to: list.map((e) => ({ email: e }))']],
    ),
  ),
});

tsTester.run('no-exposed-recipients: Mailtrap batches and clients held elsewhere', rule, {
  valid: [
    // One request per user: every request is a separate email.
    `import { MailtrapClient } from 'mailtrap';
const client = new MailtrapClient({ token: 'x' });
export const f = (users: { email: string }[]) =>
  client.batchSend({ base: { ${from}, subject: 'Hi', text: '.' }, requests: users.map((u) => ({ to: [{ email: u.email }] })) });`,
    // A local class with the same name is not Mailtrap.
    `class MailtrapClient { send(m: unknown) {} }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new MailtrapClient().send({ to: list.map((email) => ({ email })) });`,
    // A shadowed binding: the parameter is not the import.
    `import { MailtrapClient } from 'mailtrap';\nexport function f(MailtrapClient: any, list: string[] = db.users.map((u) => u.email)) { return new MailtrapClient({}).send({ to: list }); }`,
    // An unrelated send.
    `import { MailtrapClient } from 'mailtrap';\nconst client = new MailtrapClient({ token: 'x' });\ndeclare const ws: { send(o: unknown): void };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => ws.send({ to: list });`,
    // A local type named MailtrapClient proves nothing.
    `type MailtrapClient = { send(m: unknown): Promise<void> };\nexport const f = (client: MailtrapClient, list: string[] = db.users.map((u) => u.email)) => client.send({ to: list });`,
    // A fixed list is not reported by default.
    `import { MailtrapClient } from 'mailtrap';\nnew MailtrapClient({ token: 'x' }).send({ ${from}, to: [{ email: 'a@x.io' }, { email: 'b@x.io' }], subject: 'Hi', text: '.' });`,
  ],
  invalid: [
    invalid(
      'batchSend: a request with a list',
      `import { MailtrapClient } from 'mailtrap';
const client = new MailtrapClient({ token: 'x' });
export const f = (list: { email: string }[] = db.users.map((u) => u)) => client.batchSend({ base: { ${from}, subject: 'Hi', text: '.' }, requests: [{ to: list }] });`,
      [['to', 'to: list']],
    ),
    (() => {
      const code = `import { MailtrapClient } from 'mailtrap';
const client = new MailtrapClient({ token: 'x' });
export async function digest(users: { email: string }[]) {
  const cc = [];
  for (const u of users) cc.push({ email: u.email });
  const mail = { ${from}, to: [{ email: 'me@x.io' }], cc, subject: 'Digest', text: '.' };
  await client.send(mail);
}`;
      return {
        name: 'a shorthand cc, with the list filled by push in a loop',
        code,
        errors: [
          {
            ...exposed(code, 'cc', 'cc'),
            ...at(code, 'cc', 2),
            suggestions: [
              {
                messageId: 'moveToBcc' as const,
                data: { bcc: 'bcc', field: 'cc' },
                output: code.replace('}], cc, subject', '}], bcc: cc, subject'),
              },
            ],
          },
        ],
      };
    })(),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { MailtrapClient } from 'mailtrap';
export class Mailer {
  private client = new MailtrapClient({ token: 'x' });
  notify = (list: { email: string }[] = db.users.map((u) => u)) => this.client?.send({ ${from}, to: list.filter(Boolean), subject: 'Hi', text: '.' });
}`,
      [['to', 'to: list.filter(Boolean)']],
    ),
    invalid(
      'this.client set in the constructor',
      `import { MailtrapClient } from 'mailtrap';
declare const team: Set<{ email: string }>;
class Mailer {
  constructor() { this.client = new MailtrapClient({ token: 'x' }); }
  notify() { return this.client.send({ ${from}, to: [...team], subject: 'Hi', text: '.' }); }
}`,
      [['to', 'to: [...team]']],
    ),
    invalid(
      'parameter annotated with the exported class',
      `import type { MailtrapClient } from 'mailtrap';
export const f = (client: MailtrapClient, list: { email: string }[] = db.users.map((u) => u)) => client.send({ ${from}, to: [{ email: 'me@x.io' }], cc: list, subject: 'Hi', text: '.' });`,
      [['cc', 'cc: list']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: Mailtrap in plain ESM JavaScript', rule, {
  valid: [`import { MailtrapClient } from 'mailtrap';\nnew MailtrapClient({ token: 'x' }).send({ ${from}, to: [{ email: 'a@x.io' }], subject: 'Hi', text: '.' });`],
  invalid: [
    invalid(
      'espree, ESM',
      `import { MailtrapClient } from 'mailtrap';\nconst client = new MailtrapClient({ token: 'x' });\nexport const f = (users) => client.send({ ${from}, to: users.map((u) => ({ email: u.email })), subject: 'Hi', text: '.' });`,
      [['to', 'to: users.map((u) => ({ email: u.email }))']],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Mailtrap in CommonJS', rule, {
  valid: [
    "const { MailtrapClient } = require('mailtrap');\nconst client = new MailtrapClient({ token: 'x' });\nmodule.exports = (users) => client.batchSend({ requests: users.map((u) => ({ to: [{ email: u.email }] })) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const { MailtrapClient } = require('mailtrap');\nconst client = new MailtrapClient({ token: 'x' });\nmodule.exports = (users) => client.batchSend({ requests: [{ to: users.map((u) => ({ email: u.email })) }] });",
      [['to', 'to: users.map((u) => ({ email: u.email }))']],
    ),
  ],
});
