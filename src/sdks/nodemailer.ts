import type { MessageSpec, OptionSet, SdkSpec } from './types.js';

/**
 * nodemailer's transport options (also taken by NestJS `transport` and email-templates
 * `transport`): an options object, or a connection URL.
 */
export const nodemailerTransportOptions: OptionSet = {
  host: ['host'],
  url: 'smtp',
  insecure: [
    { path: ['tls', 'rejectUnauthorized'], when: { equals: [false] }, effect: 'accepts any server certificate', cwe: 'CWE-295' },
    {
      path: ['ignoreTLS'],
      when: { equals: [true] },
      unless: [{ path: ['requireTLS'], equals: [true] }],
      effect: 'never upgrades the connection with STARTTLS, so mail and credentials travel in plain text',
      cwe: 'CWE-319',
    },
    {
      path: ['opportunisticTLS'],
      when: { equals: [true] },
      effect: 'goes on in plain text when STARTTLS fails',
      cwe: 'CWE-319',
    },
    { path: ['tls', 'minVersion'], when: { tlsBelow: 'TLSv1.2' }, effect: 'allows TLS versions older than 1.2', cwe: 'CWE-319' },
    { path: ['tls', 'maxVersion'], when: { tlsBelow: 'TLSv1.2' }, effect: 'caps TLS below version 1.2', cwe: 'CWE-319' },
    {
      path: ['secure'],
      when: { equals: [false] },
      unless: [{ path: ['requireTLS'], equals: [true] }],
      effect: 'starts in plain text and sends the mail unencrypted if the server offers no STARTTLS',
      cwe: 'CWE-319',
      optIn: true,
    },
  ],
  secrets: [
    { path: ['auth', 'pass'], name: 'auth.pass' },
    { path: ['auth', 'clientSecret'], name: 'auth.clientSecret' },
    { path: ['auth', 'refreshToken'], name: 'auth.refreshToken' },
    { path: ['auth', 'accessToken'], name: 'auth.accessToken' },
    { path: ['auth', 'privateKey'], name: 'auth.privateKey' },
    { path: ['dkim', 'privateKey'], name: 'dkim.privateKey' },
  ],
};

/** nodemailer's message: one MIME message whose To and Cc headers list every address. */
export const nodemailerMessage: MessageSpec = {
  visible: [
    { path: ['to'], bcc: 'bcc', bccForm: 'array', required: false },
    { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
  ],
  fix: 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).',
};

export const nodemailer: SdkSpec = {
  id: 'nodemailer',
  label: 'nodemailer',
  transport: 'smtp',
  batching:
    'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.',
  modules: {
    nodemailer: 'module',
    // @types/nodemailer: `import Mail from 'nodemailer/lib/mailer'` is the transporter class.
    'nodemailer/lib/mailer': 'mailerClass',
  },
  types: { Transporter: 'transport', Mail: 'transport' },
  messageTypes: { SendMailOptions: 'mail', Options: 'mail', MailOptions: 'mail' },
  kinds: {
    module: { methods: { createTransport: 'transport' } },
    mailerClass: { construct: 'transport' },
    transport: {
      sends: { sendMail: { message: 'mail' } },
      // A pooled transport with a rate limit queues every message and sends at that pace.
      throttledWhen: { arg: 0, options: [{ path: ['pool'], equals: true }, { path: ['rateLimit'] }] },
    },
  },
  messages: { mail: nodemailerMessage },
  security: {
    setups: [{ kind: 'module', via: 'createTransport', args: [{ arg: 0, options: nodemailerTransportOptions }] }],
  },
};
