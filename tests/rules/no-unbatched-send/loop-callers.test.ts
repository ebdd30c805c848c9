import rule from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

// A loop over a parameter runs as many times as its callers pass elements: when every caller in
// the file passes one (`deliver([message])`), it is no loop over recipients (issue 20, classroomio's
// deliverEmail). A caller that passes a list, one that passes something unknown, a use other than a
// call, or no caller at all keeps the report. Callers in other modules: tests/modules/loop-callers.test.ts.

const nodemailerFix =
  'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';
const resendFix = 'Use `resend.batch.send([...])` in chunks of at most 100 emails.';

const sequential = (code: string, text: string, label: string, fix: string) => ({
  messageId: 'sequential' as const,
  data: { what: `This ${label} send`, fix },
  ...at(code, text),
});
const parallel = (code: string, text: string, label: string, fix: string) => ({
  messageId: 'parallel' as const,
  data: { what: `This ${label} send`, fix },
  ...at(code, text),
});

const NODEMAILER_ESM = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.x.io', port: 465, secure: true });";
const NODEMAILER_CJS = "const nodemailer = require('nodemailer');\nconst transporter = nodemailer.createTransport({ host: 'smtp.x.io', port: 465, secure: true });";

/** The same helper in each module system: it sends each message of its parameter, one after another. */
const deliverJs = `async function deliver(messages) {
  for (const message of messages) await transporter.sendMail({ from: 'a@x.io', ...message });
}`;

const jsValid = [
  // Every caller passes a list of one message.
  `${NODEMAILER_ESM}\n${deliverJs}\nexport async function welcome(user) {\n  await deliver([{ to: user.email, subject: 'Welcome' }]);\n}\nexport async function reset(user, link) {\n  await deliver([{ to: user.email, subject: 'Reset', text: link }]);\n}`,
  // Through a schema's parse, and with an index loop.
  `${NODEMAILER_ESM}\nimport { Messages } from './schemas';\nconst deliver = async (args) => {\n  const items = Messages.parse(args);\n  for (let i = 0; i < items.length; i++) await transporter.sendMail(items[i]);\n};\nexport const welcome = (user) => deliver([{ to: user.email, subject: 'Welcome' }]);`,
];

const jsInvalid = [
  (() => {
    // One caller passes a data-driven list.
    const code = `${NODEMAILER_ESM}\n${deliverJs}\nexport async function welcome(user) {\n  await deliver([{ to: user.email, subject: 'Welcome' }]);\n}\nexport async function digest(users) {\n  await deliver(users.map((u) => ({ to: u.email, subject: 'Digest' })));\n}`;
    return { code, errors: [sequential(code, "transporter.sendMail({ from: 'a@x.io', ...message })", 'nodemailer', nodemailerFix)] };
  })(),
  (() => {
    // A caller passes a parameter of its own: unknown, so the loop stays reported.
    const code = `${NODEMAILER_ESM}\n${deliverJs}\nexport async function forward(messages) {\n  await deliver(messages);\n}`;
    return { code, errors: [sequential(code, "transporter.sendMail({ from: 'a@x.io', ...message })", 'nodemailer', nodemailerFix)] };
  })(),
  (() => {
    // No caller at all.
    const code = `${NODEMAILER_ESM}\n${deliverJs}`;
    return { code, errors: [sequential(code, "transporter.sendMail({ from: 'a@x.io', ...message })", 'nodemailer', nodemailerFix)] };
  })(),
  (() => {
    // Handed on by name: its caller is out of view.
    const code = `${NODEMAILER_ESM}\n${deliverJs}\nexport const queue = [deliver];\nexport async function welcome(user) {\n  await deliver([{ to: user.email }]);\n}`;
    return { code, errors: [sequential(code, "transporter.sendMail({ from: 'a@x.io', ...message })", 'nodemailer', nodemailerFix)] };
  })(),
  (() => {
    // Exported: callers in other modules may pass lists, and none is in view here.
    const code = `${NODEMAILER_ESM}\nexport ${deliverJs}\nexport async function welcome(user) {\n  await deliver([{ to: user.email }]);\n}`;
    return { code, errors: [sequential(code, "transporter.sendMail({ from: 'a@x.io', ...message })", 'nodemailer', nodemailerFix)] };
  })(),
];

jsTester.run('no-unbatched-send: a loop over a parameter, judged by its callers (JavaScript)', rule, {
  valid: jsValid,
  invalid: jsInvalid,
});

cjsTester.run('no-unbatched-send: a loop over a parameter, judged by its callers (CommonJS)', rule, {
  valid: [
    `${NODEMAILER_CJS}\n${deliverJs}\nmodule.exports.welcome = (user) => deliver([{ to: user.email, subject: 'Welcome' }]);\nexports.reset = (user) => deliver([{ to: user.email, subject: 'Reset' }]);`,
  ],
  invalid: [
    (() => {
      const code = `${NODEMAILER_CJS}\n${deliverJs}\nmodule.exports.welcome = (user) => deliver([{ to: user.email }]);\nexports.digest = (users) => deliver(users.map((u) => ({ to: u.email })));`;
      return { code, errors: [sequential(code, "transporter.sendMail({ from: 'a@x.io', ...message })", 'nodemailer', nodemailerFix)] };
    })(),
  ],
});

const RESEND = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');\ntype Message = { to: string; subject: string };";
const notifyTs = `async function notify(messages: Message[]) {
  await Promise.all(messages.map((m) => resend.emails.send({ from: 'a@x.io', ...m })));
}`;

tsTester.run('no-unbatched-send: a loop over a parameter, judged by its callers (TypeScript)', rule, {
  valid: [
    `${RESEND}\n${notifyTs}\nexport async function welcome(user: { email: string }) {\n  await notify([{ to: user.email, subject: 'Welcome' }]);\n}`,
    // The array type says what may be passed; the callers say what is.
    `${RESEND}\n${notifyTs}\nconst receipt = (email: string): Message => ({ to: email, subject: 'Receipt' });\nexport const paid = (email: string) => notify([receipt(email)]);`,
  ],
  invalid: [
    (() => {
      const code = `${RESEND}\n${notifyTs}\nexport async function digest(users: { email: string }[]) {\n  await notify(users.map((u) => ({ to: u.email, subject: 'Digest' })));\n}`;
      return { code, errors: [parallel(code, "resend.emails.send({ from: 'a@x.io', ...m })", 'Resend', resendFix)] };
    })(),
    (() => {
      // Two messages built from two fixed addresses still send one by one: a fixed count over one is judged as before.
      const code = `${RESEND}\n${notifyTs}\nexport const both = (a: string, b: string) => notify([{ to: a, subject: 'A' }, { to: b, subject: 'B' }]);`;
      return { code, errors: [parallel(code, "resend.emails.send({ from: 'a@x.io', ...m })", 'Resend', resendFix)] };
    })(),
  ],
});
