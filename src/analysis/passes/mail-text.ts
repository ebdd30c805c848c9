import { mentionsPattern, MODULE_NEEDLE, SHAPE_KEY_HINT, SHAPE_TO_HINT } from '../../sdks/indexes.js';
import { moduleFact } from '../project/modules.js';
import type { Reexport } from './summary-types.js';

/**
 * What another module's text says of mail before it is parsed: the cheap first look of the
 * module summaries (summaries.ts) and the callers report (callers.ts), kept per file version in
 * the project layer.
 */

export const MAIL_WORD = /mail/i;
/** A dispatch on a message bus with an object (`seneca.act({ … })`). */
export const DISPATCH_TEXT = /\.act\s*\(\s*\{/;
/** `export … from` and `export *`: a module that only passes on another's exports. */
const REEXPORT_NEEDLE = /\bexport\s*(?:\*|\{[^}]*\}\s*from)/;
/** `export * from 'x'` (no names) and `export { a, b as c } from 'x'` (names in group 1; the quote in 2, the source in 3). */
const REEXPORT = /\bexport\s*(?:\*|\{([^}]*)\})\s*from\s*(['"])([^'"\n]+)\2/g;

/** What a module's text says before it is parsed. */
export interface MailText {
  /** An import of an SDK, or a dispatch to an action one registers (`role: 'mail', cmd: 'send'`). */
  readonly importsSdk: boolean;
  /** The dispatch alone: no import gives the module a root, yet it sends. */
  readonly dispatchesToSdk: boolean;
  /** It dispatches on a message bus (`seneca.act({ … })`): a module registering the pattern may send. */
  readonly dispatches: boolean;
  readonly mentionsMail: boolean;
  /** A message builder writes a `to`/`cc` key next to a message key, and says mail somewhere. */
  readonly builds: boolean;
  readonly reexports: readonly Reexport[];
}

export function mailText(file: string): MailText | null {
  return moduleFact('mail', file, (text) => {
    const mentionsMail = MAIL_WORD.test(text);
    const dispatchesToSdk = mentionsPattern(text);
    return {
      importsSdk: MODULE_NEEDLE.test(text) || dispatchesToSdk,
      dispatchesToSdk,
      dispatches: DISPATCH_TEXT.test(text),
      mentionsMail,
      builds: mentionsMail && SHAPE_TO_HINT.test(text) && SHAPE_KEY_HINT.test(text),
      // Re-exports are read from the text: an index file that only passes names on is never parsed.
      reexports: REEXPORT_NEEDLE.test(text) ? textReexports(text) : [],
    };
  });
}

/** `export * from './a'`, `export { send, notify as alert } from './b'` (types left out), read from the text. */
function textReexports(text: string): Reexport[] {
  const found: Reexport[] = [];
  for (const match of text.matchAll(REEXPORT)) {
    const [, names, , source] = match;
    if (names === undefined) {
      found.push({ name: '*', source: source!, imported: '*' });
      continue;
    }
    for (const part of names.split(',')) {
      const words = part.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0 || words[0] === 'type') continue;
      const imported = words[0]!;
      const name = words[1] === 'as' && words[2] ? words[2] : imported;
      found.push({ name, source: source!, imported });
    }
  }
  return found;
}
