import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { lazyTypeScriptParser } from '../src/util/typescript-parser.js';
import { describe, expect, it } from 'vitest';
import plugin, { configs, rules } from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the plugin object', () => {
  it('carries meta from package.json with the mail namespace', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-mail', version: pkg.version, namespace: 'mail' });
  });

  it('derives its configs from rule metadata', () => {
    const recommended = Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended === 'recommended')
      .map(([name]) => `mail/${name}`);
    expect(Object.keys(configs.recommended[0]!.rules ?? {})).toEqual(recommended);
    expect(Object.keys(configs.all[0]!.rules ?? {})).toEqual(Object.keys(rules).map((name) => `mail/${name}`));
    for (const [name, [main, javascript, typescript, ...rest]] of Object.entries(configs)) {
      expect(main!.name).toBe(`mail/${name}`);
      expect(main!.plugins?.['mail']).toBe(plugin);
      expect(main!.files).toEqual(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
      // JavaScript keeps its parser (espree unless the project set one), with JSX on.
      expect(javascript).toEqual({
        name: `mail/${name}/javascript`,
        files: ['**/*.{js,mjs,cjs,jsx}'],
        languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      });
      // TypeScript gets the parser and nothing else, so a project's parserOptions survive the merge:
      // typescript-eslint's, loaded when the first TypeScript file is parsed (an optional peer).
      expect(typescript).toEqual({ name: `mail/${name}/typescript`, files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: lazyTypeScriptParser } });
      expect(rest).toEqual([]);
    }
    expect(configs.recommended[0]!.rules).toHaveProperty('mail/no-exposed-recipients', 'error');
  });

  it('turns type-aware analysis on only in the type-checked configs, through an explicit option', () => {
    expect(configs['recommended-type-checked'][0]!.rules).toMatchObject({
      'mail/no-exposed-recipients': ['error', { useTypeInformation: true }],
      'mail/no-unbatched-send': ['error', { useTypeInformation: true }],
    });
    expect(configs['strict-type-checked'][0]!.rules).toMatchObject({
      'mail/no-exposed-recipients': ['error', { messageShapes: true, reportFixedLists: true, useTypeInformation: true }],
    });
    expect(configs.strict[0]!.rules).toMatchObject({ 'mail/no-exposed-recipients': ['error', { messageShapes: true, reportFixedLists: true }] });
    expect(configs.recommended[0]!.rules).toHaveProperty('mail/respect-provider-limits', 'error');
    for (const name of ['recommended', 'strict', 'all'] as const) {
      expect(JSON.stringify(configs[name][0]!.rules)).not.toContain('useTypeInformation');
      expect(configs[name][0]!.settings).toBeUndefined();
    }
    // ...and only they require it, under their own name (docs/type-information.md).
    for (const name of ['recommended-type-checked', 'strict-type-checked'] as const) {
      expect(configs[name][0]!.settings).toEqual({ mail: { requireTypeInformation: `mail/${name}` } });
    }
  });

  it('keeps option defaults in meta.defaultOptions and describes every option', () => {
    for (const rule of Object.values(rules)) {
      expect(rule.meta.defaultOptions).toBeDefined();
      for (const schema of rule.meta.schema as unknown as { properties?: Record<string, { description?: string }> }[]) {
        for (const [option, property] of Object.entries(schema.properties ?? {})) {
          expect(property.description, option).toBeTruthy();
        }
      }
    }
  });
});

describe('the built package', () => {
  it('loads through import() and require() as the same plugin object', () => {
    // A separate Node process, so the test runner's own module loader is not involved.
    const script = `
      import { createRequire } from 'node:module';
      const imported = (await import('eslint-plugin-mail')).default;
      const required = createRequire(import.meta.url)('eslint-plugin-mail');
      console.log(JSON.stringify({ same: imported === required, name: required.meta.name, rules: Object.keys(required.rules) }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ same: true, name: 'eslint-plugin-mail', rules: Object.keys(rules) });
  });
});

describe('the TypeScript parser the configs set', () => {
  it("is typescript-eslint's, loaded on first use: the same tree for the same code", () => {
    const code = 'const to: string[] = users.map((u) => u.email);';
    const options = { range: true, loc: true, sourceType: 'module' as const };
    const parser = lazyTypeScriptParser as { parseForESLint(code: string, options: object): { ast: { body: unknown[] } } };
    const lazy = parser.parseForESLint(code, options);
    expect(lazy.ast.body).toEqual(tsParser.parseForESLint(code, options).ast.body);
  });
});

