// The project's own modules (issue 13, first part): a helper exported from another module that puts
// a parameter in a visible field is followed from the call in the linted file, in CommonJS, ESM
// and TypeScript, and a change of that module is seen by the next lint in the same process.
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, project } from './modules/project.js';

const mailerCjs = `const nodemailer = require('nodemailer');
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
function sendMessage(recipients, subject, html, cc) {
  return transport.sendMail({ from: 'app@x.io', to: recipients, cc, subject, html });
}
module.exports = sendMessage;
`;

describe("helpers exported from the project's own modules", () => {
  it('CommonJS: a default export, the list in `to` and in `cc`, reported at the call', async () => {
    const dir = project({
      'src/utilities/mailer.js': mailerCjs,
      'src/jobs/notify.js': `const sendMessage = require('../utilities/mailer');
async function notify(team, owner) {
  await sendMessage(team.map((m) => m.email), 'Update', '<p>.</p>');
  await sendMessage(owner, 'Update', '<p>.</p>', team.watchers.map((w) => w.email));
  await sendMessage('ops@x.io', 'Update', '<p>.</p>');
}
module.exports = notify;
`,
    });
    const found = await lint(dir, 'src/jobs/notify.js');
    expect(found).toEqual([
      {
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 45,
        rule: 'mail/no-exposed-recipients',
        message:
          "`sendMessage` (src/utilities/mailer.js) puts this data-driven list in nodemailer's `to`, which every recipient sees. Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).",
      },
      {
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 83,
        rule: 'mail/no-exposed-recipients',
        message:
          "`sendMessage` (src/utilities/mailer.js) puts this data-driven list in nodemailer's `cc`, which every recipient sees. Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).",
      },
    ]);
  });

  it('ESM and TypeScript: named exports, a namespace import, a .js specifier for a .ts file', async () => {
    const dir = project({
      'lib/email.ts': `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_KEY);
export async function sendEmail(options: { to: string | string[]; subject: string; html: string }) {
  return resend.emails.send({ from: 'a@x.io', ...options });
}
export const sendPrivately = (emails: string[], subject: string) => resend.emails.send({ from: 'a@x.io', to: 'a@x.io', bcc: emails, subject, html: '.' });
`,
      'app/announce.ts': `import { sendEmail, sendPrivately } from '../lib/email.js';
import * as mail from '../lib/email.js';
export async function announce(users: { email: string }[]) {
  await sendEmail({ to: users.map((u) => u.email), subject: 'News', html: '.' });
  await mail.sendEmail({ to: users.map((u) => u.email), subject: 'News', html: '.' });
  await sendPrivately(users.map((u) => u.email), 'News');
  for (const u of users) await sendEmail({ to: u.email, subject: 'Hi', html: '.' });
}
`,
    });
    const found = await lint(dir, 'app/announce.ts');
    // The loop around the imported sender is one request per user (issue 13: senders in other modules).
    expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:9 mail/no-exposed-recipients', '5:9 mail/no-exposed-recipients', '7:32 mail/no-unbatched-send']);
    expect(found[0]!.message).toContain("`sendEmail` (lib/email.ts) puts this data-driven list in Resend's `to`");
  });

  it('a module that chunks its parameter into `to` is reported there, and at its callers', async () => {
    const dir = project({
      'mailer.js': `const nodemailer = require('nodemailer');
const t = nodemailer.createTransport({});
module.exports.sendAll = async (recipients, subject) => {
  for (let i = 0; i < recipients.length; i += 50) {
    await t.sendMail({ to: recipients.slice(i, i + 50).join(','), subject });
  }
};
`,
      'job.js': `const { sendAll } = require('./mailer');
module.exports = async (db) => sendAll(await db.emails(), 'Hi');
module.exports.each = async (users) => sendAll(users.map((u) => u.email), 'Hi');
`,
    });
    expect((await lint(dir, 'mailer.js')).map((f) => `${f.line} ${f.rule}`)).toEqual(['5 mail/no-exposed-recipients']);
    expect((await lint(dir, 'job.js')).map((f) => `${f.line} ${f.rule}`)).toEqual(['3 mail/no-exposed-recipients']);
  });

  it("stays silent on modules that are not the project's, that do not parse, or that send no mail", async () => {
    const dir = project({
      'broken.js': 'module.exports = (to) => { sendMail({ to ',
      'plain.js': 'module.exports = (to, subject) => ({ to, subject });\n',
      'job.js': `const broken = require('./broken');
const plain = require('./plain');
const external = require('some-mailer');
module.exports = (users) => [broken(users.map((u) => u.email)), plain(users.map((u) => u.email), 'x'), external(users.map((u) => u.email))];
`,
    });
    expect(await lint(dir, 'job.js')).toEqual([]);
  });

  it('sees a change of the other module on the next lint in the same process', async () => {
    const dir = project({
      'mailer.js': mailerCjs.replace('to: recipients, cc', "to: 'app@x.io', bcc: recipients, cc"),
      'job.js': "const send = require('./mailer');\nmodule.exports = (users) => send(users.map((u) => u.email), 'Hi', '.');\n",
    });
    expect(await lint(dir, 'job.js')).toEqual([]);
    const mailer = path.join(dir, 'mailer.js');
    writeFileSync(mailer, mailerCjs);
    // A later modification time, as an editor's save gives it.
    const later = new Date(Date.now() + 5_000);
    utimesSync(mailer, later, later);
    expect((await lint(dir, 'job.js')).map((f) => `${f.line} ${f.rule}`)).toEqual(['2 mail/no-exposed-recipients']);
  });
});
