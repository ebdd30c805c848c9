// Issue 14, item 7: every path-like setting and option resolves from one root,
// `settings.mail.rootDir` (default: ESLint's cwd), and globs are minimatch's. An editor opened at
// packages/api and CI at the repository root run ESLint with different cwds; with `rootDir` set
// (as `import.meta.dirname` in eslint.config.js) they report the same.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { matchesFile, resolveRoot, toFilePattern } from '../../src/analysis/file/settings.js';

// A rootDir must name a folder that exists: the repository is made in the temp folder.
const repo = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'mail-root-')));
const api = path.join(repo, 'packages/api');
mkdirSync(api, { recursive: true });
afterAll(() => rmSync(repo, { recursive: true, force: true }));

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
  const match = (pattern: string, file: string, root = repo) => matchesFile(path.join(repo, file), root, [toFilePattern(pattern)]);

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

  it('take regular expressions written /source/flags', () => {
    expect(match('/\\.E2E\\.ts$/i', 'src/a.e2e.ts')).toBe(true);
  });

  it('say why a malformed pattern is malformed', () => {
    expect(() => toFilePattern('/(/')).toThrow(/^is not a valid regular expression \(Invalid regular expression: \/\(\/: Unterminated group\)$/);
    expect(() => toFilePattern('/test/q')).toThrow(/^is not a valid regular expression \(Invalid flags/);
    expect(() => toFilePattern('**/*.{test,spec')).toThrow('is not a valid glob (Missing closing: "}"');
    expect(() => toFilePattern('test/[ab.js')).toThrow('is not a valid glob (Missing closing: "]"');
    expect(() => toFilePattern('**/+(a|b.js')).toThrow('is not a valid glob (Missing closing: ")"');
    expect(() => toFilePattern('#fixtures/**')).toThrow('is not a valid glob: it matches no file; minimatch reads a leading # as a comment');
    // Balanced brackets, escapes and extglobs are fine.
    for (const ok of ['pages/[id].js', 'a/\\{b.js', '**/!(*.d).ts', '**/*.{test,spec}.*', '**/{__tests__,__mocks__}/**']) {
      expect(() => toFilePattern(ok), ok).not.toThrow();
    }
  });
});

describe('a mistake in a path-like setting or a pattern option stops the lint, naming it (issue 22, item 6)', () => {
  const verify = (mail: Record<string, unknown>, rules: Linter.RulesRecord = {}, code = 'export const x = 1;\n') => () =>
    new Linter({ cwd: repo }).verify(
      code,
      [...plugin.configs.recommended, { settings: { mail }, rules }, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }],
      { filename: path.join(repo, 'src/a.ts') },
    );

  it('a rootDir that names no folder, on any file', () => {
    expect(verify({ rootDir: 'no-such-folder' })).toThrow(
      `settings.mail.rootDir "no-such-folder" names nothing at ${path.join(repo, 'no-such-folder')}; it must name a folder.`,
    );
    writeFileSync(path.join(repo, 'a-file'), '');
    expect(verify({ rootDir: path.join(repo, 'a-file') })).toThrow(/settings\.mail\.rootDir ".*a-file" names a file at .*a-file; it must name a folder/);
    // With every rule but one off, the one left still says so.
    const onlyLimits = Object.fromEntries(Object.keys(plugin.rules).map((r) => [`mail/${r}`, r === 'respect-provider-limits' ? 'error' : 'off'])) as Linter.RulesRecord;
    expect(verify({ rootDir: 'no-such-folder' }, onlyLimits)).toThrow('settings.mail.rootDir "no-such-folder" names nothing');
    expect(verify({ rootDir: 'packages' })).not.toThrow();
  });

  it.each([
    ['no-hardcoded-credentials', 'testFilePatterns', ['**/*.test.*', '/(/'], 1, 'is not a valid regular expression (Invalid regular expression: /(/: Unterminated group)'],
    ['no-hardcoded-credentials', 'testFilePatterns', ['**/*.{test,spec'], 0, 'is not a valid glob (Missing closing: "}"'],
    ['no-hardcoded-credentials', 'placeholders', ['dev-(only'], 0, 'is not a valid regular expression'],
    ['no-exposed-recipients', 'messageShapeIgnore', ['**/fixtures/**', 'test/[ab'], 1, 'is not a valid glob (Missing closing: "]"'],
    ['no-exposed-recipients', 'messageShapeIgnore', ['/x/yy'], 0, 'is not a valid regular expression (Invalid flags'],
  ])('mail/%s option %s %j, on any file', (rule, option, patterns, index, why) => {
    const run = verify({}, { [`mail/${rule}`]: ['error', { [option]: patterns }] });
    expect(run).toThrow(`eslint-plugin-mail: mail/${rule} option ${option}[${index}]: ${JSON.stringify(patterns[index])} ${why}`);
  });
});
