import type { SdkSpec } from './types.js';

/** Azure Communication Services Email: `client.beginSend({ recipients: { to, cc, bcc } })`. */
export const azure: SdkSpec = {
  id: 'azure',
  label: 'Azure Communication Email',
  batching:
    'Azure has no batch send and allows 30 emails a minute by default: throttle the sends (p-limit, Bottleneck) within your quota.',
  modules: { '@azure/communication-email': 'module' },
  messageTypes: { EmailMessage: 'message' },
  kinds: {
    module: { props: { EmailClient: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: { sends: { beginSend: { message: 'message' } } },
  },
  messages: {
    message: {
      visible: [
        { path: ['recipients', 'to'], bcc: 'bcc', bccForm: 'array', required: false },
        { path: ['recipients', 'cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix: 'Put the list in `recipients.bcc` (at most 50 recipients a message), or send one message per recipient within the account rate limit.',
    },
  },
  security: {
    setups: [
      {
        kind: 'clientClass',
        via: 'new',
        args: [
          // new EmailClient('endpoint=https://…;accesskey=…')
          { arg: 0, options: { secrets: [{ path: [], name: 'connection string access key', connectionKey: 'accesskey' }] } },
          // new EmailClient(endpoint, new AzureKeyCredential(key))
          { arg: 1, options: { secrets: [{ path: ['(0)'], name: 'access key' }] } },
        ],
      },
    ],
  },
};
