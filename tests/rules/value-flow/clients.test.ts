// no-unbatched-send finds its clients over the value query: a client kept in a list, in a record,
// or behind `enabled && …` is found as a recipient list or an option there would be; `Array.from`
// iterates only when it is the real global.
import rule from '../../../src/rules/no-unbatched-send.js';
import { at } from '../../helpers.js';
import { flavours } from './support.js';

const fix = 'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';
const head = "import nodemailer from 'nodemailer';\n";
const create = "nodemailer.createTransport({ host: 'smtp.example.com' })";
const mail = "({ to: user.email, subject: 'Hi', text: 'Hello' })";
const report = (code: string, text: string, messageId: 'sequential' | 'parallel') => ({
  messageId,
  data: { what: 'This nodemailer send', fix },
  ...at(code, text),
});

const cases: [name: string, code: string, send: string, mode: 'sequential' | 'parallel'][] = [
  [
    'a client kept in a list',
    `${head}const transports = [${create}];\nexport async function f(users) {\n  for (const user of users) await transports[0].sendMail${mail};\n}`,
    `transports[0].sendMail${mail}`,
    'sequential',
  ],
  [
    'a client in a record',
    `${head}const settings = { mail: { transport: ${create} } };\nexport async function f(users) {\n  for (const user of users) await settings.mail.transport.sendMail${mail};\n}`,
    `settings.mail.transport.sendMail${mail}`,
    'sequential',
  ],
  [
    'a client behind a condition',
    `${head}export async function f(users, enabled) {\n  const transport = enabled && ${create};\n  for (const user of users) await transport.sendMail${mail};\n}`,
    `transport.sendMail${mail}`,
    'sequential',
  ],
  [
    'a client from a local function, its parameter bound to the call',
    `${head}function pooled(transport) {\n  return transport;\n}\nexport async function f(users) {\n  const transport = pooled(${create});\n  for (const user of users) await transport.sendMail${mail};\n}`,
    `transport.sendMail${mail}`,
    'sequential',
  ],
  [
    'the real Array.from',
    `${head}const transport = ${create};\nexport async function f(users) {\n  await Promise.all(Array.from(users, (user) => transport.sendMail${mail}));\n}`,
    `transport.sendMail${mail}`,
    'parallel',
  ],
];

for (const [tester, name, flavour] of flavours) {
  tester.run(`no-unbatched-send: every form of the value query (${name})`, rule, {
    valid: [
      // `Array` imported from a module of the project (a throttled one, say) is not the global.
      flavour(`${head}import { Array } from './throttled.js';\nconst transport = ${create};\nexport async function f(users) {\n  await Promise.all(Array.from(users, (user) => transport.sendMail${mail}));\n}`),
      // A pooled client is found through a record as well, and queues its sends.
      flavour(
        `${head}const settings = { transport: nodemailer.createTransport({ pool: true, rateLimit: 5 }) };\nexport async function f(users) {\n  for (const user of users) await settings.transport.sendMail${mail};\n}`,
      ),
    ],
    invalid: cases.map(([caseName, code, send, mode]) => {
      const source = flavour(code);
      return { name: caseName, code: source, errors: [report(source, send, mode)] };
    }),
  });
}
