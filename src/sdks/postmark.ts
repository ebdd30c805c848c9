import type { MessageSpec, SdkSpec } from './types.js';

/** https://postmarkapp.com/developer/api/email-api: `To`, `Cc` and `Bcc` take at most 50 addresses each. */
const EMAIL_API = 'https://postmarkapp.com/developer/api/email-api';

const message: MessageSpec = {
  visible: [
    { path: ['To'], bcc: 'Bcc', bccForm: 'comma-separated', required: true },
    { path: ['Cc'], bcc: 'Bcc', bccForm: 'comma-separated' },
  ],
  fix: 'Send one message per recipient with `sendEmailBatch` (at most 500 a call), or put the list in `Bcc` (at most 50 recipients a message) and keep an address in `To`, such as your own: Postmark rejects a message without one.',
  limits: {
    recipients: [
      { fields: [['To']], max: 50, source: EMAIL_API },
      { fields: [['Cc']], max: 50, source: EMAIL_API },
      { fields: [['Bcc']], max: 50, source: EMAIL_API },
    ],
  },
};

export const postmark: SdkSpec = {
  id: 'postmark',
  label: 'Postmark',
  batching: 'Use `client.sendEmailBatch([...])` in chunks of at most 500 messages.',
  modules: { postmark: 'module' },
  messageTypes: { Message: 'message', TemplatedMessage: 'message', BulkEmailMessage: 'message' },
  endpoints: [
    { url: 'https://api.postmarkapp.com/email', message: 'message' },
    { url: 'https://api.postmarkapp.com/email/withTemplate', message: 'message' },
    { url: 'https://api.postmarkapp.com/email/batch', message: 'message', batch: ['[]'] },
    { url: 'https://api.postmarkapp.com/email/batchWithTemplates', message: 'message', batch: ['Messages', '[]'] },
    { url: 'https://api.postmarkapp.com/email/bulk', message: 'message', batch: ['Messages', '[]'] },
  ],
  kinds: {
    module: { props: { ServerClient: 'clientClass', Client: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: {
      sends: {
        sendEmail: { message: 'message' },
        sendEmailWithTemplate: { message: 'message' },
        sendEmailBatch: {
          message: 'message',
          batch: ['[]'],
          // https://postmarkapp.com/developer/user-guide/send-email-with-api/batch-emails: at most 500 messages a call.
          maxMessages: { max: 500, source: 'https://postmarkapp.com/developer/user-guide/send-email-with-api/batch-emails' },
        },
        sendEmailBatchWithTemplates: { message: 'message', batch: ['[]'] },
        sendBulkEmail: { message: 'message', batch: ['Messages', '[]'] },
      },
    },
  },
  messages: { message },
  security: {
    setups: [
      {
        kind: 'clientClass',
        via: 'new',
        args: [
          { arg: 0, options: { secrets: [{ path: [], name: 'server token' }] } },
          {
            arg: 1,
            options: {
              host: ['requestHost'],
              insecure: [
                { path: ['useHttps'], when: { equals: [false] }, effect: 'sends every request and the server token over plain HTTP', cwe: 'CWE-319' },
              ],
            },
          },
        ],
      },
    ],
  },
};
