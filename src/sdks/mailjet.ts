import type { SdkSpec } from './types.js';

/** node-mailjet: `mailjet.post('send', { version: 'v3.1' }).request({ Messages: [...] })`. */
export const mailjet: SdkSpec = {
  id: 'mailjet',
  label: 'Mailjet (node-mailjet)',
  batching:
    "Put one `Messages` entry per recipient in a single `post('send', { version: 'v3.1' })` request, at most 50 a call.",
  modules: { 'node-mailjet': 'mailjetClass' },
  kinds: {
    // The CJS bundle exports the class itself, with no `.default`: a default import is the class.
    mailjetClass: {
      construct: 'client',
      methods: { apiConnect: 'client' },
      props: { Client: 'mailjetClass' },
    },
    client: { methods: { post: 'request' } },
    request: { sends: { request: { message: 'body' } } },
  },
  messages: {
    body: {
      visible: [
        { path: ['Messages', '[]', 'To'], bcc: 'Bcc' },
        { path: ['Messages', '[]', 'Cc'], bcc: 'Bcc' },
        // Send API v3: comma-separated strings.
        { path: ['To'], bcc: 'Bcc' },
        { path: ['Cc'], bcc: 'Bcc' },
      ],
      fix: 'Give every recipient its own entry in `Messages` (at most 50 a call in v3.1), or put the list in `Bcc`.',
    },
  },
};
