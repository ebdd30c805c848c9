import type { SdkSpec } from './types.js';

export const mailtrap: SdkSpec = {
  id: 'mailtrap',
  label: 'Mailtrap',
  batching: 'Use `client.batchSend({ base, requests })` with one request per recipient.',
  modules: { mailtrap: 'module' },
  messageTypes: { Mail: 'mail' },
  endpoints: [
    { url: 'https://send.api.mailtrap.io/api/send', message: 'mail' },
    { url: 'https://bulk.api.mailtrap.io/api/send', message: 'mail' },
    { url: 'https://send.api.mailtrap.io/api/batch', message: 'mail', batch: ['requests', '[]'] },
    { url: 'https://bulk.api.mailtrap.io/api/batch', message: 'mail', batch: ['requests', '[]'] },
  ],
  kinds: {
    module: { props: { MailtrapClient: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: {
      sends: {
        send: { message: 'mail' },
        batchSend: { message: 'mail', batch: ['requests', '[]'] },
      },
    },
  },
  messages: {
    mail: {
      visible: [
        { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix: 'Send one request per recipient with `client.batchSend({ base, requests })`, or put the list in `bcc` and keep an address in `to`, such as your own: Mailtrap rejects an email without one.',
    },
  },
  security: {
    setups: [{ kind: 'clientClass', via: 'new', args: [{ arg: 0, options: { secrets: [{ path: ['token'], name: 'API token' }] } }] }],
  },
};
