// HTTP client libraries calling a provider's send endpoint, and other shapes that were once missed.
import rule from '../../../src/rules/no-exposed-recipients.js';
import unbatched from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, tsTester } from '../../helpers.js';

const sdk = 'Resend';
const fix = 'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.';
const USERS = 'declare const users: { email: string }[];';
const TO = 'to: users.map((u) => u.email)';

const reported = (code: string) => ({
  code,
  errors: [
    {
      messageId: 'exposedList' as const,
      data: { sdk, field: 'to', fix },
      ...at(code, TO),
      // Resend rejects an email without `to`: the list is not moved to bcc.
      suggestions: [],
    },
  ],
});

const body = `{ from: 'a@x.io', ${TO}, subject: 'News', html: '<p>Hi</p>' }`;
const URL_ = "'https://api.resend.com/emails'";

tsTester.run('no-exposed-recipients: HTTP client libraries', rule, {
  valid: [
    `import axios from 'axios';\n${USERS}\nexport const f = () => axios.post('https://internal.example.com/emails', ${body});`,
    `import axios from 'axios';\n${USERS}\nexport const f = () => axios.get(${URL_});`,
    `import got from 'got';\n${USERS}\nexport const f = (u: { email: string }) => got.post(${URL_}, { json: { from: 'a@x.io', to: u.email } });`,
    `class URLSearchParams { constructor(x: unknown) {} }\n${USERS}\nexport const f = () => fetch(${URL_}, { method: 'POST', body: new URLSearchParams(${body}) as any });`,
  ],
  invalid: [
    reported(`import axios from 'axios';\n${USERS}\nexport const f = () => axios.post(${URL_}, ${body});`),
    reported(`import axios from 'axios';\n${USERS}\nexport const f = () => axios.put(${URL_}, ${body});`),
    reported(`import axios from 'axios';\n${USERS}\nexport const f = () => axios({ method: 'post', url: ${URL_}, data: ${body} });`),
    reported(`import axios from 'axios';\n${USERS}\nexport const f = () => axios.request({ method: 'post', url: ${URL_}, data: ${body} });`),
    reported(`import axios from 'axios';\nconst api = axios.create({ timeout: 5000 });\n${USERS}\nexport const f = () => api.post(${URL_}, ${body});`),
    reported(`import got from 'got';\n${USERS}\nexport const f = () => got.post(${URL_}, { json: ${body} });`),
    reported(`import got from 'got';\n${USERS}\nexport const f = () => got(${URL_}, { method: 'POST', json: ${body} });`),
    reported(`import ky from 'ky';\n${USERS}\nexport const f = () => ky.post(${URL_}, { json: ${body} });`),
    reported(`import fetch from 'node-fetch';\n${USERS}\nexport const f = () => fetch(${URL_}, { method: 'POST', body: JSON.stringify(${body}) });`),
    reported(`import { fetch } from 'undici';\n${USERS}\nexport const f = () => fetch(${URL_}, { method: 'POST', body: JSON.stringify(${body}) });`),
  ],
});

cjsTester.run('no-exposed-recipients: HTTP client libraries through require', rule, {
  valid: [],
  invalid: [
    (() => {
      const code = `const axios = require('axios');\nmodule.exports = (users) => axios.post(${URL_}, ${body});`;
      return { ...reported(code) };
    })(),
  ],
});

tsTester.run('no-unbatched-send: HTTP batch endpoints per chunk', unbatched, {
  valid: [
    // ZeptoMail's batch endpoint sends every `to` entry its own copy.
    `declare const chunks: { email: string }[][];\nexport async function f() { for (const chunk of chunks) await fetch('https://api.zeptomail.com/v1.1/email/batch', { method: 'POST', body: JSON.stringify({ from: { address: 'a@x.io' }, to: chunk.map((u) => ({ email_address: { address: u.email } })) }) }); }`,
  ],
  invalid: [
    (() => {
      const code = `import axios from 'axios';\n${USERS}\nexport async function f() { for (const u of users) await axios.post(${URL_}, { from: 'a@x.io', to: u.email }); }`;
      return {
        code,
        errors: [
          {
            messageId: 'sequential' as const,
            data: { what: 'This Resend send', fix: 'Use `resend.batch.send([...])` in chunks of at most 100 emails.' },
            ...at(code, `axios.post(${URL_}, { from: 'a@x.io', to: u.email })`),
          },
        ],
      };
    })(),
  ],
});
