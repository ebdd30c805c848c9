import { at } from '../../helpers.js';
import { mailgunJs } from '../../../src/sdks/mailgun.js';
import { mailjet } from '../../../src/sdks/mailjet.js';
import { postmark } from '../../../src/sdks/postmark.js';
import { resend } from '../../../src/sdks/resend.js';
import { sendgrid } from '../../../src/sdks/sendgrid.js';
import { ses } from '../../../src/sdks/ses.js';
import { sesV2 } from '../../../src/sdks/ses-v2.js';
import { awsSdkV2 } from '../../../src/sdks/aws-sdk-v2.js';

/** The `sdk` and `batching` text of a provider's messages. */
export const RESEND = { sdk: 'Resend', batching: resend.batching };
export const POSTMARK = { sdk: 'Postmark', batching: postmark.batching };
export const SES = { sdk: 'Amazon SES (@aws-sdk/client-ses)', batching: ses.batching };
export const SES_V2 = { sdk: 'Amazon SES v2 (@aws-sdk/client-sesv2)', batching: sesV2.batching };
export const AWS_V2 = { sdk: 'Amazon SES (aws-sdk v2)', batching: awsSdkV2.batching };
export const SENDGRID = { sdk: 'SendGrid (@sendgrid/mail)', batching: sendgrid.batching };
export const MAILGUN = { sdk: 'Mailgun (mailgun.js)', batching: mailgunJs.batching };
export const MAILJET = { sdk: 'Mailjet (node-mailjet)', batching: mailjet.batching };

type Provider = { sdk: string; batching: string };

/** Too many messages for one batch call: `where` is `one \`send\` call` or `\`Messages\` of one \`request\` call`. */
export function messages(
  code: string,
  text: string,
  provider: Provider,
  { max, count, where, chunk, nth = 0 }: { max: number; count: number; where: string; chunk: boolean; nth?: number },
) {
  return {
    messageId: chunk ? ('messagesChunk' as const) : ('messagesList' as const),
    data: { sdk: provider.sdk, max, count, where },
    ...at(code, text, nth),
  };
}

/** Too many recipients in one message; `counted` is how the message names the fields the limit counts. */
export function recipients(
  code: string,
  text: string,
  provider: Provider,
  { max, count, field, counted = `\`${field}\``, chunk, nth = 0 }: { max: number; count: number; field: string; counted?: string; chunk: boolean; nth?: number },
) {
  return {
    messageId: chunk ? ('recipientsChunk' as const) : ('recipientsList' as const),
    data: { sdk: provider.sdk, max, count, field, counted, batching: provider.batching },
    ...at(code, text, nth),
  };
}

/** `n` addresses as the elements of an array literal's source: `'u0@x.io', 'u1@x.io', …`. */
export function addresses(n: number): string {
  return Array.from({ length: n }, (_, i) => `'u${i}@x.io'`).join(', ');
}
