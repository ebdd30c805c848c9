import type { SdkSpec } from './types.js';

export const resend: SdkSpec = {
  id: 'resend',
  label: 'Resend',
  batching: 'Use `resend.batch.send([...])` in chunks of at most 100 emails.',
  modules: { resend: 'module' },
  messageTypes: { CreateEmailOptions: 'email' },
  endpoints: [
    { url: 'https://api.resend.com/emails', message: 'email' },
    { url: 'https://api.resend.com/emails/batch', message: 'email', batch: ['[]'] },
  ],
  kinds: {
    module: { props: { Resend: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: { props: { emails: 'emails', batch: 'batch' } },
    emails: { sends: { send: { message: 'email' }, create: { message: 'email' } } },
    batch: {
      sends: {
        send: { message: 'email', batch: ['[]'] },
        create: { message: 'email', batch: ['[]'] },
      },
    },
  },
  messages: {
    email: {
      visible: [
        { path: ['to'], bcc: 'bcc', required: true },
        { path: ['cc'], bcc: 'bcc' },
      ],
      fix: 'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.',
    },
  },
  security: {
    setups: [{ kind: 'clientClass', via: 'new', args: [{ arg: 0, options: { secrets: [{ path: [], name: 'API key', prefix: 're_' }] } }] }],
  },
};
