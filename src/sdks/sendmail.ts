import type { MessageSpec, SdkSpec } from './types.js';

/** A message handed to an SMTP sender that takes nodemailer's fields, with no batch API of its own (sendmail, seneca-mail). */
export const smtpMessage: MessageSpec = {
  visible: [
    { path: ['to'], bcc: 'bcc', bccForm: 'array', required: false },
    { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
  ],
  fix: 'Put the list in `bcc`, or send one message per recipient.',
};

/** sendmail: `require('sendmail')(options)` returns the send function itself. */
export const sendmail: SdkSpec = {
  id: 'sendmail',
  label: 'sendmail',
  transport: 'smtp',
  batching:
    "Throttle the sends (p-limit, Bottleneck), or move to a pooled, rate-limited transport such as nodemailer's.",
  modules: { sendmail: 'factory' },
  kinds: {
    factory: { call: 'send' },
    send: { callSend: { message: 'mail' } },
  },
  messages: { mail: smtpMessage },
};
