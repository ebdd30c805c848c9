#!/usr/bin/env node
// `npm run docs:sdks`: writes docs/sdks.md, the per-SDK page, from the SDK data in src/sdks/ (read
// from the build in dist/) and the examples in tools/sdk-examples/<sdk id>/<rule>.md. The docs
// test renders the page again from src/sdks/ and fails when docs/sdks.md is not current; it also
// runs every example on the page as a test of the rule its marker names.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
export const EXAMPLES_DIR = path.join(root, 'tools/sdk-examples');
export const PAGE = path.join(root, 'docs/sdks.md');
const RULES = ['no-exposed-recipients', 'no-unbatched-send'];

const code = (text) => `\`${text}\``;
const list = (items) => (items.length ? items.join(', ') : '—');
const dotted = (segments) => segments.join('.').replaceAll('.[]', '[]');
/** A Markdown table cell: pipes escaped, so a fix sentence cannot break the table. */
const cell = (text) => text.replaceAll('|', '\\|');
const anchor = (label) =>
  label
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replaceAll(' ', '-');

/** The names code reaches a kind by: the exports and properties that give it, else the module. */
function namesOf(sdk, kind) {
  const names = Object.values(sdk.kinds).flatMap((spec) =>
    Object.entries(spec.props ?? {})
      .filter(([, target]) => target === kind)
      .map(([name]) => (name === 'default' ? null : name)),
  );
  const found = names.filter((name) => name !== null);
  if (found.length) return [...new Set(found)];
  const modules = Object.entries(sdk.modules).filter(([, target]) => target === kind).map(([module]) => module);
  return modules.length ? [modules[0]] : [kind];
}

/** Every call that sends: `method()`, `new Command()` for a message built by a constructor, `fn()`. */
function sendsOf(sdk) {
  const out = [];
  for (const [kind, spec] of Object.entries(sdk.kinds)) {
    for (const [method, send] of Object.entries(spec.sends ?? {})) {
      const notes = [
        send.bulk && 'batch',
        send.maxMessages && `at most ${send.maxMessages.max} messages a call`,
        send.individual && 'one copy each',
        send.queued && 'queued',
      ].filter(Boolean);
      // `batch.send()` and `emails.send()` are different calls: name the property that leads to them.
      const via = Object.values(sdk.kinds).flatMap((k) => Object.entries(k.props ?? {}).filter(([, t]) => t === kind).map(([p]) => p));
      const prefix = via.length && via[0] !== 'default' ? `${via[0]}.` : '';
      out.push(`${code(`${prefix}${method}()`)}${notes.length ? ` (${notes.join(', ')})` : ''}`);
    }
    if (spec.callSend) out.push(...namesOf(sdk, kind).map((name) => code(`${name}()`)));
    if (spec.constructSend) out.push(...namesOf(sdk, kind).map((name) => code(`new ${name}()`)));
  }
  // An action the library registers on a message bus: dispatched with its fields.
  for (const pattern of sdk.patterns ?? []) {
    const fields = Object.entries(pattern.fields).map(([k, v]) => `${k}: '${v}'`).join(', ');
    out.push(`${code(`act({ ${fields}, … })`)} ([pattern](${pattern.source}))`);
  }
  return [...new Set(out)];
}

/** The facts of one message shape, as table rows. */
function messageRows(sdk, name, message) {
  const fields = message.visible.map((field) => {
    const parts = [code(dotted(field.path))];
    if (field.bcc) parts.push(`→ ${code(field.bcc)}${field.required ? ' (required: not moved)' : ''}`);
    if (field.entryType) parts.push(`(hidden when every entry has ${code(field.entryType.key)} ${field.entryType.hidden.map((h) => code(String(h))).join(' or ')})`);
    return parts.join(' ');
  });
  const individual = [];
  if (message.individualFlag) individual.push(code(message.individualFlag.suggestion));
  if (message.individualWhenPresent) individual.push(`${code(dotted(message.individualWhenPresent.path))} present`);
  const heading = Object.keys(sdk.messages).length > 1 ? ` (${code(name)})` : '';
  const limits = [
    ...(message.limits?.recipients ?? []).map(
      (limit) => `${limit.fields.map((f) => code(dotted(f))).join(' + ')}: at most ${limit.max} addresses ([source](${limit.source}))`,
    ),
    ...(message.limits?.entries ?? []).map(
      (limit) => `${code(dotted(limit.path))}: at most ${limit.max} entries ([source](${limit.source}))`,
    ),
  ];
  return [
    `| Recipient fields every recipient sees${heading} | ${cell(fields.join('<br>'))} |`,
    ...(individual.length ? [`| One copy per recipient${heading} | ${cell(list(individual))} |`] : []),
    ...(limits.length ? [`| Documented limits of one message${heading} | ${cell(limits.join('<br>'))} |`] : []),
    `| Fix for an exposed list${heading} | ${cell(message.fix)} |`,
  ];
}

/** The examples of one SDK for one rule, with each marker naming its rule. */
function examples(sdk, rule, examplesDir) {
  const file = path.join(examplesDir, sdk.id, `${rule}.md`);
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8').trim().replace(/^<!--\s*(incorrect|correct)\s*-->$/gm, `<!-- $1: ${rule} -->`);
  return `### Examples: \`mail/${rule}\`\n\n${text}\n`;
}

/** docs/sdks.md, from the SDK data and the example files. */
export function renderSdkDocs(sdks, examplesDir = EXAMPLES_DIR) {
  const providers = sdks.filter((sdk) => sdk.id !== 'message-shape');
  const intro = RULES.map((rule) => readFileSync(path.join(examplesDir, `${rule}.intro.md`), 'utf8').trim());
  const out = [
    '# Supported SDKs',
    '',
    '<!-- Generated by `npm run docs:sdks` from src/sdks/ and tools/sdk-examples/. Do not edit: the docs test fails when it is not current. -->',
    '',
    'What `mail/no-exposed-recipients` and `mail/no-unbatched-send` know about each library, read from',
    'the SDK data in `src/sdks/`, with an incorrect and a correct example for each rule. Every example',
    "runs as a test of its rule. An arrow (`to` → `bcc`) is the field the editor suggestion moves a list to;",
    '"required" marks a field the provider rejects a message without, which is never moved.',
    '',
    '| SDK | modules | sends |',
    '|---|---|---|',
    ...providers.map(
      (sdk) => `| [${sdk.label}](#${anchor(sdk.label)}) | ${list(Object.keys(sdk.modules).map(code))} | ${cell(list(sendsOf(sdk)))} |`,
    ),
    '',
    `**${RULES[0]}**: ${intro[0]}`,
    '',
    `**${RULES[1]}**: ${intro[1]}`,
    '',
  ];
  for (const sdk of providers) {
    out.push(`## ${sdk.label}`, '', '| | |', '|---|---|');
    out.push(`| Modules | ${list(Object.keys(sdk.modules).map(code))} |`);
    out.push(`| Sends | ${cell(list(sendsOf(sdk)))} |`);
    if (sdk.transport) out.push(`| Transport | ${sdk.transport.toUpperCase()} |`);
    if (sdk.endpoints?.length) out.push(`| HTTP endpoints | ${list(sdk.endpoints.map((e) => code(e.url)))} |`);
    for (const [name, message] of Object.entries(sdk.messages)) out.push(...messageRows(sdk, name, message));
    out.push(`| Instead of one send per recipient | ${cell(sdk.batching)} |`, '');
    for (const rule of RULES) {
      const text = examples(sdk, rule, examplesDir);
      if (text) out.push(text);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { sdks } = await import(pathToFileURL(path.join(root, 'dist/sdks/index.js')).href);
  writeFileSync(PAGE, renderSdkDocs(sdks));
  process.stdout.write(`wrote ${path.relative(process.cwd(), PAGE)}\n`);
}
