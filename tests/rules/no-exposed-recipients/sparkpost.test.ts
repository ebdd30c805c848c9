import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const sdk = 'SparkPost';
const fix =
  'List each person in `recipients` without `header_to` or `cc`: SparkPost then sends each a copy addressed only to them.';
/**
 * An `exposedList` report on `text` in `code`. The `cc` sugar has a `bcc` sibling to move to;
 * `header_to` has none.
 */
const exposed = (code: string, text: string, field = 'cc', nth = 0) => ({
  messageId: 'exposedList' as const,
  data: { sdk, field, fix },
  ...at(code, text, nth),
  suggestions:
    field === 'cc' && !/\bbcc:/.test(code)
      ? [
          {
            messageId: 'moveToBcc' as const,
            data: { bcc: 'bcc', field },
            output: code.replace(text, text.replace(/^cc\b/, 'bcc')),
          },
        ]
      : [],
});

/** An invalid case whose reports are written as (field, text) pairs and located in the code. */
const invalid = (name: string, code: string, reports: [field: string, text: string, nth?: number][]) => ({
  name,
  code,
  errors: reports.map(([field, text, nth]) => exposed(code, text, field, nth)),
});

const headerTo = 'recipients[].address.header_to';
const cc = 'cc: list.map((address) => ({ address }))';
const send = `export const f = (list: string[] = db.users.map((u) => u.email)) => sp.transmissions.send({ content: { subject: 'Hi' }, recipients: [{ address: 'me@x.io' }], ${cc} });`;

// sparkpost exports the constructor itself (`module.exports = SparkPost`).
const importForms: [string, string][] = [
  ['default import', "import SparkPost from 'sparkpost';\nconst sp = new SparkPost('key');"],
  ['other local name', "import Client from 'sparkpost';\nconst sp = new Client('key', { origin: 'https://api.eu.sparkpost.com:443' });"],
  ['require', "const SparkPost = require('sparkpost');\nconst sp = new SparkPost();"],
  ['required inline', "const sp = new (require('sparkpost'))(process.env.SPARKPOST_KEY);"],
  ['`as` and `!`', "import SparkPost from 'sparkpost';\nconst sp = (new SparkPost('key') as any)!;"],
  ['a local factory', "import SparkPost from 'sparkpost';\nfunction client() { return new SparkPost('key'); }\nconst sp = client();"],
];

tsTester.run('no-exposed-recipients: SparkPost import forms', rule, {
  valid: importForms.map(([, setup]) => ({
    // Every entry of recipients gets its own copy, addressed only to it.
    code: `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => sp.transmissions.send({ content: { subject: 'Hi' }, recipients: users.map((u) => ({ address: u.email })) });`,
  })),
  invalid: importForms.map(([name, setup]) => invalid(name, `${setup}\n${send}`, [['cc', cc]])),
});

const setup = "import SparkPost from 'sparkpost';\nconst sp = new SparkPost('key');";

tsTester.run('no-exposed-recipients: SparkPost transmissions', rule, {
  valid: [
    // Individual copies, with an address object and with a stored list.
    `${setup}\nexport const f = (users: { email: string; name: string }[] = db.users.map((u) => u.email)) => sp.transmissions.send({ recipients: users.map((u) => ({ address: { email: u.email, name: u.name } })) });`,
    `${setup}\nsp.transmissions.send({ recipients: { list_id: 'newsletter' } });`,
    // header_to naming the recipient alone hides nobody.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => sp.transmissions.send({ recipients: users.map((u) => ({ address: { email: u.email, header_to: u.email } })) });`,
    // bcc is hidden.
    `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => sp.transmissions.send({ recipients: [{ address: 'me@x.io' }], bcc: list.map((address) => ({ address })) });`,
    // A fixed cc list.
    `${setup}\nsp.transmissions.send({ recipients: [{ address: 'me@x.io' }], cc: [{ address: 'a@x.io' }, { address: 'b@x.io' }] });`,
    // Look-alikes: a local class, an object, a shadowed binding, an unrelated send.
    `class SparkPost { transmissions = { send(t: unknown) {} }; }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new SparkPost().transmissions.send({ cc: list });`,
    `const sp = { transmissions: { send(t: unknown) {} } };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => sp.transmissions.send({ cc: list });`,
    `import SparkPost from 'sparkpost';\nexport function f(SparkPost: any, list: string[] = db.users.map((u) => u.email)) { return new SparkPost('k').transmissions.send({ cc: list }); }`,
    `import SparkPost from 'sparkpost';\nimport { send } from './queue';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => send({ cc: list });`,
    // Other resources of the client do not send.
    `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => sp.recipientLists.create({ cc: list });`,
  ],
  invalid: [
    invalid(
      'header_to showing the whole list in every copy',
      `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email), list: string[] = db.users.map((u) => u.email)) => sp.transmissions.send({ recipients: users.map((u) => ({ address: { email: u.email, header_to: list.join(',') } })) });`,
      [[headerTo, "header_to: list.join(',')"]],
    ),
    invalid(
      'header_to built from the recipients themselves',
      `${setup}
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const everyone = users.map((u) => u.email).join(', ');
  return sp.transmissions.send({ recipients: [{ address: { email: 'a@x.io', header_to: everyone } }, { address: { email: 'b@x.io', header_to: everyone } }] });
}`,
      [
        [headerTo, 'header_to: everyone', 0],
        [headerTo, 'header_to: everyone', 1],
      ],
    ),
    (() => {
      const code = `${setup}\nexport const f = (set: Set<string> = db.users.map((u) => u.email)) => sp.transmissions.send({ recipients: [{ address: 'me@x.io' }], bcc: [], cc: [...set].map((address) => ({ address })) });`;
      // An empty bcc is replaced by the list.
      const merged = code.replace('bcc: [], cc: [...set].map((address) => ({ address }))', 'bcc: [...set].map((address) => ({ address }))');
      const text = 'cc: [...set].map((address) => ({ address }))';
      return {
        name: 'an empty bcc already there: the list takes its place',
        code,
        errors: [{ ...exposed(code, text), suggestions: [{ messageId: 'moveToBcc' as const, data: { bcc: 'bcc', field: 'cc' }, output: merged }] }],
      };
    })(),
    invalid(
      'the transmission in a variable, with options',
      `${setup}
export async function f(list: string[] = db.users.map((u) => u.email)) {
  const transmission = { content: { subject: 'Hi' }, recipients: [{ address: 'me@x.io' }], ${cc} };
  await sp.transmissions.send(transmission, { num_rcpt_errors: 3 });
}`,
      [['cc', cc]],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import SparkPost from 'sparkpost';
export class Mailer {
  private sp = new SparkPost('key');
  notify = (list: string[] = db.users.map((u) => u.email)) => this.sp?.transmissions.send({ ${cc} });
}`,
      [['cc', cc]],
    ),
    invalid(
      'this.sp set in the constructor',
      `const SparkPost = require('sparkpost');
class Mailer {
  constructor() { this.sp = new SparkPost(); }
  notify(list: string[] = db.users.map((u) => u.email)) { return this.sp.transmissions.send({ ${cc} }); }
}`,
      [['cc', cc]],
    ),
    invalid(
      'a parameter typed with the class',
      `import SparkPost from 'sparkpost';\nexport const f = (sp: SparkPost, list: string[] = db.users.map((u) => u.email)) => sp.transmissions.send({ ${cc} });`,
      [['cc', cc]],
    ),
  ],
});

jsTester.run('no-exposed-recipients: SparkPost in plain ESM JavaScript', rule, {
  valid: [
    "import SparkPost from 'sparkpost';\nexport const f = (users) => new SparkPost('k').transmissions.send({ recipients: users.map((u) => ({ address: u.email })) });",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      `import SparkPost from 'sparkpost';\nexport const f = (list = db.users.map((u) => u.email)) => new SparkPost('k').transmissions.send({ recipients: [{ address: 'me@x.io' }], ${cc} });`,
      [['cc', cc]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: SparkPost in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return function () {}; }\nconst SparkPost = require('sparkpost');\nmodule.exports = (list = db.users.map((u) => u.email)) => new SparkPost().transmissions.send({ cc: list.map((address) => ({ address })) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const SparkPost = require('sparkpost');\nconst sp = new SparkPost();\nmodule.exports = (users, list = db.users.map((u) => u.email)) => sp.transmissions.send({ recipients: users.map((u) => ({ address: { email: u.email, header_to: list.join(',') } })) });",
      [[headerTo, "header_to: list.join(',')"]],
    ),
  ],
});
