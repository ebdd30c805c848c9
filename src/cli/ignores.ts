/**
 * What mail-lint skips besides ESLint's defaults (`node_modules/`, `.git/`): build output, and
 * whatever git ignores. In a git work tree git itself lists the ignored paths (`git ls-files`
 * knows nested .gitignore files, .git/info/exclude, the global excludes file and negations, which a
 * reimplementation would get subtly wrong); elsewhere the folder's own .gitignore is translated.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Build output, coverage and dependencies: never the code a review is about, often a copy of it. */
export const DEFAULT_IGNORES = ['**/node_modules/', '**/dist/', '**/build/', '**/out/', '**/.next/', '**/coverage/'];

/** A path taken literally by ESLint's matcher (minimatch): its special characters escaped. */
export const literalPattern = (file: string) => file.replace(/[\\*?[\]{}()!+@#]/g, '\\$&');

/**
 * The repository being linted may come from anyone, and its `.git/config` can name commands git
 * runs: `core.fsmonitor` is run by `ls-files` to refresh the index. It is switched off (this also
 * keeps git's own fsmonitor daemon from starting), and no pager is started. `ls-files` runs no
 * hook, filter or diff driver.
 */
const NO_COMMANDS = ['--no-pager', '-c', 'core.fsmonitor=false'];

/**
 * The git-ignored files and folders under `cwd`, as ESLint ignore patterns relative to it;
 * `undefined` when `cwd` is not in a git work tree or git is not installed.
 */
export function gitIgnored(cwd: string): string[] | undefined {
  let listing: string;
  try {
    listing = execFileSync('git', [...NO_COMMANDS, 'ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
  // Folders come with a trailing slash, which ESLint reads as "this folder and all in it".
  return listing.split('\0').filter(Boolean).map(literalPattern);
}

/**
 * One .gitignore line as a flat-config ignore pattern (the translation @eslint/compat's
 * `includeIgnoreFile` makes): a pattern without an inner slash matches at any depth, a leading
 * slash anchors it, `dir/**` matches what is inside. `undefined` for blank lines and comments.
 */
export function gitignoreToPattern(line: string): string | undefined {
  if (line.trim() === '' || line.startsWith('#')) return undefined;
  const negated = line.startsWith('!');
  const prefix = negated ? '!' : '';
  // Trailing spaces are not part of a pattern unless escaped; `\#` and `\!` start literal names.
  const text = (negated ? line.slice(1) : line).replace(/(?<!\\)\s+$/, '').replace(/^\\([#!])/, '$1');
  if (['', '**', '/**', '**/'].includes(text)) return `${prefix}${text}`;
  const slash = text.indexOf('/');
  const anywhere = slash < 0 || slash === text.length - 1 ? '**/' : '';
  const unanchored = slash === 0 ? text.slice(1) : text;
  // gitignore has no {a,b} or (a|b) groups: they are literal characters there.
  const escaped = unanchored.replace(/(?<!\\)([{(])/g, '\\$1');
  const inside = text.endsWith('/**') ? '/*' : '';
  return `${prefix}${anywhere}${escaped}${inside}`;
}

/** The patterns of `dir/.gitignore`, for folders that are not in a git work tree. */
export function gitignoreFile(dir: string): string[] {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map(gitignoreToPattern)
    .filter((p): p is string => p !== undefined);
}

/** Everything mail-lint ignores under `cwd` on its own, before `--ignore-pattern` and the project's `ignores`. */
export function projectIgnores(cwd: string): string[] {
  return [...DEFAULT_IGNORES, ...(gitIgnored(cwd) ?? gitignoreFile(cwd))];
}
