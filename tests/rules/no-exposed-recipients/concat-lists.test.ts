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

/** The set-up of the transporter, by module system. */
const setups = {
  esm: "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n",
  cjs: "const nodemailer = require('nodemailer');\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n",
};

/** Functions that send to a list: grown from itself, concatenated inline, read only through itself, concatenated with data. */
const functions = {
  grown: ['  let team = [\'ops@x.io\'];', "  if (flag) team = team.concat(['cfo@x.io']);", "  await transporter.sendMail({ to: team, subject: 'Report' });"],
  inline: ["  await transporter.sendMail({ to: ['ops@x.io'].concat(['cfo@x.io'], 'cto@x.io'), subject: 'Report' });"],
  ownOnly: ['  let team = load();', '  team = team.concat(team.slice(1));', "  await transporter.sendMail({ to: team, subject: 'Report' });"],
  withData: ["  let team = ['ops@x.io'];", '  team = team.concat((await db.users()).map((u) => u.email));', "  await transporter.sendMail({ to: team, subject: 'Report' });"],
};
const body = (lines: readonly string[]) => `export async function report(flag, load, db) {\n${lines.join('\n')}\n}\n`;
const grown = body(functions.grown);
const inline = body(functions.inline);
const ownOnly = body(functions.ownOnly);
const withData = body(functions.withData);

for (const [name, tester, setup] of [
  ['JS', jsTester, setups.esm],
  ['TS', tsTester, setups.esm],
  ['CommonJS', cjsTester, setups.cjs],
] as const) {
  const exported = (body: string) => (setup === setups.cjs ? body.replace('export async function report', 'exports.report = async function report') : body);
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
