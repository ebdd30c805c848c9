import rule from '../../../src/rules/no-insecure-transport.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';
import { rejectUnauthorized, setting, smtpUrl } from './helpers.js';

const tls = "{ host: 'smtp.example.com', tls: { rejectUnauthorized: false } }";

// Every import form reaches createTransport.
const importForms: [string, string][] = [
  ['default import', `import nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(${tls});`],
  ['namespace import', `import * as nodemailer from 'nodemailer';\nexport const t = nodemailer.createTransport(${tls});`],
  ['named import', `import { createTransport } from 'nodemailer';\nexport const t = createTransport(${tls});`],
  ['aliased import', `import { createTransport as mk } from 'nodemailer';\nexport const t = mk(${tls});`],
  ['require', `const nodemailer = require('nodemailer');\nexport const t = nodemailer.createTransport(${tls});`],
  ['destructured require', `const { createTransport } = require('nodemailer');\nexport const t = createTransport(${tls});`],
  ['`as` and `!`', `import nodemailer from 'nodemailer';\nexport const t = (nodemailer as any)!.createTransport(${tls});`],
  ['class field', `import nodemailer from 'nodemailer';\nexport class Mailer { t = nodemailer.createTransport(${tls}); }`],
  ['optional chaining', `import nodemailer from 'nodemailer';\nexport const t = nodemailer?.createTransport(${tls});`],
];

tsTester.run('no-insecure-transport: nodemailer import forms', rule, {
  valid: importForms.map(([, code]) => code.replace('rejectUnauthorized: false', 'rejectUnauthorized: true')),
  invalid: importForms.map(([name, code]) => ({ name, code, errors: [rejectUnauthorized(code)] })),
});

tsTester.run('no-insecure-transport: nodemailer settings', rule, {
  valid: [
    // Look-alikes: a local createTransport, an unrelated tls object, a shadowed import.
    `function createTransport(o: object) { return o; }\ncreateTransport({ host: 'smtp.example.com', tls: { rejectUnauthorized: false } });`,
    `import https from 'node:https';\nexport const agent = new https.Agent({ rejectUnauthorized: false });\nexport const tls = { rejectUnauthorized: false, ignoreTLS: true };`,
    `import nodemailer from 'nodemailer';\nexport function f(nodemailer: any) { return nodemailer.createTransport({ host: 'smtp.example.com', ignoreTLS: true }); }`,
    // Safe or unknown values.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', tls: { rejectUnauthorized: process.env.NODE_ENV === 'production' } });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', tls: { minVersion: 'TLSv1.2' }, opportunisticTLS: false });`,
    // ignoreTLS has no effect when requireTLS is set; an unknown requireTLS may be set.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', ignoreTLS: true, requireTLS: true });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', ignoreTLS: true, requireTLS: flag() });\ndeclare function flag(): boolean;`,
    // secure: false is off by default.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: false });`,
    // Local development hosts.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'localhost', port: 1025, ignoreTLS: true, tls: { rejectUnauthorized: false } });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'mailpit', ignoreTLS: true });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: '127.0.0.1', tls: { rejectUnauthorized: false } });`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport('smtp://user:secret-pass@mailhog:1025');`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport('smtp://user:secret-pass@[::1]:1025');`,
    // smtps:// is encrypted from the start; smtp:// without credentials sends none.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport('smtps://user:secret-pass@smtp.example.com');`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport('smtp://smtp.example.com:587');`,
    // Options from elsewhere: unknown is silent.
    `import nodemailer from 'nodemailer';\nexport const make = (options: object) => nodemailer.createTransport(options);`,
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport(process.env.SMTP_URL);`,
    // Odd code does not crash.
    `import nodemailer from 'nodemailer';\nnodemailer.createTransport();\nnodemailer.createTransport(...args);\nnodemailer.createTransport({ [key]: false, tls: null });\ndeclare const args: []; declare const key: string;`,
  ],
  invalid: [
    (() => {
      const code = `import nodemailer from 'nodemailer';
export const t = nodemailer.createTransport({
  host: 'smtp.example.com',
  ignoreTLS: true,
  opportunisticTLS: true,
  tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' },
});`;
      return {
        name: 'every plain-text setting, each on its own property',
        code,
        errors: [
          setting(code, 'ignoreTLS: true', 'nodemailer', 'ignoreTLS: true', 'ignoreTLS', 'requireTLS'),
          setting(code, 'opportunisticTLS: true', 'nodemailer', 'opportunisticTLS: true', 'opportunisticTLS', 'remove'),
          setting(code, "minVersion: 'TLSv1'", 'nodemailer', "tls.minVersion: 'TLSv1'", 'minVersion', 'tls12'),
          setting(code, "maxVersion: 'TLSv1.1'", 'nodemailer', "tls.maxVersion: 'TLSv1.1'", 'maxVersion', 'tls12'),
        ],
      };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
const tlsOptions = { rejectUnauthorized: false };
const options = { host: 'smtp.example.com', tls: tlsOptions };
export const t = nodemailer.createTransport(options);`;
      return { name: 'options in const variables', code, errors: [rejectUnauthorized(code)] };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
const options: Record<string, unknown> = { host: 'smtp.example.com' };
options.tls = { rejectUnauthorized: false };
export const t = nodemailer.createTransport(options);`;
      return { name: 'a field written after creation', code, errors: [rejectUnauthorized(code)] };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
export const t = nodemailer.createTransport({ host: process.env.SMTP_HOST, tls: { rejectUnauthorized: false } });`;
      return { name: 'a host from the environment may be remote', code, errors: [rejectUnauthorized(code)] };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
export const t = nodemailer.createTransport('smtp://app:hunter22@smtp.example.com:587');`;
      return {
        name: 'smtp:// URL with credentials',
        code,
        errors: [smtpUrl(code, "'smtp://app:hunter22@smtp.example.com:587'", 'smtp.example.com')],
      };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
const SMTP_URL = \`smtp://app:hunter22@smtp.example.com\`;
export const t = nodemailer.createTransport(SMTP_URL);`;
      return {
        name: 'smtp:// URL in a constant template literal',
        code,
        errors: [smtpUrl(code, '`smtp://app:hunter22@smtp.example.com`', 'smtp.example.com')],
      };
    })(),
    (() => {
      const code = `import nodemailer from 'nodemailer';
export const t = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: false });`;
      return {
        name: 'secure: false with reportSecureFalse',
        code,
        options: [{ reportSecureFalse: true }] as const,
        errors: [setting(code, 'secure: false', 'nodemailer', 'secure: false', 'secure', 'requireTLS')],
      };
    })(),
  ],
});

tsTester.run('no-insecure-transport: options', rule, {
  valid: [
    {
      code: `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.dev.internal', ignoreTLS: true });`,
      options: [{ allowedHosts: ['*.dev.internal'] }],
    },
    {
      code: `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'devbox', tls: { rejectUnauthorized: false } });`,
      options: [{ allowedHosts: ['DevBox'] }],
    },
    {
      code: `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.example.com', secure: false, requireTLS: true });`,
      options: [{ reportSecureFalse: true }],
    },
    {
      code: `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'localhost', secure: false });`,
      options: [{ reportSecureFalse: true }],
    },
  ],
  invalid: [
    (() => {
      const code = `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'smtp.dev.internal.example.com', ignoreTLS: true });`;
      return {
        name: 'allowedHosts matches whole names only',
        code,
        options: [{ allowedHosts: ['smtp.dev.internal'] }] as [{ allowedHosts: string[] }],
        errors: [setting(code, 'ignoreTLS: true', 'nodemailer', 'ignoreTLS: true', 'ignoreTLS', 'requireTLS')],
      };
    })(),
  ],
});

const cjs = `const nodemailer = require('nodemailer');
module.exports = nodemailer.createTransport({ host: 'smtp.example.com', tls: { rejectUnauthorized: false } });`;
cjsTester.run('no-insecure-transport: nodemailer in CommonJS (espree)', rule, {
  valid: [`const nodemailer = require('nodemailer');\nmodule.exports = nodemailer.createTransport({ host: 'smtp.example.com', requireTLS: true });`],
  invalid: [{ code: cjs, errors: [rejectUnauthorized(cjs)] }],
});

const esm = `import { createTransport } from 'nodemailer';
export default createTransport({ host: 'smtp.example.com', ignoreTLS: true });`;
jsTester.run('no-insecure-transport: nodemailer in plain JS (espree)', rule, {
  valid: [`import { createTransport } from 'nodemailer';\nexport default createTransport({ host: 'maildev', ignoreTLS: true });`],
  invalid: [
    {
      code: esm,
      errors: [{ messageId: 'insecureSetting', ...at(esm, 'ignoreTLS: true') }],
    },
  ],
});
