// `eslint --concurrency`: each worker thread loads the config and the plugin again, so the
// plugin must load in a worker and keep no state across files. The results must not change.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { configFile, EXAMPLE_FINDINGS, eslintAtLeast, findings, lint, root, short } from './support.js';

// examples/ is the required check; tests/cases adds 70 findings of every rule, JS and TS.
const targets = ['examples', 'tests/cases'];

describe.skipIf(!eslintAtLeast('9.34.0'))(`concurrency (ESLint ${ESLint.version})`, () => {
  it('Node API: concurrency 2 gives exactly the serial results', async () => {
    const serial = await lint(targets, { concurrency: 'off' });
    const parallel = await lint(targets, { concurrency: 2 });
    expect(findings(parallel)).toEqual(findings(serial));
    // The whole results, not only the findings: suggestions, counts, suppressed messages.
    expect(parallel).toEqual(serial);
    expect(findings(serial).filter((f) => f.startsWith('examples/')).map(short)).toEqual(EXAMPLE_FINDINGS);
    expect(findings(serial)).toHaveLength(3 + 72); // examples/ and the 72 annotated cases, two of them across modules
    expect(findings(serial).some((f) => f.includes(' FATAL '))).toBe(false);
  }, 120_000);

  it('an import cycle and a chain of modules: each worker reads the other modules itself, and the reports are the serial ones', async () => {
    const graph = ['tests/fixtures/module-graph'];
    const serial = await lint(graph, { concurrency: 'off' });
    const parallel = await lint(graph, { concurrency: 2 });
    expect(parallel).toEqual(serial);
    // The cycle's two callers and the head of the chain.
    expect(findings(serial).map((f) => f.replace(/-\d+:\d+ .*/s, ''))).toEqual([
      'tests/fixtures/module-graph/c.js:3:29',
      'tests/fixtures/module-graph/chain-1.js:4:31',
      'tests/fixtures/module-graph/d.js:3:29',
    ]);
  }, 120_000);

  it('CLI: `eslint --concurrency 2` prints the same JSON report as a serial run', () => {
    const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin/eslint.js');
    const eslint = (...args: string[]) => {
      const run = spawnSync(process.execPath, [bin, '-c', configFile, '--format', 'json', ...args, ...targets], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(1);
      return JSON.parse(run.stdout) as ESLint.LintResult[];
    };
    const serial = eslint('--concurrency', 'off');
    const parallel = eslint('--concurrency', '2');
    expect(parallel).toEqual(serial);
    expect(findings(serial)).toHaveLength(3 + 72); // examples/ and the 72 annotated cases, two of them across modules
  }, 120_000);
});
