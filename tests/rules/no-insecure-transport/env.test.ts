import rule from '../../../src/rules/no-insecure-transport.js';
import { cjsTester, tsTester } from '../../helpers.js';
import { envOff } from './helpers.js';

const transport = "import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport({ host: 'smtp.example.com' });";

tsTester.run('no-insecure-transport: NODE_TLS_REJECT_UNAUTHORIZED', rule, {
  valid: [
    // No mail in the file: another rule's business.
    `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';`,
    `import nodemailer from 'nodemailer';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';`,
    // Turning verification back on, or an unknown value.
    `${transport}\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';`,
    `${transport}\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = process.env.INSECURE;`,
    // A local object named process.
    `${transport}\nconst process = { env: {} as Record<string, string> };\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';`,
  ],
  invalid: [
    (() => {
      const code = `${transport}\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';`;
      return { code, errors: [envOff(code, "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'")] };
    })(),
    (() => {
      const code = `import sgMail from '@sendgrid/mail';\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0 as any;\nexport const f = () => sgMail.send({ to: 'a@example.com' });`;
      return { code, errors: [envOff(code, "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0 as any")] };
    })(),
  ],
});

cjsTester.run('no-insecure-transport: NODE_TLS_REJECT_UNAUTHORIZED in CommonJS (espree)', rule, {
  valid: [],
  invalid: [
    (() => {
      const code = `const { SMTPClient } = require('emailjs');\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";\nmodule.exports = new SMTPClient({ host: 'smtp.example.com' });`;
      return { code, errors: [envOff(code, 'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"')] };
    })(),
  ],
});
