import type { SdkSpec } from './types.js';

/** sendmail: `require('sendmail')(options)` returns the send function itself. */
export const sendmail: SdkSpec = {
  id: 'sendmail',
  label: 'sendmail',
  modules: { sendmail: 'factory' },
  kinds: {
    factory: { call: 'send' },
    send: { callSend: { message: 'mail' } },
  },
  messages: {
    mail: {
      visible: [
        { path: ['to'], bcc: 'bcc' },
        { path: ['cc'], bcc: 'bcc' },
      ],
      fix: 'Put the list in `bcc`, or send one message per recipient.',
    },
  },
};
