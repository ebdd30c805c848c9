// Raw provider HTTP calls: the request body is the provider's message, found by the URL.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

interface Provider {
  readonly sdk: string;
  readonly fix: string;
  /** The hidden sibling the move-to-bcc suggestion renames the key to. */
  readonly bcc: string;
  /** The fields the provider rejects a message without: never moved to bcc. */
  readonly required: readonly string[];
}

const resend: Provider = {
  sdk: 'Resend',
  fix: 'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.',
  bcc: 'bcc',
  required: ['to'],
};
const sendgrid: Provider = {
  sdk: 'SendGrid (@sendgrid/mail)',
  fix: 'Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.',
  bcc: 'bcc',
  required: ['to', 'personalizations[].to'],
};
const postmark: Provider = {
  sdk: 'Postmark',
  fix: 'Send one message per recipient with `sendEmailBatch` (at most 500 a call), or put the list in `Bcc` (at most 50 recipients a message) and keep an address in `To`, such as your own: Postmark rejects a message without one.',
  bcc: 'Bcc',
  required: ['To'],
};
const mailgun: Provider = {
  sdk: 'Mailgun (mailgun.js)',
  fix: "Add `'recipient-variables'` (a JSON object keyed by address) so Mailgun sends each `to` address its own copy, at most 1,000 a call, or put the list in `bcc` and keep an address in `to`, such as your own: Mailgun rejects a message without one.",
  bcc: 'bcc',
  required: ['to'],
};
const brevo: Provider = {
  sdk: 'Brevo (@getbrevo/brevo)',
  fix: 'Give every recipient its own entry in `messageVersions` (at most 1,000 versions and 2,000 recipients a call), or put the list in `bcc` and keep an address in `to`, such as your own: Brevo rejects an email without one.',
  bcc: 'bcc',
  required: ['to', 'messageVersions[].to'],
};
const mailjet: Provider = {
  sdk: 'Mailjet (node-mailjet)',
  fix: 'Give every recipient its own entry in `Messages` (at most 50 a call in v3.1), or put the list in `Bcc` and keep an address in `To`, such as your own: Mailjet rejects a message without one.',
  bcc: 'Bcc',
  required: ['Messages[].To', 'To'],
};
const sparkpost: Provider = {
  sdk: 'SparkPost',
  fix: 'List each person in `recipients` without `header_to` or `cc`: SparkPost then sends each a copy addressed only to them.',
  bcc: 'bcc',
  required: [],
};
const mailersend: Provider = {
  sdk: 'MailerSend',
  fix: 'Send one `EmailParams` per recipient with `mailerSend.email.sendBulk([...])`, or put the list in `bcc` (at most 10) and keep an address in `to`, such as your own: MailerSend rejects an email without one.',
  bcc: 'bcc',
  required: ['to'],
};
const zeptomail: Provider = {
  sdk: 'ZeptoMail',
  fix: 'Use `sendBatchMail`, which sends every `to` entry its own copy, or put the list in `bcc` and keep an address in `to`, such as your own: ZeptoMail rejects a message without one.',
  bcc: 'bcc',
  required: ['to'],
};
const mailtrap: Provider = {
  sdk: 'Mailtrap',
  fix: 'Send one request per recipient with `client.batchSend({ base, requests })`, or put the list in `bcc` and keep an address in `to`, such as your own: Mailtrap rejects an email without one.',
  bcc: 'bcc',
  required: ['to'],
};

/** An `exposedList` report on `text`, with the suggestion that renames its key `key` to the provider's bcc. */
const exposed = (code: string, provider: Provider, field: string, text: string, key = field) => ({
  messageId: 'exposedList' as const,
  data: { sdk: provider.sdk, field, fix: provider.fix },
  ...at(code, text),
  suggestions: provider.required.includes(field)
    ? []
    : [
        {
          messageId: 'moveToBcc' as const,
          data: { bcc: provider.bcc, field },
          output: code.replace(text, text.replace(new RegExp(`^${key}\\b`), provider.bcc)),
        },
      ],
});

const invalid = (name: string, code: string, provider: Provider, field: string, text: string, key?: string) => ({
  name,
  code,
  errors: [exposed(code, provider, field, text, key)],
});

/** A function of a list of users that makes one request. */
const many = (request: string, before = '') =>
  `${before}export async function notify(users: { email: string }[]) {\n  await ${request};\n}`;
/** A function of one user. */
const one = (request: string, before = '') =>
  `${before}export async function notify(user: { email: string }) {\n  await ${request};\n}`;
/** `fetch(url, { method: 'POST', body })`. */
const post = (url: string, body: string) =>
  `fetch(${url}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: ${body} })`;
const json = (url: string, message: string) => post(url, `JSON.stringify(${message})`);

const emails = 'users.map((u) => u.email)';
const entries = 'users.map((u) => ({ email: u.email }))';
const MAILGUN_DOMAIN = 'const domain = process.env.MAILGUN_DOMAIN;\n';

tsTester.run('no-exposed-recipients: provider HTTP endpoints', rule, {
  valid: [
    // Resend: one address; the batch endpoint with one recipient per email.
    one(json("'https://api.resend.com/emails'", "{ from: 'a@x.io', to: user.email, subject: 'Hi', html: '' }")),
    many(json("'https://api.resend.com/emails/batch'", "users.map((u) => ({ from: 'a@x.io', to: u.email, subject: 'Hi', html: '' }))")),
    // The list in bcc.
    many(json("'https://api.resend.com/emails'", `{ from: 'a@x.io', to: 'news@x.io', bcc: ${emails}, subject: 'Hi' }`)),
    // SendGrid: one personalization per recipient.
    many(json("'https://api.sendgrid.com/v3/mail/send'", "{ from: { email: 'a@x.io' }, personalizations: users.map((u) => ({ to: [{ email: u.email }] })), subject: 'Hi' }")),
    one(json("'https://api.sendgrid.com/v3/mail/send'", "{ from: { email: 'a@x.io' }, personalizations: [{ to: [{ email: user.email }] }], subject: 'Hi' }")),
    // Postmark: one address; the batch endpoint with one message per recipient.
    one(json("'https://api.postmarkapp.com/email'", "{ From: 'a@x.io', To: user.email, Subject: 'Hi' }")),
    many(json("'https://api.postmarkapp.com/email/batch'", "users.map((u) => ({ From: 'a@x.io', To: u.email, Subject: 'Hi' }))")),
    // Mailgun: recipient-variables individualise `to`; one address.
    many(post('`https://api.mailgun.net/v3/${domain}/messages`', `new URLSearchParams({ from: 'a@x.io', to: ${emails}.join(','), 'recipient-variables': '{}' })`), MAILGUN_DOMAIN),
    one(post('`https://api.eu.mailgun.net/v3/${domain}/messages`', "new URLSearchParams({ from: 'a@x.io', to: user.email })"), MAILGUN_DOMAIN),
    // Brevo: one messageVersions entry per recipient.
    many(json("'https://api.brevo.com/v3/smtp/email'", "{ sender: { email: 'a@x.io' }, messageVersions: users.map((u) => ({ to: [{ email: u.email }] })) }")),
    one(json("'https://api.sendinblue.com/v3/smtp/email'", "{ sender: { email: 'a@x.io' }, to: [{ email: user.email }] }")),
    // Mailjet: one Messages entry per recipient.
    many(json("'https://api.mailjet.com/v3.1/send'", "{ Messages: users.map((u) => ({ From: { Email: 'a@x.io' }, To: [{ Email: u.email }] })) }")),
    // SparkPost: recipients are individual copies.
    many(json("'https://api.sparkpost.com/api/v1/transmissions'", "{ recipients: users.map((u) => ({ address: { email: u.email } })), content: { subject: 'Hi' } }")),
    // MailerSend: one address; the bulk endpoint with one message per recipient.
    one(json("'https://api.mailersend.com/v1/email'", "{ from: { email: 'a@x.io' }, to: [{ email: user.email }] }")),
    many(json("'https://api.mailersend.com/v1/bulk-email'", "users.map((u) => ({ from: { email: 'a@x.io' }, to: [{ email: u.email }] }))")),
    // Mandrill: preserve_recipients: false.
    many(json("'https://mandrillapp.com/api/1.0/messages/send.json'", `{ key: 'k', message: { preserve_recipients: false, to: ${entries} } }`)),
    // ZeptoMail: the batch endpoint gives every `to` entry its own copy.
    many(json("'https://api.zeptomail.com/v1.1/email/batch'", "{ from: { address: 'a@x.io' }, to: users.map((u) => ({ email_address: { address: u.email } })) }")),
    one(json("'https://api.zeptomail.eu/v1.1/email'", "{ from: { address: 'a@x.io' }, to: [{ email_address: { address: user.email } }] }")),
    // Mailtrap: one address; the batch endpoint with one request per recipient.
    one(json("'https://send.api.mailtrap.io/api/send'", "{ from: { email: 'a@x.io' }, to: [{ email: user.email }] }")),
    many(json("'https://bulk.api.mailtrap.io/api/batch'", "{ base: { from: { email: 'a@x.io' } }, requests: users.map((u) => ({ to: [{ email: u.email }] })) }")),
  ],
  invalid: [
    invalid('Resend /emails', many(json("'https://api.resend.com/emails'", `{ from: 'a@x.io', to: ${emails}, subject: 'Hi', html: '' }`)), resend, 'to', `to: ${emails}`),
    invalid('Resend /emails, cc', many(json("'https://api.resend.com/emails'", `{ from: 'a@x.io', to: 'me@x.io', cc: ${emails} }`)), resend, 'cc', `cc: ${emails}`),
    invalid('Resend /emails/batch with the whole list in one email', many(json("'https://api.resend.com/emails/batch'", `[{ from: 'a@x.io', to: ${emails} }]`)), resend, 'to', `to: ${emails}`),
    invalid(
      'SendGrid /v3/mail/send, the list in one personalization',
      many(json("'https://api.sendgrid.com/v3/mail/send'", `{ from: { email: 'a@x.io' }, personalizations: [{ to: ${entries} }], subject: 'Hi' }`)),
      sendgrid,
      'personalizations[].to',
      `to: ${entries}`,
      'to',
    ),
    invalid('Postmark /email', many(json("'https://api.postmarkapp.com/email'", `{ From: 'a@x.io', To: ${emails}.join(','), Subject: 'Hi' }`)), postmark, 'To', `To: ${emails}.join(',')`),
    invalid('Postmark /email/batch with the whole list in one message', many(json("'https://api.postmarkapp.com/email/batch'", `[{ From: 'a@x.io', To: ${emails}.join(',') }]`)), postmark, 'To', `To: ${emails}.join(',')`),
    invalid(
      'Mailgun /v3/{domain}/messages, URLSearchParams and a template-literal domain',
      many(post('`https://api.mailgun.net/v3/${domain}/messages`', `new URLSearchParams({ from: 'a@x.io', to: ${emails}.join(','), subject: 'Hi' })`), MAILGUN_DOMAIN),
      mailgun,
      'to',
      `to: ${emails}.join(',')`,
    ),
    invalid('Brevo /v3/smtp/email', many(json("'https://api.brevo.com/v3/smtp/email'", `{ sender: { email: 'a@x.io' }, to: ${entries} }`)), brevo, 'to', `to: ${entries}`),
    invalid(
      'Mailjet /v3.1/send, the list in one message',
      many(json("'https://api.mailjet.com/v3.1/send'", `{ Messages: [{ From: { Email: 'a@x.io' }, To: users.map((u) => ({ Email: u.email })) }] }`)),
      mailjet,
      'Messages[].To',
      'To: users.map((u) => ({ Email: u.email }))',
      'To',
    ),
    invalid(
      'SparkPost transmissions, a cc list',
      many(json("'https://api.sparkpost.com/api/v1/transmissions'", `{ recipients: [{ address: { email: 'me@x.io' } }], cc: ${emails}, content: {} }`)),
      sparkpost,
      'cc',
      `cc: ${emails}`,
    ),
    invalid('MailerSend /v1/email', many(json("'https://api.mailersend.com/v1/email'", `{ from: { email: 'a@x.io' }, to: ${entries} }`)), mailersend, 'to', `to: ${entries}`),
    invalid(
      'ZeptoMail /v1.1/email',
      many(json("'https://api.zeptomail.com/v1.1/email'", "{ from: { address: 'a@x.io' }, to: users.map((u) => ({ email_address: { address: u.email } })) }")),
      zeptomail,
      'to',
      'to: users.map((u) => ({ email_address: { address: u.email } }))',
    ),
    invalid('Mailtrap /api/send', many(json("'https://send.api.mailtrap.io/api/send'", `{ from: { email: 'a@x.io' }, to: ${entries} }`)), mailtrap, 'to', `to: ${entries}`),
    invalid(
      'Mailtrap /api/batch with the whole list in one request',
      many(json("'https://send.api.mailtrap.io/api/batch'", `{ base: { from: { email: 'a@x.io' } }, requests: [{ to: ${entries} }] }`)),
      mailtrap,
      'to',
      `to: ${entries}`,
    ),
    (() => {
      const text = `to: ${entries}`;
      const code = many(json("'https://mandrillapp.com/api/1.0/messages/send.json'", `{ key: 'k', message: { ${text} } }`));
      return {
        name: 'Mandrill messages/send.json, preserve_recipients unset',
        code,
        errors: [
          {
            messageId: 'accountDecides' as const,
            data: {
              sdk: 'Mandrill (@mailchimp/mailchimp_transactional)',
              field: 'message.to',
              fix: 'Set `preserve_recipients: false` in the message so each recipient gets a copy addressed only to them; without it the account setting decides.',
            },
            ...at(code, text),
            suggestions: [
              {
                messageId: 'setFlag' as const,
                data: { flag: 'preserve_recipients: false' },
                output: code.replace(text, `preserve_recipients: false, ${text}`),
              },
            ],
          },
        ],
      };
    })(),
  ],
});

const RESEND_URL = "'https://api.resend.com/emails'";
const message = `{ from: 'a@x.io', to: ${emails}, subject: 'Hi' }`;
const to = `to: ${emails}`;

tsTester.run('no-exposed-recipients: how the request is written', rule, {
  valid: [],
  invalid: [
    invalid('the URL in a constant', many(json('RESEND_URL', message), `const RESEND_URL = ${RESEND_URL};\n`), resend, 'to', to),
    invalid('new URL(…)', many(json(`new URL(${RESEND_URL})`, message)), resend, 'to', to),
    invalid('a template literal with no interpolation', many(json('`https://api.resend.com/emails`', message)), resend, 'to', to),
    invalid('a query string', many(json("'https://api.resend.com/emails?source=app'", message)), resend, 'to', to),
    invalid('a trailing slash', many(json("'https://api.resend.com/emails/'", message)), resend, 'to', to),
    (() => {
      const code = `export async function notify(users: { email: string }[]) {\n  const email = ${message};\n  await ${json(RESEND_URL, 'email')};\n}`;
      return invalid('the message in a variable', code, resend, 'to', to);
    })(),
    invalid(
      'Mailgun on the EU host with a domain read at the call',
      many(post('`https://api.eu.mailgun.net/v3/${process.env.MAILGUN_DOMAIN}/messages`', `new URLSearchParams({ from: 'a@x.io', to: ${emails}.join(',') })`)),
      mailgun,
      'to',
      `to: ${emails}.join(',')`,
    ),
  ],
});

tsTester.run('no-exposed-recipients: HTTP look-alikes', rule, {
  valid: [
    // An internal service, not a provider.
    many(json("'https://internal.example.com/emails'", message)),
    // Another endpoint of the provider's API.
    many(json("'https://api.resend.com/domains'", message)),
    // A local function named fetch, and a parameter named fetch.
    many(json(RESEND_URL, message), 'function fetch(url: string, init: unknown) {}\n'),
    `export async function notify(fetch: (url: string, init: unknown) => Promise<void>, users: { email: string }[]) {\n  await ${json(RESEND_URL, message)};\n}`,
    // A local object named axios.
    many(`axios.post(${RESEND_URL}, ${message})`, 'const axios = { post(url: string, data: unknown) {} };\n'),
    // An unknown base URL: `${BASE}/emails` may be any service.
    many(json('`${BASE}/emails`', message), 'const BASE = process.env.API_BASE;\n'),
    // A GET: no body.
    many(`fetch(${RESEND_URL})`),
    many(`fetch(${RESEND_URL}, { method: 'GET' })`),
    // Two interpolated segments where Mailgun's URL has one.
    many(post('`https://api.mailgun.net/v3/${a}/${b}/messages`', `new URLSearchParams({ to: ${emails}.join(',') })`), 'const a = process.env.A;\nconst b = process.env.B;\n'),
    // A local JSON whose stringify is not the built-in one.
    many(json(RESEND_URL, message), "const JSON = { stringify: (value: unknown) => '' };\n"),
  ],
  invalid: [],
});

jsTester.run('no-exposed-recipients: provider HTTP endpoints in plain JavaScript', rule, {
  valid: [
    "export async function notify(users) {\n  await fetch('https://api.resend.com/emails/batch', { method: 'POST', body: JSON.stringify(users.map((u) => ({ from: 'a@x.io', to: u.email }))) });\n}",
  ],
  invalid: [
    invalid(
      'espree, ESM: Resend with fetch',
      "export async function notify(users) {\n  await fetch('https://api.resend.com/emails', { method: 'POST', body: JSON.stringify({ from: 'a@x.io', to: users.map((u) => u.email) }) });\n}",
      resend,
      'to',
      to,
    ),
    invalid(
      'espree, ESM: Mailgun with URLSearchParams',
      "const domain = process.env.MAILGUN_DOMAIN;\nexport async function notify(users) {\n  await fetch(`https://api.mailgun.net/v3/${domain}/messages`, { method: 'POST', body: new URLSearchParams({ from: 'a@x.io', to: users.map((u) => u.email).join(',') }) });\n}",
      mailgun,
      'to',
      `to: ${emails}.join(',')`,
    ),
  ],
});

cjsTester.run('no-exposed-recipients: provider HTTP endpoints in CommonJS', rule, {
  valid: [],
  invalid: [
    invalid(
      'espree, CommonJS: Postmark with fetch',
      "module.exports = async (users) => {\n  await fetch('https://api.postmarkapp.com/email', { method: 'POST', body: JSON.stringify({ From: 'a@x.io', To: users.map((u) => u.email).join(',') }) });\n};",
      postmark,
      'To',
      `To: ${emails}.join(',')`,
    ),
  ],
});
