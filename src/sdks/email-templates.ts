import { nodemailerTransportOptions } from './nodemailer.js';
import type { SdkSpec } from './types.js';

/** email-templates wraps nodemailer: `new Email({ message, transport }).send({ template, message })`. */
export const emailTemplates: SdkSpec = {
  id: 'email-templates',
  label: 'email-templates',
  transport: 'smtp',
  batching:
    'Give `new Email()` a pooled transport (`pool: true` with a `rateLimit`) so the sends are queued and throttled.',
  modules: { 'email-templates': 'emailClass' },
  types: { Email: 'email' },
  messageTypes: { EmailOptions: 'options' },
  kinds: {
    // The constructor's `message` holds defaults merged into every send.
    emailClass: { construct: 'email', constructSend: { message: 'options' } },
    email: {
      sends: { send: { message: 'options' } },
      // Throttled when `transport` is a pooled, rate-limited transport, given as options or built.
      throttledWhen: {
        arg: 0,
        options: [{ path: ['transport', 'pool'], equals: true }, { path: ['transport', 'rateLimit'] }],
        via: ['transport'],
      },
    },
  },
  messages: {
    options: {
      visible: [
        { path: ['message', 'to'], bcc: 'bcc', bccForm: 'array', required: false },
        { path: ['message', 'cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix: 'Put the list in `message.bcc`, or call `email.send()` once per recipient on a pooled transport.',
    },
  },
  security: {
    setups: [{ kind: 'emailClass', via: 'new', args: [{ arg: 0, path: ['transport'], options: nodemailerTransportOptions }] }],
  },
};
