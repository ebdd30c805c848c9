import rule from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const RESEND = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');";
const resendFix = 'Use `resend.batch.send([...])` in chunks of at most 100 emails.';
const SEND = 'resend.emails.send({ from: "a@x.io", to: u.email, subject: "Hi" })';

/** A file that sends with Resend: `setup` above, `body` in an async function over `users`. */
const file = (setup: string, body: string) =>
  `${RESEND}\n${setup}\ntype User = { email: string };\nexport async function notify(users: User[]) {\n  ${body}\n}`;

/** The report on the Resend send `text` of `code`. */
const resendReport = (code: string, mode: 'sequential' | 'parallel', text = SEND) => ({
  messageId: mode,
  data: { what: 'This Resend send', fix: resendFix },
  ...at(code, text),
});

// Every import form of the throttling libraries bounds the send it wraps.
const throttled: [string, string, string][] = [
  ['p-limit, default import', "import pLimit from 'p-limit';\nconst limit = pLimit(5);", `await Promise.all(users.map((u) => limit(() => ${SEND})));`],
  ['p-limit, `default as`', "import { default as pLimit } from 'p-limit';\nconst limit = pLimit(5);", `for (const u of users) limit(() => ${SEND});`],
  ['p-limit, require', "const pLimit = require('p-limit');\nconst limit = pLimit(5);", `users.forEach((u) => limit(() => ${SEND}));`],
  ['p-limit, inline', "import pLimit from 'p-limit';", `const limit = pLimit(2);\n  await Promise.all(users.map((u) => limit(async () => { await ${SEND}; })));`],
  ['p-queue, default import', "import PQueue from 'p-queue';\nconst queue = new PQueue({ concurrency: 2 });", `for (const u of users) queue.add(() => ${SEND});`],
  ['p-queue, named import', "import { PQueue } from 'p-queue';\nconst queue = new PQueue({ concurrency: 2 });", `await queue.addAll(users.map((u) => () => ${SEND}));`],
  ['p-queue, require', "const { default: PQueue } = require('p-queue');\nconst queue = new PQueue({ concurrency: 2 });", `users.forEach((u) => queue.add(() => ${SEND}));`],
  ['Bottleneck schedule', "import Bottleneck from 'bottleneck';\nconst limiter = new Bottleneck({ maxConcurrent: 2, minTime: 100 });", `for (const u of users) limiter.schedule(() => ${SEND});`],
  ['Bottleneck submit, require', "const Bottleneck = require('bottleneck');\nconst limiter = new Bottleneck({});", `for (const u of users) limiter.submit(async () => { await ${SEND}; }, () => {});`],
  ['Bottleneck wrap', "import Bottleneck from 'bottleneck';\nconst limiter = new Bottleneck({ minTime: 200 });", `const send = limiter.wrap((u: User) => ${SEND});\n  await Promise.all(users.map((u) => send(u)));`],
  ['p-throttle, default import', "import pThrottle from 'p-throttle';\nconst throttle = pThrottle({ limit: 2, interval: 1000 });", `for (const u of users) await throttle(() => ${SEND})();`],
  ['p-throttle, require', "const pThrottle = require('p-throttle');\nconst throttle = pThrottle({ limit: 2, interval: 1000 });", `users.forEach((u) => throttle(() => ${SEND})());`],
  ['p-ratelimit, named import', "import { pRateLimit } from 'p-ratelimit';\nconst limit = pRateLimit({ interval: 1000, rate: 5 });", `users.map((u) => limit(() => ${SEND}));`],
  ['p-ratelimit, destructured require', "const { pRateLimit } = require('p-ratelimit');\nconst limit = pRateLimit({ interval: 1000, rate: 5 });", `for (const u of users) await limit(() => ${SEND});`],
  ['p-ratelimit, namespace require', "const ratelimit = require('p-ratelimit');\nconst limit = ratelimit.pRateLimit({ interval: 1000, rate: 5 });", `await Promise.all(users.map((u) => limit(async () => ${SEND})));`],
  ['p-map with a static concurrency', "import pMap from 'p-map';", `await pMap(users, (u) => ${SEND}, { concurrency: 5 });`],
  ['p-map, `default as`, concurrency from a const', "import { default as pMap } from 'p-map';\nconst concurrency = 3;", `await pMap(users, async (u) => ${SEND}, { concurrency });`],
  ['p-map, require', "const pMap = require('p-map');", `await pMap(users, (u) => ${SEND}, { concurrency: 1 });`],
  ['async.eachLimit, default import', "import async from 'async';", `await async.eachLimit(users, 5, async (u: User) => { await ${SEND}; });`],
  ['async.mapLimit, named import', "import { mapLimit } from 'async';", `await mapLimit(users, 5, async (u: User) => ${SEND});`],
  ['async.eachLimit, namespace import', "import * as async from 'async';", `await async.eachLimit(users, 5, async (u: User) => { await ${SEND}; });`],
  ['async.eachLimit, require', "const async = require('async');", `await async.eachLimit(users, 5, async (u: User) => { await ${SEND}; });`],
  ['async-es forEachLimit', "import { forEachLimit } from 'async-es';", `await forEachLimit(users, 2, async (u: User) => { await ${SEND}; });`],
];

tsTester.run('no-unbatched-send: throttling libraries, every import form', rule, {
  valid: throttled.map(([name, setup, body]) => ({ name, code: file(setup, body) })),
  invalid: [
    // The same shapes without the import: a local `limit` or `queue` proves nothing.
    (() => {
      const code = file('declare function limit<T>(fn: () => T): T;', `for (const u of users) limit(() => ${SEND});`);
      return { name: 'a local function named limit', code, errors: [resendReport(code, 'parallel')] };
    })(),
    (() => {
      const code = file('const queue = { add<T>(fn: () => T) { return fn(); } };', `for (const u of users) await queue.add(() => ${SEND});`);
      return { name: 'a local object with an add method', code, errors: [resendReport(code, 'sequential')] };
    })(),
    (() => {
      const code = file('declare function pRateLimit(o: object): <T>(fn: () => T) => T;\nconst limit = pRateLimit({ rate: 5 });', `users.map((u) => limit(() => ${SEND}));`);
      return { name: 'a local function named pRateLimit', code, errors: [resendReport(code, 'parallel')] };
    })(),
    (() => {
      const code = file("import { pRateLimit } from 'p-ratelimit';\nconst limit = pRateLimit({ interval: 1000, rate: 5 });", `for (const u of users) { await limit(() => u); await ${SEND}; }`);
      return { name: 'p-ratelimit imported, the send outside the limit', code, errors: [resendReport(code, 'sequential')] };
    })(),
    (() => {
      const code = file("import pMap from 'p-map';\ndeclare const n: number;", `await pMap(users, (u) => ${SEND}, { concurrency: n });`);
      return { name: 'p-map with a concurrency that is not static', code, errors: [resendReport(code, 'parallel')] };
    })(),
    (() => {
      const code = file("import pMap from 'p-map';", `await pMap(users, (u) => ${SEND}, {});`);
      return { name: 'p-map with options but no concurrency', code, errors: [resendReport(code, 'parallel')] };
    })(),
    (() => {
      const code = file("import Bluebird from 'bluebird';", `await Bluebird.mapSeries(users, (u) => ${SEND});`);
      return { name: 'Bluebird.mapSeries is a sequential loop', code, errors: [resendReport(code, 'sequential')] };
    })(),
    (() => {
      const code = file("import PQueue from 'p-queue';\nconst queue = new PQueue({ concurrency: 2 });", `for (const u of users) await queue.onIdle().then(() => ${SEND});`);
      return { name: 'a p-queue method that does not run its argument under the limit', code, errors: [resendReport(code, 'sequential')] };
    })(),
  ],
});

tsTester.run('no-unbatched-send: shapes that are not one send per element', rule, {
  valid: [
    // Retry loops: bounded by a literal ≤ 10.
    file('', `for (let attempt = 0; attempt < 3; attempt++) {\n    try { await resend.emails.send({ to: "ops@x.io", subject: \`try \${attempt}\` }); break; } catch {}\n  }`),
    file('', 'for (let i = 1; i <= 10; i++) await resend.emails.send({ to: `user${i}@x.io` });'),
    file('const MAX_ATTEMPTS = 5;', 'for (let i = 0; i < MAX_ATTEMPTS; i++) await resend.emails.send({ to: "ops@x.io", subject: String(i) });'),
    // Fixed literal lists.
    file('', "for (const to of ['ops@x.io', 'cto@x.io']) await resend.emails.send({ to });"),
    file('', "['ops@x.io', 'cto@x.io'].forEach((to) => resend.emails.send({ to }));"),
    file('', "await Promise.all(['ops@x.io', 'cto@x.io'].map((to) => resend.emails.send({ to })));"),
    file('const ADMINS = ["ops@x.io", "cto@x.io"];', 'for (const to of ADMINS) await resend.emails.send({ to });'),
    // Batch APIs.
    file('', 'await resend.batch.send(users.map((u) => ({ from: "a@x.io", to: u.email, subject: "Hi" })));'),
    file('declare function chunk<T>(l: T[], n: number): T[][];', 'for (const part of chunk(users, 100)) await resend.batch.send(part.map((u) => ({ to: u.email })));'),
    // A loop over chunks: one call per chunk.
    file('', 'for (let i = 0; i < users.length; i += 100) await resend.batch.send(users.slice(i, i + 100).map((u) => ({ to: u.email })));'),
    file('', 'for (let i = 0; i < users.length; i += 50) await resend.emails.send({ to: users.slice(i, i + 50).map((u) => u.email) });'),
    // A send whose recipient field holds a list: one call per chunk.
    file('declare function chunk<T>(l: T[], n: number): T[][];', 'for (const group of chunk(users, 50)) await resend.emails.send({ to: group.map((u) => u.email) });'),
    // The same message every turn.
    file('declare const msg: { to: string; subject: string };', 'for (const u of users) await resend.emails.send(msg);'),
    file('', 'users.forEach(() => resend.emails.send({ to: "ops@x.io", subject: "One more user" }));'),
    // A key or a property named like the loop's variable is no use of it.
    file('', 'for (const to of users) await resend.emails.send({ to: "ops@x.io", subject: "One more user" });'),
    file('declare const team: { email: string };', 'for (const email of users) await resend.emails.send({ to: team.email, subject: "One more user" });'),
    // While loops: what they iterate is not in view.
    file('', 'while (users.length) await resend.emails.send({ to: users.pop()!.email });'),
    file('', 'let i = 0;\n  do { await resend.emails.send({ to: users[i]!.email }); i++; } while (i < users.length);'),
    // A send outside the loop, or a loop in a function passed to an unknown callee.
    file('', 'const emails = users.map((u) => u.email);\n  await resend.emails.send({ to: "a@x.io", bcc: emails });'),
    file('', 'const first = users[0];\n  if (first) await resend.emails.send({ to: first.email });'),
    // The loop head runs once.
    file('', 'for (const r of await resend.emails.send({ to: "ops@x.io" }).then(() => users)) console.log(r);'),
  ],
  invalid: [
    (() => {
      const code = file('', 'for (let i = 0; i < 11; i++) await resend.emails.send({ to: users[i]!.email });\n  for (let i = users.length - 1; i >= 0; i--) resend.emails.send({ to: users[i]!.email });');
      return {
        name: 'a literal bound above 10 is data; so is a count-down index loop over .length',
        code,
        errors: [
          resendReport(code, 'sequential', 'resend.emails.send({ to: users[i]!.email })'),
          { ...resendReport(code, 'parallel', 'resend.emails.send({ to: users[i]!.email })'), ...at(code, 'resend.emails.send({ to: users[i]!.email })', 1) },
        ],
      };
    })(),
    (() => {
      const code = file('', `for (const u of users) await ${SEND};\n  await resend.batch.send(users.map((u) => ({ to: u.email })));`);
      return { name: 'the batch call next to a per-element loop is not reported, the loop is', code, errors: [resendReport(code, 'sequential')] };
    })(),
  ],
});

const SDKS = `import nodemailer from 'nodemailer';
import { ServerClient } from 'postmark';
import { SESClient, SendBulkTemplatedEmailCommand } from '@aws-sdk/client-ses';
import { SESv2Client, SendBulkEmailCommand, SESv2 } from '@aws-sdk/client-sesv2';
import sgMail from '@sendgrid/mail';
import { MailerQueueService, MailerBatchService } from '@nestjs-modules/mailer';
import { MailerSend } from 'mailersend';
declare function chunk<T>(l: T[], n: number): T[][];
type User = { email: string };
const postmark = new ServerClient('t');
const ses = new SESClient({});
const sesV2 = new SESv2Client({});
const sesV2Aggregated = new SESv2({});
const mailerSend = new MailerSend({ apiKey: 'k' });`;

/** A file with every SDK set up, and `body` in a function over `users` and `chunks`. */
const sdkFile = (body: string) =>
  `${SDKS}\nexport async function notify(users: User[], chunks: User[][], queue: MailerQueueService, batch: MailerBatchService) {\n  ${body}\n}`;

tsTester.run('no-unbatched-send: batch APIs, pooled transports, queues', rule, {
  valid: [
    // A nodemailer transport created with `pool: true` and a `rateLimit` queues and throttles.
    sdkFile("const pooled = nodemailer.createTransport({ pool: true, maxConnections: 2, rateLimit: 5 });\n  for (const u of users) await pooled.sendMail({ to: u.email });\n  users.forEach((u) => pooled.sendMail({ to: u.email }));"),
    "import { createTransport } from 'nodemailer';\nconst t = createTransport({ pool: true, rateLimit: 10, host: 'smtp.x.io' });\nexport const f = (users: { email: string }[]) => Promise.all(users.map((u) => t.sendMail({ to: u.email })));",
    // Batch and bulk calls, one per chunk.
    sdkFile('for (const part of chunks) await postmark.sendEmailBatch(part.map((u) => ({ From: "a@x.io", To: u.email })));'),
    sdkFile('for (const part of chunks) await postmark.sendEmailBatchWithTemplates(part.map((u) => ({ To: u.email, TemplateId: 1 })));'),
    sdkFile('for (const part of chunks) await ses.send(new SendBulkTemplatedEmailCommand({ Destinations: part.map((u) => ({ Destination: { ToAddresses: [u.email] } })) }));'),
    sdkFile('for (const part of chunks) await sesV2.send(new SendBulkEmailCommand({ BulkEmailEntries: part.map((u) => ({ Destination: { ToAddresses: [u.email] } })) }));'),
    sdkFile('for (const part of chunks) await sesV2Aggregated.sendBulkEmail({ BulkEmailEntries: part.map((u) => ({ Destination: { ToAddresses: [u.email] } })) });'),
    sdkFile('for (const part of chunks) await sgMail.sendMultiple({ from: "a@x.io", to: part.map((u) => u.email) });'),
    sdkFile('for (const part of chunks) await sgMail.send({ to: part.map((u) => u.email), from: "a@x.io" }, true);'),
    sdkFile('for (const part of chunks) await sgMail.send({ from: "a@x.io", personalizations: part.map((u) => ({ to: u.email })) });'),
    sdkFile('for (const part of chunks) await sgMail.send({ to: part.map((u) => u.email), isMultiple: true });'),
    sdkFile('for (const part of chunks) await sgMail.send({ to: "a@x.io", bcc: part.map((u) => u.email) });'),
    sdkFile('for (const part of chunks) await mailerSend.email.sendBulk(part.map((u) => ({ to: [{ email: u.email }] })));'),
    sdkFile('for (const part of chunks) await batch.sendBatch({ messages: part.map((u) => ({ to: u.email })) });'),
    // NestJS MailerQueueService queues the message.
    sdkFile('for (const u of users) await queue.enqueue({ to: u.email, subject: "Hi" });'),
    sdkFile('users.forEach((u) => queue.enqueue({ to: u.email }));'),
    sdkFile('await queue.enqueueBatch(users.map((u) => ({ to: u.email })));'),
    // SendGrid send() with a fixed array of messages, or a single message.
    sdkFile('await sgMail.send([{ to: "a@x.io" }, { to: "b@x.io" }]);'),
    sdkFile('await sgMail.send({ to: "a@x.io", from: "b@x.io" });'),
  ],
  invalid: [],
});

tsTester.run('no-unbatched-send: options', rule, {
  valid: [
    {
      name: 'throttlingFunctions: a helper called by name',
      code: file('declare function rateLimited<T>(fn: () => T): Promise<T>;', `for (const u of users) await rateLimited(() => ${SEND});`),
      options: [{ throttlingFunctions: ['rateLimited'] }],
    },
    {
      name: 'throttlingFunctions: a method called by name',
      code: file('declare const jobs: { run<T>(fn: () => T): Promise<T> };', `await Promise.all(users.map((u) => jobs.run(() => ${SEND})));`),
      options: [{ throttlingFunctions: ['run'] }],
    },
    ...[
      "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport async function f(users: { email: string }[]) {\n  for (const u of users) await t.sendMail({ to: u.email });\n}",
      "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport async function f(stream: AsyncIterable<{ email: string }>) {\n  for await (const u of stream) t.sendMail({ to: u.email });\n}",
      "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const f = (users: { email: string }[]) => users.reduce(async (p, u) => { await p; await t.sendMail({ to: u.email }); }, Promise.resolve());",
      "import { SMTPClient } from 'emailjs';\nconst c = new SMTPClient({});\nexport async function f(users: { email: string }[]) {\n  for (const u of users) await c.sendAsync({ to: u.email, from: 'a@x.io', text: 'hi' });\n}",
      "import Email from 'email-templates';\nconst email = new Email({});\nexport async function f(users: { email: string }[]) {\n  for (const u of users) await email.send({ template: 'welcome', message: { to: u.email } });\n}",
      "import { MailerService } from '@nestjs-modules/mailer';\nexport class Notifier {\n  constructor(private readonly mailer: MailerService) {}\n  async all(users: { email: string }[]) { for (const u of users) await this.mailer.sendMail({ to: u.email }); }\n}",
      "const sendmail = require('sendmail')({});\nexport async function f(users: { email: string }[]) {\n  for (const u of users) await sendmail({ to: u.email, from: 'a@x.io' });\n}",
      "import async from 'async';\nimport nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const f = (users: { email: string }[]) => async.eachSeries(users, async (u) => { await t.sendMail({ to: u.email }); });",
    ].map((code) => ({ name: 'reportSequentialSmtp: false, sequential SMTP', code, options: [{ reportSequentialSmtp: false }] as [{ reportSequentialSmtp: boolean }] })),
  ],
  invalid: [
    (() => {
      const code = file('declare function rateLimited<T>(fn: () => T): Promise<T>;', `for (const u of users) await rateLimited(() => ${SEND});`);
      return { name: 'throttlingFunctions names another helper', code, options: [{ throttlingFunctions: ['limited'] }] as [{ throttlingFunctions: string[] }], errors: [resendReport(code, 'sequential')] };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
import sgMail from '@sendgrid/mail';
const t = nodemailer.createTransport({});
export async function f(users: { email: string }[]) {
  for (const u of users) t.sendMail({ to: u.email });
  users.forEach((u) => t.sendMail({ cc: u.email }));
  for (const u of users) await sgMail.send({ to: u.email });
}`;
      const nodemailerFix =
        'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';
      return {
        name: 'reportSequentialSmtp: false still reports parallel SMTP sends and sequential API sends',
        code,
        options: [{ reportSequentialSmtp: false }] as [{ reportSequentialSmtp: boolean }],
        errors: [
          { messageId: 'parallel' as const, data: { what: 'This nodemailer send', fix: nodemailerFix }, ...at(code, 't.sendMail({ to: u.email })') },
          { messageId: 'parallel' as const, data: { what: 'This nodemailer send', fix: nodemailerFix }, ...at(code, 't.sendMail({ cc: u.email })') },
          {
            messageId: 'sequential' as const,
            data: {
              what: 'This SendGrid (@sendgrid/mail) send',
              fix: 'Send one request with one `personalizations` entry per recipient (at most 1,000 a request), or `sgMail.sendMultiple` with the list in `to`.',
            },
            ...at(code, 'sgMail.send({ to: u.email })'),
          },
        ],
      };
    })(),
    (() => {
      const code = "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport async function f(users: { email: string }[]) {\n  for (const u of users) await t.sendMail({ to: u.email });\n}";
      return {
        name: 'reportSequentialSmtp: true (the default, written out)',
        code,
        options: [{ reportSequentialSmtp: true }] as [{ reportSequentialSmtp: boolean }],
        errors: [
          {
            messageId: 'sequential' as const,
            data: {
              what: 'This nodemailer send',
              fix: 'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.',
            },
            ...at(code, 't.sendMail({ to: u.email })'),
          },
        ],
      };
    })(),
  ],
});

tsTester.run('no-unbatched-send: look-alikes', rule, {
  valid: [
    // No mail module in the file.
    'declare function send(o: { to: string }): Promise<void>;\nexport async function f(users: { email: string }[]) { for (const u of users) await send({ to: u.email }); }',
    // A local `send` next to a mail import.
    `${RESEND}\nfunction send(o: { to: string }) { return fetch('/x', { method: 'POST', body: JSON.stringify(o) }); }\nexport async function f(users: { email: string }[]) { for (const u of users) await send({ to: u.email }); }`,
    // An unrelated client with the same method names.
    `${RESEND}\nconst client = { emails: { send(o: unknown) { return o; } } };\nexport function f(users: { email: string }[]) { users.forEach((u) => client.emails.send({ to: u.email })); }`,
    "import nodemailer from 'nodemailer';\nconst cache = new Map<string, unknown>();\nexport function f(users: { email: string }[]) { for (const u of users) cache.set(u.email, nodemailer); }",
    // A shadowed import.
    `${RESEND}\nexport async function f(resend: { emails: { send(o: unknown): Promise<void> } }, users: { email: string }[]) { for (const u of users) await resend.emails.send({ to: u.email }); }`,
    "import sgMail from '@sendgrid/mail';\nexport async function f(users: { email: string }[]) { for (const u of users) { const sgMail = { send: (o: unknown) => o }; sgMail.send({ to: u.email }); } }",
    // A batch of messages built with map for another SDK's batch call.
    "import { ServerClient } from 'postmark';\nconst pm = new ServerClient('t');\nexport const f = (users: { email: string }[]) => pm.sendEmailBatch(users.map((u) => ({ To: u.email })));",
  ],
  invalid: [],
});

jsTester.run('no-unbatched-send: not reported in plain ESM JavaScript', rule, {
  valid: [
    "import pLimit from 'p-limit';\nimport { Resend } from 'resend';\nconst resend = new Resend('k');\nconst limit = pLimit(3);\nexport const f = (users) => Promise.all(users.map((u) => limit(() => resend.emails.send({ to: u.email }))));",
    "import { Resend } from 'resend';\nconst resend = new Resend('k');\nexport async function f(users) { for (let i = 0; i < users.length; i += 100) await resend.batch.send(users.slice(i, i + 100).map((u) => ({ to: u.email }))); }",
  ],
  invalid: [
    (() => {
      const code = "import { Resend } from 'resend';\nconst resend = new Resend('k');\nexport const f = (users) => users.forEach((u) => resend.emails.send({ to: u.email }));";
      return { name: 'espree, ESM: the unthrottled counterpart', code, errors: [resendReport(code, 'parallel', 'resend.emails.send({ to: u.email })')] };
    })(),
  ],
});

cjsTester.run('no-unbatched-send: not reported in CommonJS', rule, {
  valid: [
    "const Bottleneck = require('bottleneck');\nconst nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nconst limiter = new Bottleneck({ maxConcurrent: 1 });\nmodule.exports = (users) => users.forEach((u) => limiter.schedule(() => t.sendMail({ to: u.email })));",
    "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({ pool: true, rateLimit: 3 });\nmodule.exports = async (users) => { for (const u of users) await t.sendMail({ to: u.email }); };",
    {
      code: "const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nmodule.exports = async (users) => { for (const u of users) await t.sendMail({ to: u.email }); };",
      options: [{ reportSequentialSmtp: false }],
    },
    // A local function called require is not Node's require.
    "function require(m) { return { createTransport() { return { sendMail() {} }; } }; }\nconst nm = require('nodemailer');\nconst t = nm.createTransport();\nmodule.exports = (users) => users.forEach((u) => t.sendMail({ to: u.email }));",
  ],
  invalid: [],
});

// Transport options from another module (a config module with no mail import): they may pool and
// rate-limit, so a loop over such a transport is unknown, not unpooled. Options in view still decide.
const NODEMAILER_FIX = 'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';
const optionsLoop = 'for (const u of users) await transport.sendMail({ to: u.email });';
for (const [tester, name, head, exported] of [
  [tsTester, 'TypeScript', "import nodemailer from 'nodemailer';\nimport { smtp } from './config';", 'export async function notify(users: { email: string }[])'],
  [jsTester, 'ESM JavaScript', "import nodemailer from 'nodemailer';\nimport config from './config.js';\nconst smtp = config.smtp;", 'export async function notify(users)'],
  [cjsTester, 'CommonJS', "const nodemailer = require('nodemailer');\nconst { smtp } = require('./config');", 'module.exports.notify = async function notify(users)'],
] as const) {
  tester.run(`no-unbatched-send: transport options imported from another module (${name})`, rule, {
    valid: [`${head}\nconst transport = nodemailer.createTransport(smtp);\n${exported} {\n  ${optionsLoop}\n}`],
    invalid: [
      (() => {
        const code = `${head}\nconst transport = nodemailer.createTransport({ host: smtp.host, port: 587 });\n${exported} {\n  ${optionsLoop}\n}`;
        return {
          name: 'options written here, with no pool',
          code,
          errors: [{ messageId: 'sequential' as const, data: { what: 'This nodemailer send', fix: NODEMAILER_FIX }, ...at(code, 'transport.sendMail({ to: u.email })') }],
        };
      })(),
    ],
  });
}
