import type { ESLint, Linter } from 'eslint';
import type { MailRuleDocs } from './util/create-rule.js';

type RuleModule = { meta: { docs?: MailRuleDocs } };

/** The files every shipped config applies to: JavaScript and TypeScript in all their module flavours. */
export const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

export type ConfigName = 'recommended' | 'strict' | 'all' | 'recommended-type-checked' | 'strict-type-checked';

/**
 * The shipped configs, derived from each rule's `meta.docs` so they cannot drift:
 * `recommended` and `strict` pick rules by `docs.recommended`, and set the options in
 * `docs.strictOptions` (strict configs) and `docs.typeCheckedOptions` (type-checked configs).
 */
export function buildConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleModule>): Record<ConfigName, Linter.Config> {
  const config = (
    name: ConfigName,
    levels: readonly (string | undefined)[],
    { strict = false, typed = false } = {},
  ): Linter.Config => ({
    name: `mail/${name}`,
    files: FILES,
    plugins: { mail: plugin },
    rules: Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => levels.includes(rule.meta.docs?.recommended))
        .map(([rule, { meta }]) => {
          const options = {
            ...(strict ? meta.docs?.strictOptions : {}),
            ...(typed ? meta.docs?.typeCheckedOptions : {}),
          };
          return [`mail/${rule}`, Object.keys(options).length ? ['error', options] : 'error'];
        }),
    ),
  });
  return {
    recommended: config('recommended', ['recommended']),
    strict: config('strict', ['recommended', 'strict'], { strict: true }),
    all: config('all', ['recommended', 'strict', undefined], { strict: true }),
    'recommended-type-checked': config('recommended-type-checked', ['recommended'], { typed: true }),
    'strict-type-checked': config('strict-type-checked', ['recommended', 'strict'], { strict: true, typed: true }),
  };
}
