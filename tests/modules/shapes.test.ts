// Issue 13: the shapes in which a list and a send meet across the project's own modules, each
// linted from the file a user would change, valid and invalid, with exact locations.
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { at } from '../helpers.js';
import { lint, project } from './project.js';

const EXPOSED = 'mail/no-exposed-recipients';
const UNBATCHED = 'mail/no-unbatched-send';

/** Shera's shape: a builder with no mail import, a wrapper object around @sendgrid/mail. */
const builders = `import { render } from './render';
export const newPostEmail = (event: { title: string }, emails: string[]) => {
  const html = render(event.title);
  const message = { to: emails, from: 'events@x.io', subject: 'New post in ' + event.title, html };
  return message;
};
`;
const emailClient = `import sgMail from '@sendgrid/mail';
const emailClient = {
  send: async (...args: Parameters<typeof sgMail.send>) => {
    if (process.env.SENDGRID_API_KEY === 'local') return console.log(args[0]);
    return sgMail.send(...args);
  },
  sendMultiple: async (...args: Parameters<typeof sgMail.sendMultiple>) => sgMail.sendMultiple(...args),
};
export { emailClient };
`;

describe('a message built in one module and sent in another', () => {
  const dir = project({
    'emails/utils.ts': builders,
    'emails/render.ts': 'export const render = (title: string) => `<h1>${title}</h1>`;\n',
    'src/server/email.ts': emailClient,
    'src/routers/posts.ts': `import { newPostEmail } from '../../emails/utils';
import { emailClient } from '../server/email';
export async function notify(event: { title: string; attendees: { email: string }[] }, host: { email: string }) {
  const emails = event.attendees.map((a) => a.email);
  await emailClient.send(newPostEmail(event, emails));
  const single = newPostEmail(event, [host.email]);
  await emailClient.send(single);
  await emailClient.sendMultiple(newPostEmail(event, emails));
}
`,
  });

  it('reports the list at the builder call, naming the builder, the SDK and the field', async () => {
    expect(await lint(dir, 'src/routers/posts.ts')).toEqual([
      {
        line: 5,
        column: 26,
        endLine: 5,
        endColumn: 52,
        rule: EXPOSED,
        message:
          "`newPostEmail` (emails/utils.ts) puts this data-driven list in SendGrid (@sendgrid/mail)'s `to`, which every recipient sees. Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.",
      },
    ]);
  });

  it('a builder whose message sets `isMultiple: true` sends one copy per recipient', async () => {
    const multiple = project({
      'emails/utils.js': `exports.digest = (emails) => ({ to: emails, isMultiple: true, from: 'a@x.io', subject: 'Digest', text: '.' });\n`,
      'mail.js': `const sgMail = require('@sendgrid/mail');
const { digest } = require('./emails/utils');
async function run(users) { await sgMail.send(digest(users.map((u) => u.email))); }
module.exports = run;
`,
    });
    expect(await lint(multiple, 'mail.js')).toEqual([]);
  });

  it('a builder whose `isMultiple` the linted file cannot see is unknown, so silent', async () => {
    const unknown = project({
      'emails/utils.js': `const flags = require('./flags');
exports.digest = (emails) => ({ to: emails, isMultiple: flags.multiple, from: 'a@x.io', subject: 'Digest', text: '.' });\n`,
      'emails/flags.js': 'exports.multiple = true;\n',
      'mail.js': `const sgMail = require('@sendgrid/mail');
const { digest } = require('./emails/utils');
async function run(users) { await sgMail.send(digest(users.map((u) => u.email))); }
module.exports = run;
`,
    });
    expect(await lint(unknown, 'mail.js')).toEqual([]);
  });
});

describe("clients and services exported by the project's modules", () => {
  it('an exported client instance (ESM), used in another module', async () => {
    const dir = project({
      'lib/resend.ts': `import { Resend } from 'resend';\nexport const resend = new Resend(process.env.RESEND_KEY);\n`,
      'app/announce.ts': `import { resend } from '../lib/resend';
export async function announce(users: { email: string }[]) {
  await resend.emails.send({ from: 'a@x.io', to: users.map((u) => u.email), subject: 'News', html: '.' });
  await resend.batch.send(users.slice(0, 100).map((u) => ({ from: 'a@x.io', to: u.email, subject: 'News', html: '.' })));
}
`,
    });
    const found = await lint(dir, 'app/announce.ts');
    expect(found.map((f) => [f.rule, f.line, f.column, f.endColumn])).toEqual([[EXPOSED, 3, 46, 75]]);
    expect(found[0]!.message).toMatch(/^Resend shows every address in `to`/);
  });

  it('a class whose constructor takes the list, constructed in another module (chapter)', async () => {
    const dir = project({
      'services/MailerService.ts': `import nodemailer, { Transporter } from 'nodemailer';
export interface MailerData { emailList: Array<string>; subject: string }
export default class MailerService {
  emailList: Array<string>;
  subject: string;
  transporter: Transporter;
  constructor(data: MailerData) {
    this.emailList = data.emailList;
    this.subject = data.subject;
    this.transporter = nodemailer.createTransport({ host: 'localhost' });
  }
  async sendEmail() {
    return this.transporter.sendMail({ from: 'a@x.io', to: this.emailList, subject: this.subject, text: '.' });
  }
}
`,
      'controllers/events.ts': `import MailerService from '../services/MailerService';
export async function cancel(event: { name: string; rsvps: { user: { email: string } }[] }, user: { email: string }) {
  const emailList = event.rsvps.map(({ user }) => user.email);
  await new MailerService({ emailList, subject: 'Canceled' }).sendEmail();
  await new MailerService({ emailList: [user.email], subject: 'Your RSVP' }).sendEmail();
}
`,
    });
    expect(await lint(dir, 'controllers/events.ts')).toEqual([
      {
        line: 4,
        column: 9,
        endLine: 4,
        endColumn: 38,
        rule: EXPOSED,
        message:
          "`MailerService` (services/MailerService.ts) puts this data-driven list in nodemailer's `to`, which every recipient sees. Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).",
      },
    ]);
  });

  it('an injected service (a constructor parameter typed with a project class) and a default-exported instance', async () => {
    const dir = project({
      'mail/mail.service.ts': `import * as nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.x.io' });
export class MailService {
  async notify(recipients: string[], subject: string) {
    await transport.sendMail({ from: 'a@x.io', to: recipients, subject, text: '.' });
  }
}
class Mailer {
  send(list: string[]) { return transport.sendMail({ from: 'a@x.io', cc: list, subject: 'x', text: '.' }); }
}
export default new Mailer();
`,
      'events/events.service.ts': `import { MailService } from '../mail/mail.service';
import mailer from '../mail/mail.service';
export class EventsService {
  constructor(private readonly mail: MailService) {}
  async cancel(attendees: { email: string }[], organiser: string) {
    await this.mail.notify(attendees.map((a) => a.email), 'Canceled');
    await this.mail.notify([organiser], 'Canceled');
    await mailer.send(attendees.map((a) => a.email));
  }
}
`,
    });
    const found = await lint(dir, 'events/events.service.ts');
    expect(found.map((f) => [f.rule, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      [EXPOSED, 6, 11, 6, 57],
      [EXPOSED, 8, 11, 8, 52],
    ]);
    expect(found[0]!.message).toMatch(/^`MailService\.notify` \(mail\/mail\.service\.ts\) puts this data-driven list in nodemailer's `to`/);
    expect(found[1]!.message).toMatch(/^`mailer\.send` \(mail\/mail\.service\.ts\) puts this data-driven list in nodemailer's `cc`/);
  });
});

describe("a wrapper's own file names its callers in other modules", () => {
  const service = `import nodemailer from 'nodemailer';
export default class MailerService {
  emailList: string[];
  transporter = nodemailer.createTransport({ host: 'localhost' });
  constructor(data: { emailList: string[] }) {
    this.emailList = data.emailList;
  }
  sendEmail() {
    return this.transporter.sendMail({ from: 'a@x.io', to: this.emailList, subject: 'x', text: '.' });
  }
}
`;

  it('reports the field the callers fill with data-driven lists, with the first caller and how many more', async () => {
    const dir = project({
      'package.json': '{ "name": "app" }\n',
      'src/services/MailerService.ts': service,
      'src/controllers/events.ts': `import MailerService from '../services/MailerService';
export async function cancel(rsvps: { user: { email: string } }[]) {
  await new MailerService({ emailList: rsvps.map(({ user }) => user.email) }).sendEmail();
}
`,
      'src/controllers/venues.ts': `import MailerService from '../services/MailerService';
export async function moved(rsvps: { email: string }[], owner: string) {
  const emailList = rsvps.map((r) => r.email);
  await new MailerService({ emailList }).sendEmail();
  await new MailerService({ emailList: [owner] }).sendEmail();
}
`,
    });
    const found = await lint(dir, 'src/services/MailerService.ts');
    expect(found).toEqual([
      {
        line: 9,
        column: 56,
        endLine: 9,
        endColumn: 74,
        rule: EXPOSED,
        message:
          'nodemailer shows every address in `to` to every recipient, and callers in other modules put data-driven lists here (src/controllers/events.ts:3, and 1 more). Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).',
      },
    ]);
  });

  it('is silent when every caller passes one address, and sees a caller change on the next lint', async () => {
    const dir = project({
      'package.json': '{ "name": "app" }\n',
      'src/services/MailerService.ts': service,
      'src/controllers/rsvp.ts': `import MailerService from '../services/MailerService';
export async function confirm(user: { email: string }) {
  await new MailerService({ emailList: [user.email] }).sendEmail();
}
`,
    });
    expect(await lint(dir, 'src/services/MailerService.ts')).toEqual([]);
    const caller = path.join(dir, 'src/controllers/rsvp.ts');
    writeFileSync(caller, `import MailerService from '../services/MailerService';
export async function confirm(users: { email: string }[]) {
  await new MailerService({ emailList: users.map((u) => u.email) }).sendEmail();
}
`);
    const later = new Date(Date.now() + 5000);
    utimesSync(caller, later, later);
    expect((await lint(dir, 'src/services/MailerService.ts')).map((f) => [f.line, f.column])).toEqual([[9, 56]]);
  });
});

describe('a loop around a send in another module (opencouncil)', () => {
  const resend = `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_KEY);
export async function sendEmail(params: { to: string; subject: string; html: string }) {
  return resend.emails.send({ from: 'a@x.io', ...params });
}
export async function sendEmailBatch(items: { to: string; subject: string; html: string }[]) {
  return resend.batch.send(items.map((i) => ({ from: 'a@x.io', ...i })));
}
`;

  it('reports the loop that calls an in-file helper which calls the imported sender', async () => {
    const dir = project({
      'lib/email/resend.ts': resend,
      'lib/notifications/deliver.ts': `import { sendEmail, sendEmailBatch } from '../email/resend';
import { pending } from './db';
export async function release(ids: string[]) {
  const deliveries = await pending(ids);
  for (const delivery of deliveries) {
    try {
      await sendEmailDelivery(delivery);
      await new Promise((resolve) => setTimeout(resolve, 500));
    } catch (error) {
      console.error(error);
    }
  }
  for (let i = 0; i < deliveries.length; i += 100) {
    await sendEmailBatch(deliveries.slice(i, i + 100).map((d) => ({ to: d.email, subject: d.title, html: d.body })));
  }
}
async function sendEmailDelivery(delivery: { email: string; title: string; body: string }) {
  return sendEmail({ to: delivery.email, subject: delivery.title, html: delivery.body });
}
`,
      'lib/notifications/db.ts': 'export async function pending(ids: string[]) { return ids.map((id) => ({ id, email: id, title: id, body: id })); }\n',
    });
    const found = await lint(dir, 'lib/notifications/deliver.ts');
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([[UNBATCHED, 7, 13]]);
    expect(found[0]!.message).toContain('sendEmailDelivery');
  });

  it("a loop around a helper that hands its messages to the module's paced queue is silent (HGNRest)", async () => {
    const dir = project({
      'utilities/emailSender.js': `const nodemailer = require('nodemailer');
const transporter = nodemailer.createTransport({ host: 'smtp.x.io', port: 465, secure: true });
const queue = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function worker() {
  while (queue.length) {
    await transporter.sendMail(queue.shift());
    await sleep(1000);
  }
}
module.exports = (to, subject, html, opts = {}) => {
  if (opts.priority === 'high') return transporter.sendMail({ from: 'a@x.io', to, subject, html });
  queue.push({ from: 'a@x.io', to, subject, html });
  return worker();
};
`,
      'controllers/noShow.js': `const emailSender = require('../utilities/emailSender');
exports.followUp = (users) => Promise.all(users.map((u) => emailSender(u.email, 'We missed you', '.')));
`,
    });
    expect(await lint(dir, 'controllers/noShow.js')).toEqual([]);
  });

  it('a loop that pauses every turn, or sends through a batching export, is silent', async () => {
    const dir = project({
      'lib/email/resend.ts': resend,
      'scripts/mail.ts': `import { sendEmail } from '../lib/email/resend';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function run(rows: { email: string }[]) {
  for (const row of rows) {
    await sendEmail({ to: row.email, subject: 'Hi', html: '.' });
    await sleep(1000);
  }
}
`,
    });
    expect(await lint(dir, 'scripts/mail.ts')).toEqual([]);
  });
});

describe('chains of modules and re-exports', () => {
  const mailer = `const nodemailer = require('nodemailer');
const transport = nodemailer.createTransport({ host: 'smtp.x.io' });
exports.sendMessage = (to, subject) => transport.sendMail({ from: 'a@x.io', to, subject, text: '.' });
`;

  it('a helper that hands its parameter to a helper of another module', async () => {
    const dir = project({
      'src/mail/mailer.js': mailer,
      'src/mail/team.js': `const { sendMessage } = require('./mailer');\nexports.emailTeam = (emails, subject) => sendMessage(emails, subject);\n`,
      'src/jobs/weekly.js': `const { emailTeam } = require('../mail/team');
module.exports = async (team) => {
  await emailTeam(team.members.map((m) => m.email), 'Weekly');
  await emailTeam(team.lead.email, 'Weekly');
};
`,
    });
    const found = await lint(dir, 'src/jobs/weekly.js');
    expect(found.map((f) => [f.rule, f.line, f.column, f.endColumn])).toEqual([[EXPOSED, 3, 9, 51]]);
    expect(found[0]!.message).toMatch(/^`emailTeam` \(src\/mail\/team\.js\) puts this data-driven list in nodemailer's `to`/);
  });

  it('an index that re-exports by name and with `export *`', async () => {
    const dir = project({
      'src/mail/mailer.ts': `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.x.io' });
export const sendMessage = (to: string | string[], subject: string) => transport.sendMail({ from: 'a@x.io', to, subject, text: '.' });
`,
      'src/mail/index.ts': `export { sendMessage as notify } from './mailer';\nexport * from './mailer';\n`,
      'src/jobs/weekly.ts': `import { notify, sendMessage } from '../mail';
export async function weekly(users: { email: string }[]) {
  await notify(users.map((u) => u.email), 'Weekly');
  await sendMessage(users.map((u) => u.email), 'Weekly');
  await notify('ops@x.io', 'Weekly');
}
`,
    });
    const found = await lint(dir, 'src/jobs/weekly.ts');
    expect(found.map((f) => [f.rule, f.line, f.column, f.endColumn])).toEqual([
      [EXPOSED, 3, 9, 41],
      [EXPOSED, 4, 9, 46],
    ]);
    expect(found[0]!.message).toContain('(src/mail/mailer.ts)');
  });

  it('an import cycle between two modules is followed once, without hanging or failing', async () => {
    const dir = project({
      'a.js': `const b = require('./b');\nexports.mailA = (to) => b.mailB(to);\n`,
      'b.js': `const a = require('./a');\nexports.mailB = (to) => a.mailA(to);\n`,
      'c.js': `const { mailA } = require('./a');\nmodule.exports = (users) => mailA(users.map((u) => u.email));\n`,
    });
    expect(await lint(dir, 'c.js')).toEqual([]);
  });
});

describe('a change to the builder module is seen by the next lint in the same process', () => {
  it('from `to` to `bcc`', async () => {
    const dir = project({
      'emails.js': `exports.digest = (emails) => ({ to: emails, from: 'a@x.io', subject: 'Digest', text: '.' });\n`,
      'send.js': `const nodemailer = require('nodemailer');
const { digest } = require('./emails');
const transport = nodemailer.createTransport({});
module.exports = (users) => transport.sendMail(digest(users.map((u) => u.email)));
`,
    });
    expect((await lint(dir, 'send.js')).map((f) => f.line)).toEqual([4]);
    const file = path.join(dir, 'emails.js');
    writeFileSync(file, `exports.digest = (emails) => ({ bcc: emails, from: 'a@x.io', subject: 'Digest', text: '.' });\n`);
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(await lint(dir, 'send.js')).toEqual([]);
  });
});

describe("a message written before the call to another module's sender (issue 21, item 3)", () => {
  const mailer = `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });
export function deliver(message) {
  return transporter.sendMail(message);
}
`;
  const before = `import { deliver } from './mailer.js';
export async function announce(users) {
  const message = {
    to: users.map((u) => u.email),
    subject: 'News',
  };
  await deliver(message);
}
`;
  const inside = `import { deliver } from './mailer.js';
export async function announce(users) {
  await deliver({ subject: 'News', to: users.map((u) => u.email) });
}
`;

  it('is reported from the field to the call, in source order (the range ran backwards, 7:9 to 4:34)', async () => {
    const dir = project({ 'package.json': '{ "type": "module" }\n', 'mailer.js': mailer, 'job.js': before });
    expect(await lint(dir, 'job.js')).toMatchObject([{ ...at(before, before.slice(before.indexOf('to: users'), before.indexOf('(message)') + '(message)'.length)), rule: EXPOSED }]);
  });

  it('and from the call to the field where the call comes first', async () => {
    const dir = project({ 'package.json': '{ "type": "module" }\n', 'mailer.js': mailer, 'job.js': inside });
    expect(await lint(dir, 'job.js')).toMatchObject([{ ...at(inside, "deliver({ subject: 'News', to: users.map((u) => u.email)"), rule: EXPOSED }]);
  });
});
