import rule from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

type Mode = 'sequential' | 'parallel';

const RESEND = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');\ntype User = { email: string; name: string };";
const resendFix = 'Use `resend.batch.send([...])` in chunks of at most 100 emails.';
const nodemailerFix =
  'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';
const sesFix = 'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.';

/** A report on the call `text` of an in-file wrapper that sends with `sdk`. */
const through = (code: string, text: string, mode: Mode, wrapper: string, sdk: string, fix: string, nth = 0) => ({
  messageId: mode,
  data: { what: `\`${wrapper}\` (which sends with ${sdk})`, fix },
  ...at(code, text, nth),
});

const invalid = (name: string, code: string, errors: ReturnType<typeof through>[], options?: [{ reportSequentialSmtp?: boolean; throttlingFunctions?: string[] }]) => ({
  name,
  code,
  ...(options ? { options } : {}),
  errors,
});

tsTester.run('no-unbatched-send: in-file wrappers called in loops', rule, {
  valid: [],
  invalid: [
    (() => {
      const code = `${RESEND}
function sendWelcome(user: User) {
  return resend.emails.send({ from: 'a@x.io', to: user.email, subject: \`Welcome \${user.name}\` });
}
export async function onboard(users: User[]) {
  for (const user of users) await sendWelcome(user);
}`;
      return invalid('a function declaration, awaited in for…of', code, [through(code, 'sendWelcome(user)', 'sequential', 'sendWelcome', 'Resend', resendFix)]);
    })(),
    (() => {
      const code = `${RESEND}
const sendReminder = async (to: string) => {
  await resend.emails.send({ from: 'a@x.io', to, subject: 'Reminder' });
};
export function remind(users: User[]) {
  users.forEach((u) => sendReminder(u.email));
  return Promise.all(users.map((u) => sendReminder(u.email)));
}`;
      return invalid('a const arrow function, in forEach and map', code, [
        through(code, 'sendReminder(u.email)', 'parallel', 'sendReminder', 'Resend', resendFix),
        through(code, 'sendReminder(u.email)', 'parallel', 'sendReminder', 'Resend', resendFix, 1),
      ]);
    })(),
    (() => {
      const code = `import { createTransport } from 'nodemailer';
type User = { email: string };
export class Notifier {
  private transport = createTransport({ host: 'smtp.x.io' });
  private send(user: User) {
    return this.transport.sendMail({ to: user.email, subject: 'Hi' });
  }
  async everyone(users: User[]) {
    for (const user of users) await this.send(user);
  }
}`;
      return invalid('a class method called through this', code, [through(code, 'this.send(user)', 'sequential', 'send', 'nodemailer', nodemailerFix)]);
    })(),
    (() => {
      const code = `import { createTransport } from 'nodemailer';
type User = { email: string };
class Notifier {
  private transport = createTransport({});
  send(user: User) { return this.transport.sendMail({ to: user.email }); }
}
const notifier = new Notifier();
export const all = (users: User[]) => users.forEach((u) => notifier.send(u));`;
      return invalid('a class method called on an instance', code, [through(code, 'notifier.send(u)', 'parallel', 'send', 'nodemailer', nodemailerFix)]);
    })(),
    (() => {
      const code = `${RESEND}
function deliver(to: string, subject: string) {
  return resend.emails.send({ from: 'a@x.io', to, subject });
}
async function sendWelcome(user: User) {
  await deliver(user.email, 'Welcome');
}
export async function onboard(users: User[]) {
  for (let i = 0; i < users.length; i++) await sendWelcome(users[i]!);
}`;
      return invalid('two levels: the outer wrapper is named', code, [
        through(code, 'sendWelcome(users[i]!)', 'sequential', 'sendWelcome', 'Resend', resendFix),
      ]);
    })(),
    (() => {
      const code = `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
const ses = new SESClient({});
async function mail(to: string) {
  await ses.send(new SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: [to] } }));
}
export async function all(people: { email: string }[] = db.users.map((u) => u.email)) {
  for await (const p of people) mail(p.email);
}`;
      return invalid('an SES wrapper in for await', code, [
        through(code, 'mail(p.email)', 'sequential', 'mail', 'Amazon SES (@aws-sdk/client-ses)', sesFix),
      ]);
    })(),
    (() => {
      const code = `${RESEND}
function sendBoth(user: User, team: User[]) {
  resend.emails.send({ to: user.email });
  return resend.batch.send(team.map((t) => ({ to: t.email })));
}
export const all = (users: User[], team: User[]) => users.map((u) => sendBoth(u, team));`;
      return invalid('a wrapper with one single send among batch sends is still per element', code, [
        through(code, 'sendBoth(u, team)', 'parallel', 'sendBoth', 'Resend', resendFix),
      ]);
    })(),
    (() => {
      const code = `${RESEND}
async function sendWithRetry(user: User) {
  return retry(() => resend.emails.send({ to: user.email }));
}
declare function retry<T>(fn: () => T): T;
export async function all(users: User[]) {
  for (const u of users) await sendWithRetry(u);
}`;
      return invalid('a send inside a callback of the wrapper', code, [
        through(code, 'sendWithRetry(u)', 'sequential', 'sendWithRetry', 'Resend', resendFix),
      ]);
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({});
const notify = (to: string) => t.sendMail({ to });
export async function all(users: { email: string }[] = db.users.map((u) => u.email)) {
  for (const u of users) await notify(u.email);
  users.forEach((u) => notify(u.email));
}`;
      return invalid(
        'reportSequentialSmtp: false keeps the parallel wrapper call',
        code,
        [through(code, 'notify(u.email)', 'parallel', 'notify', 'nodemailer', nodemailerFix, 1)],
        [{ reportSequentialSmtp: false }],
      );
    })(),
  ],
});

tsTester.run('no-unbatched-send: wrappers not reported at their calls', rule, {
  valid: [
    // A wrapper that sends through a batch API, called once per chunk.
    `${RESEND}
async function sendChunk(part: User[]) {
  await resend.batch.send(part.map((u) => ({ from: 'a@x.io', to: u.email, subject: 'Hi' })));
}
export async function all(users: User[]) {
  for (let i = 0; i < users.length; i += 100) await sendChunk(users.slice(i, i + 100));
}
export async function all2(chunks: User[][]) {
  for (const part of chunks) await sendChunk(part);
}`,
    `import { ServerClient } from 'postmark';
const pm = new ServerClient('t');
const sendPage = (page: { email: string }[] = db.users.map((u) => u.email)) => pm.sendEmailBatch(page.map((u) => ({ To: u.email, From: 'a@x.io' })));
export const all = (pages: { email: string }[][]) => pages.forEach((page) => sendPage(page));`,
    // A wrapper that sends to a list: one call per chunk.
    `${RESEND}
const announce = (group: User[]) => resend.emails.send({ to: group.map((u) => u.email), subject: 'News' });
export async function all(groups: User[][]) { for (const g of groups) await announce(g); }`,
    // A wrapper that itself loops: the send inside is reported, not the call.
    `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ pool: true, rateLimit: 5 });
async function sendAll(users: { email: string }[] = db.users.map((u) => u.email)) { for (const u of users) await t.sendMail({ to: u.email }); }
export async function perTeam(teams: { email: string }[][]) { for (const team of teams) await sendAll(team); }`,
    // A wrapper over a pooled, rate-limited transport.
    `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({ pool: true, rateLimit: 5 });
const send = (to: string) => t.sendMail({ to });
export const all = (users: { email: string }[] = db.users.map((u) => u.email)) => Promise.all(users.map((u) => send(u.email)));`,
    // A wrapper that queues.
    `import { MailerQueueService } from '@nestjs-modules/mailer';
export class Jobs {
  constructor(private readonly queue: MailerQueueService) {}
  private later(to: string) { return this.queue.enqueue({ to, subject: 'Hi' }); }
  all(users: { email: string }[] = db.users.map((u) => u.email)) { users.forEach((u) => this.later(u.email)); }
}`,
    // The wrapper's call runs under a limit.
    `${RESEND}
import pLimit from 'p-limit';
const limit = pLimit(4);
const sendOne = (u: User) => resend.emails.send({ to: u.email });
export const all = (users: User[]) => Promise.all(users.map((u) => limit(() => sendOne(u))));`,
    // The wrapper is called with the same arguments every turn, or in a retry loop.
    `${RESEND}
const alertOps = () => resend.emails.send({ to: 'ops@x.io', subject: 'Import failed' });
export async function importAll(rows: unknown[]) { for (const row of rows) { if (!row) await alertOps(); } }
export async function withRetries() { for (let attempt = 0; attempt < 3; attempt++) { try { await alertOps(); return; } catch {} } }`,
    // A function of the same name that does not send.
    `${RESEND}
function sendWelcome(user: User) { return resend.emails.send({ to: user.email }); }
export function other(users: User[], api: { sendWelcome(u: User): void }) { for (const u of users) api.sendWelcome(u); }`,
    // throttlingFunctions around a wrapper call.
    {
      code: `${RESEND}
const sendOne = (u: User) => resend.emails.send({ to: u.email });
declare function paced<T>(fn: () => T): T;
export async function all(users: User[]) { for (const u of users) await paced(() => sendOne(u)); }`,
      options: [{ throttlingFunctions: ['paced'] }],
    },
  ],
  invalid: [
    (() => {
      const code = `import nodemailer from 'nodemailer';
const t = nodemailer.createTransport({});
async function sendAll(users: { email: string }[] = db.users.map((u) => u.email)) {
  for (const u of users) await t.sendMail({ to: u.email });
}
export async function perTeam(teams: { email: string }[][]) {
  for (const team of teams) await sendAll(team);
}`;
      return {
        name: 'a wrapper that loops is reported inside, once',
        code,
        errors: [{ messageId: 'sequential' as const, data: { what: 'This nodemailer send', fix: nodemailerFix }, ...at(code, 't.sendMail({ to: u.email })') }],
      };
    })(),
  ],
});

jsTester.run('no-unbatched-send: wrappers in plain ESM JavaScript', rule, {
  valid: [
    "import { Resend } from 'resend';\nconst resend = new Resend('k');\nconst sendChunk = (part) => resend.batch.send(part.map((u) => ({ to: u.email })));\nexport const all = (chunks) => chunks.forEach((c) => sendChunk(c));",
  ],
  invalid: [
    (() => {
      const code = "import { Resend } from 'resend';\nconst resend = new Resend('k');\nfunction welcome(user) { return resend.emails.send({ to: user.email }); }\nexport const all = (users) => users.forEach((u) => welcome(u));";
      return invalid('espree, ESM', code, [through(code, 'welcome(u)', 'parallel', 'welcome', 'Resend', resendFix)]);
    })(),
  ],
});

cjsTester.run('no-unbatched-send: wrappers in CommonJS', rule, {
  valid: [
    "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nfunction notify(to) { return t.sendMail({ to }); }\nmodule.exports = () => notify('ops@x.io');",
  ],
  invalid: [
    (() => {
      const code = `const nodemailer = require('nodemailer');
const t = nodemailer.createTransport({});
class Mailer {
  send(to) { return t.sendMail({ to }); }
  async all(users) { for (const u of users) await this.send(u.email); }
}
module.exports = Mailer;`;
      return invalid('espree, CommonJS, a class method', code, [through(code, 'this.send(u.email)', 'sequential', 'send', 'nodemailer', nodemailerFix)]);
    })(),
  ],
});
