import rule from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

type Mode = 'sequential' | 'parallel';

interface Sdk {
  readonly name: string;
  /** Imports and the client, at the top of the file. */
  readonly setup: string;
  /** The send expression for one recipient; it is also the reported text. */
  readonly send: (to: string) => string;
  readonly label: string;
  readonly fix: string;
}

const sdks: readonly Sdk[] = [
  {
    name: 'Resend',
    setup: "import { Resend } from 'resend';\nconst resend = new Resend('re_123');",
    send: (to) => `resend.emails.send({ from: 'news@x.io', to: ${to}, subject: 'Hi' })`,
    label: 'Resend',
    fix: 'Use `resend.batch.send([...])` in chunks of at most 100 emails.',
  },
  {
    name: 'SendGrid',
    setup: "import sgMail from '@sendgrid/mail';",
    send: (to) => `sgMail.send({ from: 'news@x.io', to: ${to}, subject: 'Hi', text: 'Hello' })`,
    label: 'SendGrid (@sendgrid/mail)',
    fix: 'Send one request with one `personalizations` entry per recipient (at most 1,000 a request), or `sgMail.sendMultiple` with the list in `to`.',
  },
  {
    name: 'SES v1 command in client.send',
    setup: "import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\nconst ses = new SESClient({ region: 'eu-west-1' });",
    send: (to) => `ses.send(new SendEmailCommand({ Source: 'news@x.io', Destination: { ToAddresses: [${to}] } }))`,
    label: 'Amazon SES (@aws-sdk/client-ses)',
    fix: 'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.',
  },
  {
    name: 'SES v1 aggregated client',
    setup: "import { SES } from '@aws-sdk/client-ses';\nconst ses = new SES({});",
    send: (to) => `ses.sendEmail({ Source: 'news@x.io', Destination: { ToAddresses: [${to}] } })`,
    label: 'Amazon SES (@aws-sdk/client-ses)',
    fix: 'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.',
  },
  {
    name: 'SES v2 command in client.send',
    setup: "import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';\nconst ses = new SESv2Client({});",
    send: (to) => `ses.send(new SendEmailCommand({ Destination: { ToAddresses: [${to}] }, Content: {} }))`,
    label: 'Amazon SES v2 (@aws-sdk/client-sesv2)',
    fix: 'Use `SendBulkEmailCommand` with one `BulkEmailEntries` entry per recipient, at most 50 a call.',
  },
  {
    name: 'Postmark',
    setup: "import { ServerClient } from 'postmark';\nconst postmark = new ServerClient('token');",
    send: (to) => `postmark.sendEmail({ From: 'news@x.io', To: ${to}, Subject: 'Hi' })`,
    label: 'Postmark',
    fix: 'Use `client.sendEmailBatch([...])` in chunks of at most 500 messages.',
  },
  {
    name: 'Mailgun',
    setup: "import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'key' });",
    send: (to) => `mg.messages.create('mg.x.io', { from: 'news@x.io', to: ${to}, subject: 'Hi' })`,
    label: 'Mailgun (mailgun.js)',
    fix: 'Send one message with up to 1,000 addresses in `to` and `recipient-variables`, so Mailgun delivers each its own copy.',
  },
  {
    name: 'nodemailer',
    setup: "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.x.io' });",
    send: (to) => `transporter.sendMail({ from: 'news@x.io', to: ${to}, subject: 'Hi' })`,
    label: 'nodemailer',
    fix: 'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.',
  },
  {
    name: 'Mandrill',
    setup: "import mailchimp from '@mailchimp/mailchimp_transactional';\nconst mandrill = mailchimp('key');",
    send: (to) => `mandrill.messages.send({ message: { to: [{ email: ${to} }], subject: 'Hi' } })`,
    label: 'Mandrill (@mailchimp/mailchimp_transactional)',
    fix: 'Send one `messages.send` with every recipient in `message.to` and `preserve_recipients: false`.',
  },
  {
    name: 'Mailjet',
    setup: "import Mailjet from 'node-mailjet';\nconst mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' });",
    send: (to) => `mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: ${to} }] }] })`,
    label: 'Mailjet (node-mailjet)',
    fix: "Put one `Messages` entry per recipient in a single `post('send', { version: 'v3.1' })` request, at most 50 a call.",
  },
  {
    name: 'Brevo',
    setup: "import { BrevoClient } from '@getbrevo/brevo';\nconst brevo = new BrevoClient({ apiKey: 'k' });",
    send: (to) => `brevo.transactionalEmails.sendTransacEmail({ to: [{ email: ${to} }], subject: 'Hi' })`,
    label: 'Brevo (@getbrevo/brevo)',
    fix: 'Send one request with one `messageVersions` entry per recipient (at most 1,000 versions a call).',
  },
  {
    name: 'Azure',
    setup: "import { EmailClient } from '@azure/communication-email';\nconst azure = new EmailClient('endpoint=...');",
    send: (to) => `azure.beginSend({ senderAddress: 'news@x.io', recipients: { to: [{ address: ${to} }] }, content: {} })`,
    label: 'Azure Communication Email',
    fix: 'Azure has no batch send and allows 30 emails a minute by default: throttle the sends (p-limit, Bottleneck) within your quota.',
  },
  {
    name: 'emailjs',
    setup: "import { SMTPClient } from 'emailjs';\nconst smtp = new SMTPClient({ host: 'smtp.x.io' });",
    send: (to) => `smtp.sendAsync({ from: 'news@x.io', to: ${to}, subject: 'Hi', text: 'Hello' })`,
    label: 'emailjs',
    fix: "Throttle the sends (p-limit, Bottleneck), or send through a pooled, rate-limited transport such as nodemailer's.",
  },
];

interface Form {
  readonly name: string;
  readonly mode: Mode;
  /** Extra imports the form needs (a mapping library). */
  readonly imports?: string;
  /** The recipient expression for the element. */
  readonly to: string;
  /** The function body, around the send `s`. */
  readonly body: (s: string) => string;
}

// Every way of running a send once per element of `users` (or `byId`, `stream`).
const forms: readonly Form[] = [
  { name: 'for…of, awaited', mode: 'sequential', to: 'u.email', body: (s) => `for (const u of users) {\n    await ${s};\n  }` },
  { name: 'for…of, not awaited', mode: 'parallel', to: 'u.email', body: (s) => `for (const u of users) ${s};` },
  { name: 'for…of over a destructured element', mode: 'sequential', to: 'email', body: (s) => `for (const { email } of users) await ${s};` },
  { name: 'for…in', mode: 'sequential', to: 'byId[id].email', body: (s) => `for (const id in byId) await ${s};` },
  { name: 'for await', mode: 'sequential', to: 'u.email', body: (s) => `for await (const u of stream) ${s};` },
  {
    name: 'index loop over .length, awaited',
    mode: 'sequential',
    to: 'u.email',
    body: (s) => `for (let i = 0; i < users.length; i++) {\n    const u = users[i];\n    await ${s};\n  }`,
  },
  { name: 'index loop over .length, not awaited', mode: 'parallel', to: 'users[i].email', body: (s) => `for (let i = 0; users.length > i; i += 1) ${s};` },
  { name: 'forEach', mode: 'parallel', to: 'u.email', body: (s) => `users.forEach((u) => {\n    ${s};\n  });` },
  { name: 'forEach with an async callback', mode: 'parallel', to: 'u.email', body: (s) => `users.forEach(async (u) => {\n    await ${s};\n  });` },
  { name: 'map in Promise.all', mode: 'parallel', to: 'u.email', body: (s) => `await Promise.all(users.map((u) => ${s}));` },
  { name: 'map with an async callback', mode: 'parallel', to: 'u.email', body: (s) => `await Promise.all(users.map(async (u) => await ${s}));` },
  { name: 'flatMap', mode: 'parallel', to: 'u.email', body: (s) => `users.flatMap((u) => [${s}]);` },
  {
    name: 'reduce over a promise chain',
    mode: 'sequential',
    to: 'u.email',
    body: (s) => `await users.reduce(async (previous, u) => {\n    await previous;\n    await ${s};\n  }, Promise.resolve());`,
  },
  { name: 'Array.from with a map function', mode: 'parallel', to: 'u.email', body: (s) => `await Promise.all(Array.from(users, (u) => ${s}));` },
  {
    name: 'p-map without a concurrency',
    mode: 'parallel',
    imports: "import pMap from 'p-map';",
    to: 'u.email',
    body: (s) => `await pMap(users, (u) => ${s});`,
  },
  {
    name: 'async.each',
    mode: 'parallel',
    imports: "import async from 'async';",
    to: 'u.email',
    body: (s) => `await async.each(users, async (u) => {\n    await ${s};\n  });`,
  },
  {
    name: 'async.map',
    mode: 'parallel',
    imports: "import { map } from 'async';",
    to: 'u.email',
    body: (s) => `await map(users, async (u) => ${s});`,
  },
  {
    name: 'async.eachSeries',
    mode: 'sequential',
    imports: "import async from 'async';",
    to: 'u.email',
    body: (s) => `await async.eachSeries(users, async (u) => {\n    await ${s};\n  });`,
  },
  {
    name: 'Bluebird.map without a concurrency',
    mode: 'parallel',
    imports: "import Bluebird from 'bluebird';",
    to: 'u.email',
    body: (s) => `await Bluebird.map(users, (u) => ${s});`,
  },
  {
    name: 'Bluebird.each',
    mode: 'sequential',
    imports: "import Bluebird from 'bluebird';",
    to: 'u.email',
    body: (s) => `await Bluebird.each(users, (u) => ${s});`,
  },
];

const program = (sdk: Sdk, form: Form) =>
  `${sdk.setup}
${form.imports ? `${form.imports}\n` : ''}type User = { email: string };
export async function notify(users: User[], byId: Record<string, User>, stream: AsyncIterable<User>) {
  ${form.body(sdk.send(form.to))}
}`;

/** The report on `text` in `code`: every field of it. */
const report = (code: string, text: string, messageId: Mode, what: string, fix: string, nth = 0) => ({
  messageId,
  data: { what, fix },
  ...at(code, text, nth),
});

const sendIn = (sdk: Sdk, form: Form) => {
  const code = program(sdk, form);
  return {
    name: `${sdk.name}: ${form.name}`,
    code,
    errors: [report(code, sdk.send(form.to), form.mode, `This ${sdk.label} send`, sdk.fix)],
  };
};

/** SendGrid `send(array)`: one request per message, all at once, reported on `text`. */
const sendgridArray = (name: string, code: string, text: string) => ({
  name,
  code,
  errors: [
    {
      messageId: 'arrayOfMessages' as const,
      data: {
        method: 'send',
        sdk: 'SendGrid (@sendgrid/mail)',
        fix: 'Send one request with one `personalizations` entry per recipient (at most 1,000 a request), or `sgMail.sendMultiple` with the list in `to`.',
      },
      ...at(code, text),
    },
  ],
});

tsTester.run('no-unbatched-send: every loop and callback form, every SDK', rule, {
  valid: [],
  invalid: sdks.flatMap((sdk) => forms.map((form) => sendIn(sdk, form))),
});

tsTester.run('no-unbatched-send: other SDKs and shapes', rule, {
  valid: [],
  invalid: [
    (() => {
      const code = `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
const ses = new SESClient({});
export function notify(users: { email: string }[]) {
  for (const u of users) {
    const command = new SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: [u.email] } });
    ses.send(command);
  }
}`;
      return {
        name: 'an SES command built in a variable is reported on the `new` expression',
        code,
        errors: [
          report(
            code,
            "new SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: [u.email] } })",
            'parallel',
            'This Amazon SES (@aws-sdk/client-ses) send',
            'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.',
          ),
        ],
      };
    })(),
    sendgridArray(
      'SendGrid send(list.map(…)): one request per element',
      `import sgMail from '@sendgrid/mail';
export async function notify(users: { email: string; name: string }[]) {
  await sgMail.send(users.map((u) => ({ to: u.email, from: 'a@x.io', subject: \`Hi \${u.name}\` })));
}`,
      "sgMail.send(users.map((u) => ({ to: u.email, from: 'a@x.io', subject: `Hi ${u.name}` })))",
    ),
    sendgridArray(
      'SendGrid send(array) on a MailService instance',
      `import { MailService } from '@sendgrid/mail';
const sg = new MailService();
export const notify = (users: { email: string }[]) => sg.send([...users.map((u) => ({ to: u.email }))].map((m) => m));`,
      'sg.send([...users.map((u) => ({ to: u.email }))].map((m) => m))',
    ),
    (() => {
      const code = `import { Resend } from 'resend';
const resend = new Resend('k');
export async function notify(users: { email: string }[]) {
  for (const u of users) {
    await resend.emails.send({
      from: 'a@x.io',
      to: u.email,
    });
  }
  users.forEach((u) => resend.emails.create({ to: u.email }));
}`;
      return {
        name: 'a multi-line send, then a second send in a forEach: two reports, in order, each with its mode',
        code,
        errors: [
          report(code, "resend.emails.send({\n      from: 'a@x.io',\n      to: u.email,\n    })", 'sequential', 'This Resend send', 'Use `resend.batch.send([...])` in chunks of at most 100 emails.'),
          report(code, 'resend.emails.create({ to: u.email })', 'parallel', 'This Resend send', 'Use `resend.batch.send([...])` in chunks of at most 100 emails.'),
        ],
      };
    })(),
    (() => {
      const code = `import { Resend } from 'resend';
const resend = new Resend('k');
export async function notify(users: { email: string }[]) {
  for (const u of users) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await retry(() => resend.emails.send({ to: u.email }));
  }
}
declare function retry<T>(fn: () => T): T;`;
      return {
        name: 'an unknown callback (retry) runs where it is written: the loop around it counts',
        code,
        errors: [report(code, 'resend.emails.send({ to: u.email })', 'sequential', 'This Resend send', 'Use `resend.batch.send([...])` in chunks of at most 100 emails.')],
      };
    })(),
    (() => {
      const code = `import { Resend } from 'resend';
import pMap from 'p-map';
const resend = new Resend('k');
export const notify = (users: { email: string }[]) => pMap(users, (u) => resend.emails.send({ to: u.email }), { concurrency: Infinity });`;
      return {
        name: 'p-map with concurrency: Infinity is unbounded',
        code,
        errors: [report(code, 'resend.emails.send({ to: u.email })', 'parallel', 'This Resend send', 'Use `resend.batch.send([...])` in chunks of at most 100 emails.')],
      };
    })(),
    (() => {
      const code = `import { Resend } from 'resend';
const resend = new Resend('k');
export async function notify(users: { email: string }[]) {
  for (const u of users) await resend.emails.send({ to: u.email });
  for (let i = 0; i < users.length; i++) resend.emails.send({ to: users[i].email });
}`;
      return {
        name: 'an index loop over .length without await is parallel, a for…of with await sequential',
        code,
        errors: [
          report(code, 'resend.emails.send({ to: u.email })', 'sequential', 'This Resend send', 'Use `resend.batch.send([...])` in chunks of at most 100 emails.'),
          report(code, 'resend.emails.send({ to: users[i].email })', 'parallel', 'This Resend send', 'Use `resend.batch.send([...])` in chunks of at most 100 emails.'),
        ],
      };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ pool: true });
export async function notify(users: { email: string }[]) {
  for (const u of users) await transporter.sendMail({ to: u.email });
}`;
      return {
        name: 'a pooled nodemailer transport without a rateLimit is not throttled',
        code,
        errors: [
          report(
            code,
            'transporter.sendMail({ to: u.email })',
            'sequential',
            'This nodemailer send',
            'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.',
          ),
        ],
      };
    })(),
  ],
});

jsTester.run('no-unbatched-send: loops in plain ESM JavaScript', rule, {
  valid: [],
  invalid: [
    (() => {
      const code = `import sgMail from '@sendgrid/mail';
export async function notify(users) {
  for (const u of users) await sgMail.send({ to: u.email, from: 'a@x.io' });
  users.forEach((u) => sgMail.send({ to: u.email }));
  await sgMail.send(users.map((u) => ({ to: u.email })));
}`;
      const fix = sdks[1]!.fix;
      return {
        name: 'espree, ESM: sequential, parallel and an array of messages',
        code,
        errors: [
          report(code, "sgMail.send({ to: u.email, from: 'a@x.io' })", 'sequential', 'This SendGrid (@sendgrid/mail) send', fix),
          report(code, 'sgMail.send({ to: u.email })', 'parallel', 'This SendGrid (@sendgrid/mail) send', fix),
          {
            messageId: 'arrayOfMessages' as const,
            data: { method: 'send', sdk: 'SendGrid (@sendgrid/mail)', fix },
            ...at(code, 'sgMail.send(users.map((u) => ({ to: u.email })))'),
          },
        ],
      };
    })(),
  ],
});

cjsTester.run('no-unbatched-send: loops in CommonJS', rule, {
  valid: [],
  invalid: [
    (() => {
      const code = `const { SESClient, SendEmailCommand } = require('@aws-sdk/client-ses');
const nodemailer = require('nodemailer');
const ses = new SESClient({});
const transporter = nodemailer.createTransport({});
module.exports = async (users) => {
  for (const u of users) await ses.send(new SendEmailCommand({ Destination: { ToAddresses: [u.email] } }));
  await Promise.all(users.map((u) => transporter.sendMail({ to: u.email })));
};`;
      return {
        name: 'espree, CommonJS: SES and nodemailer',
        code,
        errors: [
          report(code, 'ses.send(new SendEmailCommand({ Destination: { ToAddresses: [u.email] } }))', 'sequential', 'This Amazon SES (@aws-sdk/client-ses) send', sdks[2]!.fix),
          report(code, 'transporter.sendMail({ to: u.email })', 'parallel', 'This nodemailer send', sdks[7]!.fix),
        ],
      };
    })(),
  ],
});
