// `npm run test:eslint9` runs the whole suite against ESLint 9.15.0, installed outside the
// repository and loaded through tests/integration/eslint-from.js. This proves it is that ESLint
// everywhere: in test files, in @typescript-eslint/rule-tester (which require()s its own), and
// in the child processes that run dist/cli.js. In `npm test` it is the repository's ESLint.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import { expect, it } from 'vitest';
import { root } from './support.js';

const expected =
  process.env['MAIL_EXPECT_ESLINT'] ??
  (JSON.parse(readFileSync(path.join(root, 'node_modules/eslint/package.json'), 'utf8')) as { version: string }).version;

it(`runs the tests against ESLint ${expected}`, () => {
  const require = createRequire(import.meta.url);
  const ruleTester = createRequire(require.resolve('@typescript-eslint/rule-tester'))('eslint') as typeof import('eslint');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', "import('eslint').then((m) => console.log(m.ESLint.version))"], {
    cwd: root,
    encoding: 'utf8',
  });
  expect({
    test: ESLint.version,
    linter: Linter.version,
    ruleTester: ruleTester.Linter.version,
    childProcess: child.stdout.trim(),
  }).toEqual({ test: expected, linter: expected, ruleTester: expected, childProcess: expected });
});
