// no-exposed-recipients reads recipient lists over the value query: records, a local function's
// parameter bound to a part of its argument, an element of a literal list of lists and later
// writes through a parameter are followed as for every rule; a shadowed `Array` is not the global.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { exposedReports } from '../../helpers.js';
import { flavours } from './support.js';

const fix = 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const { invalid } = exposedReports('nodemailer', fix);
const head = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
const send = (message: string) => `await transporter.sendMail(${message});`;
const emails = 'users.map((u) => u.email)';

for (const [tester, name, flavour] of flavours) {
  tester.run(`no-exposed-recipients: every form of the value query (${name})`, rule, {
    valid: [
      // `Array` imported from a module of the project is whatever that module made it.
      flavour(`${head}import { Array } from './lists.js';\nexport async function f(users) {\n  ${send(`{ to: Array.from(users, (u) => u.email), subject: 'Hi' }`)}\n}`),
      // A record's property that holds one address.
      flavour(`${head}const config = { owner: 'owner@x.io' };\nexport async function f() {\n  ${send("{ to: config.owner, subject: 'Hi' }")}\n}`),
      // An element of a list of single addresses is one address.
      flavour(`${head}const owners = ['a@x.io', 'b@x.io'];\nexport async function f() {\n  ${send("{ to: owners[0], subject: 'Hi' }")}\n}`),
      // A list extended from itself with the callers' lists is still the callers' (novu's createMailData).
      flavour(`${head}export async function f(message, extra) {\n  let list = message.to;\n  list = [...list, ...(extra.to || [])];\n  ${send("{ to: list, subject: 'Hi' }")}\n}`),
      // A configured list cut from a delimited string, through list methods and a variable.
      flavour(
        `${head}export async function f(settings) {\n  const alerts = settings.alertEmails.trim().split(',').map((a) => a.trim()).filter((a) => a.length > 0);\n  ${send("{ to: alerts, subject: 'Down' }")}\n}`,
      ),
      // A reduce over a fixed list, over a parameter whose elements it keeps, or not started from `[]`.
      flavour(`${head}export async function f() {\n  const team = ['a@x.io', 'b@x.io'].reduce((acc, a) => [...acc, a], []);\n  ${send("{ to: team[0], subject: 'Hi' }")}\n}`),
      flavour(`${head}export async function f(addresses) {\n  const unique = addresses.reduce((acc, a) => (acc.includes(a) ? acc : [...acc, a]), []);\n  ${send("{ to: unique, subject: 'Hi' }")}\n}`),
      flavour(`${head}export async function f(users) {\n  const first = users.reduce((found, u) => found || u.email, null);\n  ${send("{ to: first, subject: 'Hi' }")}\n}`),
      flavour(`${head}export async function f() {\n  const parts = process.env.ADMINS.split(';');\n  ${send("{ to: parts.filter(Boolean).slice(0, 5), subject: 'Down' }")}\n}`),
    ],
    invalid: [
      invalid('a property of a record', flavour(`${head}export async function f(users) {\n  const audience = { list: ${emails} };\n  ${send("{ to: audience.list, subject: 'Hi' }")}\n}`), [
        ['to', 'to: audience.list'],
      ]),
      invalid(
        'a part of the argument a local function returns',
        flavour(`${head}function recipientsOf(options) {\n  return options.to;\n}\nexport async function f(users) {\n  ${send(`{ to: recipientsOf({ to: ${emails} }), subject: 'Hi' }`)}\n}`),
        [['to', `to: recipientsOf({ to: ${emails} })`]],
      ),
      invalid('an element of a list of lists', flavour(`${head}export async function f(users) {\n  const batches = [${emails}];\n  ${send("{ to: batches[0], subject: 'Hi' }")}\n}`), [
        ['to', 'to: batches[0]'],
      ]),
      invalid(
        'a field written into a message parameter before it is sent',
        flavour(`${head}export async function f(message, users) {\n  message.to = ${emails};\n  ${send('message')}\n}`),
        // No suggestion: a caller's message may carry a bcc that `message.bcc = …` would overwrite.
        [['to', `message.to = ${emails}`, false]],
      ),
      invalid(
        'a list reduced from records: pushed, spread or concatenated',
        flavour(
          `${head}export async function f(users) {\n  const pushed = users.reduce((acc, u) => { acc.push(u.email); return acc; }, []);\n  const spread = users.reduce((acc, u) => [u.email, ...acc], []);\n  const joined = users.reduce((acc, u) => acc.concat(u.email), []);\n  ${send("{ to: pushed, cc: spread, subject: 'Hi' }")}\n  ${send("{ to: joined, subject: 'Hi' }")}\n}`,
        ),
        [
          ['to', 'to: pushed'],
          ['cc', 'cc: spread'],
          ['to', 'to: joined'],
        ],
      ),
      invalid(
        'a list of data beside a configured one',
        flavour(`${head}export async function f(settings, users) {\n  const list = settings.all ? ${emails} : settings.alerts.split(',');\n  ${send("{ to: list.filter(Boolean), subject: 'Hi' }")}\n}`),
        [['to', 'to: list.filter(Boolean)']],
      ),
      invalid(
        'a list extended from itself with data',
        flavour(`${head}export async function f(message, users) {\n  let list = message.to;\n  list = [...list, ...${emails}];\n  ${send("{ to: list, subject: 'Hi' }")}\n}`),
        [['to', 'to: list']],
      ),
      invalid('the real Array.from', flavour(`${head}export async function f(users) {\n  ${send(`{ to: Array.from(users, (u) => u.email), subject: 'Hi' }`)}\n}`), [
        ['to', 'to: Array.from(users, (u) => u.email)'],
      ]),
    ],
  });
}
