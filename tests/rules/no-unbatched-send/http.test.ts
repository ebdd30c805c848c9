// One raw HTTP request per recipient to a provider's send endpoint.
import rule from '../../../src/rules/no-unbatched-send.js';
import { at, jsTester, tsTester } from '../../helpers.js';

type Mode = 'sequential' | 'parallel';

interface Endpoint {
  readonly name: string;
  /** Code before the function: constants the URL reads. */
  readonly setup?: string;
  /** The request for one user `u`; it is also the reported text. */
  readonly request: string;
  readonly label: string;
  readonly fix: string;
}

const post = (url: string, body: string) => `fetch(${url}, { method: 'POST', body: ${body} })`;

const endpoints: readonly Endpoint[] = [
  {
    name: 'Resend /emails',
    request: post("'https://api.resend.com/emails'", "JSON.stringify({ from: 'a@x.io', to: u.email, subject: 'Hi' })"),
    label: 'Resend',
    fix: 'Use `resend.batch.send([...])` in chunks of at most 100 emails.',
  },
  {
    name: 'SendGrid /v3/mail/send',
    request: post(
      "'https://api.sendgrid.com/v3/mail/send'",
      "JSON.stringify({ from: { email: 'a@x.io' }, personalizations: [{ to: [{ email: u.email }] }], subject: 'Hi' })",
    ),
    label: 'SendGrid (@sendgrid/mail)',
    fix: 'Send one request with one `personalizations` entry per recipient (at most 1,000 a request), or `sgMail.sendMultiple` with the list in `to`.',
  },
  {
    name: 'Postmark /email',
    request: post("'https://api.postmarkapp.com/email'", "JSON.stringify({ From: 'a@x.io', To: u.email, Subject: 'Hi' })"),
    label: 'Postmark',
    fix: 'Use `client.sendEmailBatch([...])` in chunks of at most 500 messages.',
  },
  {
    name: 'Mailgun /v3/{domain}/messages',
    setup: 'const domain = process.env.MAILGUN_DOMAIN;',
    request: post('`https://api.mailgun.net/v3/${domain}/messages`', "new URLSearchParams({ from: 'a@x.io', to: u.email })"),
    label: 'Mailgun (mailgun.js)',
    fix: 'Send one message with up to 1,000 addresses in `to` and `recipient-variables`, so Mailgun delivers each its own copy.',
  },
  {
    name: 'Mailtrap /api/send',
    request: post("'https://send.api.mailtrap.io/api/send'", "JSON.stringify({ from: { email: 'a@x.io' }, to: [{ email: u.email }] })"),
    label: 'Mailtrap',
    fix: 'Use `client.batchSend({ base, requests })` with one request per recipient.',
  },
];

const file = (e: Endpoint, body: string) =>
  `${e.setup ? `${e.setup}\n` : ''}export async function notify(users: { email: string }[]) {\n${body}\n}`;

const loops: readonly [name: string, mode: Mode, body: (request: string) => string][] = [
  ['for…of', 'sequential', (request) => `  for (const u of users) {\n    await ${request};\n  }`],
  ['Promise.all(map)', 'parallel', (request) => `  await Promise.all(users.map((u) => ${request}));`],
];

tsTester.run('no-unbatched-send: one provider HTTP request per recipient', rule, {
  valid: [],
  invalid: endpoints.flatMap((e) =>
    loops.map(([loop, mode, body]) => {
      const code = file(e, body(e.request));
      return {
        name: `${e.name} in ${loop}`,
        code,
        errors: [{ messageId: mode, data: { what: `This ${e.label} send`, fix: e.fix }, ...at(code, e.request) }],
      };
    }),
  ),
});

/** A loop over ready-made chunks, one request per chunk. */
const perChunk = (request: string) =>
  `export async function notify(chunks: { email: string }[][]) {\n  for (const chunk of chunks) {\n    await ${request};\n  }\n}`;

tsTester.run('no-unbatched-send: batch endpoints per chunk', rule, {
  valid: [
    perChunk(post("'https://api.resend.com/emails/batch'", "JSON.stringify(chunk.map((u) => ({ from: 'a@x.io', to: u.email, subject: 'Hi' })))")),
    perChunk(post("'https://api.postmarkapp.com/email/batch'", "JSON.stringify(chunk.map((u) => ({ From: 'a@x.io', To: u.email })))")),
    perChunk(post("'https://api.postmarkapp.com/email/bulk'", "JSON.stringify({ Messages: chunk.map((u) => ({ From: 'a@x.io', To: u.email })) })")),
    perChunk(post("'https://api.mailersend.com/v1/bulk-email'", "JSON.stringify(chunk.map((u) => ({ from: { email: 'a@x.io' }, to: [{ email: u.email }] })))")),
    perChunk(post("'https://send.api.mailtrap.io/api/batch'", "JSON.stringify({ base: { from: { email: 'a@x.io' } }, requests: chunk.map((u) => ({ to: [{ email: u.email }] })) })")),
    // One request reaching the whole chunk: personalizations, messageVersions, Messages.
    perChunk(post("'https://api.sendgrid.com/v3/mail/send'", "JSON.stringify({ from: { email: 'a@x.io' }, personalizations: chunk.map((u) => ({ to: [{ email: u.email }] })) })")),
    perChunk(post("'https://api.brevo.com/v3/smtp/email'", "JSON.stringify({ sender: { email: 'a@x.io' }, messageVersions: chunk.map((u) => ({ to: [{ email: u.email }] })) })")),
    perChunk(post("'https://api.mailjet.com/v3.1/send'", "JSON.stringify({ Messages: chunk.map((u) => ({ From: { Email: 'a@x.io' }, To: [{ Email: u.email }] })) })")),
    // The list in bcc: one message per chunk.
    perChunk(post("'https://api.resend.com/emails'", "JSON.stringify({ from: 'a@x.io', to: 'news@x.io', bcc: chunk.map((u) => u.email) })")),
    // Mailgun batch sending: the chunk in `to` with recipient-variables.
    `const domain = process.env.MAILGUN_DOMAIN;\n${perChunk(post('`https://api.mailgun.net/v3/${domain}/messages`', "new URLSearchParams({ to: chunk.map((u) => u.email).join(','), 'recipient-variables': '{}' })"))}`,
    // Not a provider, and not a send.
    `export async function f(users: { email: string }[]) {\n  for (const u of users) await ${post("'https://internal.example.com/emails'", 'JSON.stringify({ to: u.email })')};\n}`,
    `export async function f(users: { email: string }[]) {\n  for (const u of users) await fetch('https://api.resend.com/emails');\n}`,
  ],
  invalid: [],
});

jsTester.run('no-unbatched-send: provider HTTP requests in plain JavaScript', rule, {
  valid: [],
  invalid: (() => {
    const request = post("'https://api.resend.com/emails'", "JSON.stringify({ from: 'a@x.io', to: u.email })");
    const code = `export async function notify(users) {\n  await Promise.all(users.map((u) => ${request}));\n}`;
    return [
      {
        name: 'espree: Resend /emails in Promise.all(map)',
        code,
        errors: [
          {
            messageId: 'parallel' as const,
            data: { what: 'This Resend send', fix: 'Use `resend.batch.send([...])` in chunks of at most 100 emails.' },
            ...at(code, request),
          },
        ],
      },
    ];
  })(),
});
