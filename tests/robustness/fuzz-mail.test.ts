// Generated mail programs (fast-check, mail-programs.ts) through every rule and option set: no rule
// may throw, every file must be linted, and every suggestion must parse, remove its report and keep
// every address of every send (checkSuggestions with the address check of recipients.ts). Each
// program is linted as JavaScript (espree, its own module system) and as TypeScript. A failure is
// shrunk by fast-check to the smallest program that still fails.
// FUZZ_MAIL_PROGRAMS=n (default 30, a few seconds; `npm run test:fuzz` runs 3,000), FUZZ_SEED=s to
// reproduce a run, ROBUSTNESS_DUMP=file to write the failures in full.
import { Linter } from 'eslint';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkSuggestions, configFor, dumpFailures, envCount, languageFor, notLinted, OPTION_SETS } from './support.js';
import { mailProgram, type MailProgram, renderProgram } from './mail-programs.js';

const COUNT = envCount('FUZZ_MAIL_PROGRAMS', 30);
const SEED = envCount('FUZZ_SEED', 20261127);

interface Totals {
  linted: number;
  reports: number;
  suggestions: number;
}

/** What goes wrong with one program, linted as JavaScript and as TypeScript with every option set. */
function problemsOf(linter: Linter, program: MailProgram, totals: Totals): string[] {
  const code = renderProgram(program);
  const problems: string[] = [];
  for (const filename of [`fuzz/mail.${program.esm ? 'mjs' : 'cjs'}`, 'fuzz/mail.ts']) {
    const languageOptions = languageFor(filename, code);
    if (!languageOptions) {
      problems.push(`${filename}: the generated program does not parse\n${code}`);
      continue;
    }
    for (const set of OPTION_SETS) {
      const config = configFor(set, languageOptions);
      const options = (set.rules['mail/no-exposed-recipients'] as [string, { useTypeInformation?: boolean; messageShapes?: boolean }?])[1] ?? {};
      try {
        const messages = linter.verify(code, config, filename);
        const fatal = notLinted(messages);
        if (fatal) throw new Error(`not linted: ${fatal.message}`);
        totals.linted++;
        totals.reports += messages.length;
        const checked = checkSuggestions(linter, code, config, filename, messages, {
          typed: options.useTypeInformation === true,
          shapes: options.messageShapes === true,
        });
        totals.suggestions += checked.checked;
        problems.push(...checked.problems.map((p) => `[${set.name}] ${p}`));
      } catch (error) {
        problems.push(`${filename} [${set.name}]: ${(error as Error).stack ?? String(error)}\n${code}`);
      }
    }
  }
  return problems;
}

it(`lints ${COUNT} generated mail programs (seed ${SEED}): no crash, every suggestion keeps every address`, { timeout: 1_800_000 }, () => {
  const linter = new Linter();
  const totals: Totals = { linted: 0, reports: 0, suggestions: 0 };
  let failures: string[] = [];
  const result = fc.check(
    fc.property(mailProgram, (program) => {
      const problems = problemsOf(linter, program, totals);
      if (problems.length) failures = problems;
      return problems.length === 0;
    }),
    { seed: SEED, numRuns: COUNT },
  );
  console.info(
    `fuzz-mail: ${result.numRuns} programs (seed ${SEED}), ${totals.linted} lints, ${totals.reports} reports, ` +
      `${totals.suggestions} suggestions checked, ${result.failed ? `failed after ${result.numShrinks} shrinks` : 'no failure'}`,
  );
  dumpFailures(failures);
  // The last failures are the shrunk program's.
  expect(failures).toEqual([]);
  expect(totals.reports).toBeGreaterThan(COUNT);
  expect(totals.suggestions).toBeGreaterThan(COUNT / 4);
});
