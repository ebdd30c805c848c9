import type { SdkSpec } from './types.js';

/**
 * https://www.twilio.com/docs/sendgrid/api-reference/mail-send/errors: at most 1,000
 * personalizations a request, and 1,000 recipients (to, cc and bcc together) a request.
 */
const MAIL_SEND_ERRORS = 'https://www.twilio.com/docs/sendgrid/api-reference/mail-send/errors';

export const sendgrid: SdkSpec = {
  id: 'sendgrid',
  label: 'SendGrid (@sendgrid/mail)',
  batching:
    'Send one request with one `personalizations` entry per recipient (at most 1,000 a request), or `sgMail.sendMultiple` with the list in `to`.',
  // The module is a ready MailService instance; the class is exported too.
  modules: { '@sendgrid/mail': 'client' },
  messageTypes: { MailDataRequired: 'mail', MailData: 'mail' },
  typePackages: ['@sendgrid/helpers'],
  endpoints: [{ url: 'https://api.sendgrid.com/v3/mail/send', message: 'mail' }],
  kinds: {
    client: {
      props: { MailService: 'serviceClass', default: 'client' },
      sends: {
        send: { message: 'mail', acceptsArray: true, individualArg: { index: 1, equals: true } },
        sendMultiple: { message: 'mail', acceptsArray: true, individual: true },
      },
    },
    serviceClass: { construct: 'client' },
  },
  messages: {
    mail: {
      visible: [
        { path: ['to'], bcc: 'bcc', bccForm: 'array', required: true },
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
        { path: ['personalizations', '[]', 'to'], bcc: 'bcc', bccForm: 'array', required: true },
        { path: ['personalizations', '[]', 'cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      // isMultiple copies cc and bcc into every personalization, so it only individualises `to`;
      // with a cc or bcc, the copies name an address twice in one request, which SendGrid refuses.
      individualFlag: { path: ['isMultiple'], equals: true, fields: ['to'], suggestion: 'isMultiple: true', conflicts: [['cc'], ['bcc']] },
      fix: 'Use `sgMail.sendMultiple(msg)` or set `isMultiple: true` so every recipient gets a separate copy, or give each recipient its own entry in `personalizations`.',
      limits: {
        recipients: [
          {
            fields: [['to'], ['cc'], ['bcc'], ['personalizations', '[]', 'to'], ['personalizations', '[]', 'cc'], ['personalizations', '[]', 'bcc']],
            max: 1000,
            source: MAIL_SEND_ERRORS,
          },
        ],
        entries: [{ path: ['personalizations'], max: 1000, source: MAIL_SEND_ERRORS }],
      },
    },
  },
  security: {
    setups: [
      { kind: 'client', via: 'setApiKey', args: [{ arg: 0, options: { secrets: [{ path: [], name: 'API key', prefix: 'SG.' }] } }] },
      { kind: 'client', via: 'setTwilioEmailAuth', args: [{ arg: 1, options: { secrets: [{ path: [], name: 'Twilio password' }] } }] },
    ],
  },
};
