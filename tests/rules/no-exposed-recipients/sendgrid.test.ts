import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const sdk = 'SendGrid (@sendgrid/mail)';
const fix =
  'Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.';

interface Expected {
  /** Offer the rename to `bcc` (false when the message already has a `bcc`). */
  bcc?: boolean;
  /** The text of the message object the `isMultiple: true` suggestion is inserted into. */
  flagIn?: string;
  /** Which occurrence of the text the report is on, from 0. */
  nth?: number;
}

/** The output of the `setFlag` suggestion: `isMultiple: true` set in the object `objectText`. */
function withFlag(code: string, objectText: string): string {
  const inner = /\bisMultiple: \w+/.test(objectText)
    ? objectText.replace(/\bisMultiple: \w+/, 'isMultiple: true')
    : objectText.replace(/^\{ /, '{ isMultiple: true, ');
  return code.replace(objectText, inner);
}

/** `code` with the `nth` occurrence of `text` replaced. */
function replaceNth(code: string, text: string, by: string, nth: number): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = code.indexOf(text, index + 1);
  return code.slice(0, index) + by + code.slice(index + text.length);
}

/** An `exposedList` report on `text` in `code`, with the suggestions that apply. */
const exposed = (code: string, text: string, field: string, { bcc = true, flagIn, nth = 0 }: Expected = {}) => {
  const key = field.split('.').at(-1)!;
  return {
    messageId: 'exposedList' as const,
    data: { sdk, field, fix },
    ...at(code, text, nth),
    // isMultiple first: it keeps the message valid. SendGrid rejects a message without `to`
    // (400, "The to array is required for all personalization objects"), so a `to` list is never
    // moved to bcc; a `cc` list is, with `to` kept.
    suggestions: [
      ...(flagIn
        ? [{ messageId: 'setFlag' as const, data: { flag: 'isMultiple: true' }, output: withFlag(code, flagIn) }]
        : []),
      ...(bcc && key !== 'to'
        ? [
            {
              messageId: 'moveToBcc' as const,
              data: { bcc: 'bcc', field },
              // A shorthand `{ cc }` becomes `{ bcc: cc }`.
              output: replaceNth(code, text, text === key ? `bcc: ${key}` : text.replace(new RegExp(`^${key}\\b`), 'bcc'), nth),
            },
          ]
        : []),
    ],
  };
};

/** An invalid case whose reports are written as (field, text, expected) triples and located in the code. */
const invalid = (name: string, code: string, reports: [field: string, text: string, expected?: Expected][]) => ({
  name,
  code,
  errors: reports.map(([field, text, expected]) => exposed(code, text, field, expected)),
});

// Every import form reaches a MailService: the module's own instance, or one built from the class.
const importForms: [string, string][] = [
  ['default import (the ready instance)', "import sg from '@sendgrid/mail';"],
  ['named import of the class', "import { MailService } from '@sendgrid/mail';\nconst sg = new MailService();"],
  ['aliased import of the class', "import { MailService as Service } from '@sendgrid/mail';\nconst sg = new Service();"],
  ['namespace import of the class', "import * as sendgrid from '@sendgrid/mail';\nconst sg = new sendgrid.MailService();"],
  ['the class read off the instance', "import sgMail from '@sendgrid/mail';\nconst sg = new sgMail.MailService();"],
  ['require', "const sg = require('@sendgrid/mail');"],
  ['destructured require of the class', "const { MailService } = require('@sendgrid/mail');\nconst sg = new MailService();"],
  ['the class off require()', "const sg = new (require('@sendgrid/mail').MailService)();"],
  ['`as` and `!`', "import sgMail from '@sendgrid/mail';\nconst sg = (sgMail as any)!;"],
  ['a MailService type annotation', "import type { MailService } from '@sendgrid/mail';\ndeclare const sg: MailService;"],
  ['a factory function', "import { MailService } from '@sendgrid/mail';\nconst make = () => new MailService();\nconst sg = make();"],
];

tsTester.run('no-exposed-recipients: SendGrid import forms', rule, {
  valid: importForms.flatMap(([, setup]) => [
    `${setup}\nexport const f = (users: { email: string }[]) => sg.sendMultiple({ to: users.map((u) => u.email) });`,
    `${setup}\nexport const f = (u: { email: string }, team: string[] = db.users.map((u) => u.email)) => sg.send({ to: u.email, bcc: team });`,
  ]),
  invalid: importForms.map(([name, setup]) => {
    const code = `${setup}\nexport const f = (users: { email: string }[]) => sg.send({ to: users.map((u) => u.email) });`;
    return invalid(name, code, [['to', 'to: users.map((u) => u.email)', { flagIn: '{ to: users.map((u) => u.email) }' }]]);
  }),
});

tsTester.run('no-exposed-recipients: SendGrid clients held elsewhere', rule, {
  valid: [
    // A local function named send is not SendGrid.
    `function send(msg: { to: string[] }) {}\nexport const f = (users: string[] = db.users.map((u) => u.email)) => send({ to: users });`,
    // A local class with the same methods.
    `class MailService { send(msg: unknown) {} }\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new MailService().send({ to: users });`,
    // A shadowed binding: the parameter is not the import.
    `import sgMail from '@sendgrid/mail';\nexport function f(sgMail: { send(m: unknown): void }, users: string[] = db.users.map((u) => u.email)) { sgMail.send({ to: users }); }`,
    // An unrelated send on another object.
    `import sgMail from '@sendgrid/mail';\ndeclare const socket: { send(m: unknown): void };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => socket.send({ to: users });`,
    // A local type named MailService proves nothing.
    `type MailService = { send(m: unknown): void };\nexport const f = (sg: MailService, users: string[] = db.users.map((u) => u.email)) => sg.send({ to: users });`,
    // A method SendGrid's client does not send with.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.setApiKey(users.join(','));`,
  ],
  invalid: [
    invalid(
      'class field with an initialiser',
      `import { MailService } from '@sendgrid/mail';
export class Mailer {
  private sg = new MailService();
  notify(users: string[] = db.users.map((u) => u.email)) { return this.sg.send({ from: 'a@x.io', to: users }); }
}`,
      [['to', 'to: users', { flagIn: "{ from: 'a@x.io', to: users }" }]],
    ),
    invalid(
      '`this.x` set in the constructor, and optional chaining',
      `import sgMail from '@sendgrid/mail';
class Mailer {
  constructor() { this.sg = sgMail; }
  notify(users: string[] = db.users.map((u) => u.email)) { return this.sg?.send({ cc: users, to: 'ops@x.io' }); }
}`,
      [['cc', 'cc: users']],
    ),
    invalid(
      'a constructor parameter property typed MailService',
      `import type { MailService } from '@sendgrid/mail';
export class Mailer {
  constructor(private readonly sg: MailService) {}
  notify(ids: Array<string> = db.users.map((u) => u.email)) { return this.sg.send({ to: ids.join(',') }); }
}`,
      [['to', "to: ids.join(',')", { flagIn: "{ to: ids.join(',') }" }]],
    ),
  ],
});

tsTester.run('no-exposed-recipients: SendGrid individual sends', rule, {
  valid: [
    // sendMultiple sends every `to` address its own copy.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.sendMultiple({ to: users });`,
    // send(msg, true) is sendMultiple.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.send({ to: users }, true);`,
    // isMultiple: true in the message.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.send({ to: users, isMultiple: true, subject: 'Hi' });`,
    // isMultiple set on a message built in a variable.
    `import sgMail from '@sendgrid/mail';\nexport function f(users: string[] = db.users.map((u) => u.email)) { const msg = { to: users, isMultiple: true }; return sgMail.send(msg); }`,
    // An isMultiple the code cannot see stays silent.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email), multiple: boolean) => sgMail.send({ to: users, isMultiple: multiple });`,
    // One personalization per recipient.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: { email: string }[]) => sgMail.send({ from: 'a@x.io', personalizations: users.map((u) => ({ to: u.email })) });`,
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: { email: string }[]) => sgMail.send({ personalizations: users.map((u) => ({ to: [{ email: u.email }] })) });`,
    // The list in bcc, a fixed to.
    `import sgMail from '@sendgrid/mail';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sgMail.send({ to: 'me@x.io', bcc: users });`,
    // A fixed list is not reported by default.
    `import sgMail from '@sendgrid/mail';\nsgMail.send({ to: ['ops@x.io', 'cto@x.io'], cc: 'a@x.io' });`,
  ],
  invalid: [
    invalid(
      'isMultiple only individualises `to`: cc is copied into every personalization',
      `import sgMail from '@sendgrid/mail';
export const f = (users: string[] = db.users.map((u) => u.email), managers: string[] = db.users.map((u) => u.email)) => sgMail.send({ to: users, cc: managers, isMultiple: true });`,
      [['cc', 'cc: managers']],
    ),
    invalid(
      'sendMultiple and send(msg, true) still expose cc',
      `import sgMail from '@sendgrid/mail';
export function f(users: string[] = db.users.map((u) => u.email), managers: string[] = db.users.map((u) => u.email)) {
  sgMail.sendMultiple({ to: users, cc: [...managers] });
  sgMail.send({ to: users, cc: managers.slice(1) }, true);
}`,
      [
        ['cc', 'cc: [...managers]'],
        ['cc', 'cc: managers.slice(1)'],
      ],
    ),
    invalid(
      'isMultiple: false is set to true by the suggestion',
      `import sgMail from '@sendgrid/mail';
export const f = (users: { email: string }[]) => sgMail.send({ isMultiple: false, to: users.map((u) => u.email) });`,
      [['to', 'to: users.map((u) => u.email)', { flagIn: '{ isMultiple: false, to: users.map((u) => u.email) }' }]],
    ),
    invalid(
      'send(msg, false) and a shorthand `to`',
      `import sgMail from '@sendgrid/mail';
export function f(to: string[] = db.users.map((u) => u.email)) { return sgMail.send({ to }, false); }`,
      [['to', 'to', { flagIn: '{ to }', nth: 1 }]],
    ),
    invalid(
      'one personalization holding the whole list',
      `import sgMail from '@sendgrid/mail';
export const f = (users: { email: string }[]) =>
  sgMail.send({ from: 'a@x.io', personalizations: [{ to: users.map((u) => u.email), subject: 'Hi' }] });`,
      [['personalizations[].to', 'to: users.map((u) => u.email)']],
    ),
    invalid(
      'personalizations are used as they are, even with isMultiple',
      `import sgMail from '@sendgrid/mail';
export const f = (a: string[] = db.users.map((u) => u.email), b: string[] = db.users.map((u) => u.email)) =>
  sgMail.send({ isMultiple: true, personalizations: [{ to: 'me@x.io', cc: b }, { to: a }] });`,
      [
        // Reports come in source order.
        ['personalizations[].cc', 'cc: b'],
        ['personalizations[].to', 'to: a'],
      ],
    ),
    invalid(
      'a message built in a variable, filled in a loop (no flag suggestion: the object is not at the call)',
      `import sgMail from '@sendgrid/mail';
export async function digest(users: { email: string }[]) {
  const addresses = [];
  for (const u of users) addresses.push(u.email);
  const msg = { subject: 'Digest', to: addresses };
  await sgMail.send(msg);
}`,
      [['to', 'to: addresses']],
    ),
    invalid(
      // isMultiple would copy the bcc into every personalization, and SendGrid refuses a request
      // that names an address twice: the flag would lose the whole send.
      'Object.keys into to with a bcc already there: no isMultiple',
      `import sgMail from '@sendgrid/mail';
declare const byEmail: Record<string, unknown>;
sgMail.send({ to: Object.keys(byEmail), bcc: 'audit@x.io' });`,
      [['to', 'to: Object.keys(byEmail)']],
    ),
    invalid(
      'a cc next to the list: no isMultiple; the cc list itself moves to bcc',
      `import sgMail from '@sendgrid/mail';
export const f = (users: { email: string }[], team: string[] = db.team.map((u) => u.email)) =>
  sgMail.send({ to: users.map((u) => u.email), cc: team, from: 'a@x.io' });`,
      [['to', 'to: users.map((u) => u.email)'], ['cc', 'cc: team']],
    ),
    (() => {
      // A later spread sets isMultiple: false; the flag goes after it, where nothing undoes it.
      const code = `import sgMail from '@sendgrid/mail';
export const f = (users: { email: string }[]) => sgMail.send({ to: users.map((u) => u.email), ...{ isMultiple: false } });`;
      return {
        name: 'isMultiple: false in a later spread: the flag goes last',
        code,
        errors: [
          {
            ...exposed(code, 'to: users.map((u) => u.email)', 'to'),
            suggestions: [
              {
                messageId: 'setFlag' as const,
                data: { flag: 'isMultiple: true' },
                output: code.replace('...{ isMultiple: false } })', '...{ isMultiple: false }, isMultiple: true })'),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      const code = `import sgMail from '@sendgrid/mail';
const defaults = { from: 'a@x.io', isMultiple: false };
export const f = (users: { email: string }[]) => sgMail.send({ isMultiple: false, to: users.map((u) => u.email), ...defaults });`;
      // A property of that name before the spread would be written twice, which TypeScript refuses.
      return { name: 'isMultiple set before a spread that sets it again: no flag', code, errors: [exposed(code, 'to: users.map((u) => u.email)', 'to')] };
    })(),
  ],
});

jsTester.run('no-exposed-recipients: SendGrid in plain ESM JavaScript', rule, {
  valid: [
    "import sgMail from '@sendgrid/mail';\nexport const f = (users) => sgMail.send({ to: users.map((u) => u.email), isMultiple: true });",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      "import sgMail from '@sendgrid/mail';\nexport const f = (users) => sgMail.send({ to: users.map((u) => u.email) });",
      [['to', 'to: users.map((u) => u.email)', { flagIn: '{ to: users.map((u) => u.email) }' }]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: SendGrid in CommonJS', rule, {
  valid: [
    "const sgMail = require('@sendgrid/mail');\nmodule.exports = (users) => sgMail.sendMultiple({ to: users.map((u) => u.email) });",
    // A local function called require is not Node's require.
    "function require(m) { return { send() {} }; }\nconst sgMail = require('@sendgrid/mail');\nmodule.exports = (users) => sgMail.send({ to: users.map((u) => u.email) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const sgMail = require('@sendgrid/mail');\nsgMail.setApiKey(process.env.KEY);\nmodule.exports = (users) => sgMail.send({ cc: users.map((u) => u.email), to: 'me@x.io' });",
      [['cc', 'cc: users.map((u) => u.email)']],
    ),
  ],
});
