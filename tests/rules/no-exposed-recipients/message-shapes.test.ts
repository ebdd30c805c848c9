// `messageShapes`: object literals shaped like a message, with no send in view.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const shapes = [{ messageShapes: true }] as [{ messageShapes: boolean }];
const sdk = 'This message object';
const fix = 'If it is sent as one message, put the list in `bcc` (keeping an address in `to` if the provider needs one) or send one message per recipient.';

/**
 * An `exposedList` report on `text`; `bcc` is the suggestion's output, or false when `bcc` is taken.
 * The provider of a message shape is unknown and may reject a message without `to`, so only a `cc`
 * list is moved to bcc.
 */
const exposed = (
  code: string,
  text: string,
  field: string,
  bccText: string | false = field === 'to' ? false : text.replace(new RegExp(`^${field}\\b`), 'bcc'),
) => ({
  messageId: 'exposedList' as const,
  data: { sdk, field, fix },
  ...at(code, text),
  suggestions:
    bccText === false
      ? []
      : [{ messageId: 'moveToBcc' as const, data: { bcc: 'bcc', field }, output: code.replace(text, bccText) }],
});

const returned = `export function digestMessage(users: { email: string }[], html: string) {
  return { to: users.map((u) => u.email), subject: 'Your digest', html };
}`;

const queued = `declare const queue: { add(name: string, data: unknown): Promise<void> };
export async function announce(users: { email: string }[], text: string) {
  await queue.add('mail', { from: 'news@x.io', to: users.map((u) => u.email), subject: 'News', text });
}`;

const ccList = `declare const jobs: { push(job: unknown): void };
export function notify(owner: string, watchers: string[] = db.users.map((u) => u.email), body: string) {
  jobs.push({ to: owner, cc: watchers.filter(Boolean), subject: 'Update', body });
}`;

const shorthand = `export function digestMessage(emails: string[] = db.users.map((u) => u.email), html: string) {
  return { to: emails, subject: 'Your digest', html };
}`;

const bccTaken = `export function digestMessage(users: { email: string }[], html: string) {
  return { to: users.map((u) => u.email), bcc: 'archive@x.io', subject: 'Your digest', html };
}`;

tsTester.run('no-exposed-recipients: messageShapes', rule, {
  valid: [
    // Off by default.
    returned,
    queued,
    // One message key besides the recipients is not enough.
    { code: `export const m = (users: { email: string }[]) => ({ to: users.map((u) => u.email), subject: 'Hi' });`, options: shapes },
    { code: `export const m = (users: { email: string }[]) => ({ to: users.map((u) => u.email), subject: 'Hi', priority: 1 });`, options: shapes },
    // A single address.
    { code: `export const m = (user: { email: string }, html: string) => ({ to: user.email, subject: 'Hi', html });`, options: shapes },
    // The list in bcc.
    { code: `export const m = (emails: string[] = db.users.map((u) => u.email), html: string) => ({ to: 'news@x.io', bcc: emails, subject: 'Hi', html });`, options: shapes },
    // A fixed list is not data.
    { code: `export const route = { to: ['/home', '/about'], from: '/', subject: 'nav' };`, options: shapes },
    // The argument of an SDK send that individualises the message: checked as that send, not again as a shape.
    {
      code: `import sgMail from '@sendgrid/mail';\nexport const f = (users: { email: string }[]) => sgMail.sendMultiple({ from: 'a@x.io', to: users.map((u) => u.email), subject: 'Hi', text: 'Hello' });`,
      options: shapes,
    },
    {
      code: `import sgMail from '@sendgrid/mail';\nexport function f(users: { email: string }[]) {\n  const msg = { from: 'a@x.io', to: users.map((u) => u.email), subject: 'Hi', text: 'Hello' };\n  return sgMail.send(msg, true);\n}`,
      options: shapes,
    },
    // The argument of a function of this file: the wrapper analysis follows it to what it does.
    {
      code: `declare function enqueue(m: unknown): void;\nfunction sendPrivately(m: { to: string[]; subject: string; html: string }) {\n  enqueue({ to: 'news@x.io', bcc: m.to, subject: m.subject, html: m.html });\n}\nexport const f = (users: { email: string }[], html: string) => sendPrivately({ to: users.map((u) => u.email), subject: 'Hi', html });`,
      options: shapes,
    },
    {
      code: `declare function enqueue(m: unknown): void;\nconst sendPrivately = (m: { to: string[]; subject: string; html: string }) => enqueue({ bcc: m.to, subject: m.subject });\nexport const f = (users: { email: string }[], html: string) => sendPrivately({ to: users.map((u) => u.email), subject: 'Hi', html });`,
      options: shapes,
    },
    {
      code: `declare function enqueue(m: unknown): void;\nexport class Mailer {\n  private send(m: { to: string[] }) { enqueue({ bcc: m.to }); }\n  digest(users: { email: string }[], html: string) { this.send({ to: users.map((u) => u.email), subject: 'Hi', html }); }\n}`,
      options: shapes,
    },
  ],
  invalid: [
    { name: 'a returned message', code: returned, options: shapes, errors: [exposed(returned, 'to: users.map((u) => u.email)', 'to')] },
    { name: 'a queued message', code: queued, options: shapes, errors: [exposed(queued, 'to: users.map((u) => u.email)', 'to')] },
    // The literal is handed to a queue, whose consumer may set a bcc: moving the list there could be undone, so no suggestion.
    { name: 'a cc list, `body` as a message key', code: ccList, options: shapes, errors: [exposed(ccList, 'cc: watchers.filter(Boolean)', 'cc', false)] },
    {
      name: 'a shorthand `to` from a string[] parameter',
      code: shorthand,
      options: shapes,
      errors: [exposed(shorthand, 'to: emails', 'to')],
    },
    { name: '`bcc` already set: no suggestion', code: bccTaken, options: shapes, errors: [exposed(bccTaken, 'to: users.map((u) => u.email)', 'to', false)] },
    (() => {
      // Checked once, as the SDK's message, not a second time as a shape.
      const code = `import { Resend } from 'resend';\nconst resend = new Resend('re_123');\nexport const f = (users: { email: string }[], html: string) => resend.emails.send({ from: 'a@x.io', to: users.map((u) => u.email), subject: 'Hi', html });`;
      const text = 'to: users.map((u) => u.email)';
      return {
        name: 'the argument of an SDK send is reported once, as that SDK',
        code,
        options: shapes,
        errors: [
          {
            messageId: 'exposedList' as const,
            data: {
              sdk: 'Resend',
              field: 'to',
              fix: 'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.',
            },
            ...at(code, text),
            // Resend rejects an email without `to`: no move to bcc.
            suggestions: [],
          },
        ],
      };
    })(),
  ],
});

jsTester.run('no-exposed-recipients: messageShapes in plain JavaScript', rule, {
  valid: [],
  invalid: (() => {
    const code = "export const digest = (users, html) => ({ from: 'news@x.io', to: users.map((u) => u.email), subject: 'Digest', html });";
    return [{ name: 'espree', code, options: shapes, errors: [exposed(code, 'to: users.map((u) => u.email)', 'to')] }];
  })(),
});

// Shapes the text pre-check once skipped: no `subject`, a template id, quoted keys, comments before the keys.
tsTester.run('no-exposed-recipients: message shapes the file pre-check must not skip', rule, {
  valid: [],
  invalid: [
    "export function d(users: { email: string }[], html: string, text: string) { return { to: users.map((u) => u.email), html, text }; }",
    "export const d = (users: { email: string }[]) => ({ to: users.map((u) => u.email), from: 'a@x.io', templateId: 'd-1' });",
    "export const d = (users: { email: string }[]) => ({ 'to': users.map((u) => u.email), 'subject': 'x', 'html': 'y' });",
    "export const d = (users: { email: string }[], html: string) => ({ /* everyone */ to: users.map((u) => u.email), /* line */ subject: 'x', html });",
    "export const d = (users: { email: string }[], html: string) => ({\n  // everyone\n  to: users.map((u) => u.email),\n  // line\n  subject: 'x',\n  html,\n});",
  ].map((code) => {
    const text = code.includes("'to'") ? "'to': users.map((u) => u.email)" : 'to: users.map((u) => u.email)';
    return {
      code,
      options: [{ messageShapes: true }] as [{ messageShapes: boolean }],
      errors: [
        {
          messageId: 'exposedList' as const,
          data: {
            sdk: 'This message object',
            field: 'to',
            fix: 'If it is sent as one message, put the list in `bcc` (keeping an address in `to` if the provider needs one) or send one message per recipient.',
          },
          ...at(code, text),
          // The provider is unknown and may need `to`: no move to bcc.
          suggestions: [],
        },
      ],
    };
  }),
});

// A message rebuilt from another message, its `to`/`cc` copied entry by entry (`message.to.map(format).join(', ')`):
// an adapter between two representations of a message (a mailbox seed, a mock), whose lists were decided
// where the first message was built. A list read out of records, or one with entries added, is still reported.
const seedModule = (cjs: boolean, to: string, cc: string) => `${cjs ? '' : 'export '}function toSeedMessages(fixture, mailbox) {
  return fixture.threads.flatMap((thread) =>
    thread.messages.map((message) => ({
      id: message.id,
      from: formatAddress(message.from),
      to: ${to},
      cc: ${cc},
      subject: message.subject,
      body_text: message.bodyText,
    })),
  );
}
function formatAddress(address) {
  return address.name ? \`\${address.name} <\${address.email}>\` : address.email;
}${cjs ? '\nmodule.exports = { toSeedMessages };' : ''}`;
const copied: [string, string][] = [
  ["message.to.map((address) => formatAddress(address)).join(', ')", "message.cc?.map((address) => formatAddress(address)).join(', ')"],
  ["message.to.map(formatAddress).join(', ')", 'message.cc?.filter(Boolean).map(formatAddress)'],
  ['message.to', "message.cc?.join(', ')"],
];
const notCopied: [string, string, string][] = [
  // Addresses read out of records: a list built from data.
  ["thread.participants.map((p) => p.email).join(', ')", "message.cc?.map(formatAddress).join(', ')", "to: thread.participants.map((p) => p.email).join(', ')"],
  // Entries added to the copied list.
  ["message.to.concat(thread.watchers.map((w) => w.email))", "message.cc?.map(formatAddress).join(', ')", 'to: message.to.concat(thread.watchers.map((w) => w.email))'],
];
for (const [tester, name, cjs] of [[tsTester, 'TypeScript', false], [jsTester, 'ESM JavaScript', false], [cjsTester, 'CommonJS', true]] as const) {
  tester.run(`no-exposed-recipients: messageShapes, a message copied from another entry by entry (${name})`, rule, {
    valid: copied.map(([to, cc]) => ({ code: seedModule(cjs, to, cc), options: shapes })),
    invalid: notCopied.map(([to, cc, text]) => {
      const code = seedModule(cjs, to, cc);
      // Not every list is a copy: the literal is no adapter, and its copied `cc` is checked as any other
      // (no suggestion: no send in view).
      return { code, options: shapes, errors: [exposed(code, text, 'to'), exposed(code, `cc: ${cc}`, 'cc', false)] };
    }),
  });
}
