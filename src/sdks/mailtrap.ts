import type { SdkSpec } from './types.js';

export const mailtrap: SdkSpec = {
  id: 'mailtrap',
  label: 'Mailtrap',
  batching: 'Use `client.batchSend({ base, requests })` with one request per recipient.',
  modules: { mailtrap: 'module' },
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
        { path: ['to'], bcc: 'bcc' },
        { path: ['cc'], bcc: 'bcc' },
      ],
      fix: 'Send one request per recipient with `client.batchSend({ base, requests })`, or put the list in `bcc`.',
    },
  },
};
