import type { MessageSpec, SdkSpec, SecuritySpec } from './types.js';

/** AWS credentials in a client's configuration. The access key id is an identifier; its secret half is the credential. */
export const awsCredentialSecurity = (...classes: string[]): SecuritySpec => ({
  setups: classes.map((kind) => ({
    kind,
    via: 'new',
    args: [
      {
        arg: 0,
        options: {
          secrets: [
            { path: ['credentials', 'secretAccessKey'], name: 'credentials.secretAccessKey' },
            { path: ['credentials', 'sessionToken'], name: 'credentials.sessionToken' },
            // aws-sdk v2 also takes them at the top level.
            { path: ['secretAccessKey'], name: 'secretAccessKey' },
            { path: ['sessionToken'], name: 'sessionToken' },
          ],
        },
      },
    ],
  })),
});

/**
 * https://docs.aws.amazon.com/ses/latest/dg/quotas.html: at most 50 recipients a message, To, CC and
 * BCC together; the same for every destination of a bulk send. (No per-call maximum of bulk
 * destinations or entries is stated as a fixed number: it depends on the account's sending rate.)
 */
const sesLimits: MessageSpec['limits'] = {
  recipients: [
    {
      fields: [
        ['Destination', 'ToAddresses'],
        ['Destination', 'CcAddresses'],
        ['Destination', 'BccAddresses'],
      ],
      max: 50,
      source: 'https://docs.aws.amazon.com/ses/latest/dg/quotas.html',
    },
  ],
};

const visibleDestination = [
  { path: ['Destination', 'ToAddresses'], bcc: 'BccAddresses', bccForm: 'array', required: false },
  { path: ['Destination', 'CcAddresses'], bcc: 'BccAddresses', bccForm: 'array' },
] as const;

export const sesSendEmail: MessageSpec = {
  visible: visibleDestination,
  fix: 'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkTemplatedEmail` (v1) / `SendBulkEmail` (v2), at most 50 destinations a call.',
  limits: sesLimits,
};

export const sesBulkEntry: MessageSpec = {
  visible: visibleDestination,
  fix: 'Give every recipient its own entry: all addresses inside one `Destination` see each other.',
  limits: sesLimits,
};

/** SES v1 API (`@aws-sdk/client-ses`) and its aggregated client; SES v2 lives in ses-v2.ts. */
export const ses: SdkSpec = {
  id: 'ses',
  label: 'Amazon SES (@aws-sdk/client-ses)',
  batching:
    'Use `SendBulkTemplatedEmailCommand` with one destination per recipient, at most 50 a call.',
  modules: { '@aws-sdk/client-ses': 'module' },
  messageTypes: {
    SendEmailCommandInput: 'sendEmail',
    SendEmailRequest: 'sendEmail',
    SendTemplatedEmailCommandInput: 'sendEmail',
    SendTemplatedEmailRequest: 'sendEmail',
    BulkEmailDestination: 'bulkEntry',
  },
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
  security: awsCredentialSecurity('clientClass', 'aggregatedClass'),
};
