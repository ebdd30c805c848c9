// no-hardcoded-credentials and no-insecure-transport read credentials and transport options over
// the value query: what a local function returns, a class field set in the constructor, options
// kept in a record, every value a variable is given.
import credentialsRule from '../../../src/rules/no-hardcoded-credentials.js';
import transportRule from '../../../src/rules/no-insecure-transport.js';
import { hardcoded } from '../no-hardcoded-credentials/helpers.js';
import { setting } from '../no-insecure-transport/helpers.js';
import { flavours } from './support.js';

const resend = "import { Resend } from 'resend';\n";
const nodemailer = "import nodemailer from 'nodemailer';\n";
const key = "'re_live_4f9a8b7c6d5e'";
const smtp = "{ smtp: { host: 'smtp.example.com', port: 587, ignoreTLS: true, auth: { user: 'mailer', pass: 'correct-horse-battery' } } }";

for (const [tester, name, flavour] of flavours) {
  tester.run(`no-hardcoded-credentials: every form of the value query (${name})`, credentialsRule, {
    valid: [
      // The key comes from the environment on every path.
      flavour(`${resend}function apiKey() {\n  return process.env.RESEND_KEY;\n}\nexport const client = new Resend(apiKey());`),
    ],
    invalid: [
      [`${resend}function apiKey() {\n  return ${key};\n}\nexport const client = new Resend(apiKey());`, 'what a local function returns'],
      [`${resend}export class Mailer {\n  constructor() {\n    this.key = ${key};\n  }\n  client() {\n    return new Resend(this.key);\n  }\n}`, 'a field set in the constructor'],
      [`${resend}let apiKey = process.env.RESEND_KEY;\nif (!apiKey) apiKey = ${key};\nexport const client = new Resend(apiKey);`, 'any value a variable is given'],
    ].map(([code, caseName]) => {
      const source = flavour(code!);
      return { name: caseName, code: source, errors: [hardcoded(source, key, 'Resend', 'API key')] };
    }),
  });

  const inRecord = flavour(`${nodemailer}const settings = ${smtp};\nexport const transport = nodemailer.createTransport(settings.smtp);`);
  tester.run(`no-insecure-transport: every form of the value query (${name})`, transportRule, {
    valid: [flavour(`${nodemailer}const settings = { smtp: { host: 'smtp.example.com', port: 587 } };\nexport const transport = nodemailer.createTransport(settings.smtp);`)],
    invalid: [
      {
        name: 'options kept in a record',
        code: inRecord,
        errors: [setting(inRecord, 'ignoreTLS: true', 'nodemailer', 'ignoreTLS: true', 'ignoreTLS', 'requireTLS')],
      },
    ],
  });

  tester.run(`no-hardcoded-credentials: options kept in a record (${name})`, credentialsRule, {
    valid: [],
    invalid: [{ name: 'auth.pass', code: inRecord, errors: [hardcoded(inRecord, "'correct-horse-battery'", 'nodemailer', 'auth.pass')] }],
  });
}
