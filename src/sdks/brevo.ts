import type { MessageSpec, SdkSpec, SecretField } from './types.js';

const brevoKey: SecretField = { path: [], name: 'API key', prefix: 'xkeysib-' };

const batching =
  'Send one request with one `messageVersions` entry per recipient (at most 1,000 versions a call).';

const transacEmail: MessageSpec = {
  visible: [
    { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
    { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
    { path: ['messageVersions', '[]', 'to'], bcc: 'bcc', bccForm: 'array', required: true },
    { path: ['messageVersions', '[]', 'cc'], bcc: 'bcc', bccForm: 'array' },
  ],
  fix: 'Give every recipient its own entry in `messageVersions` (at most 1,000 versions and 2,000 recipients a call), or put the list in `bcc` and keep an address in `to`, such as your own: Brevo rejects an email without one.',
};

/** @getbrevo/brevo v6: `new BrevoClient({ apiKey }).transactionalEmails.sendTransacEmail(req)`. */
export const brevo: SdkSpec = {
  id: 'brevo',
  label: 'Brevo (@getbrevo/brevo)',
  batching,
  modules: { '@getbrevo/brevo': 'module' },
  messageTypes: { SendTransacEmailRequest: 'transacEmail', SendSmtpEmail: 'transacEmail' },
  endpoints: [
    { url: 'https://api.brevo.com/v3/smtp/email', message: 'transacEmail' },
    { url: 'https://api.sendinblue.com/v3/smtp/email', message: 'transacEmail' },
  ],
  kinds: {
    module: {
      props: {
        BrevoClient: 'clientClass',
        // v2/v3 shape, still common in code.
        TransactionalEmailsApi: 'legacyApiClass',
        SendSmtpEmail: 'smtpEmailClass',
      },
    },
    clientClass: { construct: 'client' },
    client: { props: { transactionalEmails: 'transactional' } },
    transactional: { sends: { sendTransacEmail: { message: 'transacEmail' } } },
    legacyApiClass: { construct: 'legacyApi' },
    legacyApi: { sends: { sendTransacEmail: { message: 'transacEmail' } } },
    smtpEmailClass: { construct: 'smtpEmail' },
    smtpEmail: { message: 'transacEmail' },
  },
  messages: { transacEmail },
  security: {
    setups: [
      { kind: 'clientClass', via: 'new', args: [{ arg: 0, options: { secrets: [{ ...brevoKey, path: ['apiKey'] }] } }] },
      // v2: api.setApiKey(TransactionalEmailsApiApiKeys.apiKey, key)
      { kind: 'legacyApi', via: 'setApiKey', args: [{ arg: 1, options: { secrets: [brevoKey] } }] },
    ],
    secretWrites: [{ kind: 'legacyApi', path: ['authentications', 'apiKey', 'apiKey'], secret: brevoKey }],
  },
};

/** sib-api-v3-sdk (Sendinblue): `new SibApiV3Sdk.TransactionalEmailsApi().sendTransacEmail(email)`. */
export const sendinblue: SdkSpec = {
  id: 'sib-api-v3-sdk',
  label: 'Brevo (sib-api-v3-sdk)',
  batching,
  modules: { 'sib-api-v3-sdk': 'module' },
  kinds: {
    module: { props: { TransactionalEmailsApi: 'apiClass', SendSmtpEmail: 'smtpEmailClass', ApiClient: 'apiClientClass' } },
    // ApiClient.instance.authentications['api-key'].apiKey = key
    apiClientClass: { props: { instance: 'apiClient' } },
    apiClient: {},
    apiClass: { construct: 'api' },
    api: { sends: { sendTransacEmail: { message: 'transacEmail' } } },
    smtpEmailClass: { construct: 'smtpEmail' },
    smtpEmail: { message: 'transacEmail' },
  },
  messages: { transacEmail },
  security: {
    setups: [],
    secretWrites: [{ kind: 'apiClient', path: ['authentications', 'api-key', 'apiKey'], secret: brevoKey }],
  },
};
