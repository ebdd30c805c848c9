// Issue 14, item 7: every path-like setting and option resolves from one root,
// `settings.mail.rootDir` (default: ESLint's cwd), and globs are minimatch's. An editor opened at
// packages/api and CI at the repository root run ESLint with different cwds; with `rootDir` set
// (as `import.meta.dirname` in eslint.config.js) they report the same.
import path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { matchesFile, resolveRoot, toFilePattern } from '../../src/analysis/file/settings.js';

const repo = path.resolve('/repo');
const api = path.join(repo, 'packages/api');

const WRAPPED = `import { send } from '../mailer';
export const notify = (users: { email: string }[]) => send({ to: users.map((u) => u.email) });
`;
const SECRET = `import sgMail from '@sendgrid/mail';
sgMail.setApiKey('SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
`;

function lint(cwd: string, file: string, code: string, mail: Record<string, unknown>, patterns?: string[]): string[] {
  const linter = new Linter({ cwd });
  const config: Linter.Config[] = [
    ...plugin.configs.recommended,
    { settings: { mail } },
    ...(patterns ? [{ rules: { 'mail/no-hardcoded-credentials': ['error', { testFilePatterns: patterns }] } } as Linter.Config] : []),
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  ];
  return linter.verify(code, config, { filename: file }).map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`);
}

describe('settings.mail.rootDir', () => {
  const wrappers = [{ module: './packages/api/src/mailer', export: 'send', property: 'to' }];
  const file = path.join(api, 'src/jobs/notify.ts');
  const patterns = ['packages/api/test/*.[jt]s'];
  const testFile = path.join(api, 'test/mailer.ts');

  it('gives the editor (cwd packages/api) and CI (cwd the root) the same results', () => {
    const settings = { rootDir: repo, wrappers };
    const atRoot = lint(repo, file, WRAPPED, settings);
    expect(atRoot).toEqual(['2:62 mail/no-exposed-recipients']);
    expect(lint(api, file, WRAPPED, settings)).toEqual(atRoot);

    expect(lint(repo, testFile, SECRET, { rootDir: repo }, patterns)).toEqual([]);
    expect(lint(api, testFile, SECRET, { rootDir: repo }, patterns)).toEqual([]);
  });

  it('without rootDir, resolves from ESLint cwd: the editor at packages/api sees other results', () => {
    expect(lint(repo, file, WRAPPED, { wrappers })).toEqual(['2:62 mail/no-exposed-recipients']);
    expect(lint(api, file, WRAPPED, { wrappers })).toEqual([]);
    expect(lint(repo, testFile, SECRET, {}, patterns)).toEqual([]);
    expect(lint(api, testFile, SECRET, {}, patterns)).toEqual(['2:18 mail/no-hardcoded-credentials']);
  });

  it('resolves a relative rootDir from ESLint cwd', () => {
    expect(resolveRoot('..', api)).toBe(path.join(repo, 'packages'));
    expect(resolveRoot(undefined, api)).toBe(api);
    expect(resolveRoot(repo, api)).toBe(repo);
    expect(lint(api, file, WRAPPED, { rootDir: '../..', wrappers })).toEqual(['2:62 mail/no-exposed-recipients']);
  });

  it('must be a non-empty string', () => {
    expect(() => lint(repo, file, WRAPPED, { rootDir: 1 })).toThrow('settings.mail.rootDir must be a non-empty path');
    expect(() => lint(repo, file, WRAPPED, { rootDir: '' })).toThrow('settings.mail.rootDir must be a non-empty path');
  });
});

describe('file patterns (testFilePatterns)', () => {
  const match = (pattern: string, file: string, root = repo) => matchesFile(path.join(repo, file), root, [toFilePattern(pattern)!]);

  it('are minimatch globs: character classes, braces and extglobs match', () => {
    expect(match('test/*.[jt]s', 'test/a.js')).toBe(true);
    expect(match('test/*.[jt]s', 'test/a.ts')).toBe(true);
    expect(match('test/*.[jt]s', 'test/a.mjs')).toBe(false);
    expect(match('test/*.[jt]s', 'src/test/a.js')).toBe(false);
    expect(match('**/!(*.d).ts', 'src/a.ts')).toBe(true);
    expect(match('**/!(*.d).ts', 'src/a.d.ts')).toBe(false);
    expect(match('!(*.d).ts', 'a.ts')).toBe(true);
    expect(match('!(*.d).ts', 'a.d.ts')).toBe(false);
    expect(match('**/*.{test,spec}.*', 'src/deep/a.spec.tsx')).toBe(true);
    expect(match('**/__tests__/**', '.github/__tests__/a.js')).toBe(true);
  });

  it('match the path from the root; a file outside it by its absolute path', () => {
    expect(match('api/test/*.js', 'packages/api/test/a.js', path.join(repo, 'packages'))).toBe(true);
    expect(match('api/test/*.js', 'packages/api/test/a.js')).toBe(false);
    expect(match('**/__tests__/**', '__tests__/a.js', path.join(repo, 'elsewhere'))).toBe(true);
  });

  it('take regular expressions written /source/flags, and a malformed pattern matches nothing', () => {
    expect(match('/\\.E2E\\.ts$/i', 'src/a.e2e.ts')).toBe(true);
    expect(toFilePattern('/(/')).toBeNull();
  });
});
