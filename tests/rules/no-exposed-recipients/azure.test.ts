import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'Azure Communication Email';
const fix =
  'Put the list in `recipients.bcc` (at most 50 recipients a message), or send one message per recipient within the account rate limit.';
const { exposed, invalid } = exposedReports(sdk, fix, { field: 'recipients.to' });

const to = 'to: list.map((a) => ({ address: a }))';
const send = (client = 'client') =>
  `export const f = (list: string[] = db.users.map((u) => u.email)) => ${client}.beginSend({ senderAddress: 'news@x.io', content: { subject: 'Hi' }, recipients: { ${to} } });`;

// @azure/communication-email has named exports only (no default export).
const importForms: [string, string][] = [
  ['named import', "import { EmailClient } from '@azure/communication-email';\nconst client = new EmailClient('endpoint=https://x;accesskey=k');"],
  ['aliased import', "import { EmailClient as Acs } from '@azure/communication-email';\nconst client = new Acs(process.env.ACS_CONNECTION!);"],
  ['namespace import', "import * as acs from '@azure/communication-email';\nconst client = new acs.EmailClient('c');"],
  ['require', "const acs = require('@azure/communication-email');\nconst client = new acs.EmailClient('c');"],
  ['destructured require', "const { EmailClient } = require('@azure/communication-email');\nconst client = new EmailClient('https://x', credential);"],
  ['`as` and `!`', "import { EmailClient } from '@azure/communication-email';\nconst client = (new EmailClient('c') as any)!;"],
  ['a local factory', "import { EmailClient } from '@azure/communication-email';\nconst make = () => new EmailClient('c');\nconst client = make();"],
];

tsTester.run('no-exposed-recipients: Azure import forms', rule, {
  valid: importForms.map(([, setup]) => ({
    // One address per message.
    code: `${setup}\nexport const f = (u: { email: string }) => client.beginSend({ senderAddress: 'news@x.io', content: { subject: 'Hi' }, recipients: { to: [{ address: u.email }] } });`,
  })),
  invalid: importForms.map(([name, setup]) => invalid(name, `${setup}\n${send()}`, [['recipients.to', to]])),
});

const setup = "import { EmailClient } from '@azure/communication-email';\nconst client = new EmailClient('c');";

tsTester.run('no-exposed-recipients: Azure messages', rule, {
  valid: [
    // The list in bcc is hidden.
    `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.beginSend({ recipients: { to: [{ address: 'me@x.io' }], bcc: list.map((a) => ({ address: a })) } });`,
    // One message per recipient.
    `${setup}\nexport async function f(users: { email: string }[] = db.users.map((u) => u.email)) {\n  for (const u of users) await (await client.beginSend({ recipients: { to: [{ address: u.email, displayName: 'You' }] } })).pollUntilDone();\n}`,
    // A fixed list.
    `${setup}\nclient.beginSend({ recipients: { to: [{ address: 'a@x.io' }, { address: 'b@x.io' }] } });`,
    // Look-alikes: a local class, an object, a shadowed binding, an unrelated send.
    `class EmailClient { beginSend(m: unknown) {} }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new EmailClient().beginSend({ recipients: { to: list } });`,
    `const client = { beginSend(m: unknown) {} };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.beginSend({ recipients: { to: list } });`,
    `import { EmailClient } from '@azure/communication-email';\nexport function f(EmailClient: any, list: string[] = db.users.map((u) => u.email)) { return new EmailClient('c').beginSend({ recipients: { to: list } }); }`,
    `import { EmailClient } from '@azure/communication-email';\nimport { send } from './queue';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => send({ recipients: { to: list } });`,
  ],
  invalid: [
    invalid(
      'cc',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.beginSend({ recipients: { to: [{ address: 'me@x.io' }], cc: list.map((a) => ({ address: a })) } });`,
      [['recipients.cc', 'cc: list.map((a) => ({ address: a }))']],
    ),
    (() => {
      const code = `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.beginSend({ recipients: { bcc: [{ address: 'audit@x.io' }], ${to} } });`;
      // The audit copy stays: the list is merged into the bcc already there.
      const merged = code.replace(
        `{ bcc: [{ address: 'audit@x.io' }], ${to} }`,
        "{ bcc: [{ address: 'audit@x.io' }, list.map((a) => ({ address: a }))].flat() }",
      );
      return invalid('bcc already there: merged', code, [['recipients.to', to, merged]]);
    })(),
    invalid(
      'to and cc in one message',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email), set: Set<string> = db.users.map((u) => u.email)) => client.beginSend({ recipients: { ${to}, cc: [...set].map((a) => ({ address: a })) } });`,
      [
        ['recipients.to', to],
        ['recipients.cc', 'cc: [...set].map((a) => ({ address: a }))'],
      ],
    ),
    invalid(
      'the poller awaited; the message typed and in a variable',
      `import { EmailClient, type EmailMessage } from '@azure/communication-email';
const client = new EmailClient('c');
export async function f(list: string[] = db.users.map((u) => u.email)) {
  const message: EmailMessage = { senderAddress: 'news@x.io', content: { subject: 'Hi' }, recipients: { ${to} } };
  const poller = await client.beginSend(message);
  return poller.pollUntilDone();
}`,
      [['recipients.to', to]],
    ),
    (() => {
      const code = `${setup}
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const cc = [];
  for (const u of users) cc.push({ address: u.email });
  return client.beginSend({ recipients: { to: [{ address: 'me@x.io' }], cc } });
}`;
      return {
        name: 'an array filled in a loop, in a shorthand property',
        code,
        errors: [
          {
            ...exposed(code, 'cc', 'recipients.cc'),
            ...at(code, 'cc', 2),
            suggestions: [
              {
                messageId: 'moveToBcc' as const,
                data: { bcc: 'bcc', field: 'recipients.cc' },
                output: code.replace('cc } });', 'bcc: cc } });'),
              },
            ],
          },
        ],
      };
    })(),
    invalid(
      'a parameter typed with the class',
      `import { EmailClient } from '@azure/communication-email';\n${send().replace('(list: string[] = db.users.map((u) => u.email))', '(client: EmailClient, list: string[] = db.users.map((u) => u.email))')}`,
      [['recipients.to', to]],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { EmailClient } from '@azure/communication-email';
export class Mailer {
  private client = new EmailClient('c');
  notify = (list: string[] = db.users.map((u) => u.email)) => this.client?.beginSend({ recipients: { ${to} } });
}`,
      [['recipients.to', to]],
    ),
    invalid(
      'this.client set in the constructor',
      `import { EmailClient } from '@azure/communication-email';
class Mailer {
  constructor(connection: string) { this.client = new EmailClient(connection); }
  notify(list: string[] = db.users.map((u) => u.email)) { return this.client.beginSend({ recipients: { ${to} } }); }
}`,
      [['recipients.to', to]],
    ),
  ],
});

jsTester.run('no-exposed-recipients: Azure in plain ESM JavaScript', rule, {
  valid: [
    "import { EmailClient } from '@azure/communication-email';\nexport const f = (u) => new EmailClient('c').beginSend({ recipients: { to: [{ address: u.email }] } });",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      `import { EmailClient } from '@azure/communication-email';\nexport const f = (list = db.users.map((u) => u.email)) => new EmailClient('c').beginSend({ recipients: { ${to} } });`,
      [['recipients.to', to]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Azure in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return {}; }\nconst { EmailClient } = require('@azure/communication-email');\nmodule.exports = (list = db.users.map((u) => u.email)) => new EmailClient('c').beginSend({ recipients: { to: list.map((a) => ({ address: a })) } });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      `const { EmailClient } = require('@azure/communication-email');\nconst client = new EmailClient(process.env.ACS);\nmodule.exports = (users = db.users.map((u) => u.email)) => client.beginSend({ recipients: { cc: users.map((u) => ({ address: u.email })) } });`,
      [['recipients.cc', 'cc: users.map((u) => ({ address: u.email }))']],
    ),
  ],
});
