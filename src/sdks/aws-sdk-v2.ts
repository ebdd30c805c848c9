import type { SdkSpec } from './types.js';
import { awsCredentialSecurity, sesBulkEntry, sesSendEmail } from './ses.js';

/** The legacy `aws-sdk` v2 package: `new AWS.SES().sendEmail(params).promise()`. */
export const awsSdkV2: SdkSpec = {
  id: 'aws-sdk-v2',
  label: 'Amazon SES (aws-sdk v2)',
  batching:
    'Use `sendBulkTemplatedEmail` (SES) or `sendBulkEmail` (SESv2) with one destination per recipient, at most 50 a call.',
  modules: {
    'aws-sdk': 'module',
    'aws-sdk/clients/ses': 'sesClass',
    'aws-sdk/clients/sesv2': 'sesV2Class',
  },
  messageTypes: { SendEmailRequest: 'sendEmail', SendTemplatedEmailRequest: 'sendEmail', BulkEmailDestination: 'bulkEntry' },
  kinds: {
    module: { props: { SES: 'sesClass', SESV2: 'sesV2Class' } },
    sesClass: { construct: 'ses' },
    ses: {
      sends: {
        sendEmail: { message: 'sendEmail' },
        sendTemplatedEmail: { message: 'sendEmail' },
        sendBulkTemplatedEmail: { message: 'bulkEntry', batch: ['Destinations', '[]'] },
      },
    },
    sesV2Class: { construct: 'sesV2' },
    sesV2: {
      sends: {
        sendEmail: { message: 'sendEmail' },
        sendBulkEmail: { message: 'bulkEntry', batch: ['BulkEmailEntries', '[]'] },
      },
    },
  },
  messages: { sendEmail: sesSendEmail, bulkEntry: sesBulkEntry },
  security: awsCredentialSecurity('sesClass', 'sesV2Class'),
};
