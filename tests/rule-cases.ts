// The rule tests' code as data: the rule test files are imported with the RuleTesters of
// tests/helpers.ts replaced by recorders, which yields every case (code, options, settings,
// filename, parser) for tests that lint the corpus again in other ways (suggestions applied,
// with and without type information). A test file wires the recorders in with
//   const recorded = vi.hoisted(() => [] as RecordedRun[]);
//   vi.mock('./helpers.js', async (original) => (await import('./rule-cases.js')).recordingTesters(await original(), recorded));
// (vi.mock is hoisted in the test file only, so each test file names it itself).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';

export type Tester = 'ts' | 'js' | 'cjs';

/** One `tester.run(name, rule, { valid, invalid })` call of a rule test file. */
export interface RecordedRun {
  readonly tester: Tester;
  readonly ruleName: string;
  readonly valid: readonly unknown[];
  readonly invalid: readonly unknown[];
}

/** One test case, as RuleTester would lint it. */
export interface RuleCase {
  readonly tester: Tester;
  /** The rule's name (`no-unbatched-send`), without the suite's description. */
  readonly rule: string;
  readonly suite: string;
  readonly kind: 'valid' | 'invalid';
  readonly code: string;
  readonly options?: unknown[];
  readonly settings?: Record<string, unknown>;
  readonly filename?: string;
  readonly languageOptions?: Linter.LanguageOptions;
}

/** The testers of tests/helpers.ts, replaced by recorders that push each `run` call onto `recorded`. */
export function recordingTesters<Helpers extends object>(original: Helpers, recorded: RecordedRun[]): Helpers {
  const recorder = (tester: Tester) => ({
    run: (ruleName: string, _rule: unknown, tests: { valid?: unknown[]; invalid?: unknown[] }) =>
      recorded.push({ tester, ruleName, valid: tests.valid ?? [], invalid: tests.invalid ?? [] }),
  });
  return { ...original, tsTester: recorder('ts'), jsTester: recorder('js'), cjsTester: recorder('cjs') };
}

const rulesDir = path.resolve(import.meta.dirname, 'rules');

/**
 * The rule test files whose cases all go through the testers of tests/helpers.ts. settings.test.ts
 * declares vitest suites of its own, and typed.test.ts has its own tester with a TypeScript program
 * (its fixture project, tests/fixtures/typed-project, is linted whole where the corpus is needed).
 */
export const RULE_TEST_FILES = readdirSync(rulesDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !/(?:^|\/)(?:settings|typed)\.test\.ts$/.test(f))
  .sort()
  .map((f) => path.join(rulesDir, f));

/** Imports every rule test file; with the recorders in place, this fills `recorded` instead of running the cases. */
export async function importRuleTests(): Promise<void> {
  for (const file of RULE_TEST_FILES) await import(file);
}

/** The language options of each tester in tests/helpers.ts. */
export const TESTER_LANGUAGE: Record<Tester, Linter.LanguageOptions> = {
  ts: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  js: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
  cjs: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' },
};

/** Every recorded case, valid and invalid, as plain data. */
export function ruleCases(recorded: readonly RecordedRun[]): RuleCase[] {
  return recorded.flatMap(({ tester, ruleName, valid, invalid }) => {
    const rule = ruleName.split(':')[0]!.trim();
    const cases = (kind: RuleCase['kind'], list: readonly unknown[]) =>
      list.map((raw): RuleCase => ({ tester, rule, suite: ruleName, kind, ...((typeof raw === 'string' ? { code: raw } : raw) as { code: string }) }));
    return [...cases('valid', valid), ...cases('invalid', invalid)];
  });
}

/**
 * The file a case is linted as: its own `filename`, or one that fits its tester (RuleTester's
 * react.tsx for TypeScript with JSX; file.js and file.cjs for the JavaScript testers, as in a
 * project without TypeScript).
 */
export function caseFilename(test: RuleCase): string {
  return test.filename ?? { ts: 'react.tsx', js: 'file.js', cjs: 'file.cjs' }[test.tester];
}
