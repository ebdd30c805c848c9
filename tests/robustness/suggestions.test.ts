// Safe suggestions. Method: the rule test files are imported with their RuleTesters replaced by
// recorders, which yields every invalid case (code, options, settings, filename, parser); the
// annotated files of tests/cases are added. Each case is linted again with Linter; every
// suggestion is applied as ESLint applies a fix (its range replaced by its text) and the output
// must parse with the same parser, the rule must report less than before and nothing new, and
// (issue 22, item 1) every send of the file must still reach every address it reached, read from
// the messages by recipients.ts, with a move to bcc moving something (checkSuggestions in
// support.ts). The fuzz test checks the same on random programs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import { expect, it, vi } from 'vitest';
import { FILES } from '../../src/configs.js';
import plugin from '../../src/index.js';
import { checkSuggestions, dumpFailures, notLinted } from './support.js';

interface RecordedCase {
  readonly code: string;
  readonly options?: unknown[];
  readonly settings?: Record<string, unknown>;
  readonly filename?: string;
  readonly languageOptions?: Linter.LanguageOptions;
}
interface Recorded {
  readonly tester: 'ts' | 'js' | 'cjs';
  readonly rule: string;
  readonly cases: RecordedCase[];
}

const recorded = vi.hoisted(() => [] as { tester: 'ts' | 'js' | 'cjs'; ruleName: string; invalid: unknown[] }[]);

vi.mock('../helpers.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../helpers.js')>();
  const recorder = (tester: 'ts' | 'js' | 'cjs') => ({
    run: (ruleName: string, _rule: unknown, tests: { invalid: unknown[] }) => recorded.push({ tester, ruleName, invalid: tests.invalid }),
  });
  return { ...original, tsTester: recorder('ts'), jsTester: recorder('js'), cjsTester: recorder('cjs') };
});

const rulesDir = path.resolve(import.meta.dirname, '../rules');
// settings.test.ts declares vitest suites of its own, and typed.test.ts needs a TypeScript
// program: both are left out.
const testFiles = readdirSync(rulesDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !/(?:^|\/)(?:settings|typed)\.test\.ts$/.test(f))
  .sort();

const BASE: Record<Recorded['tester'], Linter.LanguageOptions> = {
  ts: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  js: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
  cjs: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' },
};

/** The mail analysis options a rule's options ask for (the address check reads the same sends). */
function analysisOptions(options: readonly unknown[] | undefined): { typed: boolean; shapes: boolean } {
  const first = (options?.[0] ?? {}) as { useTypeInformation?: boolean; messageShapes?: boolean };
  return { typed: first.useTypeInformation === true, shapes: first.messageShapes === true };
}

const casesDir = path.resolve(import.meta.dirname, '../cases');

it('every suggestion of every invalid test case and case file parses, removes its report and keeps every address', { timeout: 300_000 }, async () => {
  for (const file of testFiles) await import(path.join(rulesDir, file));
  const linter = new ESLintLinter();
  let cases = 0;
  let checked = 0;
  const problems: string[] = [];
  // tests/cases: each file with every rule at its defaults, as tests/cases.test.ts lints it.
  for (const file of readdirSync(casesDir).filter((f) => /\.[cm]?[jt]sx?$/.test(f))) {
    const filename = path.join(casesDir, file);
    const code = readFileSync(filename, 'utf8');
    const config: Linter.Config[] = [
      {
        files: FILES,
        plugins: { mail: plugin },
        rules: Object.fromEntries(Object.keys(plugin.rules).map((r) => [`mail/${r}`, 'error'])),
        languageOptions: file.endsWith('.ts') ? BASE.ts : BASE.js,
      },
    ];
    const messages = linter.verify(code, config, filename);
    const problem = notLinted(messages);
    if (problem) {
      problems.push(`${file}: not linted (${problem.message})`);
      continue;
    }
    cases++;
    const result = checkSuggestions(linter, code, config, filename, messages, analysisOptions([]));
    checked += result.checked;
    problems.push(...result.problems);
  }
  for (const { tester, ruleName, invalid } of recorded) {
    const rule = ruleName.split(':')[0]!.trim();
    for (const raw of invalid) {
      const test = (typeof raw === 'string' ? { code: raw } : raw) as RecordedCase;
      const filename = path.resolve(test.filename ?? (tester === 'ts' ? 'file.tsx' : 'file.js'));
      const config: Linter.Config[] = [
        {
          files: FILES,
          plugins: { mail: plugin },
          rules: { [`mail/${rule}`]: ['error', ...(test.options ?? [])] as Linter.RuleEntry },
          settings: test.settings ?? {},
          languageOptions: { ...BASE[tester], ...test.languageOptions },
        },
      ];
      const messages = linter.verify(test.code, config, filename);
      const problem = notLinted(messages);
      if (problem) {
        problems.push(`${ruleName}: case not linted (${problem.message})\n${test.code}`);
        continue;
      }
      cases++;
      const result = checkSuggestions(linter, test.code, config, filename, messages, analysisOptions(test.options));
      checked += result.checked;
      problems.push(...result.problems.map((p) => `${ruleName}: ${p}`));
    }
  }
  console.info(`suggestions: ${testFiles.length} test files and the case files, ${cases} cases linted, ${checked} suggestions applied, ${problems.length} problems`);
  dumpFailures(problems);
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});
