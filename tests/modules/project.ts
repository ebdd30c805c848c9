// Multi-module fixtures on disk, linted with ESLint as a user runs it: the project's own modules
// are read from the files around the linted one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, expect } from 'vitest';
import plugin from '../../src/index.js';
import { runsForward } from '../ranges.js';

const root = mkdtempSync(path.join(tmpdir(), 'mail-project-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the files into a new directory and returns it. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export interface Found {
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  readonly rule: string | null;
  readonly message: string;
}

/** Lints one file of the project with `recommended` (or `strict`), TypeScript files with @typescript-eslint/parser. */
export async function lint(dir: string, file: string, config: 'recommended' | 'strict' = 'recommended'): Promise<Found[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs[config], { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } }],
  });
  const [result] = await eslint.lintFiles([file]);
  // Every report's range runs forwards: a cross-module report once ran from line 408 back to 404.
  expect(result!.messages.filter((m) => !runsForward(m))).toEqual([]);
  return result!.messages.map((m) => ({ line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, rule: m.ruleId, message: m.message }));
}
