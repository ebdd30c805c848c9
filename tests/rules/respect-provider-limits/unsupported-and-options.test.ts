// Combinations the provider does not accept (Resend's batch API has no attachments and no
// scheduling), and the `limits` option for accounts whose provider raised a limit.
import rule from '../../../src/rules/respect-provider-limits.js';
import { at, jsTester, tsTester } from '../../helpers.js';
import { messages, recipients, RESEND } from './support.js';

const resend = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');\n";

const unsupported = (code: string, text: string, field: string, method = 'send') => ({
  messageId: 'unsupported' as const,
  data: { sdk: 'Resend', method, field },
  ...at(code, text),
});

const attachments = `${resend}export const f = (users, pdf) =>
  resend.batch.send(users.map((u) => ({ to: u.email, subject: 'Invoice', attachments: [{ filename: 'invoice.pdf', content: pdf }] })));`;
const scheduled = `${resend}await resend.batch.send([{ to: 'a@x.io', subject: 'Later', scheduledAt: 'in 1 hour' }]);`;
const both = `${resend}const email = { to: 'a@x.io', attachments: [], scheduledAt: 'tomorrow' };\nawait resend.batch.create([email]);`;

const invalid = [
  { name: 'attachments in a batch', code: attachments, errors: [unsupported(attachments, "attachments: [{ filename: 'invoice.pdf', content: pdf }]", 'attachments')] },
  { name: 'scheduledAt in a batch', code: scheduled, errors: [unsupported(scheduled, "scheduledAt: 'in 1 hour'", 'scheduledAt')] },
  {
    name: 'both, in a message held in a variable, through batch.create',
    code: both,
    errors: [unsupported(both, 'attachments: []', 'attachments', 'create'), unsupported(both, "scheduledAt: 'tomorrow'", 'scheduledAt', 'create')],
  },
];

const valid = [
  // The single-send API takes both.
  `${resend}await resend.emails.send({ to: 'a@x.io', attachments: [{ filename: 'a.pdf', content: 'x' }], scheduledAt: 'in 1 hour' });`,
  // Explicitly absent.
  `${resend}await resend.batch.send([{ to: 'a@x.io', attachments: undefined }]);`,
  // Another provider's batch with attachments.
  "import { ServerClient } from 'postmark';\nnew ServerClient('t').sendEmailBatch([{ To: 'a@x.io', Attachments: [] }]);",
];

tsTester.run('respect-provider-limits: unsupported fields (TS)', rule, { valid, invalid });
jsTester.run('respect-provider-limits: unsupported fields (JS)', rule, { valid, invalid });

const batch200 = `${resend}import { chunk } from 'lodash';
export async function f(users) {
  for (const batch of chunk(users, 200)) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`;
const to80 = `${resend}import { chunk } from 'lodash';
export async function f(emails) {
  for (const group of chunk(emails, 80)) await resend.emails.send({ to: group });
}`;
const postmark200 = `import { ServerClient } from 'postmark';
import { chunk } from 'lodash';
const client = new ServerClient('t');
export const f = (users) => chunk(users, 200).map((batch) => client.sendEmailBatch(batch.map((u) => ({ To: u.email }))));`;

tsTester.run('respect-provider-limits: the limits option', rule, {
  valid: [
    // Raised limits.
    { code: batch200, options: [{ limits: { resend: { messagesPerCall: 200 } } }] },
    { code: to80, options: [{ limits: { resend: { recipientsPerMessage: 100 } } }] },
    // Another provider's limit does not apply.
    { code: postmark200, options: [{ limits: { resend: { messagesPerCall: 10 } } }] },
  ],
  invalid: [
    {
      name: 'raised, but not enough',
      code: batch200,
      options: [{ limits: { resend: { messagesPerCall: 150 } } }],
      errors: [messages(batch200, '200', RESEND, { max: 150, count: 200, where: 'one `send` call', chunk: true })],
    },
    {
      name: 'a recipients override leaves the messages limit as documented',
      code: batch200,
      options: [{ limits: { resend: { recipientsPerMessage: 500 } } }],
      errors: [messages(batch200, '200', RESEND, { max: 100, count: 200, where: 'one `send` call', chunk: true })],
    },
    {
      name: 'lowered for an account below the documented limit',
      code: postmark200,
      options: [{ limits: { postmark: { messagesPerCall: 100 } } }],
      errors: [messages(postmark200, '200', { sdk: 'Postmark', batching: '' }, { max: 100, count: 200, where: 'one `sendEmailBatch` call', chunk: true })],
    },
    {
      name: 'the recipients override',
      code: to80,
      options: [{ limits: { resend: { recipientsPerMessage: 60 } } }],
      errors: [recipients(to80, '80', RESEND, { max: 60, count: 80, field: 'to', chunk: true })],
    },
  ],
});
