import { at } from '../../helpers.js';

/** A `hardcoded` report on the literal `text` in `code`. */
export const hardcoded = (code: string, text: string, sdk: string, credential: string, nth = 0) => ({
  messageId: 'hardcoded' as const,
  data: { sdk, credential, fallbackFor: '' },
  ...at(code, text, nth),
});

/** A `hardcodedFallback` report: the literal stands in for `fallbackFor`. */
export const fallback = (code: string, text: string, sdk: string, credential: string, fallbackFor: string) => ({
  messageId: 'hardcodedFallback' as const,
  data: { sdk, credential, fallbackFor },
  ...at(code, text),
});

/** One invalid case, its reports built from the code. */
export const invalid = <E extends { messageId: string }>(name: string, code: string, errors: (code: string) => E[], extra: object = {}) => ({
  name,
  code,
  errors: errors(code),
  ...extra,
});
