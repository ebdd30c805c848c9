import type { SdkSpec } from './types.js';

/** emailjs, the SMTP client: `new SMTPClient({...}).sendAsync({ to, cc, bcc })`. */
export const emailjs: SdkSpec = {
  id: 'emailjs',
  label: 'emailjs',
  transport: 'smtp',
  batching:
    "Throttle the sends (p-limit, Bottleneck), or send through a pooled, rate-limited transport such as nodemailer's.",
  modules: { emailjs: 'module' },
  kinds: {
    module: { props: { SMTPClient: 'clientClass', Message: 'messageClass' } },
    clientClass: { construct: 'client' },
    client: { sends: { send: { message: 'headers' }, sendAsync: { message: 'headers' } } },
    messageClass: { constructSend: { message: 'headers' } },
  },
  messages: {
    headers: {
      visible: [
        { path: ['to'], bcc: 'bcc' },
        { path: ['cc'], bcc: 'bcc' },
      ],
      fix: 'Put the list in `bcc`, or send one message per recipient.',
    },
  },
};
