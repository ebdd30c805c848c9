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
  modules: {
    nodemailer: 'module',
    // @types/nodemailer: `import Mail from 'nodemailer/lib/mailer'` is the transporter class.
    'nodemailer/lib/mailer': 'mailerClass',
  },
  types: { Transporter: 'transport' },
  kinds: {
    module: { methods: { createTransport: 'transport' } },
    mailerClass: { construct: 'transport' },
    transport: { sends: { sendMail: { message: 'mail' } } },
  },
  messages: { mail: nodemailerMessage },
};
