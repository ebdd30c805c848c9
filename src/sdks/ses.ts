import type { MessageSpec, SdkSpec } from './types.js';

const visibleDestination = [
  { path: ['Destination', 'ToAddresses'], bcc: 'BccAddresses' },
  { path: ['Destination', 'CcAddresses'], bcc: 'BccAddresses' },
] as const;

export const sesSendEmail: MessageSpec = {
  visible: visibleDestination,
  fix: 'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkTemplatedEmail` (v1) / `SendBulkEmail` (v2), at most 50 destinations a call.',
};

export const sesBulkEntry: MessageSpec = {
  visible: visibleDestination,
  fix: 'Give every recipient its own entry: all addresses inside one `Destination` see each other.',
};

/** SES v1 API (`@aws-sdk/client-ses`) and its aggregated client; SES v2 lives in ses-v2.ts. */
export const ses: SdkSpec = {
  id: 'ses',
  label: 'Amazon SES (@aws-sdk/client-ses)',
  batching:
    'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.',
  modules: { '@aws-sdk/client-ses': 'module' },
  kinds: {
    module: {
      props: {
        SESClient: 'clientClass',
        SES: 'aggregatedClass',
        SendEmailCommand: 'sendEmailCommand',
        SendTemplatedEmailCommand: 'sendEmailCommand',
        SendBulkTemplatedEmailCommand: 'sendBulkCommand',
      },
    },
    clientClass: { construct: 'client' },
    // `client.send(command)` is where mail leaves; the command carries the message.
    client: {},
    sendEmailCommand: { constructSend: { message: 'sendEmail' } },
    sendBulkCommand: { constructSend: { message: 'bulkEntry', batch: ['Destinations', '[]'] } },
    aggregatedClass: { construct: 'aggregated' },
    aggregated: {
      sends: {
        sendEmail: { message: 'sendEmail' },
        sendTemplatedEmail: { message: 'sendEmail' },
        sendBulkTemplatedEmail: { message: 'bulkEntry', batch: ['Destinations', '[]'] },
      },
    },
  },
  messages: { sendEmail: sesSendEmail, bulkEntry: sesBulkEntry },
};
