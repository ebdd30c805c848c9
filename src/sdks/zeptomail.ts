import type { SdkSpec } from './types.js';

const fix = 'Use `sendBatchMail`, which sends every `to` entry its own copy, or put the list in `bcc` and keep an address in `to`, such as your own: ZeptoMail rejects a message without one.';

/** ZeptoMail (Zoho): `new SendMailClient({ url, token }).sendMail({ to: [{ email_address }] })`. */
export const zeptomail: SdkSpec = {
  id: 'zeptomail',
  label: 'ZeptoMail',
  batching: 'Use `sendBatchMail`, which sends every `to` entry its own copy in one request.',
  modules: { zeptomail: 'module' },
  messageTypes: { Sendmail: 'mail', SendmailBatch: 'batchMail' },
  endpoints: [
    { url: 'https://api.zeptomail.com/v1.1/email', message: 'mail' },
    { url: 'https://api.zeptomail.com/v1.1/email/batch', message: 'batchMail', bulk: true },
    { url: 'https://api.zeptomail.eu/v1.1/email', message: 'mail' },
    { url: 'https://api.zeptomail.eu/v1.1/email/batch', message: 'batchMail', bulk: true },
  ],
  kinds: {
    module: { props: { SendMailClient: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: {
      sends: {
        sendMail: { message: 'mail' },
        sendMailWithTemplate: { message: 'mail' },
        sendBatchMail: { message: 'batchMail', bulk: true },
        mailBatchWithTemplate: { message: 'batchMail', bulk: true },
      },
    },
  },
  messages: {
    mail: {
      visible: [
        { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix,
    },
    // In a batch every `to` entry is a separate mail; `cc` is still shared.
    batchMail: { visible: [{ path: ['cc'], bcc: 'bcc', bccForm: 'array' }], fix },
  },
  security: {
    setups: [
      {
        kind: 'clientClass',
        via: 'new',
        args: [{ arg: 0, options: { secrets: [{ path: ['token'], name: 'send mail token', prefix: 'Zoho-enczapikey ' }] } }],
      },
    ],
  },
};
