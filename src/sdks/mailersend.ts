import type { SdkSpec } from './types.js';

const builderMethods = Object.fromEntries(
  [
    'setFrom',
    'setTo',
    'setCc',
    'setBcc',
    'setReplyTo',
    'setSubject',
    'setHtml',
    'setText',
    'setTemplateId',
    'setPersonalization',
    'setAttachments',
    'setTags',
    'setSendAt',
    'setInReplyTo',
    'setPrecedenceBulk',
    'setHeaders',
    'setListUnsubscribe',
  ].map((name) => [name, 'params']),
);

/** MailerSend: `new EmailParams().setTo([...])`, sent with `mailerSend.email.send(params)`. */
export const mailersend: SdkSpec = {
  id: 'mailersend',
  label: 'MailerSend',
  batching: 'Use `mailerSend.email.sendBulk([...])` with one `EmailParams` per recipient.',
  modules: { mailersend: 'module' },
  endpoints: [
    { url: 'https://api.mailersend.com/v1/email', message: 'params' },
    { url: 'https://api.mailersend.com/v1/bulk-email', message: 'params', batch: ['[]'] },
  ],
  kinds: {
    module: { props: { MailerSend: 'clientClass', EmailParams: 'paramsClass' } },
    clientClass: { construct: 'client' },
    client: { props: { email: 'email' } },
    email: {
      sends: {
        send: { message: 'params' },
        sendBulk: { message: 'params', batch: ['[]'] },
      },
    },
    paramsClass: { construct: 'params', constructSend: { message: 'params' } },
    params: { message: 'params', methods: builderMethods, setters: { setTo: 'to', setCc: 'cc' } },
  },
  messages: {
    params: {
      visible: [
        { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix: 'Send one `EmailParams` per recipient with `mailerSend.email.sendBulk([...])`, or put the list in `bcc` (at most 10) and keep an address in `to`, such as your own: MailerSend rejects an email without one.',
    },
  },
  security: {
    setups: [
      { kind: 'clientClass', via: 'new', args: [{ arg: 0, options: { secrets: [{ path: ['apiKey'], name: 'API key', prefix: 'mlsn.' }] } }] },
    ],
  },
};
