// The shapes of real code that the value-flow engine follows inside one file (issue 12): an
// element of a derived list, queued messages, builders, conditionals, private methods, a
// transport handed to a function. Each in TypeScript, ESM JavaScript and CommonJS.
import exposedRule from '../../../src/rules/no-exposed-recipients.js';
import unbatchedRule from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const nodemailerFix = 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const nodemailerBatching =
  'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';
const sendgridBatching =
  'Send one request with one `personalizations` entry per recipient (at most 1,000 a request), or `sgMail.sendMultiple` with the list in `to`.';
const { exposed } = exposedReports('nodemailer', nodemailerFix);

type Flavour = { readonly tester: typeof tsTester; readonly name: string; readonly esm: boolean; readonly ts: boolean };
const flavours: readonly Flavour[] = [
  { tester: tsTester, name: 'TypeScript', esm: true, ts: true },
  { tester: jsTester, name: 'ESM JavaScript', esm: true, ts: false },
  { tester: cjsTester, name: 'CommonJS', esm: false, ts: false },
];

function imports(f: Flavour, ...modules: [string, string][]): string {
  return modules
    .map(([binding, module]) => (f.esm ? `import ${binding} from '${module}';` : `const ${binding.replace(/ as /g, ': ')} = require('${module}');`))
    .join('\n');
}
/** `(members: Member[])` in TypeScript, `(members)` in JavaScript. */
const typed = (f: Flavour, name: string, type: string) => (f.ts ? `${name}: ${type}` : name);
const exported = (f: Flavour, declaration: string) => (f.esm ? `export ${declaration}` : `${declaration}\nmodule.exports = {};`);

for (const f of flavours) {
  const sg = imports(f, ['sgMail', '@sendgrid/mail']);
  const mailer = imports(f, ['nodemailer', 'nodemailer'], ['{ chunk }', 'lodash']);
  const transport = "const transport = nodemailer.createTransport({ host: 'smtp.example.com' });";

  // One message per address over a derived list: the loop variable is one address.
  const perAddress = (loop: string) => `${sg}
${exported(f, `async function notify(${typed(f, 'members', '{ active: boolean; email: string }[]')}) {
  ${loop} {
    await sgMail.send({ to: address, from: 'news@x.io', subject: 'News', text: '.' });
  }
}`)}`;
  const derived = perAddress('const addresses = members.filter((m) => m.active).map((m) => m.email);\n  for (const address of addresses)');
  const inline = perAddress('for (const address of members.map((m) => m.email))');
  const viaSet = perAddress('for (const address of new Set(members.map((m) => m.email)))');
  const sendLine = "sgMail.send({ to: address, from: 'news@x.io', subject: 'News', text: '.' })";

  f.tester.run(`no-exposed-recipients: value flow (${f.name}), an element of a derived list is one address`, exposedRule, {
    valid: [derived, inline, viaSet],
    invalid: [],
  });
  f.tester.run(`no-unbatched-send: value flow (${f.name}), the loop over a derived list is one send per element`, unbatchedRule, {
    valid: [],
    invalid: [derived, inline, viaSet].map((code) => ({
      code,
      errors: [{ messageId: 'sequential' as const, data: { what: 'This SendGrid (@sendgrid/mail) send', fix: sendgridBatching }, ...at(code, sendLine) }],
    })),
  });

  // A message queued in chunks and drained elsewhere in the file.
  const queued = `${mailer}
${transport}
const queue = [];
${exported(f, `function enqueue(${typed(f, 'subscribers', '{ email: string }[]')}) {
  for (const batch of chunk(subscribers.map((s) => s.email), 50)) queue.push({ from: 'news@x.io', to: batch.join(','), subject: 'News' });
}`)}
${exported(f, `async function drain() {
  let next;
  while ((next = queue.shift())) await transport.sendMail(next);
}`)}`;
  // The same queue of one message per address: nothing to report.
  const queuedEach = queued.replace("for (const batch of chunk(subscribers.map((s) => s.email), 50)) queue.push({ from: 'news@x.io', to: batch.join(','), subject: 'News' });", "for (const s of subscribers) queue.push({ from: 'news@x.io', to: s.email, subject: 'News' });");

  // A message made by a local function and sent elsewhere.
  const builder = `${mailer}
${transport}
function build(${typed(f, 'list', 'string[]')}) {
  return { from: 'news@x.io', to: list, subject: 'Digest' };
}
${exported(f, `async function digest(${typed(f, 'users', '{ email: string }[]')}) {
  await transport.sendMail(build(users.map((u) => u.email)));
  const message = build(users.map((u) => u.address));
  await transport.sendMail(message);
  await transport.sendMail(build('editor@x.io'));
}`)}`;

  // A conditional message: either branch may be sent.
  const conditional = `${mailer}
${transport}
${exported(f, `async function announce(${typed(f, 'preview', 'boolean')}, ${typed(f, 'editor', 'string')}, ${typed(f, 'users', '{ email: string }[]')}) {
  const everyone = users.map((u) => u.email);
  await transport.sendMail(preview ? { to: editor, subject: 'Draft' } : { to: everyone, subject: 'News' });
}`)}`;

  f.tester.run(`no-exposed-recipients: value flow (${f.name}), queues, builders and conditionals`, exposedRule, {
    valid: [queuedEach],
    invalid: [
      // The message waits in a queue, where other code may set a bcc before it is sent: no suggestion.
      { name: 'a queued message', code: queued, errors: [exposed(queued, "to: batch.join(',')", 'to', false)] },
      {
        name: 'a message built by a local function',
        code: builder,
        errors: ['users.map((u) => u.email)', 'users.map((u) => u.address)'].map((text) => ({
          messageId: 'exposedThroughWrapper' as const,
          data: { wrapper: 'build', sdk: 'nodemailer', field: 'to', fix: nodemailerFix },
          ...at(builder, text),
        })),
      },
      { name: 'a conditional message', code: conditional, errors: [exposed(conditional, 'to: everyone')] },
    ],
  });

  // Class code: a private method per subscriber, the transport from a private factory.
  const privateMethods = `${mailer}
${exported(f, `class Newsletter {
  #transport() { return nodemailer.createTransport({ host: 'smtp.example.com' }); }
  async #deliverOne(${typed(f, 't', 'any')}, ${typed(f, 'sub', '{ email: string }')}) { return t.sendMail({ from: 'news@x.io', to: sub.email, subject: 'Hi' }); }
  async run(${typed(f, 'subs', '{ email: string }[]')}) {
    const t = this.#transport();
    await Promise.allSettled(subs.map((s) => this.#deliverOne(t, s)));
  }
}`)}`;
  // A transport passed as a parameter to a function that loops over recipients.
  const passedTransport = `${mailer}
async function notifyAll(${typed(f, 't', 'any')}, ${typed(f, 'users', '{ email: string }[]')}) {
  for (const u of users) await t.sendMail({ to: u.email, subject: 'Hi' });
}
${exported(f, `const go = (${typed(f, 'users', '{ email: string }[]')}) => notifyAll(nodemailer.createTransport({ host: 'smtp.example.com' }), users);`)}`;

  f.tester.run(`no-unbatched-send: value flow (${f.name}), private methods and transports passed along`, unbatchedRule, {
    valid: [],
    invalid: [
      {
        name: 'a private method per subscriber, awaited with Promise.allSettled',
        code: privateMethods,
        errors: [
          { messageId: 'parallel' as const, data: { what: '`#deliverOne` (which sends with nodemailer)', fix: nodemailerBatching }, ...at(privateMethods, 'this.#deliverOne(t, s)') },
        ],
      },
      {
        name: 'a transport passed as a parameter',
        code: passedTransport,
        errors: [{ messageId: 'sequential' as const, data: { what: 'This nodemailer send', fix: nodemailerBatching }, ...at(passedTransport, "t.sendMail({ to: u.email, subject: 'Hi' })") }],
      },
    ],
  });
}

// A type annotation says a field may hold several addresses, not that they come from data.
tsTester.run('no-exposed-recipients: annotations are no proof of a customer list', exposedRule, {
  valid: [
    "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const f = (to: string | string[], cc: string[]) => t.sendMail({ to, cc, subject: 'Hi' });",
    "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport class Ops { private cc: string[] = []; send(to: string) { return t.sendMail({ to, cc: this.cc }); } }",
    // Callers in view pass one address, or a fixed list of two: below the default.
    "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nconst send = (cc: string[]) => t.sendMail({ to: 'a@x.io', cc });\nsend(['ops@x.io']);\nsend(['ops@x.io', 'cfo@x.io']);",
  ],
  invalid: [
    (() => {
      const code =
        "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nconst send = (cc: string[]) => t.sendMail({ to: 'a@x.io', cc });\nexport const all = (users: { email: string }[]) => send(users.map((u) => u.email));";
      return {
        name: 'a caller in view passes a data-driven list',
        code,
        errors: [
          {
            messageId: 'exposedThroughWrapper' as const,
            data: { wrapper: 'send', sdk: 'nodemailer', field: 'cc', fix: nodemailerFix },
            ...at(code, 'users.map((u) => u.email)'),
          },
        ],
      };
    })(),
  ],
});

// A loop that waits a fixed delay every turn sends at a pace it sets: not an unbatched burst.
const paced = (pause: string, head = '') => `import { Resend } from 'resend';${head}
const resend = new Resend('re_123');
export async function notify(rows: { email: string }[]) {
  for (const row of rows) {
    await resend.emails.send({ from: 'a@x.io', to: row.email, subject: 'Hi', html: '.' });
    ${pause}
  }
}`;
const resendBatching = 'Use `resend.batch.send([...])` in chunks of at most 100 emails.';
tsTester.run('no-unbatched-send: a loop paced by a timer', unbatchedRule, {
  valid: [
    paced('await sleep(1000);', '\nconst sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));'),
    paced('await sleep(1000);', '\nfunction sleep(ms: number) { return new Promise<void>((resolve) => { setTimeout(resolve, ms); }); }'),
    paced('await new Promise((r) => setTimeout(r, 250));'),
    paced('await setTimeout(250);', "\nimport { setTimeout } from 'node:timers/promises';"),
    paced('await delay(250);', "\nimport delay from 'delay';"),
  ],
  invalid: [
    // Waiting on something that is no timer does not pace the loop.
    paced('await audit(row);', '\ndeclare function audit(r: unknown): Promise<void>;'),
    paced('await sleep(1000);', '\ndeclare function sleep(ms: number): Promise<void>;'),
    // 10 ms is no pace a provider's rate limit notices.
    paced('await new Promise((r) => setTimeout(r, 10));'),
    paced('await sleep(10);', '\nconst sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));'),
  ].map((code) => ({
    code,
    errors: [
      {
        messageId: 'sequential' as const,
        data: { what: 'This Resend send', fix: resendBatching },
        ...at(code, "resend.emails.send({ from: 'a@x.io', to: row.email, subject: 'Hi', html: '.' })"),
      },
    ],
  })),
});

// A schedule that starts each send a fixed time after the one before (`delay(index * 2000)`,
// `setTimeout(send, i * ms)`) paces the sends itself; a delay that does not grow with the turn does not.
const STAGGER_SEND = "resend.emails.send({ from: 'a@x.io', to: row.email, subject: 'Hi' })";
const staggeredFile = (imports: string, body: string, cjs = false) =>
  `${cjs ? "const { Resend } = require('resend');" : "import { Resend } from 'resend';"}${imports}
const resend = new Resend('re_123');
${cjs ? 'module.exports.notify = ' : 'export '}async function notify(rows) {
  ${body}
}`;
const staggered: [string, string][] = [
  ['\nconst delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));', `await Promise.all(rows.map((row, index) => delay(index * 2000).then(() => ${STAGGER_SEND})));`],
  ['', `rows.forEach((row, i) => setTimeout(() => ${STAGGER_SEND}, i * 1000));`],
  ['', `for (let i = 0; i < rows.length; i++) { const row = rows[i]; setTimeout(() => ${STAGGER_SEND}, 500 * i); }`],
  ['\nconst sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));', `await Promise.all(rows.map(async (row, i) => { await sleep(i * 1500); await ${STAGGER_SEND}; }));`],
];
const notStaggered: [string, string, 'parallel' | 'sequential'][] = [
  // The same delay for every turn: all sends still start together.
  ['\nconst delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));', `await Promise.all(rows.map((row) => delay(2000).then(() => ${STAGGER_SEND})));`, 'parallel'],
  ['', `rows.forEach((row, i) => setTimeout(() => ${STAGGER_SEND}, 1000));`, 'parallel'],
  // A local `setTimeout` proves no timer.
  ['\nconst setTimeout = (fn, ms) => fn(ms);', `rows.forEach((row, i) => setTimeout(() => ${STAGGER_SEND}, i * 1000));`, 'parallel'],
];
for (const [tester, name, cjs] of [[tsTester, 'TypeScript', false], [jsTester, 'ESM JavaScript', false], [cjsTester, 'CommonJS', true]] as const) {
  tester.run(`no-unbatched-send: a staggered schedule (${name})`, unbatchedRule, {
    valid: staggered.map(([imports, body]) => staggeredFile(imports, body, cjs)),
    invalid: notStaggered.map(([imports, body, mode]) => {
      const code = staggeredFile(imports, body, cjs);
      return { code, errors: [{ messageId: mode, data: { what: 'This Resend send', fix: resendBatching }, ...at(code, STAGGER_SEND) }] };
    }),
  });
}
