// respect-provider-limits reads a list's size over the value query: every form another rule
// follows (conditionals, local functions and their bound parameters, records, reassignments,
// class fields, pushes, the real Array.from) sizes a list here too.
import rule from '../../../src/rules/respect-provider-limits.js';
import { addresses, recipients, RESEND } from '../respect-provider-limits/support.js';
import { flavours } from './support.js';

const head = "import { Resend } from 'resend';\nconst resend = new Resend(process.env.RESEND_KEY);\n";
const send = (to: string) => `await resend.emails.send({ from: 'news@x.io', to: ${to}, subject: 'News', html: '<p>News</p>' });`;
const list = (n: number) => `[${addresses(n)}]`;
const over = (count: number) => ({ max: 50, count, field: 'to', chunk: false });

const invalid: [name: string, code: string, count: number][] = [
  ['the same list on both sides of a conditional', `${head}const team = ${list(51)};\nexport async function f(all) {\n  ${send('all ? team : team')}\n}`, 51],
  ['what a local function returns', `${head}function team() {\n  return ${list(52)};\n}\nexport async function f() {\n  ${send('team()')}\n}`, 52],
  ['a local function’s parameter, bound to the call’s argument', `${head}function withAdmins(list) {\n  return list;\n}\nexport async function f() {\n  ${send(`withAdmins(${list(53)})`)}\n}`, 53],
  ['a property of a record', `${head}const config = { admins: ${list(54)} };\nexport async function f() {\n  ${send('config.admins')}\n}`, 54],
  ['a property destructured from a record', `${head}export async function f() {\n  const { admins } = { admins: ${list(55)} };\n  ${send('admins')}\n}`, 55],
  ['any value a variable is given', `${head}export async function f(all) {\n  let to = ['editor@x.io'];\n  if (all) to = ${list(56)};\n  ${send('to')}\n}`, 56],
  ['a class field', `${head}export class Digest {\n  team = ${list(57)};\n  async send() {\n    ${send('this.team')}\n  }\n}`, 57],
  ['a list pushed to once', `${head}export async function f() {\n  const to = ${list(50)};\n  to.push('boss@x.io');\n  ${send('to')}\n}`, 51],
  ['the real Array.from', `${head}export async function f() {\n  ${send(`Array.from(${list(58)})`)}\n}`, 58],
];

/** The list literal a case reports (its size is the count, bar the one pushed). */
const reported = (count: number, pushed: boolean) => list(pushed ? count - 1 : count);

for (const [tester, name, flavour] of flavours) {
  tester.run(`respect-provider-limits: every form of the value query (${name})`, rule, {
    valid: [
      // `Array` imported from a module of the project is whatever that module made it.
      flavour(`${head}import { Array } from './throttled.js';\nexport async function f() {\n  ${send(`Array.from(${list(60)})`)}\n}`),
      // A field the class shortens, like a variable, no longer has the size it starts with.
      flavour(`${head}export class Digest {\n  team = ${list(60)};\n  trim() {\n    this.team.pop();\n  }\n  async send() {\n    ${send('this.team')}\n  }\n}`),
      // One side of unknown size, the other small: nothing proves a list over the limit.
      flavour(`${head}export async function f(all, others) {\n  ${send("all ? others : ['editor@x.io']")}\n}`),
      // A parameter no call binds is whatever callers elsewhere pass.
      flavour(`${head}function same(list) {\n  return list;\n}\nexport async function f(users) {\n  ${send('same(users)')}\n}`),
    ],
    invalid: invalid.map(([caseName, code, count]) => {
      const source = flavour(code);
      return { name: caseName, code: source, errors: [recipients(source, reported(count, caseName.includes('pushed')), RESEND, over(count))] };
    }),
  });
}
