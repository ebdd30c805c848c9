import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const transactional = 'Mandrill (@mailchimp/mailchimp_transactional)';
const legacy = 'Mandrill (mandrill-api)';
const fix = 'Set `preserve_recipients: false` so each recipient gets a copy addressed only to them.';
const unsetFix =
  'Set `preserve_recipients: false` in the message so each recipient gets a copy addressed only to them; without it the account setting decides.';
const flag = 'preserve_recipients: false';

/**
 * A report on `text` in `code`. `preserve_recipients` unset gives `accountDecides`; set to `true`
 * gives `exposedList`. The only suggestion sets the flag: `flagOutput` is the code after it, or
 * null when the message object cannot be edited. Mandrill has no bcc field to move the list to.
 */
const report = (
  code: string,
  text: string,
  { sdk, unset = true, flagOutput }: { sdk: string; unset?: boolean; flagOutput: string | null },
  location = at(code, text),
) => ({
  messageId: unset ? ('accountDecides' as const) : ('exposedList' as const),
  data: { sdk, field: 'message.to', fix: unset ? unsetFix : fix },
  ...location,
  suggestions: flagOutput === null ? [] : [{ messageId: 'setFlag' as const, data: { flag }, output: flagOutput }],
});

const mapped = 'to: users.map((u) => ({ email: u.email }))';
const send = (sendCall = 'client.messages.send', extra = '') =>
  `export const notify = (users: { email: string }[] = db.users.map((u) => u.email)) => ${sendCall}({ message: { ${extra}${mapped} } });`;

// Every import form reaches the same client: [name, label of the SDK, setup that defines `client`].
const importForms: [string, string, string][] = [
  [
    'transactional: default import',
    transactional,
    "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst client = mailchimp('key');",
  ],
  [
    'transactional: require',
    transactional,
    "const mailchimp = require('@mailchimp/mailchimp_transactional');\nconst client = mailchimp(process.env.MANDRILL_KEY);",
  ],
  [
    'transactional: the required factory called at once',
    transactional,
    "const client = require('@mailchimp/mailchimp_transactional')('key');",
  ],
  [
    'transactional: `as` and `!`',
    transactional,
    "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst client = (mailchimp('key') as any)!;",
  ],
  [
    'transactional: a local factory function',
    transactional,
    "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst make = () => mailchimp('key');\nconst client = make();",
  ],
  ['mandrill-api: named import', legacy, "import { Mandrill } from 'mandrill-api';\nconst client = new Mandrill('key');"],
  ['mandrill-api: aliased import', legacy, "import { Mandrill as Api } from 'mandrill-api';\nconst client = new Api('key');"],
  ['mandrill-api: default import', legacy, "import mandrill from 'mandrill-api';\nconst client = new mandrill.Mandrill('key');"],
  ['mandrill-api: namespace import', legacy, "import * as mandrill from 'mandrill-api';\nconst client = new mandrill.Mandrill('key');"],
  ['mandrill-api: require', legacy, "const mandrill = require('mandrill-api');\nconst client = new mandrill.Mandrill('key');"],
  ['mandrill-api: destructured require', legacy, "const { Mandrill } = require('mandrill-api');\nconst client = new Mandrill();"],
  ['mandrill-api: the class required inline', legacy, "const client = new (require('mandrill-api').Mandrill)('key');"],
  ['mandrill-api: the file path', legacy, "import { Mandrill } from 'mandrill-api/mandrill';\nconst client = new Mandrill('key');"],
];

tsTester.run('no-exposed-recipients: Mandrill import forms', rule, {
  valid: importForms.map(([, , setup]) => ({ code: `${setup}\n${send(undefined, 'preserve_recipients: false, ')}` })),
  invalid: importForms.map(([name, sdk, setup]) => {
    const code = `${setup}\n${send()}`;
    return {
      name,
      code,
      errors: [report(code, mapped, { sdk, flagOutput: code.replace(mapped, `${flag}, ${mapped}`) })],
    };
  }),
});

const setup = "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst client = mailchimp('key');";

tsTester.run('no-exposed-recipients: Mandrill preserve_recipients and entry types', rule, {
  valid: [
    // preserve_recipients: false sends everyone a copy addressed only to them.
    `${setup}\n${send()}`.replace('{ to:', '{ preserve_recipients: false, to:'),
    // The same through a constant, and for sendTemplate.
    `${setup}\nconst PRESERVE = false;\n${send(undefined, 'preserve_recipients: PRESERVE, ')}`,
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => client.messages.sendTemplate({ template_name: 'digest', template_content: [], message: { to: users.map((u) => ({ email: u.email })), preserve_recipients: false } });`,
    // A value the code cannot see: the rule does not guess.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email), preserve: boolean) => client.messages.send({ message: { preserve_recipients: preserve, to: users.map((u) => ({ email: u.email })) } });`,
    // Every entry is a blind copy.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => client.messages.send({ message: { to: users.map((u) => ({ email: u.email, type: 'bcc' })) } });`,
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => client.messages.send({ message: { to: users.map((u) => ({ email: u.email, type: 'bcc' as const })) } });`,
    // One recipient, and a fixed list, are not data-driven lists.
    `${setup}\nexport const f = (u: { email: string }) => client.messages.send({ message: { to: [{ email: u.email }] } });`,
    `${setup}\nclient.messages.send({ message: { to: [{ email: 'ops@example.com' }, { email: 'cto@example.com' }] } });`,
  ],
  invalid: [
    (() => {
      const code = `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => client.messages.send({ message: { preserve_recipients: true, to: users.map((u) => ({ email: u.email })) } });`;
      return {
        name: 'preserve_recipients: true shows everyone; the suggestion turns it off',
        code,
        errors: [
          report(code, mapped, {
            sdk: transactional,
            unset: false,
            flagOutput: code.replace('preserve_recipients: true', flag),
          }),
        ],
      };
    })(),
    (() => {
      const code = `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => client.messages.sendTemplate({ template_name: 'digest', template_content: [], message: { ${mapped} } });`;
      return {
        name: 'sendTemplate',
        code,
        errors: [report(code, mapped, { sdk: transactional, flagOutput: code.replace(mapped, `${flag}, ${mapped}`) })],
      };
    })(),
    (() => {
      const text = "to: users.map((u) => ({ email: u.email, type: u.hidden ? 'bcc' : 'to' }))";
      const code = `${setup}\nexport const f = (users: { email: string; hidden: boolean }[] = db.users.map((u) => u.email)) => client.messages.send({ message: { subject: 'Hi', ${text} } });`;
      return {
        name: 'entries that are not all bcc',
        code,
        errors: [
          report(code, text, { sdk: transactional, flagOutput: code.replace("{ subject: 'Hi'", `{ ${flag}, subject: 'Hi'`) }),
        ],
      };
    })(),
    (() => {
      const text = "to: users.map((u) => ({ email: u.email, type: 'to' }))";
      const code = `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => client.messages.send({ message: { ${text} } });`;
      return {
        name: "entries typed 'to'",
        code,
        errors: [report(code, text, { sdk: transactional, flagOutput: code.replace(text, `${flag}, ${text}`) })],
      };
    })(),
    (() => {
      const code = `${setup}
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const to = [];
  for (const u of users) to.push({ email: u.email });
  return client.messages.send({ message: { subject: 'Hi', to } });
}`;
      return {
        name: 'an array filled in a loop, in a shorthand property',
        code,
        errors: [
          report(
            code,
            'to',
            { sdk: transactional, flagOutput: code.replace("{ subject: 'Hi'", `{ ${flag}, subject: 'Hi'`) },
            { ...at(code, 'to }'), endColumn: at(code, 'to }').column + 2 },
          ),
        ],
      };
    })(),
    (() => {
      const text = 'to: [...set].map((email) => ({ email }))';
      const code = `${setup}\nexport const f = (set: Set<string> = db.users.map((u) => u.email)) => client.messages.send({ message: { ${text} } });`;
      return {
        name: 'a spread set',
        code,
        errors: [report(code, text, { sdk: transactional, flagOutput: code.replace(text, `${flag}, ${text}`) })],
      };
    })(),
    (() => {
      const text = 'to: Object.keys(byEmail).map((email) => ({ email }))';
      const code = `${setup}\nexport const f = (byEmail: Record<string, string>) => client.messages.send({ message: { ${text} } });`;
      return {
        name: 'Object.keys',
        code,
        errors: [report(code, text, { sdk: transactional, flagOutput: code.replace(text, `${flag}, ${text}`) })],
      };
    })(),
    (() => {
      const text = 'to: list.map((email) => ({ email }))';
      const code = `${setup}\nexport function f(list: string[] = db.users.map((u) => u.email)) {\n  const message = { subject: 'Hi', ${text} };\n  return client.messages.send({ message });\n}`;
      return {
        name: 'a message built in a variable: no object to put the flag in',
        code,
        errors: [report(code, text, { sdk: transactional, flagOutput: null })],
      };
    })(),
  ],
});

tsTester.run('no-exposed-recipients: Mandrill clients held elsewhere', rule, {
  valid: [
    // Look-alikes: a local send, a local class named Mandrill, an object with messages.send.
    `function send(o: unknown) {}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => send({ message: { to: list } });`,
    `class Mandrill { messages = { send(o: unknown) {} }; }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new Mandrill().messages.send({ message: { to: list } });`,
    `const client = { messages: { send(o: unknown) {} } };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => client.messages.send({ message: { to: list } });`,
    // A shadowed binding: the parameter is not the import.
    `import mailchimp from '@mailchimp/mailchimp_transactional';\nexport function f(mailchimp: any, list: string[] = db.users.map((u) => u.email)) { return mailchimp('k').messages.send({ message: { to: list } }); }`,
    `import { Mandrill } from 'mandrill-api';\nexport function f(Mandrill: any, list: string[] = db.users.map((u) => u.email)) { return new Mandrill('k').messages.send({ message: { to: list } }); }`,
    // An unrelated send on the same client shape from another module.
    `import mailchimp from './mailchimp';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => mailchimp('k').messages.send({ message: { to: list } });`,
  ],
  invalid: [
    (() => {
      const text = 'to: list.map((email) => ({ email }))';
      const code = `import mailchimp from '@mailchimp/mailchimp_transactional';
export class Mailer {
  private client = mailchimp(process.env.KEY!);
  notify(list: string[] = db.users.map((u) => u.email)) { return this.client.messages.send({ message: { ${text} } }); }
}`;
      return {
        name: 'class field with an initialiser',
        code,
        errors: [report(code, text, { sdk: transactional, flagOutput: code.replace(text, `${flag}, ${text}`) })],
      };
    })(),
    (() => {
      const text = 'to: list.map((email) => ({ email }))';
      const code = `import { Mandrill } from 'mandrill-api';
class Mailer {
  constructor() { this.client = new Mandrill('key'); }
  notify(list: string[] = db.users.map((u) => u.email)) { return this.client?.messages.send({ message: { ${text} } }, () => {}, () => {}); }
}`;
      return {
        name: 'this.client set in the constructor, with optional chaining',
        code,
        errors: [report(code, text, { sdk: legacy, flagOutput: code.replace(text, `${flag}, ${text}`) })],
      };
    })(),
    (() => {
      const text = 'to: list.map((email) => ({ email }))';
      const code = `import { Mandrill } from 'mandrill-api';
export class Mailer {
  constructor(private readonly client: Mandrill) {}
  notify(list: string[] = db.users.map((u) => u.email)) { return this.client.messages.send({ message: { ${text} } }); }
}`;
      return {
        name: 'a constructor parameter typed with the class',
        code,
        errors: [report(code, text, { sdk: legacy, flagOutput: code.replace(text, `${flag}, ${text}`) })],
      };
    })(),
  ],
});

jsTester.run('no-exposed-recipients: Mandrill in plain ESM JavaScript', rule, {
  valid: [
    "import mailchimp from '@mailchimp/mailchimp_transactional';\nexport const f = (users) => mailchimp('k').messages.send({ message: { preserve_recipients: false, to: users.map((u) => ({ email: u.email })) } });",
  ],
  invalid: [
    (() => {
      const code = `import mailchimp from '@mailchimp/mailchimp_transactional';\nexport const f = (users) => mailchimp('k').messages.send({ message: { ${mapped} } });`;
      return {
        name: 'espree, ESM',
        code,
        errors: [report(code, mapped, { sdk: transactional, flagOutput: code.replace(mapped, `${flag}, ${mapped}`) })],
      };
    })(),
  ],
});

cjsTester.run('no-exposed-recipients: Mandrill in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { Mandrill: function () {} }; }\nconst mandrill = require('mandrill-api');\nmodule.exports = (users = db.users.map((u) => u.email)) => new mandrill.Mandrill('k').messages.send({ message: { to: users.map((u) => ({ email: u.email })) } });",
  ],
  invalid: [
    (() => {
      const code = `const mandrill = require('mandrill-api');\nconst client = new mandrill.Mandrill('key');\nmodule.exports = (users = db.users.map((u) => u.email)) => client.messages.send({ message: { preserve_recipients: true, ${mapped} } }, () => {}, () => {});`;
      return {
        name: 'espree, CommonJS',
        code,
        errors: [
          report(code, mapped, { sdk: legacy, unset: false, flagOutput: code.replace('preserve_recipients: true', flag) }),
        ],
      };
    })(),
  ],
});
