// The package as npm would publish it: publint's checks, the packed file list, and the plugin
// loaded from a CommonJS config through ESLint.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';
import { configFile, findings, lint, root } from './support.js';

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the published package', () => {
  it('passes publint, strict, with no suggestions either', async () => {
    const { messages } = await publint({ pkgDir: root, level: 'suggestion', strict: true });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  }, 60_000);

  it('packs dist/, docs/, README, CHANGELOG, LICENSE and nothing of src/, tests/ or examples/', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const [packed] = JSON.parse(
      execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as { files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli.js',
      'docs/type-information.md',
      'docs/editors-and-scale.md',
      'docs/rules/no-exposed-recipients.md',
      'docs/sdks.md',
    ]) {
      expect(files).toContain(needed);
    }
    const tops = new Set(files.map((f) => f.split('/')[0]));
    expect([...tops].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'docs', 'package.json']);
    expect(files.filter((f) => /\.test\.|(^|\/)tests?\//.test(f))).toEqual([]);
  }, 60_000);

  it('asks for caret ranges of its runtime dependencies, so a project keeps one typescript-eslint', () => {
    const dependencies = pkg['dependencies'] as Record<string, string>;
    expect(Object.entries(dependencies).filter(([, range]) => !range.startsWith('^'))).toEqual([]);
    // rule-tester pins its siblings to its own version: the repository's own install must still
    // hold one copy of each, or the tests would run a different typescript-eslint than users get.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tree = JSON.parse(
      execFileSync(npm, ['ls', '--all', '--json', '@typescript-eslint/utils', '@typescript-eslint/parser'], { cwd: root, encoding: 'utf8' }),
    ) as unknown;
    const versions = new Set<string>();
    const walk = (node: { dependencies?: Record<string, { version?: string; dependencies?: unknown }> }) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        if (name === '@typescript-eslint/utils' || name === '@typescript-eslint/parser') versions.add(`${name}@${child.version}`);
        walk(child as typeof node);
      }
    };
    walk(tree as Parameters<typeof walk>[0]);
    expect([...versions].sort()).toHaveLength(2);
  }, 60_000);

  it('loads from an eslint.config.cjs through require() with the same findings as the ESM config', async () => {
    const fromCjs = await lint(['examples'], { overrideConfigFile: configFile.replace(/\.js$/, '.cjs') });
    expect(findings(fromCjs)).toEqual(findings(await lint(['examples'])));
    expect(findings(fromCjs)).toHaveLength(3);
  }, 60_000);

  it('require() in a plain CommonJS process gives the plugin itself, with configs and meta', () => {
    const script = `
      const mail = require('eslint-plugin-mail');
      const { version } = require('eslint-plugin-mail/package.json');
      console.log(JSON.stringify({
        namespace: mail.meta.namespace,
        version: mail.meta.version === version,
        configs: Object.keys(mail.configs).sort(),
        plugin: mail.configs.recommended[0].plugins.mail === mail,
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      namespace: 'mail',
      version: true,
      configs: ['all', 'recommended', 'recommended-type-checked', 'strict', 'strict-type-checked'],
      plugin: true,
    });
  });
});
