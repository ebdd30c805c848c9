import { lazyTypeScriptParser } from './util/typescript-parser.js';
import type { ESLint, Linter } from 'eslint';
import type { MailRuleDocs } from './util/create-rule.js';

type RuleModule = { meta: { docs?: MailRuleDocs } };

/** JavaScript in all its module flavours: parsed by ESLint's default parser, espree, with JSX on. */
export const JS_FILES = ['**/*.{js,mjs,cjs,jsx}'];
/** TypeScript in all its module flavours: parsed by `@typescript-eslint/parser`. */
export const TS_FILES = ['**/*.{ts,mts,cts,tsx}'];
/** The files every shipped config applies to: JavaScript and TypeScript in all their module flavours. */
export const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

export type ConfigName = 'recommended' | 'strict' | 'all' | 'recommended-type-checked' | 'strict-type-checked';

/**
 * The shipped configs, derived from each rule's `meta.docs` so they cannot drift:
 * `recommended` and `strict` pick rules by `docs.recommended`, and set the options in
 * `docs.strictOptions` (strict configs) and `docs.typeCheckedOptions` (type-checked configs).
 *
 * Each config is three objects, so that it works alone in a TypeScript project and still leaves a
 * project's own parser settings in charge:
 * - the rules, for every JavaScript and TypeScript file;
 * - JSX on for JavaScript files, a parser option only: espree stays the parser unless the project
 *   set another, and a project that set one keeps it;
 * - `@typescript-eslint/parser` for TypeScript files, the parser and nothing else: flat config merges
 *   `parserOptions` key by key, so a project's `projectService` or `project`, set before or after
 *   this config, keeps its typed linting, and a parser set after this config wins.
 *
 * The type-checked configs also set `settings.mail.requireTypeInformation` to their own name: a
 * TypeScript file parsed without type information then stops the lint with an error that names the
 * config, as typescript-eslint's type-checked configs do (see docs/type-information.md).
 */
/**
 * A shipped config: the list ESLint takes (spread it, or pass it to `defineConfig`), which also
 * carries its rules object's `name`, `files`, `plugins`, `settings` and `rules` as properties, for
 * tools that read a config's rules (a benchmark, an evaluation script, a config inspector).
 */
export type MailConfig = Linter.Config[] & Pick<Linter.Config, 'name' | 'files' | 'plugins' | 'settings' | 'rules'>;

export function buildConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleModule>): Record<ConfigName, MailConfig> {
  const config = (
    name: ConfigName,
    levels: readonly (string | undefined)[],
    options: { strict?: boolean; typed?: boolean } = {},
  ): MailConfig => {
    const list = objects(name, levels, options);
    const [{ files, plugins, settings, rules: ruleEntries }] = list as [Linter.Config];
    return Object.assign(list, { name: `mail/${name}`, files, plugins, ...(settings ? { settings } : {}), rules: ruleEntries });
  };
  const objects = (
    name: ConfigName,
    levels: readonly (string | undefined)[],
    { strict = false, typed = false } = {},
  ): Linter.Config[] => [
    {
      name: `mail/${name}`,
      files: FILES,
      plugins: { mail: plugin },
      ...(typed ? { settings: { mail: { requireTypeInformation: `mail/${name}` } } } : {}),
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
    },
    {
      name: `mail/${name}/javascript`,
      files: JS_FILES,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: `mail/${name}/typescript`,
      files: TS_FILES,
      languageOptions: { parser: lazyTypeScriptParser },
    },
  ];
  return {
    recommended: config('recommended', ['recommended']),
    strict: config('strict', ['recommended', 'strict'], { strict: true }),
    all: config('all', ['recommended', 'strict', undefined], { strict: true }),
    'recommended-type-checked': config('recommended-type-checked', ['recommended'], { typed: true }),
    'strict-type-checked': config('strict-type-checked', ['recommended', 'strict'], { strict: true, typed: true }),
  };
}
