// The annotated case files in tests/cases (`// expect: <rule>` on each reported line, the format
// of the shared evaluation): every marked line is reported, and nothing else is.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { expect, it } from 'vitest';
import plugin from '../src/index.js';

const dir = path.resolve(import.meta.dirname, 'cases');
const files = readdirSync(dir).filter((f) => /\.[cm]?[jt]sx?$/.test(f));

it('has case files', () => {
  expect(files.length).toBeGreaterThan(0);
});

it.each(files)('%s: reports exactly the marked lines', async (file) => {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      // Every rule at its defaults: the `all` config with its options taken out.
      ...plugin.configs.all.map((config) =>
        config.rules ? { ...config, rules: Object.fromEntries(Object.keys(plugin.rules).map((r) => [`mail/${r}`, 'error' as const])) } : config,
      ),
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  const expected = readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const match = /\/\/\s*expect:\s*([\w\-, ]+)/.exec(text);
      return match ? match[1]!.split(',').map((rule) => `${i + 1} mail/${rule.trim()}`) : [];
    });
  // A report covers a marked line when its range spans it, as in the shared scorer.
  const found = result!.messages.map((m) => {
    expect(m.fatal, m.message).toBeFalsy();
    const line = expected.find((e) => {
      const [at, rule] = e.split(' ');
      return rule === m.ruleId && Number(at) >= m.line && Number(at) <= (m.endLine ?? m.line);
    });
    return line ?? `${m.line} ${m.ruleId} (unexpected: ${m.message})`;
  });
  expect([...new Set(found)].sort()).toEqual([...new Set(expected)].sort());
});
