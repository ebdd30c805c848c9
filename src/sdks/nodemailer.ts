import type { MessageSpec, SdkSpec } from './types.js';

/** nodemailer's message: one MIME message whose To and Cc headers list every address. */
export const nodemailerMessage: MessageSpec = {
  visible: [
    { path: ['to'], bcc: 'bcc' },
    { path: ['cc'], bcc: 'bcc' },
  ],
  fix: 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).',
};

export const nodemailer: SdkSpec = {
  id: 'nodemailer',
  label: 'nodemailer',
  transport: 'smtp',
  batching:
    'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.',
  modules: {
    nodemailer: 'module',
    // @types/nodemailer: `import Mail from 'nodemailer/lib/mailer'` is the transporter class.
    'nodemailer/lib/mailer': 'mailerClass',
  },
  types: { Transporter: 'transport' },
  kinds: {
    module: { methods: { createTransport: 'transport' } },
    mailerClass: { construct: 'transport' },
    transport: {
      sends: { sendMail: { message: 'mail' } },
      // A pooled transport with a rate limit queues every message and sends at that pace.
      throttledWhen: { arg: 0, options: [{ path: ['pool'], equals: true }, { path: ['rateLimit'] }] },
    },
  },
  messages: { mail: nodemailerMessage },
};
