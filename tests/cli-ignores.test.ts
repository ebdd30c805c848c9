import { describe, expect, it } from 'vitest';
import { gitignoreToPattern, literalPattern } from '../src/cli/ignores.js';

describe('gitignoreToPattern', () => {
  it.each([
    ['dist', '**/dist'],
    ['dist/', '**/dist/'],
    ['/dist', 'dist'],
    ['/dist/', 'dist/'],
    ['src/gen', 'src/gen'],
    ['src/gen/**', 'src/gen/**/*'],
    ['*.local.ts', '**/*.local.ts'],
    ['!keep.ts', '!**/keep.ts'],
    ['\\#hash.ts', '**/#hash.ts'],
    ['file{1,2}.ts', '**/file\\{1,2}.ts'],
    ['trailing.ts   ', '**/trailing.ts'],
    ['**', '**'],
  ])('%j becomes %j', (line, pattern) => {
    expect(gitignoreToPattern(line)).toBe(pattern);
  });

  it('skips blank lines and comments', () => {
    expect(gitignoreToPattern('')).toBeUndefined();
    expect(gitignoreToPattern('   ')).toBeUndefined();
    expect(gitignoreToPattern('# build output')).toBeUndefined();
  });
});

describe('literalPattern', () => {
  it("escapes the glob characters of a path git lists, so ESLint's matcher takes it literally", () => {
    expect(literalPattern('a(b)[c]{d}*?.ts')).toBe('a\\(b\\)\\[c\\]\\{d\\}\\*\\?.ts');
    expect(literalPattern('!important.ts')).toBe('\\!important.ts');
    expect(literalPattern('#notes/')).toBe('\\#notes/');
  });
});
