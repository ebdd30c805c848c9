import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'nodemailer';
const fix =
  'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const { exposed, invalid } = exposedReports(sdk, fix);

// Every import form reaches the same transporter.
const importForms: [string, string][] = [
  ['default import', "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});"],
  ['namespace import', "import * as nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});"],
  ['named import', "import { createTransport } from 'nodemailer';\nconst t = createTransport({});"],
  ['aliased import', "import { createTransport as mk } from 'nodemailer';\nconst t = mk({});"],
  ['require', "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});"],
  ['destructured require', "const { createTransport } = require('nodemailer');\nconst t = createTransport({});"],
  ['`as` and `!`', "import nodemailer from 'nodemailer';\nconst t = (nodemailer.createTransport({}) as any)!;"],
  ['factory function', "import nodemailer from 'nodemailer';\nconst make = () => nodemailer.createTransport({});\nconst t = make();"],
];



tsTester.run('no-exposed-recipients: nodemailer import forms', rule, {
  valid: importForms.map(([, setup]) => ({
    code: `${setup}\nexport const f = (u: { email: string }) => t.sendMail({ to: u.email, bcc: ['a@x.io', 'b@x.io'] });`,
  })),
  invalid: importForms.map(([name, setup]) =>
    invalid(name, `${setup}\nexport const f = (users: { email: string }[]) => t.sendMail({ to: users.map((u) => u.email) });`, [
      ['to', 'to: users.map((u) => u.email)'],
    ]),
  ),
});

tsTester.run('no-exposed-recipients: nodemailer clients held elsewhere', rule, {
  valid: [
    // A look-alike: a local sendMail is not nodemailer.
    `function sendMail(o: { to: string[] }) {}\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sendMail({ to: users });`,
    // An unrelated object with a sendMail method.
    `const mailer = { sendMail(o: unknown) {} };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => mailer.sendMail({ to: users });`,
    // A shadowed binding: the parameter is not the import.
    `import nodemailer from 'nodemailer';\nexport function f(nodemailer: any, users: string[] = db.users.map((u) => u.email)) { return nodemailer.createTransport().sendMail({ to: users }); }`,
    // A local type named Transporter proves nothing.
    `type Transporter = { sendMail(o: unknown): void };\nexport const f = (t: Transporter, users: string[] = db.users.map((u) => u.email)) => t.sendMail({ to: users });`,
    // Unknown values stay silent.
    `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const f = (to: string) => t.sendMail({ to, cc: getCc() });\ndeclare function getCc(): string;`,
    // A fixed list is not reported by default.
    `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nt.sendMail({ to: ['ops@example.com', 'cto@example.com'], cc: 'a@example.com, b@example.com' });`,
    // A delimited string from configuration is not a data set.
    `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nt.sendMail({ to: process.env.ALERTS!.split(',').map((s) => s.trim()) });`,
  ],
  invalid: [
    invalid(
      'class field initialised in the constructor',
      `import nodemailer from 'nodemailer';
class Mailer {
  constructor() { this.t = nodemailer.createTransport({}); }
  notify(users: string[] = db.users.map((u) => u.email)) { return this.t.sendMail({ cc: users }); }
}`,
      [['cc', 'cc: users']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { createTransport } from 'nodemailer';
export class Mailer {
  private t = createTransport({});
  notify = (users: string[] = db.users.map((u) => u.email)) => this.t?.sendMail({ to: users.filter(Boolean) });
}`,
      [['to', 'to: users.filter(Boolean)']],
    ),
    invalid(
      'parameter annotated with the Transporter type',
      `import type { Transporter } from 'nodemailer';
export const f = (t: Transporter, ids: string[] = db.users.map((u) => u.email)) => t.sendMail({ to: ids });`,
      [['to', 'to: ids']],
    ),
    invalid(
      'constructor parameter property with a qualified type',
      `import * as nodemailer from 'nodemailer';
export class Mailer {
  constructor(private readonly t: nodemailer.Transporter) {}
  send(list: Array<string> = db.users.map((u) => u.email)) { return this.t.sendMail({ to: list.join(', ') }); }
}`,
      [['to', "to: list.join(', ')"]],
    ),
    invalid(
      'a message built in a variable, and an array filled in a loop',
      `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({});
export async function digest(users: { email: string }[]) {
  const addresses = [];
  for (const u of users) addresses.push(u.email);
  const msg = { subject: 'Digest', to: addresses };
  await t.sendMail(msg);
}`,
      [['to', 'to: addresses']],
    ),
    (() => {
      const line = "t.sendMail({ to: Object.keys(byEmail), cc: [...set], bcc: 'x@y.z' });";
      const code = `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({});
declare const byEmail: Record<string, unknown>;
declare const set: Set<string>;
${line}
t.sendMail({ to: Array.from(set) });`;
      // The bcc already there is kept: the list is merged into it.
      return invalid('spreads, Object.keys and Array.from', code, [
        ['to', 'to: Object.keys(byEmail)', code.replace(line, "t.sendMail({ cc: [...set], bcc: ['x@y.z', Object.keys(byEmail)].flat() });")],
        ['cc', 'cc: [...set]', code.replace(line, "t.sendMail({ to: Object.keys(byEmail), bcc: ['x@y.z', ...set].flat() });")],
        ['to', 'to: Array.from(set)'],
      ]);
    })(),
  ],
});

tsTester.run('no-exposed-recipients: maxFixedRecipients', rule, {
  valid: [
    {
      code: "import nodemailer from 'nodemailer';\nnodemailer.createTransport({}).sendMail({ to: 'a@x.io, b@x.io' });",
      options: [{ maxFixedRecipients: 2 }],
    },
  ],
  invalid: [
    (() => {
      const code = "import nodemailer from 'nodemailer';\nnodemailer.createTransport({}).sendMail({ to: 'a@x.io, b@x.io, c@x.io' });";
      const text = "to: 'a@x.io, b@x.io, c@x.io'";
      return {
        code,
        options: [{ maxFixedRecipients: 2 }] as [{ maxFixedRecipients: number }],
        errors: [
          {
            ...exposed(code, text),
            messageId: 'fixedListTooLong' as const,
            data: { sdk, field: 'to', fix, count: 3, max: 2 },
          },
        ],
      };
    })(),
  ],
});

tsTester.run('no-exposed-recipients: in-file wrappers', rule, {
  valid: [
    `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({});
function sendEmail({ to, subject }: { to: string; subject: string }) { return t.sendMail({ to, subject }); }
export const welcome = (user: { email: string }) => sendEmail({ to: user.email, subject: 'Welcome' });`,
  ],
  invalid: [
    (() => {
      const code = `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({});
function sendEmail({ to, subject }) { return t.sendMail({ to, subject }); }
export const launch = (users) => sendEmail({ to: users.map((u) => u.email), subject: 'We launched' });`;
      return {
        name: 'a destructured options parameter',
        code,
        errors: [
          {
            messageId: 'exposedThroughWrapper' as const,
            data: { sdk, field: 'to', fix, wrapper: 'sendEmail' },
            ...at(code, 'to: users.map((u) => u.email)'),
            suggestions: [],
          },
        ],
      };
    })(),
    (() => {
      const code = `import { createTransport } from 'nodemailer';
class Mailer {
  private t = createTransport({});
  private send(to, subject: string) { return this.t.sendMail({ to, subject }); }
  private alert(people, what: string) { return this.send(people, what); }
  ownersChanged(owners: { email: string }[]) { return this.alert(owners.map((o) => o.email), 'Owners changed'); }
}`;
      return {
        name: 'a method called through this, two levels deep',
        code,
        errors: [
          {
            messageId: 'exposedThroughWrapper' as const,
            data: { sdk, field: 'to', fix, wrapper: 'alert' },
            ...at(code, 'owners.map((o) => o.email)'),
            suggestions: [],
          },
        ],
      };
    })(),
  ],
});

jsTester.run('no-exposed-recipients: nodemailer in plain ESM JavaScript', rule, {
  valid: ["import nodemailer from 'nodemailer';\nnodemailer.createTransport({}).sendMail({ to: 'a@x.io' });"],
  invalid: [
    invalid(
      'espree, ESM',
      "import nodemailer from 'nodemailer';\nexport const f = (users) => nodemailer.createTransport({}).sendMail({ to: users.map((u) => u.email) });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: nodemailer in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { createTransport() { return { sendMail() {} }; } }; }\nconst nm = require('nodemailer');\nmodule.exports = (users) => nm.createTransport().sendMail({ to: users.map((u) => u.email) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nmodule.exports = (users) => t.sendMail({ to: users.map((u) => u.email) });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ],
});
