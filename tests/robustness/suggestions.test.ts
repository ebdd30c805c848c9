// Safe suggestions. Method: the rule test files are imported with their RuleTesters replaced by
// recorders, which yields every invalid case (code, options, settings, filename, parser). Each case
// is linted again with Linter; every suggestion is applied as ESLint applies a fix (its range
// replaced by its text) and the output must parse with the same parser, and the rule must report
// less than before and nothing new (checkSuggestions in support.ts). The fuzz test checks the same
// on random programs.
import path from 'node:path';
import type { Linter } from 'eslint';
import { Linter as ESLintLinter } from 'eslint';
import { expect, it, vi } from 'vitest';
import { FILES } from '../../src/configs.js';
import plugin from '../../src/index.js';
import { caseFilename, importRuleTests, RULE_TEST_FILES, ruleCases, TESTER_LANGUAGE, type RecordedRun } from '../rule-cases.js';
import { checkSuggestions, dumpFailures, notLinted } from './support.js';

const recorded = vi.hoisted(() => [] as RecordedRun[]);
vi.mock('../helpers.js', async (importOriginal) =>
  (await import('../rule-cases.js')).recordingTesters(await importOriginal<typeof import('../helpers.js')>(), recorded),
);

it('every suggestion of every invalid test case parses and removes its report', { timeout: 300_000 }, async () => {
  await importRuleTests();
  const linter = new ESLintLinter();
  let cases = 0;
  let checked = 0;
  const problems: string[] = [];
  for (const test of ruleCases(recorded).filter((c) => c.kind === 'invalid')) {
    const ruleName = test.suite;
    const filename = path.resolve(caseFilename(test));
    const config: Linter.Config[] = [
      {
        files: FILES,
        plugins: { mail: plugin },
        rules: { [`mail/${test.rule}`]: ['error', ...(test.options ?? [])] as Linter.RuleEntry },
        settings: test.settings ?? {},
        languageOptions: { ...TESTER_LANGUAGE[test.tester], ...test.languageOptions },
      },
    ];
    const messages = linter.verify(test.code, config, filename);
    const problem = notLinted(messages);
    if (problem) {
      problems.push(`${ruleName}: case not linted (${problem.message})\n${test.code}`);
      continue;
    }
    cases++;
    const result = checkSuggestions(linter, test.code, config, filename, messages);
    checked += result.checked;
    problems.push(...result.problems.map((p) => `${ruleName}: ${p}`));
  }
  console.info(`suggestions: ${RULE_TEST_FILES.length} test files, ${cases} invalid cases linted, ${checked} suggestions applied, ${problems.length} problems`);
  dumpFailures(problems);
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});
