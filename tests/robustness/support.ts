// Shared by the robustness tests: the real-code corpus from node_modules, the parser for each
// file, every option set of every rule, and suggestion application with ESLint's semantics.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter, Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { FILES } from '../../src/configs.js';
import plugin from '../../src/index.js';
import { dependencyFiles as dependencyFilesUnder } from '../../bench/dependency-files.js';
import { changed, deliveriesOf, lostAddresses, takeDeliveries, withDeliveries } from './recipients.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Every JS/TS source file under node_modules, sorted (the same list the benchmark uses). */
export const dependencyFiles = (): string[] => dependencyFilesUnder(ROOT);

/** `count` files spread evenly over the sorted list (all of them when `count` is larger): deterministic. */
export function pick<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

/** A whole number from the environment, or the fallback. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const ts = tsParser as Linter.Parser;
const js: Linter.Parser = espree;

/** espree's own `parse` (tests/espree.d.ts types the module as an ESLint parser only). */
export const parseJs = (code: string, options: object): unknown =>
  (espree as unknown as { parse: (code: string, options: object) => unknown }).parse(code, options);

/**
 * The language options a file is linted with: @typescript-eslint/parser for TypeScript, espree
 * for JavaScript, with the source type guessed (`.js` tries module, then CommonJS). Null when the
 * file does not parse: that is not a crash of ours.
 */
export function languageFor(filename: string, code: string): Linter.LanguageOptions | null {
  if (/\.[cm]?tsx?$/.test(filename)) {
    const options = { parser: ts, parserOptions: { ecmaFeatures: { jsx: filename.endsWith('.tsx') } } };
    try {
      // As ESLint calls it: `sourceType: 'module'` is ESLint's default for every file.
      tsParser.parseForESLint(code, { filePath: filename, sourceType: 'module', ...options.parserOptions });
      return options;
    } catch {
      return null;
    }
  }
  const candidates: Linter.SourceType[] = filename.endsWith('.mjs')
    ? ['module']
    : filename.endsWith('.cjs')
      ? ['commonjs']
      : ['module', 'commonjs'];
  for (const sourceType of candidates) {
    try {
      parseJs(code, {
        ecmaVersion: 'latest',
        sourceType: sourceType === 'commonjs' ? 'script' : sourceType,
        ecmaFeatures: { globalReturn: sourceType === 'commonjs' },
      });
      return { parser: js, ecmaVersion: 'latest', sourceType };
    } catch {
      // Try the next source type.
    }
  }
  return null;
}

export const RULE_NAMES = Object.keys(plugin.rules) as (keyof typeof plugin.rules)[];

/**
 * For each rule, a config that sets every option to a value other than its default: type
 * information asked for (and absent), message shapes on, a fixed-list limit of 1, every list filled.
 */
export const NON_DEFAULT_OPTIONS: Record<(typeof RULE_NAMES)[number], Record<string, unknown>> = {
  'no-exposed-recipients': { maxFixedRecipients: 1, reportFixedLists: true, useTypeInformation: true, messageShapes: true },
  'no-hardcoded-credentials': {
    testFilePatterns: ['/\\.never-a-test\\.js$/', 'e2e/**'],
    placeholders: ['dev-only-.*', '/^changeme$/i'],
    allowedHosts: ['*.example.test', 'smtp.local'],
  },
  'no-insecure-transport': { allowedHosts: ['*.example.test'], reportSecureFalse: true },
  'no-unbatched-send': { throttlingFunctions: ['limit', 'queue.enqueue'], reportSequentialSmtp: false, useTypeInformation: true },
  'respect-provider-limits': { limits: { resend: { messagesPerCall: 10, recipientsPerMessage: 10 }, sendgrid: { recipientsPerMessage: 2000 } } },
};

/** `settings.mail` with a wrapper, so the settings path of the analysis runs in the non-default set. */
export const NON_DEFAULT_SETTINGS = {
  mail: { wrappers: [{ module: './mailer', export: 'sendMail', argument: 0, property: 'to' }, { module: '@acme/mail' }] },
};

export interface OptionSet {
  readonly name: string;
  readonly rules: Linter.RulesRecord;
  readonly settings: Record<string, unknown>;
}

/** Every rule at its defaults, and every rule with all its options set to non-default values. */
export const OPTION_SETS: readonly OptionSet[] = [
  { name: 'defaults', rules: Object.fromEntries(RULE_NAMES.map((r) => [`mail/${r}`, 'error'])), settings: {} },
  {
    name: 'non-default',
    rules: Object.fromEntries(RULE_NAMES.map((r) => [`mail/${r}`, ['error', NON_DEFAULT_OPTIONS[r]]])),
    settings: NON_DEFAULT_SETTINGS,
  },
];

/** One flat config for a file: the plugin, a set of rule options, and the file's parser. */
export function configFor(set: OptionSet, languageOptions: Linter.LanguageOptions): Linter.Config[] {
  return [
    {
      files: FILES,
      plugins: { mail: plugin },
      rules: set.rules,
      settings: set.settings,
      languageOptions,
      // The corpus's own `eslint-disable` and `/* eslint */` comments must not turn our rules off.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    },
  ];
}

/** A message that means the file was not linted: a parse error, or no config for its name. */
export function notLinted(messages: readonly Linter.LintMessage[]): Linter.LintMessage | undefined {
  return messages.find((m) => m.fatal === true || (m.ruleId === null && m.message.startsWith('No matching configuration')));
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same fuzz corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Applies one suggestion as ESLint's SourceCodeFixer does: replace the fix's range with its text. */
export function applyFix(code: string, fix: Rule.Fix): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** A short, stable description of a message, for comparing runs. */
export function describeMessage(m: Linter.LintMessage): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.messageId ?? ''} ${m.message} [${(m.suggestions ?? [])
    .map((s) => `${s.desc}@${s.fix.range.join(',')}=${s.fix.text}`)
    .join(' | ')}]`;
}

/**
 * Applies every suggestion in `messages` to `code` and checks the result: it parses with the same
 * parser, and the rule that suggested it reports less than before and nothing it did not report
 * before (the suggestion removes its own report and creates none). With `analysis` (the mail
 * analysis options the rule ran with), every send of the file is read before and after (see
 * recipients.ts): each address must still be there, and a move to bcc must have moved something.
 * Returns the problems found.
 */
export function checkSuggestions(
  linter: Linter,
  code: string,
  config: Linter.Config[],
  filename: string,
  messages: readonly Linter.LintMessage[],
  analysis?: { typed?: boolean; shapes?: boolean },
): { checked: number; problems: string[] } {
  let checked = 0;
  const problems: string[] = [];
  const key = (m: Linter.LintMessage) => `${m.messageId ?? ''} ${m.message}`;
  let before: ReturnType<typeof deliveriesOf> | undefined;
  // The output's lint records its deliveries too, when they are asked for.
  const afterConfig = analysis ? withDeliveries(config, analysis) : config;
  for (const message of messages) {
    const reportsBefore = messages.filter((m) => m.ruleId === message.ruleId).map(key);
    for (const suggestion of message.suggestions ?? []) {
      checked++;
      const output = applyFix(code, suggestion.fix);
      const where = `${filename} ${message.ruleId} ${message.line}:${message.column} "${suggestion.desc}"`;
      const after = linter.verify(output, afterConfig, filename);
      const delivered = analysis ? takeDeliveries() : [];
      const fatal = notLinted(after);
      if (fatal) {
        problems.push(`${where}: the output does not parse (${fatal.message})\n${output}`);
        continue;
      }
      const remaining = after.filter((m) => m.ruleId === message.ruleId).map(key);
      const unexpected = remaining.filter((m) => !reportsBefore.includes(m));
      if (remaining.length >= reportsBefore.length || unexpected.length) {
        problems.push(`${where}: the report remains or a new one appears (${unexpected.join('; ') || `${remaining.length} reports`})\n${output}`);
      }
      if (analysis && message.ruleId === 'mail/no-exposed-recipients') {
        before ??= deliveriesOf(linter, code, config, filename, analysis);
        const lost = lostAddresses(before, delivered);
        if (lost.length) problems.push(`${where}: addresses lost (${lost.join('; ')})\n${output}`);
        if (suggestion.messageId === 'moveToBcc' && !changed(before, delivered)) problems.push(`${where}: no send's message changed\n${output}`);
      }
    }
  }
  return { checked, problems };
}

/** ROBUSTNESS_DUMP=file writes the failures of a run there in full (an assertion diff truncates them). */
export function dumpFailures(failures: readonly string[]): void {
  const file = process.env['ROBUSTNESS_DUMP'];
  if (file && failures.length) writeFileSync(file, failures.join('\n=====\n'));
}
