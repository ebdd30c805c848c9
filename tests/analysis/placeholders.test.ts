import { describe, expect, it } from 'vitest';
import { globToRegExp, isPlaceholder, matchesFile, toPattern, toPlaceholderPattern } from '../../src/analysis/model/placeholders.js';

describe('isPlaceholder', () => {
  it.each(['', '   ', 'k', 'xxx', '********', '<your-api-key>', '[api key]', '{{SMTP_PASS}}', '${SMTP_PASS}', '%KEY%', 'changeme', 'CHANGE_ME', 'YOUR_API_KEY', 'your-password-here', 'password', 'secret', 'ab1xxxxcd2'])(
    '%j stands in for a secret',
    (value) => expect(isPlaceholder(value, undefined)).toBe(true),
  );

  it.each(['correct-horse-battery', 'Tr0ub4dor&3', 'SG.abcdefghijklmnop.qrstuvwxyz', 'wJalrXUtnFEMI/K7MDENG'])('%j is a secret', (value) =>
    expect(isPlaceholder(value, undefined)).toBe(false),
  );

  it('checks the value after a known prefix', () => {
    expect(isPlaceholder('SG.xxxxxxxx', 'SG.')).toBe(true);
    expect(isPlaceholder('re_123', 're_')).toBe(true);
    expect(isPlaceholder('xkeysib-<your-key>', 'xkeysib-')).toBe(true);
    expect(isPlaceholder('SG.abcdefghijklmnop', 'SG.')).toBe(false);
  });

  it('takes extra patterns', () => {
    expect(isPlaceholder('dev-only-key', undefined, [toPlaceholderPattern('dev-only-.*')!])).toBe(true);
    expect(isPlaceholder('prod-dev-only-key', undefined, [toPlaceholderPattern('dev-only-.*')!])).toBe(false);
  });
});

describe('file patterns', () => {
  it('translates globs', () => {
    expect(globToRegExp('**/*.{test,spec}.*').test('src/a/mail.test.ts')).toBe(true);
    expect(globToRegExp('**/*.{test,spec}.*').test('mail.spec.js')).toBe(true);
    expect(globToRegExp('**/*.{test,spec}.*').test('src/contest.ts')).toBe(false);
    expect(globToRegExp('**/__tests__/**').test('src/__tests__/a.ts')).toBe(true);
    expect(globToRegExp('src/?.ts').test('src/a.ts')).toBe(true);
    expect(globToRegExp('src/*.ts').test('src/a/b.ts')).toBe(false);
  });

  it('reads /regex/flags and rejects malformed patterns', () => {
    expect(toPattern('/\\.E2E\\./i')!.test('a.e2e.ts')).toBe(true);
    expect(toPattern('/(/')).toBeNull();
    expect(toPlaceholderPattern('(')).toBeNull();
  });

  it('matches the path from the working directory, on any platform', () => {
    const patterns = [toPattern('fixtures/**')!];
    expect(matchesFile('/repo/fixtures/mail.ts', '/repo', patterns)).toBe(true);
    expect(matchesFile('C:\\repo\\fixtures\\mail.ts', 'C:\\repo', patterns)).toBe(true);
    expect(matchesFile('/repo/src/mail.ts', '/repo', patterns)).toBe(false);
  });
});
