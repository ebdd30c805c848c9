// The SARIF formatter used by ESLint itself, outside mail-lint: loaded by file path as `eslint -f`
// does, and through the package's `./sarif` subpath.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../sarif-schema.js';
import { configFile, EXAMPLE_FINDINGS, root } from './support.js';

const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');
const eslintCli = (...args: string[]) =>
  spawnSync(process.execPath, [eslintBin, '--config', configFile, ...args], { cwd: root, encoding: 'utf8' });

const located = (log: Sarif.Log) =>
  log.runs[0]!.results!.map(
    (r) => `${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine} ${r.ruleId}`,
  ).sort();

describe('the SARIF formatter with ESLint', () => {
  it('eslint -f <path to dist/formatters/sarif.js> writes a log that validates against SARIF 2.1.0', () => {
    const run = eslintCli('-f', './dist/formatters/sarif.js', 'examples');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(located(log)).toEqual(EXAMPLE_FINDINGS);
    expect(log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'mail/no-exposed-recipients')!.properties!.tags).toContain(
      'security',
    );
  }, 60_000);

  it("the package's ./sarif subpath is the same formatter, and ESLint's loadFormatter takes its resolved path", async () => {
    const bySubpath = (await import('eslint-plugin-mail/sarif')).default;
    const byFile = ((await import(path.join(root, 'dist/formatters/sarif.js'))) as { default: unknown }).default;
    expect(bySubpath).toBe(byFile);

    const eslint = new ESLint({ cwd: root, overrideConfigFile: configFile });
    const formatter = await eslint.loadFormatter(fileURLToPath(import.meta.resolve('eslint-plugin-mail/sarif')));
    const log = JSON.parse(await formatter.format(await eslint.lintFiles(['examples']))) as Sarif.Log;
    expect(sarifValidator()(log)).toBe(true);
    expect(located(log)).toEqual(EXAMPLE_FINDINGS);
  }, 60_000);

  it('eslint -f eslint-plugin-mail/sarif does not work: ESLint reads any name with a slash as a file path', () => {
    // If a later ESLint resolves package subpaths, this fails, and docs/ci.md can recommend the short form.
    const run = eslintCli('-f', 'eslint-plugin-mail/sarif', 'examples');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`There was a problem loading formatter: ${path.join(root, 'eslint-plugin-mail/sarif')}`);
  }, 60_000);
});
