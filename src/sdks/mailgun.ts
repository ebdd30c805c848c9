import type { InsecureSetting, MessageSpec, SdkSpec } from './types.js';

const skipVerification: InsecureSetting = {
  path: ['o:skip-verification'],
  when: { equals: [true, 'yes', 'true'] },
  effect: 'lets Mailgun deliver this message without verifying the receiving server\'s certificate',
  cwe: 'CWE-295',
};

const batching =
  'Send one message with up to 1,000 addresses in `to` and `recipient-variables`, so Mailgun delivers each its own copy.';

/** Mailgun sends one copy per `to` address once `recipient-variables` is set (batch sending). */
export const mailgunMessage: MessageSpec = {
  visible: [
    { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
    { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
  ],
  individualWhenPresent: { path: ['recipient-variables'], fields: ['to'] },
  fix: "Add `'recipient-variables'` (a JSON object keyed by address) so Mailgun sends each `to` address its own copy, at most 1,000 a call, or put the list in `bcc` and keep an address in `to`, such as your own: Mailgun rejects a message without one.",
  // https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/batch-sending: at most 1,000 recipients a batch.
  limits: {
    recipients: [
      { fields: [['to']], max: 1000, source: 'https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/batch-sending' },
    ],
  },
};

/** mailgun.js: `new Mailgun(FormData).client({ username, key }).messages.create(domain, data)`. */
export const mailgunJs: SdkSpec = {
  id: 'mailgun.js',
  label: 'Mailgun (mailgun.js)',
  batching,
  modules: { 'mailgun.js': 'mailgunClass' },
  types: { IMailgunClient: 'client', IMessagesClient: 'messages' },
  messageTypes: { MailgunMessageData: 'message' },
  endpoints: [
    { url: 'https://api.mailgun.net/v3/{domain}/messages', message: 'message' },
    { url: 'https://api.eu.mailgun.net/v3/{domain}/messages', message: 'message' },
  ],
  kinds: {
    // The module is the class itself; a static `default` getter returns the class again.
    mailgunClass: { props: { default: 'mailgunClass' }, construct: 'factory' },
    factory: { methods: { client: 'client' } },
    client: { props: { messages: 'messages' } },
    messages: { sends: { create: { message: 'message', arg: 1 } } },
  },
  messages: { message: mailgunMessage },
  security: {
    setups: [
      {
        kind: 'factory',
        via: 'client',
        args: [
          {
            arg: 0,
            options: {
              insecure: [{ path: ['url'], when: { plainHttp: true }, effect: 'sends every request and the API key over plain HTTP', cwe: 'CWE-319' }],
              secrets: [{ path: ['key'], name: 'API key', prefix: 'key-' }],
            },
          },
        ],
      },
    ],
    messageSettings: [skipVerification],
  },
};

/** mailgun-js options, whether the factory is called or constructed. */
const legacyOptions = {
  arg: 0,
  options: {
    host: ['host'],
    insecure: [
      {
        path: ['protocol'],
        when: { equals: ['http', 'http:'] },
        effect: 'sends every request and the API key over plain HTTP',
        cwe: 'CWE-319',
      },
    ],
    secrets: [{ path: ['apiKey'], name: 'API key', prefix: 'key-' }],
  },
} as const;

/** The legacy mailgun-js: `require('mailgun-js')({ apiKey, domain }).messages().send(data)`. */
export const mailgunLegacy: SdkSpec = {
  id: 'mailgun-js',
  label: 'Mailgun (mailgun-js)',
  batching,
  modules: { 'mailgun-js': 'factory' },
  kinds: {
    factory: { call: 'client', construct: 'client' },
    client: { methods: { messages: 'messages' } },
    messages: { sends: { send: { message: 'message' } } },
  },
  messages: { message: mailgunMessage },
  security: {
    setups: [
      { kind: 'factory', via: 'call', args: [legacyOptions] },
      { kind: 'factory', via: 'new', args: [legacyOptions] },
    ],
    messageSettings: [skipVerification],
  },
};
