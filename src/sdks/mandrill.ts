import type { MessageSpec, SdkSpec } from './types.js';

const batching =
  'Send one `messages.send` with every recipient in `message.to` and `preserve_recipients: false`.';

/**
 * Mandrill (Mailchimp Transactional): `message.to` entries carry their own type. Whether the To
 * header shows everyone is `preserve_recipients`, whose default is an account setting.
 */
const sendRequest: MessageSpec = {
  visible: [{ path: ['message', 'to'], entryType: { key: 'type', hidden: ['bcc'] } }],
  individualFlag: {
    path: ['message', 'preserve_recipients'],
    equals: false,
    suggestion: 'preserve_recipients: false',
    unsetFix:
      'Set `preserve_recipients: false` in the message so each recipient gets a copy addressed only to them; without it the account setting decides.',
  },
  fix: 'Set `preserve_recipients: false` so each recipient gets a copy addressed only to them.',
};

const sends = {
  send: { message: 'sendRequest' },
  sendTemplate: { message: 'sendRequest' },
} as const;

export const mailchimpTransactional: SdkSpec = {
  id: 'mailchimp-transactional',
  label: 'Mandrill (@mailchimp/mailchimp_transactional)',
  batching,
  modules: { '@mailchimp/mailchimp_transactional': 'factory' },
  types: { ApiClient: 'client' },
  messageTypes: { MessagesSendRequest: 'sendRequest', MessagesSendTemplateRequest: 'sendRequest' },
  endpoints: [
    { url: 'https://mandrillapp.com/api/1.0/messages/send', message: 'sendRequest' },
    { url: 'https://mandrillapp.com/api/1.0/messages/send.json', message: 'sendRequest' },
    { url: 'https://mandrillapp.com/api/1.0/messages/send-template', message: 'sendRequest' },
    { url: 'https://mandrillapp.com/api/1.0/messages/send-template.json', message: 'sendRequest' },
  ],
  kinds: {
    factory: { call: 'client' },
    client: { props: { messages: 'messages' } },
    messages: { sends },
  },
  messages: { sendRequest },
  security: {
    setups: [{ kind: 'factory', via: 'call', args: [{ arg: 0, options: { secrets: [{ path: [], name: 'API key' }] } }] }],
  },
};

export const mandrillApi: SdkSpec = {
  id: 'mandrill-api',
  label: 'Mandrill (mandrill-api)',
  batching,
  modules: { 'mandrill-api': 'module', 'mandrill-api/mandrill': 'module' },
  kinds: {
    module: { props: { Mandrill: 'clientClass' } },
    clientClass: { construct: 'client' },
    client: { props: { messages: 'messages' } },
    messages: { sends },
  },
  messages: { sendRequest },
  security: {
    setups: [{ kind: 'clientClass', via: 'new', args: [{ arg: 0, options: { secrets: [{ path: [], name: 'API key' }] } }] }],
  },
};
