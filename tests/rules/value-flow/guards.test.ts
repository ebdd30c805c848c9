// Where a finding can matter: a transport set up only outside production, and strict's message
// shapes only where a message-shaped literal can reach a send.
import exposedRule from '../../../src/rules/no-exposed-recipients.js';
import transportRule from '../../../src/rules/no-insecure-transport.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';
import { setting } from '../no-insecure-transport/helpers.js';

const ignoreTLS = (code: string) => setting(code, 'ignoreTLS: true', 'nodemailer', 'ignoreTLS: true', 'ignoreTLS', 'requireTLS');
const catcher = "createTransport({ host: mailCatcher, port: 1025, ignoreTLS: true })";

for (const [tester, name, head] of [
  [tsTester, 'TypeScript', "import nodemailer from 'nodemailer';\ndeclare const mailCatcher: string;\ndeclare const config: { env: string };"],
  [jsTester, 'ESM JavaScript', "import nodemailer from 'nodemailer';"],
  [cjsTester, 'CommonJS', "const nodemailer = require('nodemailer');"],
] as const) {
  // CommonJS exports what ESM exports, as CommonJS spells it.
  const cjs = (code: string) =>
    name !== 'CommonJS'
      ? code
      : code.replace(/export const (\w+) =/g, 'exports.$1 =').replace(/export default (\w+);/g, 'module.exports = $1;').replace(/export function (\w+)/g, 'exports.$1 = function $1');
  tester.run(`no-insecure-transport: development-only transports (${name})`, transportRule, {
    valid: [
      `${head}\nexport const t = process.env.NODE_ENV !== 'production' ? nodemailer.${catcher} : nodemailer.createTransport({ host: 'smtp.example.com' });`,
      `${head}\nlet t;\nif (process.env.NODE_ENV === 'development') t = nodemailer.${catcher};\nexport default t;`,
      `${head}\nconst env = process.env.NODE_ENV;\nexport function make() {\n  if (env !== 'production') {\n    return nodemailer.${catcher};\n  }\n  return nodemailer.createTransport({ host: 'smtp.example.com' });\n}`,
      `${head}\nconst isProd = config.env === 'production';\nexport const t = isProd ? nodemailer.createTransport({}) : nodemailer.${catcher};`,
      `${head}\nexport function make() {\n  if (process.env.NODE_ENV === 'production') throw new Error('use the relay');\n  return nodemailer.${catcher};\n}`,
      `${head}\nexport const t = process.env.NODE_ENV === 'test' && nodemailer.${catcher};`,
    ].map(cjs),
    invalid: [
      // Production, or an environment check that does not rule production out.
      `${head}\nexport const t = nodemailer.${catcher};`,
      `${head}\nexport const t = process.env.NODE_ENV === 'production' ? nodemailer.${catcher} : null;`,
      `${head}\nexport const t = process.env.NODE_ENV !== 'development' ? nodemailer.${catcher} : null;`,
      `${head}\nif (process.env.NODE_ENV === 'production') console.log('prod');\nexport const t = nodemailer.${catcher};`,
    ]
      .map(cjs)
      .map((code) => ({ code, errors: [ignoreTLS(code)] })),
  });
}

const shapes = [{ messageShapes: true }] as [{ messageShapes: boolean }];
const fix = 'If it is sent as one message, put the list in `bcc` (keeping an address in `to` if the provider needs one) or send one message per recipient.';
const shapeReport = (code: string, text: string) => ({
  messageId: 'exposedList' as const,
  data: { sdk: 'This message object', field: 'to', fix },
  ...at(code, text),
  // The provider of a message shape is unknown and may require `to`: no move to bcc.
  suggestions: [],
});
const digest = "export function digest(users: { email: string }[], html: string) {\n  return { to: users.map((u) => u.email), subject: 'Digest', html };\n}";

tsTester.run('no-exposed-recipients: strict message shapes only where they can reach a send', exposedRule, {
  valid: [
    // Test, fixture, mock and seed files model stored mail.
    { code: digest, options: shapes, filename: 'src/mail/digest.test.ts' },
    { code: digest, options: shapes, filename: 'test/fixtures/digest.ts' },
    { code: digest, options: shapes, filename: 'prisma/seed.ts' },
    { code: digest, options: shapes, filename: 'src/db/seeds/mail.ts' },
    { code: digest, options: shapes, filename: 'src/__mocks__/mailer.ts' },
    // Configurable.
    { code: digest, options: [{ messageShapes: true, messageShapeIgnore: ['**/legacy/**'] }], filename: 'src/legacy/digest.ts' },
    // A relay copying the recipients of a message it received; a provider adapter passing options on.
    { code: "export const relay = (mail: { to: string[]; cc: string[]; subject: string; html: string }) => ({ to: mail.to, cc: mail.cc, subject: mail.subject, html: mail.html });", options: shapes },
    { code: "export class Adapter { send(options: { to: string[]; subject: string; html: string }) { return this.client.post({ to: options.to, subject: options.subject, html: options.html }); } }", options: shapes },
    // Built and only compared or logged where it is written: sent by no one.
    { code: "export function check(users: { email: string }[]) {\n  const expected = { to: users.map((u) => u.email), subject: 'Digest', html: '.' };\n  return expected.subject.length > 0;\n}", options: shapes },
  ],
  invalid: [
    { name: 'returned from a builder', code: digest, options: shapes, filename: 'src/mail/digest.ts', errors: [shapeReport(digest, 'to: users.map((u) => u.email)')] },
    (() => {
      const code = "declare const jobs: { add(name: string, data: unknown): void };\nexport function announce(users: { email: string }[]) {\n  const message = { to: users.map((u) => u.email), subject: 'News', html: '.' };\n  jobs.add('mail', message);\n}";
      return { name: 'held by a variable that is queued', code, options: shapes, errors: [shapeReport(code, 'to: users.map((u) => u.email)')] };
    })(),
    (() => {
      const code = "const outbox: unknown[] = [];\nexport function announce(users: { email: string }[]) {\n  outbox.push({ to: users.map((u) => u.email), subject: 'News', html: '.' });\n}";
      return { name: 'pushed to an outbox', code, options: shapes, errors: [shapeReport(code, 'to: users.map((u) => u.email)')] };
    })(),
  ],
});
