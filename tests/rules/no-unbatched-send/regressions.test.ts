// Shapes found while writing the docs and the form matrices: each was once wrong.
import rule from '../../../src/rules/no-unbatched-send.js';
import { at, tsTester } from '../../helpers.js';

const RESEND = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');\ntype User = { email: string; name: string };";
const resendFix = 'Use `resend.batch.send([...])` in chunks of at most 100 emails.';
const sesFix = 'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.';

tsTester.run('no-unbatched-send: regressions', rule, {
  valid: [
    // Bluebird.map with a concurrency is bounded; the function around it is not a wrapper call.
    `${RESEND}\nimport Bluebird from 'bluebird';\nexport async function other(users: User[]) {\n  await Bluebird.map(users, (u) => resend.emails.send({ from: 'a@x.io', to: u.email, subject: 'Hi' }), { concurrency: 4 });\n}`,
    `${RESEND}\nconst Promise = require('bluebird');\nexport async function other(users: User[]) {\n  await Promise.map(users, (u) => resend.emails.send({ from: 'a@x.io', to: u.email, subject: 'Hi' }), { concurrency: 4 });\n}`,
    // email-templates on a pooled, rate-limited transport, given as options or built.
    `import Email from 'email-templates';\nimport nodemailer from 'nodemailer';\nconst email = new Email({ transport: nodemailer.createTransport({ pool: true, rateLimit: 5 }) });\nexport async function f(users: { email: string }[]) { for (const u of users) await email.send({ template: 'hi', message: { to: u.email } }); }`,
    `import Email from 'email-templates';\nconst email = new Email({ transport: { host: 'smtp.example.com', pool: true, rateLimit: 5 } });\nexport async function f(users: { email: string }[]) { for (const u of users) await email.send({ template: 'hi', message: { to: u.email } }); }`,
    // Loops over ready-made chunks whose every send reaches a list: bcc, recipient-variables.
    `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport async function f(chunks: { email: string }[][]) { for (const chunk of chunks) await t.sendMail({ to: 'news@x.io', bcc: chunk.map((c) => c.email) }); }`,
    `import Mailgun from 'mailgun.js';\nconst mg = new Mailgun(FormData).client({ username: 'api', key: 'k' });\nexport async function f(chunks: string[][]) { for (const chunk of chunks) await mg.messages.create('d', { to: chunk, 'recipient-variables': '{}' }); }`,
  ],
  invalid: [
    (() => {
      const code = `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
const client = new SESClient({});
export async function f(users: { email: string }[]) {
  for (const u of users) {
    const cmd = new SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: [u.email] }, Message: { Subject: { Data: 's' }, Body: {} } });
    await client.send(cmd);
  }
}`;
      return {
        name: 'a command built in a variable, then awaited: sequential',
        code,
        errors: [
          {
            messageId: 'sequential' as const,
            data: { what: 'This Amazon SES (@aws-sdk/client-ses) send', fix: sesFix },
            ...at(code, "new SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: [u.email] }, Message: { Subject: { Data: 's' }, Body: {} } })"),
          },
        ],
      };
    })(),
    (() => {
      const code = `${RESEND}\nexport async function f(users: User[]) {\n  for (let i = users.length - 1; i >= 0; i--) await resend.emails.send({ from: 'a@x.io', to: users[i]!.email, subject: 'Hi' });\n}`;
      return {
        name: 'an index loop counting down from the length',
        code,
        errors: [
          {
            messageId: 'sequential' as const,
            data: { what: 'This Resend send', fix: resendFix },
            ...at(code, "resend.emails.send({ from: 'a@x.io', to: users[i]!.email, subject: 'Hi' })"),
          },
        ],
      };
    })(),
    (() => {
      const code = `${RESEND}\nfunction sendWelcome(user: User) {\n  return resend.emails.send({ from: 'a@x.io', to: user.email, subject: 'Welcome' });\n}\nexport const onboard = (users: User[]) => Promise.all(users.map(sendWelcome));`;
      return {
        name: 'a wrapper passed by name to map',
        code,
        errors: [
          {
            messageId: 'parallel' as const,
            data: { what: '`sendWelcome` (which sends with Resend)', fix: resendFix },
            ...at(code, 'users.map(sendWelcome)'),
          },
        ],
      };
    })(),
  ],
});
