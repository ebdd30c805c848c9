import type { MessageSpec, SdkSpec } from './types.js';
import { awsCredentialSecurity, sesBulkEntry, sesSendEmail } from './ses.js';

const sendEmail: MessageSpec = {
  visible: [
    { path: ['Destination', 'ToAddresses'], bcc: 'BccAddresses', bccForm: 'array', required: false },
    { path: ['Destination', 'CcAddresses'], bcc: 'BccAddresses', bccForm: 'array' },
  ],
  fix: 'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkEmailCommand` (one `BulkEmailEntries` entry each, 50 a call).',
  limits: sesSendEmail.limits,
};

export const sesV2: SdkSpec = {
  id: 'ses-v2',
  label: 'Amazon SES v2 (@aws-sdk/client-sesv2)',
  batching:
    'Use `SendBulkEmailCommand` with one `BulkEmailEntries` entry per recipient, at most 50 a call.',
  modules: { '@aws-sdk/client-sesv2': 'module' },
  messageTypes: { SendEmailCommandInput: 'sendEmail', SendEmailRequest: 'sendEmail', BulkEmailEntry: 'bulkEntry' },
  kinds: {
    module: {
      props: {
        SESv2Client: 'clientClass',
        SESv2: 'aggregatedClass',
        SendEmailCommand: 'sendEmailCommand',
        SendBulkEmailCommand: 'sendBulkCommand',
      },
    },
    clientClass: { construct: 'client' },
    client: {},
    sendEmailCommand: { constructSend: { message: 'sendEmail' } },
    sendBulkCommand: { constructSend: { message: 'bulkEntry', batch: ['BulkEmailEntries', '[]'] } },
    aggregatedClass: { construct: 'aggregated' },
    aggregated: {
      sends: {
        sendEmail: { message: 'sendEmail' },
        sendBulkEmail: { message: 'bulkEntry', batch: ['BulkEmailEntries', '[]'] },
      },
    },
  },
  messages: { sendEmail, bulkEntry: sesBulkEntry },
  security: awsCredentialSecurity('clientClass', 'aggregatedClass'),
};
