// JavaScript forms real applications use across their own modules (issue 20): each followed from
// the linted file into the module that sends, in CommonJS, ESM and TypeScript.
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, project } from './project.js';

const UNBATCHED = 'mail/no-unbatched-send';

const senderCjs = `const { Resend } = require('resend');
const resend = new Resend('re_123');
const sendEmail = async (workplace) => {
  await resend.emails.send({ from: 'a@x.io', to: workplace.email, subject: 'Hi' });
};
module.exports = { sendEmail };
`;
const senderEsm = `import { Resend } from 'resend';
const resend = new Resend('re_123');
export async function sendEmail(workplace) {
  await resend.emails.send({ from: 'a@x.io', to: workplace.email, subject: 'Hi' });
}
`;

describe('an export that sends, passed by name to a loop', () => {
  const where = (found: Awaited<ReturnType<typeof lint>>) => found.filter((f) => f.rule === UNBATCHED).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`);
  const message = (label: string) =>
    `\`${label}\` (which sends with Resend) runs once per element, all at once: past the provider’s rate limit, sends fail or are dropped. Use \`resend.batch.send([...])\` in chunks of at most 100 emails.`;

  it('CommonJS: `list.map(mailer.sendEmail)` on a required module', async () => {
    const dir = project({
      'services/sendEmail.js': senderCjs,
      'routes/campaign.js': `const sendEmail = require('../services/sendEmail');\nmodule.exports = async (workplaces) => {\n  workplaces.map(sendEmail.sendEmail);\n};\n`,
    });
    expect(where(await lint(dir, 'routes/campaign.js'))).toEqual([`3:3-38 ${message('sendEmail.sendEmail')}`]);
  });

  it('ESM: `list.forEach(sendEmail)` on a named import; a fixed list and a limiter stay silent', async () => {
    const dir = project({
      'services/mailer.js': senderEsm,
      'routes/campaign.js': `import pLimit from 'p-limit';\nimport { sendEmail } from '../services/mailer.js';\nconst limit = pLimit(2);\nexport function run(workplaces) {\n  workplaces.forEach(sendEmail);\n  [{ email: 'a@x.io' }].forEach(sendEmail);\n  workplaces.map((w) => limit(() => sendEmail(w)));\n}\n`,
    });
    expect(where(await lint(dir, 'routes/campaign.js'))).toEqual([`5:3-32 ${message('sendEmail')}`]);
  });

  it('TypeScript: a namespace import; an export that does not send is no send', async () => {
    const dir = project({
      'services/mailer.ts': `${senderEsm}export function format(workplace: { email: string }) {\n  return workplace.email;\n}\n`,
      'routes/campaign.ts': `import * as mailer from '../services/mailer';\nexport function run(workplaces: { email: string }[]) {\n  workplaces.map(mailer.sendEmail);\n  workplaces.map(mailer.format);\n}\n`,
    });
    expect(where(await lint(dir, 'routes/campaign.ts'))).toEqual([`3:3-35 ${message('mailer.sendEmail')}`]);
  });
});

describe('an exported object that names functions of its module', () => {
  const mailgunModule = `import mailgun from 'mailgun-js';
const mg = mailgun({ apiKey: 'key', domain: 'x.io' });
const sendEmail = async (to, subject) => {
  const data = { to, from: 'a@x.io', subject };
  return await mg.messages().send(data);
};
function notify(to) {
  return mg.messages().send({ to, from: 'a@x.io', subject: 'Hi' });
}
export default { sendEmail, mg, alert: notify };
`;
  const loop = `import Email from '../lib/email';
export async function notifyMany(subList) {
  for (let i = 0; i < subList.length; i++) {
    await Email.sendEmail(subList[i], 'Hi');
  }
}
export async function announce(users) {
  await Email.alert(users.map((u) => u.email));
  await Email.alert('ops@x.io');
}
`;
  for (const ext of ['js', 'ts']) {
    it(`${ext === 'ts' ? 'TypeScript' : 'ESM'}: \`export default { sendEmail, alert: notify }\`, a send in a loop and a list in \`to\``, async () => {
      const dir = project({ [`src/lib/email.${ext}`]: mailgunModule, [`src/modules/notify.${ext}`]: loop });
      const found = await lint(dir, `src/modules/notify.${ext}`);
      expect(found.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`)).toEqual([
        '4:11-44 mail/no-unbatched-send',
        '8:9-46 mail/no-exposed-recipients',
      ]);
      expect(found[0]!.message).toMatch(/^`Email\.sendEmail` \(which sends with Mailgun \(mailgun-js\)\) runs once per element of this loop, one send after another/);
      expect(found[1]!.message).toMatch(/^`Email\.alert` \(src\/lib\/email\.[jt]s\) puts this data-driven list in Mailgun/);
    });
  }
});

describe('transport options from a config module', () => {
  const files = (options: string) => ({
    'src/config/index.js': `export const transportOptions = { host: process.env.SMTP_HOST, pool: true, maxConnections: 5, rateLimit: 10 };\n`,
    'src/emails/sendEmail.js': `import { createTransport } from 'nodemailer';\nimport { transportOptions } from '../config/index.js';\nconst transport = createTransport(${options});\nexport const sendNotificationMail = async (n) => transport.sendMail({ to: n.email, subject: 'Hi' });\n`,
    'src/notify.js': `import { sendNotificationMail } from './emails/sendEmail.js';\nexport function publish(notifications) {\n  notifications.forEach((n) => { void sendNotificationMail(n); });\n}\n`,
  });

  it('options imported from another module: the loop over the sender is unknown, not unpooled', async () => {
    const found = await lint(project(files('transportOptions')), 'src/notify.js');
    expect(found.filter((f) => f.rule === UNBATCHED)).toEqual([]);
  });

  it('options written in the sender module, with no pool: the loop is reported', async () => {
    const found = await lint(project(files("{ host: 'smtp.x.io' }")), 'src/notify.js');
    expect(found.filter((f) => f.rule === UNBATCHED).map((f) => `${f.line}:${f.column}-${f.endColumn}`)).toEqual(['3:39-62']);
  });
});

describe('an export given one of several functions', () => {
  const sender = (cjs: boolean) => `${cjs ? "const nodemailer = require('nodemailer');" : "import nodemailer from 'nodemailer';"}
let sendMailCallback = async () => {};
if (process.env.SMTP_HOST) {
  sendMailCallback = async (templateArgs) => {
    const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST });
    await transporter.sendMail(templateArgs);
  };
} else {
  sendMailCallback = async (templateArgs) => console.log(templateArgs.to);
}
${cjs ? 'module.exports.sendMail = sendMailCallback;' : 'export const sendMail = sendMailCallback;'}
`;
  const caller = (cjs: boolean) => `${cjs ? "const { sendMail } = require('./sendMail');" : "import { sendMail } from './sendMail';"}
${cjs ? 'module.exports.publish = ' : 'export '}function publish(notifications) {
  notifications.forEach((n) => {
    sendMail({ to: n.email, subject: 'New' });
  });
}
`;
  for (const [name, ext, cjs] of [['ESM', 'js', false], ['TypeScript', 'ts', false], ['CommonJS', 'cjs', true]] as const) {
    it(`${name}: a loop over the export, which sends in one branch, is reported`, async () => {
      const dir = project({ [`src/sendMail.${ext}`]: sender(cjs), [`src/notify.${ext}`]: caller(cjs).replace("'./sendMail'", `'./sendMail.${ext}'`) });
      const found = await lint(dir, `src/notify.${ext}`);
      expect(found.filter((f) => f.rule === UNBATCHED).map((f) => `${f.line}:${f.column}-${f.endColumn}`)).toEqual(['4:5-46']);
    });
  }

  it('no function it may be sends: no send', async () => {
    const dir = project({
      'src/sendMail.js': sender(false).replace('await transporter.sendMail(templateArgs);', 'return transporter;'),
      'src/notify.js': caller(false).replace("'./sendMail'", "'./sendMail.js'"),
    });
    expect((await lint(dir, 'src/notify.js')).filter((f) => f.rule === UNBATCHED)).toEqual([]);
  });
});

describe("a service the project's middleware hangs on the request", () => {
  const service = (cjs: boolean) => `${cjs ? "const nodemailer = require('nodemailer');" : "import nodemailer from 'nodemailer';"}
const transport = nodemailer.createTransport({ host: 'smtp.x.io' });
class EmailService {
  async sendEmailFromTemplate({ to, subject }) {
    return transport.sendMail({ from: 'a@x.io', to, subject });
  }
}
${cjs ? 'module.exports = { EmailService };' : 'export { EmailService };'}
`;
  const app = (cjs: boolean, hang: string, ext: string) => `${cjs ? "const express = require('express');\nconst { EmailService } = require('./lib/email');\nconst routes = require('./routes');" : `import express from 'express';\nimport { EmailService } from './lib/email.${ext}';\nimport routes from './routes.${ext}';`}
const app = express();
const emailService = new EmailService();
${hang}
app.use(routes);
`;
  const routes = (cjs: boolean, read: string) => `${cjs ? "const express = require('express');" : "import express from 'express';"}
const router = express.Router();
router.post('/events/:id/delete', async (req, res) => {
  const attendeeEmails = req.body.attendees.map((a) => a.email);
  await ${read}.sendEmailFromTemplate({ to: attendeeEmails, subject: 'Deleted' });
  req.body.subscribers.forEach((email) => {
    ${read}.sendEmailFromTemplate({ to: email, subject: 'New event' });
  });
});
${cjs ? 'module.exports = router;' : 'export default router;'}
`;
  const reports = async (files: Record<string, string>, linted: string) =>
    (await lint(project(files), linted)).map((f) => `${f.line}:${f.column} ${f.rule}`);

  it('ESM: `req.emailService = emailService` in `app.use((req, res, next) => …)`', async () => {
    const files = {
      'src/lib/email.js': service(false),
      'src/app.js': app(false, 'app.use((req, _res, next) => {\n  req.emailService = emailService;\n  next();\n});', 'js'),
      'src/routes.js': routes(false, 'req.emailService'),
    };
    expect(await reports(files, 'src/routes.js')).toEqual(['5:9 mail/no-exposed-recipients', '7:5 mail/no-unbatched-send']);
  });

  it('TypeScript: `res.locals.mailer`, the response at its position', async () => {
    const files = {
      'src/lib/email.ts': service(false),
      'src/app.ts': app(false, 'app.use((_req, res, next) => {\n  res.locals.mailer = emailService;\n  next();\n});', 'ts'),
      'src/routes.ts': routes(false, 'res.locals.mailer'),
    };
    expect(await reports(files, 'src/routes.ts')).toEqual(['5:9 mail/no-exposed-recipients', '7:5 mail/no-unbatched-send']);
  });

  it('CommonJS: a named middleware function passed to `app.use`', async () => {
    const files = {
      'src/lib/email.js': service(true),
      'src/app.js': app(true, 'function attachMail(req, res, next) {\n  req.emailService = emailService;\n  next();\n}\napp.use(attachMail);', 'js'),
      'src/routes.js': routes(true, 'req.emailService'),
    };
    expect(await reports(files, 'src/routes.js')).toEqual(['5:9 mail/no-exposed-recipients', '7:5 mail/no-unbatched-send']);
  });

  it('in one file: the middleware and the handlers of one app', async () => {
    const files = {
      'src/lib/email.js': service(false),
      'src/app.js': `import express from 'express';\nimport { EmailService } from './lib/email.js';\nconst app = express();\napp.use((req, _res, next) => {\n  req.mail = new EmailService();\n  next();\n});\napp.post('/x', (req) => req.mail.sendEmailFromTemplate({ to: req.body.users.map((u) => u.email) }));\n`,
    };
    expect(await reports(files, 'src/app.js')).toEqual(['8:25 mail/no-exposed-recipients']);
  });

  it('another property, or a write in a handler rather than middleware, proves nothing', async () => {
    const other = {
      'src/lib/email.js': service(false),
      'src/app.js': app(false, 'app.use((req, _res, next) => {\n  req.emailService = emailService;\n  next();\n});', 'js'),
      'src/routes.js': routes(false, 'req.mailService'),
    };
    expect(await reports(other, 'src/routes.js')).toEqual([]);
    const handler = {
      'src/lib/email.js': service(false),
      'src/app.js': app(false, "app.get('/x', (req, _res) => {\n  req.emailService = emailService;\n});", 'js'),
      'src/routes.js': routes(false, 'req.emailService'),
    };
    expect(await reports(handler, 'src/routes.js')).toEqual([]);
  });
});

describe('a method inherited from a class another module exports', () => {
  const baseModule = (cjs: boolean) => `${cjs ? "const { Resend } = require('resend');" : "import { Resend } from 'resend';"}
const resend = new Resend('re_123');
class BaseMailer {
  deliver(message) {
    return resend.emails.send({ from: 'a@x.io', ...message });
  }
}
${cjs ? 'module.exports = { BaseMailer };' : 'export { BaseMailer };'}
`;
  const child = (cjs: boolean, ext: string) => `${cjs ? "const { BaseMailer } = require('./base');" : `import { BaseMailer } from './base.${ext}';`}
class EventMailer extends BaseMailer {
  async cancelled(users) {
    await this.deliver({ to: users.map((u) => u.email), subject: 'Cancelled' });
  }
  async remind(users) {
    for (const u of users) await super.deliver({ to: u.email, subject: 'Soon' });
  }
}
class OwnMailer extends BaseMailer {
  deliver(message) {
    return message;
  }
  async run(users) {
    await this.deliver({ to: users.map((u) => u.email) });
  }
}
${cjs ? 'module.exports = { EventMailer, OwnMailer };' : 'export { EventMailer, OwnMailer };'}
`;
  for (const [name, ext, cjs] of [['ESM', 'js', false], ['TypeScript', 'ts', false], ['CommonJS', 'cjs', true]] as const) {
    it(`${name}: \`this.deliver()\` and \`super.deliver()\`; an override of its own is not the base's`, async () => {
      const dir = project({ [`src/base.${ext}`]: baseModule(cjs), [`src/events.${ext}`]: child(cjs, ext).replace("'./base'", `'./base.${ext}'`) });
      const found = await lint(dir, `src/events.${ext}`);
      expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:11 mail/no-exposed-recipients', '7:34 mail/no-unbatched-send']);
    });
  }
});

describe("an SDK client the project's middleware hangs on the request", () => {
  it('ESM, Express: `req.mailer = transporter`', async () => {
    const dir = project({
      'src/app.js': `import express from 'express';\nimport nodemailer from 'nodemailer';\nimport routes from './routes.js';\nconst app = express();\nconst transporter = nodemailer.createTransport({ host: 'smtp.x.io' });\napp.use((req, _res, next) => {\n  req.mailer = transporter;\n  next();\n});\napp.use(routes);\n`,
      'src/routes.js': `import express from 'express';\nconst router = express.Router();\nrouter.post('/announce', async (req, res) => {\n  await req.mailer.sendMail({ to: req.body.users.map((u) => u.email), subject: 'News' });\n  for (const u of req.body.users) await req.mailer.sendMail({ to: u.email, subject: 'News' });\n});\nexport default router;\n`,
    });
    const found = await lint(dir, 'src/routes.js');
    expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:31 mail/no-exposed-recipients', '5:41 mail/no-unbatched-send']);
    expect(found[0]!.message).toMatch(/^nodemailer shows every address in `to` to every recipient/);
  });

  it('TypeScript, Koa: `ctx.state.mail = resend`; a pooled, rate-limited transport is not reported', async () => {
    const dir = project({
      'src/app.ts': `import Koa from 'koa';\nimport { Resend } from 'resend';\nimport nodemailer from 'nodemailer';\nimport { notify } from './notify';\nconst app = new Koa();\nconst resend = new Resend('re_123');\nconst pooled = nodemailer.createTransport({ pool: true, rateLimit: 5 });\napp.use(async (ctx, next) => {\n  ctx.state.mail = resend;\n  ctx.state.smtp = pooled;\n  await next();\n});\napp.use(notify);\n`,
      'src/notify.ts': `export async function notify(ctx: any) {\n  await ctx.state.mail.emails.send({ from: 'a@x.io', to: ctx.request.body.users.map((u: any) => u.email), subject: 'Hi' });\n  for (const u of ctx.request.body.users) await ctx.state.smtp.sendMail({ to: u.email });\n}\n`,
    });
    const found = await lint(dir, 'src/notify.ts');
    expect(found.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['2:54 mail/no-exposed-recipients']);
  });
});

describe('module specifiers as Deno, edge runtimes and CDNs write them, and dynamic imports', () => {
  const EXPOSED = 'mail/no-exposed-recipients';
  const found = (list: Awaited<ReturnType<typeof lint>>) => list.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`);
  const resendSend = (field: string) => `  await resend.emails.send({ from: 'a@example.com', ${field}: users.map((u) => u.email), subject: 'x', html: '.' });\n`;

  it('TypeScript (Deno, Supabase functions): `npm:resend@4`, `https://esm.sh/…`, a build path of esm.sh; `bcc` stays silent', async () => {
    const dir = project({
      'supabase/functions/notify/index.ts': `import { Resend } from 'npm:resend@4';\nconst resend = new Resend(Deno.env.get('RESEND_API_KEY'));\nexport async function notify(users: { email: string }[]) {\n${resendSend('to')}${resendSend('bcc')}}\n`,
      'edge/sendgrid.ts': `import sgMail from 'https://esm.sh/@sendgrid/mail@8?target=deno';\nexport async function notify(users: { email: string }[]) {\n  await sgMail.send({ from: 'a@example.com', to: users.map((u) => u.email), subject: 'x', text: '.' });\n}\n`,
      'edge/built.ts': `import { Resend } from 'https://esm.sh/v135/resend@2.0.0/es2022/resend.mjs';\nconst resend = new Resend('re_123');\nexport async function notify(users: { email: string }[]) {\n${resendSend('to')}}\n`,
      'edge/other.ts': `import { Resend } from 'https://esm.sh/resend-like@1';\nconst resend = new Resend('re_123');\nexport async function notify(users: { email: string }[]) {\n${resendSend('to')}}\n`,
    });
    expect(found(await lint(dir, 'supabase/functions/notify/index.ts'))).toEqual([`4:53-82 ${EXPOSED}`]);
    expect(found(await lint(dir, 'edge/sendgrid.ts'))).toEqual([`3:46-75 ${EXPOSED}`]);
    expect(found(await lint(dir, 'edge/built.ts'))).toEqual([`4:53-82 ${EXPOSED}`]);
    expect(found(await lint(dir, 'edge/other.ts'))).toEqual([]);
  });

  it('ESM: `await import(sdk)` as a namespace, its `.default`, `{ default: x }`, and a named export', async () => {
    const transport = `createTransport({ host: 'smtp.example.com', port: 587 })`;
    const dir = project({
      'package.json': '{ "name": "app", "type": "module" }\n',
      'jobs.js':
        `export async function a(users) {\n  const nodemailer = await import('nodemailer');\n  const t = nodemailer.${transport};\n  await t.sendMail({ to: users.map((u) => u.email), subject: 'x', text: '.' });\n}\n` +
        `export async function b(users) {\n  const t = (await import('nodemailer')).default.${transport};\n  await t.sendMail({ to: users.map((u) => u.email), subject: 'x', text: '.' });\n}\n` +
        `export async function c(users) {\n  const { default: nodemailer } = await import('nodemailer');\n  const t = nodemailer.${transport};\n  for (const u of users) await t.sendMail({ to: u.email, subject: 'x', text: '.' });\n}\n` +
        `export async function d(users) {\n  const { Resend } = await import('resend');\n  const resend = new Resend('re_123');\n${resendSend('to')}}\n`,
    });
    expect(found(await lint(dir, 'jobs.js'))).toEqual([`4:22-51 ${EXPOSED}`, `8:22-51 ${EXPOSED}`, `13:32-84 ${UNBATCHED}`, `18:53-82 ${EXPOSED}`]);
  });

  it('CommonJS: `await import(sdk)` in a `.cjs` module', async () => {
    const dir = project({
      'job.cjs': `module.exports = async function notify(users) {\n  const nodemailer = await import('nodemailer');\n  const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });\n  await t.sendMail({ to: users.map((u) => u.email), subject: 'x', text: '.' });\n};\n`,
    });
    expect(found(await lint(dir, 'job.cjs'))).toEqual([`4:22-51 ${EXPOSED}`]);
  });

  it("a project module imported dynamically: its export's summary, by name and on the namespace, in ESM, TypeScript and CommonJS", async () => {
    const mailer = `const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });\n`;
    const dir = project({
      'package.json': '{ "name": "app" }\n',
      'esm/mailer.mjs': `import nodemailer from 'nodemailer';\n${mailer}export const notify = (list) => t.sendMail({ to: list, subject: 'x', text: '.' });\nexport const format = (list) => list.join(', ');\n`,
      'esm/job.mjs': `export async function run(users) {\n  const { notify, format } = await import('./mailer.mjs');\n  await notify(users.map((u) => u.email));\n  format(users.map((u) => u.email));\n}\nexport async function again(users) {\n  const mailer = await import('./mailer.mjs');\n  await mailer.notify(users.map((u) => u.email));\n}\n`,
      'ts/mailer.ts': `import nodemailer from 'nodemailer';\n${mailer}export const notify = (list: string[]) => t.sendMail({ to: list, subject: 'x', text: '.' });\n`,
      'ts/job.ts': `export async function run(users: { email: string }[]) {\n  const { notify } = await import('./mailer');\n  await notify(users.map((u) => u.email));\n}\n`,
      'cjs/mailer.cjs': `const nodemailer = require('nodemailer');\n${mailer}exports.notify = (list) => t.sendMail({ to: list, subject: 'x', text: '.' });\n`,
      'cjs/job.cjs': `module.exports = async (users) => {\n  const { notify } = await import('./mailer.cjs');\n  await notify(users.map((u) => u.email));\n};\n`,
    });
    expect(found(await lint(dir, 'esm/job.mjs'))).toEqual([`3:9-41 ${EXPOSED}`, `8:9-48 ${EXPOSED}`]);
    expect(found(await lint(dir, 'ts/job.ts'))).toEqual([`3:9-41 ${EXPOSED}`]);
    expect(found(await lint(dir, 'cjs/job.cjs'))).toEqual([`3:9-41 ${EXPOSED}`]);
  });
});

describe("a list the request's sender chose: a route handler's `req.body` or `req.query`", () => {
  const EXPOSED = 'mail/no-exposed-recipients';
  const found = (list: Awaited<ReturnType<typeof lint>>) => list.map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`);

  it('ESM, Express: bare addresses mapped into `{ email }` objects; one address, an unshaped value and a split stay silent', async () => {
    const dir = project({
      'package.json': '{ "name": "app", "type": "module" }\n',
      'server.js':
        "import sgMail from '@sendgrid/mail';\nimport express from 'express';\nconst app = express();\n" +
        "app.post('/announce', async (req, res) => {\n  const { emails, subject } = req.body;\n" +
        "  await sgMail.send({ from: 'a@example.com', to: emails.map((email) => ({ email })), subject, text: '.' });\n" +
        "  await sgMail.send({ from: 'a@example.com', to: req.body.owner, subject, text: '.' });\n" +
        "  await sgMail.send({ from: 'a@example.com', to: req.body.recipients, subject, text: '.' });\n" +
        "  await sgMail.send({ from: 'a@example.com', to: req.query.to.split(','), subject, text: '.' });\n" +
        '  res.sendStatus(204);\n});\n',
    });
    expect(found(await lint(dir, 'server.js'))).toEqual([`6:46-84 ${EXPOSED}`]);
  });

  it('TypeScript, Fastify: `request.query.cc.filter(…)`; a `router.route(path).post(handler)`', async () => {
    const dir = project({
      'server.ts':
        "import nodemailer from 'nodemailer';\nimport Fastify from 'fastify';\nimport express from 'express';\n" +
        "const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });\nconst app = Fastify();\n" +
        "app.get('/remind', async (request: { query: { cc: string[] } }) => {\n" +
        "  await t.sendMail({ to: 'team@example.com', cc: request.query.cc.filter(Boolean), subject: 'x', text: '.' });\n});\n" +
        "express.Router().route('/all').post(async (req: { body: { list: string[] } }) => {\n" +
        "  await t.sendMail({ to: req.body.list.join(', '), subject: 'x', text: '.' });\n});\n",
    });
    expect(found(await lint(dir, 'server.ts'))).toEqual([`7:46-82 ${EXPOSED}`, `10:22-50 ${EXPOSED}`]);
  });

  it('CommonJS: a controller `(req, res)` a router in another module registers; Koa `ctx.request.body`', async () => {
    const dir = project({
      'controllers/announce.js':
        "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });\n" +
        'exports.announce = async (req, res) => {\n' +
        "  await t.sendMail({ to: req.body.members.map((m) => m), subject: 'x', text: '.' });\n  res.end();\n};\n" +
        'exports.koa = async (ctx) => {\n' +
        "  await t.sendMail({ to: ctx.request.body.members.slice(0, 500), subject: 'x', text: '.' });\n};\n" +
        'exports.notHandler = async (list) => {\n' +
        "  await t.sendMail({ to: list.body.members.map((m) => m), subject: 'x', text: '.' });\n};\n",
    });
    expect(found(await lint(dir, 'controllers/announce.js'))).toEqual([`4:22-56 ${EXPOSED}`, `8:22-64 ${EXPOSED}`]);
  });
});

describe('a handler registered under a name, from another module (named dispatch)', () => {
  const where = (found: Awaited<ReturnType<typeof lint>>) => found.filter((f) => f.rule === UNBATCHED).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`);
  const message = (label: string) =>
    `\`${label}\` (which sends with Resend) runs once per element, all at once: past the provider’s rate limit, sends fail or are dropped. Use \`resend.batch.send([...])\` in chunks of at most 100 emails.`;
  const handlerCjs = `const { Resend } = require('resend');
const resend = new Resend('re_123');
module.exports = function cmd_send_email(args, done) {
  resend.emails.send({ from: 'a@x.io', to: args.payload.to, subject: 'News' }).then(() => done());
};
`;

  it("CommonJS: Seneca's `seneca.add(pattern, require('./send'))`, dispatched per member with `seneca.act`", async () => {
    const dir = project({
      'lib/send.js': handlerCjs,
      'dojos.js': `module.exports = function (options) {
  var seneca = this;
  var plugin = 'cd-dojos';
  seneca.add({ role: plugin, cmd: 'send_email' }, require('./lib/send'));
  seneca.add({ role: plugin, cmd: 'notify_all' }, function (args, done) {
    args.users.forEach(function (user) {
      seneca.act({ role: plugin, cmd: 'send_email', payload: { to: user.email } });
    });
    seneca.act({ role: plugin, cmd: 'send_email', payload: { to: args.owner } });
    done();
  });
};
`,
    });
    expect(where(await lint(dir, 'dojos.js'))).toEqual([`7:7-83 ${message('role:cd-dojos,cmd:send_email')}`]);
  });

  it('ESM and TypeScript: an imported listener, `bus.on(name, sendNews)`; another event is no send', async () => {
    const dir = project({
      'lib/news.ts': `import { Resend } from 'resend';
const resend = new Resend('re_123');
export async function sendNews(user: { email: string }) {
  await resend.emails.send({ from: 'a@x.io', to: user.email, subject: 'News' });
}
`,
      'events.ts': `import { EventEmitter } from 'node:events';
import { sendNews } from './lib/news';
const bus = new EventEmitter();
bus.on('news', sendNews);
export function announce(users: { email: string }[]) {
  for (const user of users) bus.emit('news', user);
  for (const user of users) bus.emit('digest', user);
}
`,
    });
    expect(where(await lint(dir, 'events.ts'))).toEqual([`6:29-51 ${message('news')}`]);
  });
});

// Seneca's patterns live on one bus the process shares: a pattern dispatched in one module is handled by
// the module that registers it, which the dispatching module need not import (CoderDojo's send_email
// forwards to email-notifications, which dispatches seneca-mail's role:mail,cmd:send).
describe('a pattern dispatched in one module and registered in another (Seneca)', () => {
  const senecaFix = 'Throttle the actions (p-limit, Bottleneck), or hand the messages to a job queue that sends them at a pace the server accepts.';
  const where = (found: Awaited<ReturnType<typeof lint>>) => found.filter((f) => f.rule === UNBATCHED).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message}`);
  const message = (label: string) => `\`${label}\` (which sends with seneca-mail) runs once per element, all at once: past the provider’s rate limit, sends fail or are dropped. ${senecaFix}`;
  const notifications = `module.exports = function (options) {
  var seneca = this;
  var plugin = 'email-notifications';
  seneca.add({ role: plugin, cmd: 'send' }, send_notification);
  function send_notification(args, done) {
    seneca.act({ role: 'mail', cmd: 'send', to: args.to, subject: args.subject, code: args.code }, done);
  }
};
`;
  const files = {
    'email-notifications.js': notifications,
    // A test stub registering the same pattern sends nothing; the module that sends decides.
    'test/stubs/email-notifications.js': `module.exports = function (options) {\n  this.add({ role: 'email-notifications', cmd: 'send' }, function (args, done) { done(); });\n};\n`,
    'lib/send.js': `module.exports = function cmd_send_email(args, done) {
  var seneca = this;
  seneca.act({ role: 'email-notifications', cmd: 'send', to: args.payload.to, subject: args.payload.subject }, done);
};
`,
    'dojos.js': `var _ = require('lodash');
module.exports = function (options) {
  var seneca = this;
  var plugin = 'cd-dojos';
  seneca.add({ role: plugin, cmd: 'send_email' }, require('./lib/send'));
  seneca.add({ role: plugin, cmd: 'notify_all' }, function (args, done) {
    var seneca = this;
    _.forEach(args.users, function (user) {
      seneca.act({ role: plugin, cmd: 'send_email', payload: { to: user.email, subject: 'News' } });
    });
    _.forEach(args.users, function (user) {
      seneca.act({ role: plugin, cmd: 'load', id: user.id });
    });
    done();
  });
};
`,
    'notify.js': `module.exports = function (args, done) {
  var seneca = this;
  var plugin = args.role;
  args.users.forEach(function (user) {
    seneca.act({ role: 'email-notifications', cmd: 'send', to: user.email, subject: 'News' });
    seneca.act({ role: plugin, cmd: 'send_email', payload: { to: user.email } });
  });
  done();
};
`,
  };

  it('follows the dispatch through the registering modules to seneca-mail; an unknown role is silent', async () => {
    const dir = project(files);
    expect(where(await lint(dir, 'dojos.js'))).toEqual([`9:7-100 ${message('role:cd-dojos,cmd:send_email')}`]);
    // No import of the registering module: found among the project's modules that register patterns.
    expect(where(await lint(dir, 'notify.js'))).toEqual([`5:5-94 ${message('cmd:send,role:email-notifications')}`]);
  });

  it('sees a change of the registering module on the next lint', async () => {
    const dir = project(files);
    expect(where(await lint(dir, 'notify.js'))).toHaveLength(1);
    const file = path.join(dir, 'email-notifications.js');
    writeFileSync(file, notifications.replace("role: 'mail', cmd: 'send'", "role: 'mail', cmd: 'generate'"));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(where(await lint(dir, 'notify.js'))).toEqual([]);
  });
});
