// Chunk sizes that feed a batch call or a recipient field: every chunk shape (`for (i += N)` with
// `slice(i, i + N)`, lodash `chunk` in every import form, a local chunk helper, `splice(0, N)`),
// with literal and resolved constants, in JS and TS. The report is on the chunk size.
import rule from '../../../src/rules/respect-provider-limits.js';
import { jsTester, tsTester } from '../../helpers.js';
import { messages, POSTMARK, recipients, RESEND } from './support.js';

const RESEND_SETUP = "import { Resend } from 'resend';\nconst resend = new Resend('re_123');\n";
const BATCH_CALL = 'one `send` call';

/**
 * A Resend batch of one email per user, for each chunk shape; `n` is the chunk size's source text,
 * `at` which of its occurrences is the reported one (the slice's, not the loop step's).
 */
const batchLoops: [name: string, code: (n: string) => string, at?: number][] = [
  [
    'for (i += N) with slice(i, i + N)',
    (n) => `${RESEND_SETUP}export async function f(users) {
  for (let i = 0; i < users.length; i += ${n}) {
    const batch = users.slice(i, i + ${n});
    await resend.batch.send(batch.map((u) => ({ from: 'a@x.io', to: u.email, subject: 'Hi', html: '<p>Hi</p>' })));
  }
}`,
    1,
  ],
  [
    'slice(i, N + i) passed straight in',
    (n) => `${RESEND_SETUP}export async function f(users) {
  for (let i = 0; i < users.length; i = i + ${n}) {
    await resend.batch.send(users.slice(i, ${n} + i).map((u) => ({ to: u.email })));
  }
}`,
    1,
  ],
  [
    'lodash chunk, named import',
    (n) => `${RESEND_SETUP}import { chunk } from 'lodash';
export async function f(users) {
  for (const batch of chunk(users, ${n})) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  ],
  [
    'lodash-es chunk, aliased',
    (n) => `${RESEND_SETUP}import { chunk as inChunks } from 'lodash-es';
export async function f(users) {
  const batches = inChunks(users, ${n});
  await Promise.all(batches.map((batch) => resend.batch.send(batch.map((u) => ({ to: u.email })))));
}`,
  ],
  [
    'lodash default import, _.chunk',
    (n) => `${RESEND_SETUP}import _ from 'lodash';
export async function f(users) {
  _.chunk(users, ${n}).forEach((batch) => resend.batch.send(batch.map((u) => ({ to: u.email }))));
}`,
  ],
  [
    'lodash/chunk default import',
    (n) => `${RESEND_SETUP}import chunk from 'lodash/chunk';
export async function f(users) {
  for (const batch of chunk(users, ${n})) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  ],
  [
    "require('lodash').chunk, destructured",
    (n) => `${RESEND_SETUP}const { chunk } = require('lodash');
export async function f(users) {
  for (const batch of chunk(users, ${n})) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  ],
  [
    "require('lodash.chunk')",
    (n) => `${RESEND_SETUP}const chunk = require('lodash.chunk');
export async function f(users) {
  const batches = chunk(users, ${n});
  for (let b = 0; b < batches.length; b++) await resend.batch.send(batches[b].map((u) => ({ to: u.email })));
}`,
  ],
  [
    'a local chunk helper that slices',
    (n) => `${RESEND_SETUP}function chunk(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
export async function f(users) {
  for (const batch of chunk(users, ${n})) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  ],
  [
    'a local arrow chunk helper with Array.from',
    (n) => `${RESEND_SETUP}const chunkArray = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
export async function f(users) {
  for (const batch of chunkArray(users, ${n})) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  ],
  [
    'splice(0, N) off a copy',
    (n) => `${RESEND_SETUP}export async function f(users) {
  const queue = [...users];
  while (queue.length) {
    const batch = queue.splice(0, ${n});
    await resend.batch.send(batch.map((u) => ({ to: u.email })));
  }
}`,
  ],
];

const constant = (code: string, value: number) => `const BATCH_SIZE = ${value};\n${code}`;

const batchInvalid = batchLoops.flatMap(([name, code, nth = 0]) => {
  const literal = code('200');
  const resolved = constant(code('BATCH_SIZE'), 200);
  const computed = constant(code('BATCH_SIZE * 2'), 100);
  return [
    { name: `${name}: a literal above 100`, code: literal, errors: [messages(literal, '200', RESEND, { max: 100, count: 200, where: BATCH_CALL, chunk: true, nth })] },
    {
      name: `${name}: a constant above 100`,
      code: resolved,
      errors: [messages(resolved, 'BATCH_SIZE', RESEND, { max: 100, count: 200, where: BATCH_CALL, chunk: true, nth: nth + 1 })],
    },
    {
      name: `${name}: a computed constant above 100`,
      code: computed,
      errors: [messages(computed, 'BATCH_SIZE * 2', RESEND, { max: 100, count: 200, where: BATCH_CALL, chunk: true, nth })],
    },
  ];
});

const batchValid = batchLoops.flatMap(([, code]) => [code('100'), code('50'), constant(code('BATCH_SIZE'), 100)]);

/** Chunks in a recipient field: Resend takes 50 addresses in `to`. */
const toLoops: [name: string, code: (n: string) => string, at?: number][] = [
  [
    'for (i += N) with slice(i, i + N) into `to`',
    (n) => `${RESEND_SETUP}export async function f(users) {
  for (let i = 0; i < users.length; i += ${n}) {
    await resend.emails.send({ from: 'a@x.io', to: users.slice(i, i + ${n}).map((u) => u.email), subject: 'Hi' });
  }
}`,
    1,
  ],
  [
    'a chunk joined into one string',
    (n) => `${RESEND_SETUP}import { chunk } from 'lodash';
export async function f(emails) {
  for (const group of chunk(emails, ${n})) await resend.emails.send({ to: group.join(', '), subject: 'Hi' });
}`,
  ],
  [
    'a chunk spread into a new array',
    (n) => `${RESEND_SETUP}import { chunk } from 'lodash';
export async function f(emails) {
  chunk(emails, ${n}).forEach((group) => resend.emails.send({ to: [...group], subject: 'Hi' }));
}`,
  ],
];

const toInvalid = toLoops.flatMap(([name, code, nth = 0]) => {
  const literal = code('80');
  const resolved = constant(code('BATCH_SIZE'), 80);
  return [
    { name: `${name}: a literal`, code: literal, errors: [recipients(literal, '80', RESEND, { max: 50, count: 80, field: 'to', chunk: true, nth })] },
    {
      name: `${name}: a constant`,
      code: resolved,
      errors: [recipients(resolved, 'BATCH_SIZE', RESEND, { max: 50, count: 80, field: 'to', chunk: true, nth: nth + 1 })],
    },
  ];
});

const postmarkBatch = (n: string) => `import { ServerClient } from 'postmark';
const client = new ServerClient('token');
export async function f(users) {
  for (let i = 0; i < users.length; i += ${n}) {
    await client.sendEmailBatch(users.slice(i, i + ${n}).map((u) => ({ From: 'a@x.io', To: u.email, Subject: 'Hi' })));
  }
}`;

const valid = [
  ...batchValid,
  ...toLoops.flatMap(([, code]) => [code('50'), code('10')]),
  postmarkBatch('500'),
  // The chunk size is not known statically: silent.
  `${RESEND_SETUP}export async function f(users, size) {
  for (let i = 0; i < users.length; i += size) await resend.batch.send(users.slice(i, i + size).map((u) => ({ to: u.email })));
}`,
  `${RESEND_SETUP}import { chunk } from 'lodash';
export async function f(users) {
  for (const batch of chunk(users, Number(process.env.BATCH))) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  // A local function named chunk that does not slice by its size argument.
  `${RESEND_SETUP}function chunk(list, size) { return [list]; }
export async function f(users) {
  for (const batch of chunk(users, 500)) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  // A local helper that slices but is not named for chunks: a page, not a list of chunks.
  `${RESEND_SETUP}function firstPage(list, size) { let i = 0; return list.slice(i, i + size); }
export async function f(users) {
  for (const user of firstPage(users, 500)) await resend.emails.send({ to: user.email });
}`,
  // A chunk function from another library is not known.
  `${RESEND_SETUP}import { chunk } from './my-utils';
export async function f(users) {
  for (const batch of chunk(users, 500)) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  // A shadowed lodash binding.
  `${RESEND_SETUP}import _ from 'lodash';
export async function f(users, _) {
  for (const batch of _.chunk(users, 500)) await resend.batch.send(batch.map((u) => ({ to: u.email })));
}`,
  // A string cut to length in a recipient field is one address.
  `${RESEND_SETUP}export async function f(user) { await resend.emails.send({ to: user.email.slice(0, 320) }); }`,
  `${RESEND_SETUP}export async function f(user, i) { await resend.emails.send({ to: user.email.slice(i, i + 320) }); }`,
  // A chunk of 200 per message, each entry one recipient: one email a user, 200 emails a call is the batch limit, checked above; here the send takes one.
  `${RESEND_SETUP}import { chunk } from 'lodash';
export async function f(users) {
  for (const batch of chunk(users, 200)) for (const u of batch) await resend.emails.send({ to: u.email });
}`,
  // The chunk goes to bcc, where Resend states no maximum.
  `${RESEND_SETUP}import { chunk } from 'lodash';
export async function f(emails) {
  for (const group of chunk(emails, 80)) await resend.emails.send({ to: 'me@x.io', bcc: group });
}`,
  // The provider's HTTP endpoint: not checked (the body is another value).
  `export async function f(users) {
  for (let i = 0; i < users.length; i += 200) {
    await fetch('https://api.resend.com/emails/batch', { method: 'POST', body: JSON.stringify(users.slice(i, i + 200).map((u) => ({ to: u.email }))) });
  }
}`,
  // No mail SDK at all.
  `import { chunk } from 'lodash';\nexport const f = (users) => chunk(users, 5000).map((b) => b.length);`,
];

const invalid = [
  ...batchInvalid,
  ...toInvalid,
  (() => {
    const code = postmarkBatch('1000');
    return { name: 'Postmark sendEmailBatch above 500', code, errors: [messages(code, '1000', POSTMARK, { max: 500, count: 1000, where: 'one `sendEmailBatch` call', chunk: true, nth: 1 })] };
  })(),
  (() => {
    // Each message of the batch gets 60 addresses in To: one report on the chunk size, for the recipients.
    const code = `import { ServerClient } from 'postmark';
import { chunk } from 'lodash';
const client = new ServerClient('token');
export async function f(emails) {
  for (const group of chunk(emails, 60)) await client.sendEmail({ From: 'a@x.io', To: group.join(','), Subject: 'Hi' });
}`;
    return { name: 'Postmark To above 50 from a chunk', code, errors: [recipients(code, '60', POSTMARK, { max: 50, count: 60, field: 'To', chunk: true })] };
  })(),
];

tsTester.run('respect-provider-limits: chunks (TS)', rule, { valid, invalid });
jsTester.run('respect-provider-limits: chunks (JS)', rule, { valid, invalid });

// TypeScript forms: annotations, `as const`, `!`.
const typed = `${RESEND_SETUP}import { chunk } from 'lodash';
const BATCH_SIZE = 150 as const;
export async function f(users: { email: string }[]): Promise<void> {
  for (const batch of chunk(users, BATCH_SIZE)!) {
    await resend.batch.send(batch.map((u): { to: string } => ({ to: u.email })) as never);
  }
}`;
tsTester.run('respect-provider-limits: TypeScript forms', rule, {
  valid: [typed.replace('150 as const', '100 as const')],
  invalid: [{ code: typed, errors: [messages(typed, 'BATCH_SIZE', RESEND, { max: 100, count: 150, where: BATCH_CALL, chunk: true, nth: 1 })] }],
});
