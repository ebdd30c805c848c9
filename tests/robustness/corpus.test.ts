// No crash, anywhere: every rule, with every option set, over real JS and TS from the project's
// dependencies. A parse error is not a crash (the file is skipped); an exception from a rule is.
// ROBUSTNESS_FILES=n lints n files (default 2,000; `npm run test:fuzz` takes every file).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import { configFor, dependencyFiles, dumpFailures, envCount, languageFor, notLinted, OPTION_SETS, pick, ROOT } from './support.js';

const available = dependencyFiles();

/** ESLint ignores node_modules whatever the config says: lint each file under a path of its own. */
const virtualPath = (file: string) => path.join(ROOT, 'corpus', file.replaceAll('node_modules/', 'nm/'));
const files = pick(available, envCount('ROBUSTNESS_FILES', 2000));

it('lints at least 2,000 real files with every rule and option set, and no rule throws', { timeout: 600_000 }, () => {
  const linter = new Linter();
  const crashes: string[] = [];
  const linted = new Map<string, number>();
  let skipped = 0;
  let reports = 0;
  const byRule = new Map<string, number>();
  // No .tsx in node_modules: TypeScript files are also linted as .tsx where they parse so.
  const jobs = files.flatMap((file) => (file.endsWith('.ts') ? [file, file.replace(/\.ts$/, '.tsx')] : [file]));
  for (const job of jobs) {
    const code = readFileSync(path.join(ROOT, job.endsWith('.tsx') ? job.replace(/\.tsx$/, '.ts') : job), 'utf8');
    const languageOptions = languageFor(job, code);
    if (!languageOptions) {
      skipped++;
      continue;
    }
    const extension = path.extname(job);
    linted.set(extension, (linted.get(extension) ?? 0) + 1);
    for (const set of OPTION_SETS) {
      try {
        const messages = linter.verify(code, configFor(set, languageOptions), virtualPath(job));
        // A message without a rule is a parse or configuration problem: the file was not linted.
        const problem = notLinted(messages);
        if (problem) crashes.push(`${job} [${set.name}]: not linted: ${problem.message}`);
        // Messages without a rule are ESLint's notes on the corpus's inline config comments.
        const mail = messages.filter((m) => m.ruleId !== null);
        reports += mail.length;
        for (const m of mail) byRule.set(`${m.ruleId} [${set.name}]`, (byRule.get(`${m.ruleId} [${set.name}]`) ?? 0) + 1);
      } catch (error) {
        crashes.push(`${job} [${set.name}]: ${(error as Error).stack ?? String(error)}`);
      }
    }
  }
  const total = [...linted.values()].reduce((a, b) => a + b, 0);
  console.info(
    `corpus: ${total} files linted (${[...linted].map(([e, n]) => `${e} ${n}`).join(', ')}), ${skipped} skipped (do not parse), ` +
      `${OPTION_SETS.length} option sets, ${reports} reports (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}), ${available.length} files available, ${crashes.length} crashes`,
  );
  dumpFailures(crashes);
  expect(crashes).toEqual([]);
  expect(total).toBeGreaterThanOrEqual(Math.min(2000, files.length));
  for (const extension of ['.js', '.mjs', '.cjs', '.ts', '.tsx']) expect(linted.get(extension) ?? 0).toBeGreaterThan(0);
});
