// Generated mail programs (fast-check): SDK imports in their ESM and CommonJS forms, clients,
// sends in loops, recipient lists of every form the rules know, messages built inline, in a
// variable, field by field or in a conditional, spreads of literals that may hold a bcc, a flag or
// a `to`, fields written again after the message is made, and lists written again from
// themselves (`users = users.filter(…)`) before the sends. What eslump's random programs
// almost never produce: code the mail analysis reads in depth, and the suggestions act on.
import fc from 'fast-check';

export type SdkName = 'nodemailer' | 'sendgrid' | 'resend' | 'postmark' | 'ses';

interface SdkShape {
  /** Set-ups that bind the client `$client` (renamed per program): ESM forms, then CommonJS forms. */
  readonly esm: readonly string[];
  readonly cjs: readonly string[];
  /** The send of one message (`msg` is its source text). */
  readonly send: (msg: string) => string;
  /** The send of an array of messages, where the SDK has one. */
  readonly batch?: (messages: string) => string;
  /** The recipient keys: the visible ones and the hidden one. */
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  /** The key of the object that holds them, inside the message (SES `Destination`). */
  readonly holder?: string;
  /** Addresses as one comma-separated string (Postmark). */
  readonly strings?: boolean;
  /** A flag that sends one copy per recipient (SendGrid `isMultiple`). */
  readonly flag?: string;
}

const SDKS: Record<SdkName, SdkShape> = {
  nodemailer: {
    esm: [
      "import nodemailer from 'nodemailer';\nconst $client = nodemailer.createTransport({ host: 'smtp.example.com' });",
      "import { createTransport } from 'nodemailer';\nconst $client = createTransport({ host: 'smtp.example.com' });",
      "import * as mailer from 'nodemailer';\nconst make = () => mailer.createTransport({});\nconst $client = make();",
    ],
    cjs: [
      "const nodemailer = require('nodemailer');\nconst $client = nodemailer.createTransport({ host: 'smtp.example.com' });",
      "const { createTransport } = require('nodemailer');\nconst $client = createTransport({});",
    ],
    send: (msg) => `$client.sendMail(${msg})`,
    to: 'to',
    cc: 'cc',
    bcc: 'bcc',
  },
  sendgrid: {
    esm: ["import $client from '@sendgrid/mail';", "import { MailService } from '@sendgrid/mail';\nconst $client = new MailService();"],
    cjs: ["const $client = require('@sendgrid/mail');", "const { MailService } = require('@sendgrid/mail');\nconst $client = new MailService();"],
    send: (msg) => `$client.send(${msg})`,
    batch: (messages) => `$client.send(${messages})`,
    to: 'to',
    cc: 'cc',
    bcc: 'bcc',
    flag: 'isMultiple',
  },
  resend: {
    esm: ["import { Resend } from 'resend';\nconst $client = new Resend('re_123');"],
    cjs: ["const { Resend } = require('resend');\nconst $client = new Resend(process.env.RESEND_KEY);"],
    send: (msg) => `$client.emails.send(${msg})`,
    batch: (messages) => `$client.batch.send(${messages})`,
    to: 'to',
    cc: 'cc',
    bcc: 'bcc',
  },
  postmark: {
    esm: ["import { ServerClient } from 'postmark';\nconst $client = new ServerClient('token');"],
    cjs: ["const postmark = require('postmark');\nconst $client = new postmark.ServerClient('token');"],
    send: (msg) => `$client.sendEmail(${msg})`,
    to: 'To',
    cc: 'Cc',
    bcc: 'Bcc',
    strings: true,
  },
  ses: {
    esm: ["import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\nconst $client = new SESClient({});"],
    cjs: ["const { SESClient, SendEmailCommand } = require('@aws-sdk/client-ses');\nconst $client = new SESClient({});"],
    send: (msg) => `$client.send(new SendEmailCommand(${msg}))`,
    to: 'ToAddresses',
    cc: 'CcAddresses',
    bcc: 'BccAddresses',
    holder: 'Destination',
  },
};

/** Recipient values: data-driven lists, fixed lists, one address; arrays only where the SDK takes only arrays. */
const LISTS = ['users.map((u) => u.email)', '[...set]', 'Object.keys(byEmail)', 'admins', 'users.filter(Boolean).map((u) => u.email)'];
const ONE = ["'me@example.com'", 'user.email', "['ops@example.com', 'cfo@example.com']"];
const STRINGS = ["emails.join(',')", "users.map((u) => u.email).join(', ')", "'me@example.com'", "'ops@example.com, cfo@example.com'"];
const MIXED = ["flag ? admins : 'me@example.com'", "emails.join(',')"];

function recipient(sdk: SdkShape): fc.Arbitrary<string> {
  if (sdk.strings) return fc.constantFrom(...STRINGS);
  if (sdk.holder) return fc.constantFrom(...LISTS, "['ops@example.com', 'cfo@example.com']", '[user.email]');
  return fc.constantFrom(...LISTS, ...ONE, ...MIXED);
}

/** A literal spread into a message, declared at the top: it may hold a bcc, a `to` or the flag. */
export interface SpreadSource {
  readonly name: string;
  readonly keys: readonly string[];
}

export interface Block {
  readonly sdk: SdkName;
  /** The field the list is written to: the visible `to` or `cc`. */
  readonly field: 'to' | 'cc';
  readonly list: string;
  /** Other recipient values: a `to` kept next to a cc list, a bcc already there. */
  readonly keptTo: string | null;
  readonly bcc: string | null;
  /** SendGrid's flag, as written (`true`, `false`, `flag`), or absent. */
  readonly flag: string | null;
  /** Spreads in the message literal: their names, and where each goes among the fields. */
  readonly spreads: readonly { readonly name: string; readonly at: number }[];
  readonly form: 'inline' | 'variable' | 'fields' | 'conditional' | 'batch';
  /** Writes after the message is made (`msg.bcc = …`), or in the `fields` form the order of all writes. */
  readonly later: readonly { readonly key: 'bcc' | 'to' | 'cc' | 'flag'; readonly value: string }[];
  /** In the `fields` form, where the write of the list goes among the other writes. */
  readonly listAt: number;
  readonly loop: 'none' | 'for-of' | 'forEach' | 'Promise.all';
}

export interface MailProgram {
  readonly esm: boolean;
  /** The lists are `let` locals copied from the parameters, rather than the parameters themselves. */
  readonly locals: boolean;
  /** Writes of a list from its own earlier value, before the sends. */
  readonly rewrites: readonly string[];
  /** The set-up form of each SDK (an index into its list of forms). */
  readonly setups: Readonly<Partial<Record<SdkName, number>>>;
  readonly sources: readonly SpreadSource[];
  readonly blocks: readonly Block[];
}

const SOURCE_KEYS = ['from', 'bcc', 'to', 'flag', 'subject'];

/** A list written again from its own value: filtered, cut, concatenated, spread, or chosen between. */
const REWRITES = [
  'users = users.filter(Boolean);',
  'users = users.slice(0, 10);',
  'users = flag ? users.filter((u) => u.active) : users;',
  'admins = admins.concat(users.map((u) => u.email));',
  "emails = [...emails, 'ops@example.com'];",
  'emails = emails.filter((e) => e !== user.email);',
  "set = new Set([...set, 'ops@example.com']);",
];
/** The parameters that hold lists (and the one user), which the rewrites may write. */
const LIST_PARAMETERS = ['users', 'admins', 'byEmail', 'set', 'user', 'emails'];

function blockArbitrary(sources: readonly SpreadSource[]): fc.Arbitrary<Block> {
  return fc.constantFrom<SdkName>('nodemailer', 'sendgrid', 'resend', 'postmark', 'ses').chain((name) => {
    const sdk = SDKS[name];
    const value = recipient(sdk);
    const spreadNames = [...sources.map((s) => s.name), 'opts'];
    return fc.record({
      sdk: fc.constant(name),
      field: fc.constantFrom<'to' | 'cc'>('to', 'cc'),
      list: value,
      keptTo: fc.option(value, { nil: null }),
      bcc: fc.option(value, { nil: null }),
      flag: sdk.flag ? fc.option(fc.constantFrom('true', 'false', 'flag'), { nil: null }) : fc.constant(null),
      spreads: fc.array(fc.record({ name: fc.constantFrom(...spreadNames), at: fc.nat(5) }), { maxLength: 2 }),
      form: fc.constantFrom<Block['form']>('inline', 'variable', 'fields', 'conditional', ...(sdk.batch ? (['batch'] as const) : [])),
      later: fc.array(fc.record({ key: fc.constantFrom<'bcc' | 'to' | 'cc' | 'flag'>('bcc', 'to', 'cc', ...(sdk.flag ? (['flag'] as const) : [])), value }), {
        maxLength: 2,
      }),
      listAt: fc.nat(2),
      loop: fc.constantFrom<Block['loop']>('none', 'for-of', 'forEach', 'Promise.all'),
    });
  });
}

/** A mail program: one to three sends, each with its own message. */
export const mailProgram: fc.Arbitrary<MailProgram> = fc
  .record({
    esm: fc.boolean(),
    sources: fc.uniqueArray(
      fc.record({ name: fc.constantFrom('base', 'defaults', 'extra'), keys: fc.subarray(SOURCE_KEYS) }),
      { selector: (s) => s.name, maxLength: 2 },
    ),
  })
  .chain(({ esm, sources }) =>
    fc.record({
      esm: fc.constant(esm),
      locals: fc.boolean(),
      rewrites: fc.array(fc.constantFrom(...REWRITES), { maxLength: 4 }),
      sources: fc.constant(sources),
      blocks: fc.array(blockArbitrary(sources), { minLength: 1, maxLength: 3 }),
      setups: fc.record({
        nodemailer: fc.nat(2),
        sendgrid: fc.nat(1),
        resend: fc.constant(0),
        postmark: fc.constant(0),
        ses: fc.constant(0),
      }),
    }),
  );

/** The key of a field in the message: SendGrid's flag by its name, recipients by the SDK's keys. */
function keyOf(sdk: SdkShape, key: 'bcc' | 'to' | 'cc' | 'flag'): string {
  return key === 'flag' ? sdk.flag! : sdk[key];
}

/** The source text of a spread source's literal. */
function sourceText(source: SpreadSource): string {
  const values: Record<string, string> = {
    from: "from: 'news@example.com'",
    bcc: "bcc: 'audit@example.com'",
    to: "to: 'noreply@example.com'",
    flag: 'isMultiple: false',
    subject: "subject: 'Hello'",
  };
  return `const ${source.name} = { ${source.keys.map((k) => values[k]).join(', ')} };`;
}

function renderBlock(block: Block, index: number): string {
  const sdk = SDKS[block.sdk];
  const msg = `msg${index}`;
  const entries: string[] = [];
  entries.push(`${sdk[block.field]}: ${block.list}`);
  if (block.keptTo !== null && block.field === 'cc') entries.push(`${sdk.to}: ${block.keptTo}`);
  if (block.bcc !== null) entries.push(`${sdk.bcc}: ${block.bcc}`);
  for (const spread of block.spreads) entries.splice(Math.min(spread.at, entries.length), 0, `...${spread.name}`);
  const extra = sdk.holder ? [] : sdk.strings ? ["From: 'news@example.com'", "Subject: 'News'"] : ["from: 'news@example.com'", "subject: 'News'"];
  if (block.flag !== null) extra.push(`${sdk.flag}: ${block.flag}`);
  const literal = (fields: readonly string[]) =>
    sdk.holder ? `{ Source: 'news@example.com', ${sdk.holder}: { ${fields.join(', ')} }, Message: {} }` : `{ ${[...fields, ...extra].join(', ')} }`;
  // A write of a field after the message is made: on the message, or on its destination.
  const target = sdk.holder ? `${msg}.${sdk.holder}` : msg;
  const write = (key: 'bcc' | 'to' | 'cc' | 'flag', value: string) => `${target}.${keyOf(sdk, key)} = ${value};`;
  const lines: string[] = [];
  switch (block.form) {
    case 'inline':
      lines.push(`await ${sdk.send(literal(entries))};`);
      break;
    case 'variable':
      lines.push(`const ${msg} = ${literal(entries)};`, ...block.later.map((w) => write(w.key, w.value)), `await ${sdk.send(msg)};`);
      break;
    case 'fields': {
      const writes = [...block.later];
      writes.splice(Math.min(block.listAt, writes.length), 0, { key: block.field, value: block.list });
      lines.push(`const ${msg} = ${literal(block.spreads.map((s) => `...${s.name}`))};`, ...writes.map((w) => write(w.key, w.value)), `await ${sdk.send(msg)};`);
      break;
    }
    case 'conditional':
      lines.push(`await ${sdk.send(`flag ? ${literal(entries)} : ${literal([`${sdk.to}: 'editor@example.com'`])}`)};`);
      break;
    case 'batch':
      lines.push(`await ${sdk.batch!(`users.map((u) => (${literal(entries)}))`)};`);
      break;
  }
  const body = lines.join('\n    ');
  switch (block.loop) {
    case 'none':
      return `  {\n    ${body}\n  }`;
    case 'for-of':
      return `  for (const u of users) {\n    ${body}\n  }`;
    case 'forEach':
      return `  users.forEach(async (u) => {\n    ${body}\n  });`;
    case 'Promise.all':
      return `  await Promise.all(users.map(async (u) => {\n    ${body}\n  }));`;
  }
}

/** The source text of a program: set-ups, spread sources, and one function with every send. */
export function renderProgram(program: MailProgram): string {
  const used = [...new Set(program.blocks.map((b) => b.sdk))];
  const setups = used.map((name) => {
    const forms = program.esm ? SDKS[name].esm : SDKS[name].cjs;
    return forms[(program.setups[name] ?? 0) % forms.length]!;
  });
  // Each SDK binds `$client`: one program uses one client name per SDK.
  const renamed = setups.map((setup, i) => setup.replaceAll('$client', `client${i}`));
  const blocks = program.blocks.map((block, i) => renderBlock(block, i).replaceAll('$client', `client${used.indexOf(block.sdk)}`));
  const parameters = program.locals ? LIST_PARAMETERS.map((name) => `${name}In`) : LIST_PARAMETERS;
  const prologue = [
    ...(program.locals ? [`  let ${LIST_PARAMETERS.map((name) => `${name} = ${name}In`).join(', ')};`] : []),
    ...program.rewrites.map((line) => `  ${line}`),
  ];
  const fn = `async function run(${[...parameters, 'flag', 'opts'].join(', ')}) {\n${[...prologue, ...blocks].join('\n')}\n}`;
  return [...renamed, ...program.sources.map(sourceText), program.esm ? `export ${fn}` : `${fn}\nmodule.exports = { run };`, ''].join('\n');
}
