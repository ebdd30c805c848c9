// Linear work on send-heavy files (issue 22): each file's references and each loop's sends are
// read once, so the analysis's work grows with the file, not with its square. Work is counted,
// not timed (timings belong in `bench/linear.js`): the value queries the rules ask, and the loop
// bodies read for a pause, on generated files of n and 4n sends.
import { Linter } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValueFlow } from '../../src/analysis/flow/sources.js';
import { IterationAnalysis } from '../../src/analysis/passes/iterations.js';
import { configFor, OPTION_SETS } from './support.js';
import { sendHeavy } from '../../bench/send-heavy.js';

const languageOptions: Linter.LanguageOptions = { ecmaVersion: 'latest', sourceType: 'module' };

/** Counted calls while linting `code` with every rule. */
function work(code: string): { queries: number; timerChecks: number; reports: number } {
  const queries = vi.spyOn(ValueFlow.prototype, 'sources');
  const timerChecks = vi.spyOn(IterationAnalysis.prototype as unknown as { isTimer: (node: unknown) => boolean }, 'isTimer');
  const messages = new Linter({ configType: 'flat' }).verify(code, configFor(OPTION_SETS[0]!, languageOptions), { filename: 'sends.js' });
  const counts = { queries: queries.mock.calls.length, timerChecks: timerChecks.mock.calls.length, reports: messages.length };
  vi.restoreAllMocks();
  return counts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('work grows linearly with the number of sends', () => {
  for (const shape of ['loop', 'flat'] as const) {
    it(`${shape === 'loop' ? 'sends in one loop' : 'sends at the top level'}: 4x the sends, at most 4.5x the work`, () => {
      const small = work(sendHeavy(shape, 200));
      const large = work(sendHeavy(shape, 800));
      // The same findings per send at both sizes: the analysis did not give up on the large one.
      expect(large.reports).toBe(small.reports * 4);
      if (shape === 'loop') expect(small.reports).toBeGreaterThanOrEqual(200);
      expect(large.queries).toBeLessThanOrEqual(small.queries * 4.5);
      expect(large.timerChecks).toBeLessThanOrEqual(Math.max(small.timerChecks, 1) * 4.5);
    });
  }
});
