/**
 * Values that only stand in for a secret (`''`, `'changeme'`, `'<your-key>'`, `'SG.xxx'`), and
 * file patterns (globs or regexes) for the files a rule skips.
 */

import { escapeRegExp } from '../../util/regexp.js';

const PLACEHOLDERS: readonly RegExp[] = [
  /^\s*$/,
  // xxx, ***, ..., ---, 000, ###
  /^([x*.#_\-0])\1*$/i,
  /^<[^>]*>$/,
  /^\[[^\]]*\]$/,
  /^\{\{?[^}]*\}?\}$/,
  /^\$\{?[\w.]+\}?$/,
  /^%[\w.]+%$/,
  /^(?:change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me|placeholder|todo|tbd|fixme|dummy|example|sample|test|testing|none|null|undefined|n\/a|secret|password|passwd|pass|pwd|key|token|api[-_ ]?key|api[-_ ]?token|api[-_ ]?secret)$/i,
  /^(?:your|my|insert|enter|put|add|replace)[-_ .]?.*(?:key|token|secret|password|pass|here)[-_ .\w]*$/i,
  /^your[-_ .][\w\- .]*$/i,
  /x{4,}|\*{4,}/i,
];

/** Real keys, tokens and passwords are longer: `'re_123'`, `'k'` or `'s'` only fill a slot in an example. */
const MIN_SECRET_LENGTH = 6;

/** Whether a value in a credential position is a placeholder rather than a secret. */
export function isPlaceholder(value: string, prefix: string | undefined, extra: readonly RegExp[] = []): boolean {
  const candidates = [value.trim()];
  if (prefix && value.toLowerCase().startsWith(prefix.toLowerCase())) candidates.push(value.slice(prefix.length).trim());
  return candidates.some(
    (candidate) => candidate.length < MIN_SECRET_LENGTH || [...PLACEHOLDERS, ...extra].some((pattern) => pattern.test(candidate)),
  );
}

/** `/source/flags` is a regular expression; anything else a glob with `*`, `**`, `?` and `{a,b}`. */
// Rules compile their option patterns in create(), once per file: keep each compiled once.
const compiled = new Map<string, RegExp | null>();

export function toPattern(text: string): RegExp | null {
  const key = `file:${text}`;
  if (compiled.has(key)) return compiled.get(key)!;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  let pattern: RegExp | null;
  try {
    pattern = regex ? new RegExp(regex[1]!, regex[2]) : globToRegExp(text);
  } catch {
    pattern = null; // a malformed pattern matches nothing rather than crashing the lint
  }
  compiled.set(key, pattern);
  return pattern;
}

/** A placeholder pattern from the options: a full-match, case-insensitive regex, or `/source/flags`. */
export function toPlaceholderPattern(text: string): RegExp | null {
  const key = `placeholder:${text}`;
  if (compiled.has(key)) return compiled.get(key)!;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  let pattern: RegExp | null;
  try {
    pattern = regex ? new RegExp(regex[1]!, regex[2]) : new RegExp(`^(?:${text})$`, 'i');
  } catch {
    pattern = null;
  }
  compiled.set(key, pattern);
  return pattern;
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

/** Whether the linted file matches one of the patterns: globs against its path from `cwd`, with `/` separators. */
export function matchesFile(filename: string, cwd: string, patterns: readonly RegExp[]): boolean {
  const normal = filename.replaceAll('\\', '/');
  const base = cwd.replaceAll('\\', '/').replace(/\/?$/, '/');
  const relative = normal.startsWith(base) ? normal.slice(base.length) : normal.replace(/^\/+/, '');
  return patterns.some((pattern) => pattern.test(relative) || pattern.test(normal));
}
