import type { MessageSpec, SdkSpec } from './types.js';

const message: MessageSpec = {
  visible: [
    { path: ['To'], bcc: 'Bcc' },
    { path: ['Cc'], bcc: 'Bcc' },
  ],
  fix: 'Send one message per recipient with `sendEmailBatch` (at most 500 a call), or put the list in `Bcc` (at most 50 recipients a message).',
};

export const postmark: SdkSpec = {
  id: 'postmark',
  label: 'Postmark',
  batching: 'Use `client.sendEmailBatch([...])` in chunks of at most 500 messages.',
  modules: { postmark: 'module' },
  kinds: {
    module: { props: { ServerClient: 'clientClass', Client: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: {
      sends: {
        sendEmail: { message: 'message' },
        sendEmailWithTemplate: { message: 'message' },
        sendEmailBatch: { message: 'message', batch: ['[]'] },
        sendEmailBatchWithTemplates: { message: 'message', batch: ['[]'] },
        sendBulkEmail: { message: 'message', batch: ['Messages', '[]'] },
      },
    },
  },
  messages: { message },
};
