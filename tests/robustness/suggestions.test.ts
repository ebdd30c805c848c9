// Safe suggestions. Method: the rule test files' cases are recorded (tests/rule-cases.ts), which
// yields every invalid case (code, options, settings, filename, parser); the annotated files of
// tests/cases are added. Each case is linted again with Linter; every suggestion is applied as
// ESLint applies a fix (its range replaced by its text) and the output must parse with the same
// parser, the rule must report less than before and nothing new, and (issue 22, item 1) every send
// of the file must still reach every address it reached, read from the messages by recipients.ts,
// with a move to bcc moving something (checkSuggestions in support.ts). The fuzz test checks the
// same on random programs.
import { readdirSync, readFileSync } from 'node:fs';
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

/** The mail analysis options a rule's options ask for (the address check reads the same sends). */
function analysisOptions(options: readonly unknown[] | undefined): { typed: boolean; shapes: boolean } {
  const first = (options?.[0] ?? {}) as { useTypeInformation?: boolean; messageShapes?: boolean };
  return { typed: first.useTypeInformation === true, shapes: first.messageShapes === true };
}

const casesDir = path.resolve(import.meta.dirname, '../cases');

it('every suggestion of every invalid test case and case file parses, removes its report and keeps every address', { timeout: 300_000 }, async () => {
  await importRuleTests();
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
        languageOptions: file.endsWith('.ts') ? TESTER_LANGUAGE.ts : TESTER_LANGUAGE.js,
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
    const result = checkSuggestions(linter, test.code, config, filename, messages, analysisOptions(test.options));
    checked += result.checked;
    problems.push(...result.problems.map((p) => `${ruleName}: ${p}`));
  }
  console.info(`suggestions: ${RULE_TEST_FILES.length} test files and the case files, ${cases} cases linted, ${checked} suggestions applied, ${problems.length} problems`);
  dumpFailures(problems);
  expect(problems).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});
