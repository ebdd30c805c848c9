import type { ESLint, Linter } from 'eslint';
import type { MailRuleDocs } from './util/create-rule.js';

type RuleModule = { meta: { docs?: MailRuleDocs } };

/** The files every shipped config applies to: JavaScript and TypeScript in all their module flavours. */
export const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** `recommended`, `strict` and `all`, derived from each rule's `meta.docs.recommended` so they cannot drift. */
export function buildConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleModule>) {
  const pick = (levels: readonly (string | undefined)[]): Linter.RulesRecord =>
    Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => levels.includes(rule.meta.docs?.recommended))
        .map(([name]) => [`mail/${name}`, 'error' as const]),
    );
  const config = (name: string, levels: readonly (string | undefined)[]): Linter.Config => ({
    name: `mail/${name}`,
    files: FILES,
    plugins: { mail: plugin },
    rules: pick(levels),
  });
  return {
    recommended: config('recommended', ['recommended']),
    strict: config('strict', ['recommended', 'strict']),
    all: config('all', ['recommended', 'strict', undefined]),
  };
}
