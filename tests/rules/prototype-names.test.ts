// Names the linted code chooses are looked up in the plugin's tables (SDK members, array methods,
// list factories). `constructor`, `toString`, `valueOf` and `__proto__` are in every object's
// prototype chain: the 5,000-program fuzz run found `constructor.keys(list)` in a `to` field
// throwing, and `users.constructor(callback)` passed for an array iteration. None of these is
// mail code, so every rule stays silent and none throws.
import exposedRecipients from '../../src/rules/no-exposed-recipients.js';
import hardcodedCredentials from '../../src/rules/no-hardcoded-credentials.js';
import insecureTransport from '../../src/rules/no-insecure-transport.js';
import unbatchedSend from '../../src/rules/no-unbatched-send.js';
import providerLimits from '../../src/rules/respect-provider-limits.js';
import { jsTester, tsTester } from '../helpers.js';

const NODEMAILER = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });";
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

/** Each prototype name where the code names a member, a list factory or an iterating method. */
const cases = NAMES.flatMap((name) => [
  // A list factory's object (`Array.from`, `Object.keys`): the crash.
  `${NODEMAILER}\nawait transporter.sendMail({ to: ${name}.keys(users), subject: 'S', text: 'T' });`,
  `${NODEMAILER}\nawait transporter.sendMail({ to: Object.${name}(users), subject: 'S', text: 'T' });`,
  // A member of a client: not a send, a setter or a client kind.
  `${NODEMAILER}\nconst member = transporter.${name};\nmember(users.map((u) => u.email));`,
  `${NODEMAILER}\nawait transporter.${name}.sendMail({ to: users.map((u) => u.email), subject: 'S', text: 'T' });`,
  `${NODEMAILER}\nfor (const u of users) await transporter.${name}(u);`,
  // An array "method" that is no iteration: the callback is not run once per element.
  `${NODEMAILER}\nusers.${name}(async (u) => transporter.sendMail({ to: u.email, subject: 'S', text: 'T' }));`,
  // A setup through a prototype name.
  `${NODEMAILER}\nnodemailer.${name}({ host: 'smtp.example.com', secure: false, auth: { user: 'u', pass: 'hunter2hunter2' } });`,
  `import sgMail from '@sendgrid/mail';\nsgMail.${name}('SG.aaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');`,
  // An HTTP client's request method.
  `import axios from 'axios';\nawait axios.${name}('https://api.resend.com/emails', { to: users.map((u) => u.email) });`,
  // A chunk function or an element callback by a prototype name.
  `import _ from 'lodash';\nimport { Resend } from 'resend';\nconst resend = new Resend('re_1');\nfor (const b of _.${name}(users, 500)) await resend.batch.send(b.map((u) => ({ to: u.email })));`,
  `import { Resend } from 'resend';\nimport { chunk } from 'lodash';\nconst resend = new Resend('re_1');\nchunk(users, 500).${name}((b) => resend.batch.send(b.map((u) => ({ to: u.email }))));`,
]);

for (const [label, tester] of [
  ['JS', jsTester],
  ['TS', tsTester],
] as const) {
  const valid = cases.map((code) => ({ code, name: code.split('\n').at(-1)! }));
  tester.run(`no-exposed-recipients: prototype names (${label})`, exposedRecipients, { valid, invalid: [] });
  tester.run(`no-unbatched-send: prototype names (${label})`, unbatchedSend, { valid, invalid: [] });
  tester.run(`no-insecure-transport: prototype names (${label})`, insecureTransport, { valid, invalid: [] });
  tester.run(`no-hardcoded-credentials: prototype names (${label})`, hardcodedCredentials, { valid, invalid: [] });
  tester.run(`respect-provider-limits: prototype names (${label})`, providerLimits, { valid, invalid: [] });
}
