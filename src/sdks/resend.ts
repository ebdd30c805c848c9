import type { Limit, SdkSpec, SendSpec, UnsupportedField } from './types.js';

/** https://resend.com/docs/api-reference/emails/send-batch-emails: at most 100 emails a call, and no attachments or scheduling. */
const BATCH_DOCS = 'https://resend.com/docs/api-reference/emails/send-batch-emails';
const batchLimit: Limit = { max: 100, source: BATCH_DOCS };
const batchUnsupported: readonly UnsupportedField[] = [
  { path: ['attachments'], source: BATCH_DOCS },
  { path: ['scheduledAt'], source: BATCH_DOCS },
];
const batchSend: SendSpec = { message: 'email', batch: ['[]'], maxMessages: batchLimit, unsupported: batchUnsupported };

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
        send: batchSend,
        create: batchSend,
      },
    },
  },
  messages: {
    email: {
      visible: [
        { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix: 'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.',
      // https://resend.com/docs/api-reference/emails/send-email: `to` takes at most 50 addresses (no maximum stated for cc, bcc).
      limits: { recipients: [{ fields: [['to']], max: 50, source: 'https://resend.com/docs/api-reference/emails/send-email' }] },
    },
  },
  security: {
    setups: [{ kind: 'clientClass', via: 'new', args: [{ arg: 0, options: { secrets: [{ path: [], name: 'API key', prefix: 're_' }] } }] }],
  },
};
