// A spelled-out list grown with `concat` stays a spelled-out list: `team.concat(['cfo@x.io'])`, and
// a variable written from its own earlier value (`team = team.concat(…)`), were reported as lists
// that come from data. Concatenated with records' addresses, a list is data; read only through its
// own earlier value, with nothing else to prove it, it is unknown (silent), not data.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const NODEMAILER_FIX = 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const { invalid } = exposedReports('nodemailer', NODEMAILER_FIX);

/** The `fixedList` report (option `reportFixedLists`) on `text`, a `to` key, with its suggestion to rename it `bcc`. */
function fixedListReport(code: string, text: string, count: number) {
  const data = { sdk: 'nodemailer', field: 'to', fix: NODEMAILER_FIX, count };
  const suggestion = { messageId: 'moveToBcc' as const, data: { bcc: 'bcc', field: 'to' }, output: code.replace(text, text.replace(/^to\b/, 'bcc')) };
  return { code, options: [{ reportFixedLists: true }] as [{ reportFixedLists: boolean }], errors: [{ messageId: 'fixedList' as const, data, ...at(code, text), suggestions: [suggestion] }] };
}

const esm = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
const cjs = "const nodemailer = require('nodemailer');\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n";

const grown = "export async function report(flag) {\n  let team = ['ops@x.io'];\n  if (flag) team = team.concat(['cfo@x.io']);\n  await transporter.sendMail({ to: team, subject: 'Report' });\n}\n";
const inline = "export async function report() {\n  await transporter.sendMail({ to: ['ops@x.io'].concat(['cfo@x.io'], 'cto@x.io'), subject: 'Report' });\n}\n";
const ownOnly = "export async function report(load) {\n  let team = load();\n  team = team.concat(team.slice(1));\n  await transporter.sendMail({ to: team, subject: 'Report' });\n}\n";
const withData = "export async function report(db) {\n  let team = ['ops@x.io'];\n  team = team.concat((await db.users()).map((u) => u.email));\n  await transporter.sendMail({ to: team, subject: 'Report' });\n}\n";

for (const [name, tester, setup] of [
  ['JS', jsTester, esm],
  ['TS', tsTester, esm],
  ['CommonJS', cjsTester, cjs],
] as const) {
  const exported = (body: string) => (setup === cjs ? body.replace('export async function report', 'exports.report = async function report') : body);
  tester.run(`no-exposed-recipients: lists grown with concat (${name})`, rule, {
    valid: [setup + exported(grown), setup + exported(inline), setup + exported(ownOnly)],
    invalid: [
      invalid('concatenated with records’ addresses: data', setup + exported(withData), [['to', 'to: team']]),
      {
        ...fixedListReport(setup + exported(grown), 'to: team', 2),
        name: 'a spelled-out list grown from itself, with reportFixedLists: two addresses',
      },
      {
        ...fixedListReport(setup + exported(inline), "to: ['ops@x.io'].concat(['cfo@x.io'], 'cto@x.io')", 3),
        name: 'a spelled-out list concatenated inline, with reportFixedLists: three addresses',
      },
    ],
  });
}
