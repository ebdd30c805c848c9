import { smtpMessage } from './sendmail.js';
import type { SdkSpec } from './types.js';

/**
 * seneca-mail: a Seneca plugin (`seneca.use('mail', options)`) that registers the action
 * `role:mail,cmd:send`; `seneca.act({ role: 'mail', cmd: 'send', to, subject, … })` sends one
 * message with nodemailer. The dispatched object is the message, its fields overriding the
 * plugin's `mail` options.
 */
export const senecaMail: SdkSpec = {
  id: 'seneca-mail',
  label: 'seneca-mail',
  transport: 'smtp',
  batching: 'Throttle the actions (p-limit, Bottleneck), or hand the messages to a job queue that sends them at a pace the server accepts.',
  modules: { 'seneca-mail': 'plugin' },
  patterns: [{ fields: { role: 'mail', cmd: 'send' }, message: 'mail', source: 'https://github.com/senecajs/seneca-mail#action-rolemail-cmdsend' }],
  kinds: { plugin: {} },
  messages: { mail: smtpMessage },
};
