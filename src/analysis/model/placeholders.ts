import { PatternError } from '../file/settings.js';

/**
 * Values that only stand in for a secret (`''`, `'changeme'`, `'<your-key>'`, `'SG.xxx'`). File
 * patterns live with the settings (`file/settings.ts`).
 */

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

// Rules compile their option patterns in create(), once per file: keep each compiled once.
const compiled = new Map<string, RegExp | PatternError>();

/**
 * A placeholder pattern from the options: a full-match, case-insensitive regex, or `/source/flags`.
 * A malformed one throws a PatternError that says why.
 */
export function toPlaceholderPattern(text: string): RegExp {
  let pattern = compiled.get(text);
  if (!pattern) {
    const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
    try {
      pattern = regex ? new RegExp(regex[1]!, regex[2]) : new RegExp(`^(?:${text})$`, 'i');
    } catch (error) {
      pattern = new PatternError(`is not a valid regular expression (${(error as Error).message})`);
    }
    compiled.set(text, pattern);
  }
  if (pattern instanceof PatternError) throw pattern;
  return pattern;
}
