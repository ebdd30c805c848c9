/**
 * Progress for large trees. ESLint's Node API has no per-file callback, so a rule that reports
 * nothing counts the files as ESLint hands them to it. mail-lint lints in this process (its
 * config holds plugin objects, so no worker threads), and the count stays exact.
 */
import type { ESLint, Linter } from 'eslint';

/** Files between two progress lines: small trees finish before the first line, and print none. */
export const PROGRESS_EVERY = 500;

export interface Progress {
  config: Linter.Config;
  /** The closing line, if any progress line was printed. */
  finish(): void;
}

export function progressReporter(write: (line: string) => void, every = PROGRESS_EVERY): Progress {
  let files = 0;
  const started = Date.now();
  const plugin: ESLint.Plugin = {
    meta: { name: 'mail-lint-progress' },
    rules: {
      count: {
        meta: { type: 'suggestion', schema: [], docs: { description: 'Counts linted files for the progress lines' } },
        create() {
          files += 1;
          if (files % every === 0) write(`mail-lint: ${files} files linted…\n`);
          return {};
        },
      },
    },
  };
  return {
    config: {
      name: 'mail-lint/progress',
      plugins: { 'mail-lint-progress': plugin },
      // An error-level rule, so `--quiet` (which runs error-level rules only) keeps counting.
      rules: { 'mail-lint-progress/count': 'error' },
    },
    finish() {
      if (files >= every) write(`mail-lint: ${files} files linted in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
