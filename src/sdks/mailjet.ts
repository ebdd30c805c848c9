import type { SdkSpec } from './types.js';

/** node-mailjet: `mailjet.post('send', { version: 'v3.1' }).request({ Messages: [...] })`. */
export const mailjet: SdkSpec = {
  id: 'mailjet',
  label: 'Mailjet (node-mailjet)',
  batching:
    "Put one `Messages` entry per recipient in a single `post('send', { version: 'v3.1' })` request, at most 50 a call.",
  modules: { 'node-mailjet': 'mailjetClass' },
  types: { Mailjet: 'client', Client: 'client' },
  endpoints: [
    { url: 'https://api.mailjet.com/v3.1/send', message: 'body' },
    { url: 'https://api.mailjet.com/v3/send', message: 'body' },
  ],
  kinds: {
    // The CJS bundle exports the class itself, with no `.default`: a default import is the class.
    // node-mailjet 3 (still in older apps): `Mailjet.connect(key, secret)`, the static that v6 renamed `apiConnect`.
    mailjetClass: {
      construct: 'client',
      methods: { apiConnect: 'client', connect: 'client' },
      props: { Client: 'mailjetClass' },
    },
    client: { methods: { post: 'request', connect: 'client' } },
    request: { sends: { request: { message: 'body' } } },
  },
  messages: {
    body: {
      visible: [
        { path: ['Messages', '[]', 'To'], bcc: 'Bcc', bccForm: 'array', required: true },
        { path: ['Messages', '[]', 'Cc'], bcc: 'Bcc', bccForm: 'array' },
        // Send API v3: comma-separated strings.
        { path: ['To'], bcc: 'Bcc', bccForm: 'comma-separated', required: true },
        { path: ['Cc'], bcc: 'Bcc', bccForm: 'comma-separated' },
      ],
      fix: 'Give every recipient its own entry in `Messages` (at most 50 a call in v3.1), or put the list in `Bcc` and keep an address in `To`, such as your own: Mailjet rejects a message without one.',
      // https://dev.mailjet.com/reference/email/send-emails/: at most 100 messages a call in Send API v3 and
      // 50 in v3.1. The version is an option of `post()` the body does not show, so the higher one applies.
      limits: { entries: [{ path: ['Messages'], max: 100, source: 'https://dev.mailjet.com/reference/email/send-emails/' }] },
    },
  },
  security: {
    // The API key is the public half of the pair; the secret and the token are the credentials.
    setups: [
      {
        kind: 'mailjetClass',
        via: 'new',
        args: [
          {
            arg: 0,
            options: {
              secrets: [
                { path: ['apiSecret'], name: 'apiSecret' },
                { path: ['apiToken'], name: 'apiToken' },
              ],
            },
          },
        ],
      },
      { kind: 'mailjetClass', via: 'apiConnect', args: [{ arg: 1, options: { secrets: [{ path: [], name: 'API secret' }] } }] },
      { kind: 'mailjetClass', via: 'connect', args: [{ arg: 1, options: { secrets: [{ path: [], name: 'API secret' }] } }] },
      { kind: 'mailjetClass', via: 'smsConnect', args: [{ arg: 0, options: { secrets: [{ path: [], name: 'API token' }] } }] },
    ],
  },
};
