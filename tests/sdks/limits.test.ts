// The provider limits in the SDK data (mail/respect-provider-limits): every number has a source
// page of the provider's documentation, and the rule doc's table cites every source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { sdks, type Limit } from '../../src/sdks/index.js';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/rules/respect-provider-limits.md'), 'utf8');

/** Every limit and unsupported field of the data, with the SDK it belongs to. */
const limits = sdks.flatMap((sdk) => [
  ...Object.values(sdk.kinds).flatMap((kind) =>
    [...Object.values(kind.sends ?? {}), ...(kind.constructSend ? [kind.constructSend] : [])].flatMap((send) => [
      ...(send.maxMessages ? [{ sdk: sdk.id, limit: send.maxMessages as Limit | { source: string } }] : []),
      ...(send.unsupported ?? []).map((field) => ({ sdk: sdk.id, limit: field })),
    ]),
  ),
  ...Object.values(sdk.messages).flatMap((message) =>
    [...(message.limits?.recipients ?? []), ...(message.limits?.entries ?? [])].map((limit) => ({ sdk: sdk.id, limit })),
  ),
]);

it('has limits for the providers the rule documents', () => {
  expect([...new Set(limits.map((l) => l.sdk))].sort()).toEqual(
    ['aws-sdk-v2', 'mailgun-js', 'mailgun.js', 'mailjet', 'postmark', 'resend', 'sendgrid', 'ses', 'ses-v2'].sort(),
  );
});

it.each(limits)('$sdk: a positive whole number with an https source the rule doc cites', ({ limit }) => {
  if ('max' in limit) expect(Number.isInteger(limit.max) && limit.max > 0).toBe(true);
  expect(limit.source).toMatch(/^https:\/\//);
  expect(doc).toContain(`(${limit.source})`);
});
