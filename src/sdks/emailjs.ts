import type { SdkSpec } from './types.js';

/** emailjs, the SMTP client: `new SMTPClient({...}).sendAsync({ to, cc, bcc })`. */
export const emailjs: SdkSpec = {
  id: 'emailjs',
  label: 'emailjs',
  transport: 'smtp',
  batching:
    "Throttle the sends (p-limit, Bottleneck), or send through a pooled, rate-limited transport such as nodemailer's.",
  modules: { emailjs: 'module' },
  messageTypes: { MessageHeaders: 'headers' },
  kinds: {
    module: { props: { SMTPClient: 'clientClass', Message: 'messageClass' } },
    clientClass: { construct: 'client' },
    client: { sends: { send: { message: 'headers' }, sendAsync: { message: 'headers' } } },
    messageClass: { constructSend: { message: 'headers' } },
  },
  messages: {
    headers: {
      visible: [
        { path: ['to'], bcc: 'bcc', bccForm: 'array', required: false },
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
      ],
      fix: 'Put the list in `bcc`, or send one message per recipient.',
    },
  },
  security: {
    setups: [
      {
        kind: 'clientClass',
        via: 'new',
        args: [
          {
            arg: 0,
            options: {
              host: ['host'],
              insecure: [
                { path: ['tls', 'rejectUnauthorized'], when: { equals: [false] }, effect: 'accepts any server certificate', cwe: 'CWE-295' },
                { path: ['ssl', 'rejectUnauthorized'], when: { equals: [false] }, effect: 'accepts any server certificate', cwe: 'CWE-295' },
              ],
              secrets: [{ path: ['password'], name: 'password' }],
            },
          },
        ],
      },
    ],
  },
};
