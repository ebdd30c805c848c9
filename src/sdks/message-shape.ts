import type { SdkSpec } from './types.js';

/**
 * A message with no SDK in view: an object literal shaped like one (a `to` or `cc`, and at least
 * two of these keys), checked by `messageShapes` in the strict configs.
 */
export const messageShapeKeys: ReadonlySet<string> = new Set([
  'subject',
  'html',
  'text',
  'from',
  'template',
  'templateId',
  'template_id',
  'body',
]);

export const messageShape: SdkSpec = {
  id: 'message-shape',
  label: 'This message object',
  modules: {},
  kinds: {},
  batching: 'Send through a batch API, or throttle the sends.',
  messages: {
    shape: {
      visible: [
        // The provider is unknown: it may reject a message without `to`.
        { path: ['to'], bcc: 'bcc', bccForm: 'unknown', required: true },
        { path: ['cc'], bcc: 'bcc', bccForm: 'unknown' },
      ],
      fix: 'If it is sent as one message, put the list in `bcc` (keeping an address in `to` if the provider needs one) or send one message per recipient.',
    },
  },
};
