import { readFileSync } from 'node:fs';
import type { ESLintUtils } from '@typescript-eslint/utils';

export interface MailRuleDocs {
  description: string;
  /** The configs the rule is in: `recommended` (and so `strict`), or `strict` only. */
  recommended?: 'recommended' | 'strict';
  /** Weakness ids (CWE) the rule guards against. */
  cwe?: readonly string[];
  /** Options the `strict` configs set. */
  strictOptions?: Readonly<Record<string, unknown>>;
  /** Options the `*-type-checked` configs set: how the rule turns on type-aware analysis. */
  typeCheckedOptions?: Readonly<Record<string, unknown>>;
}

export const REPO_URL = 'https://github.com/eslint-plugin-mail/eslint-plugin-mail';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * A rule's documentation at the release this package is (its tag, which the release workflow
 * makes), not on main: the options and behaviour there are the ones the installed rules have.
 */
export const ruleDocsUrl = (name: string) => `${REPO_URL}/blob/v${version}/docs/rules/${name}.md`;

/**
 * typescript-eslint's RuleCreator, typed the same (`ESLintUtils.RuleModule`), built here because
 * @typescript-eslint/utils at run time needs TypeScript, which a JavaScript project should not have
 * to install: the rule gets its docs URL, and its options a shallow merge with the defaults, not
 * RuleCreator's per-file deep merge. ESLint (9.15+) already merges `meta.defaultOptions` into
 * `context.options`, and that deep merge cost more than the rest of the rules together on files
 * without mail code; the shallow merge keeps hosts that do not merge defaults (oxlint) working,
 * since every rule's options are one flat object.
 */
export const createRule = <Options extends readonly [Record<string, unknown>], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, MailRuleDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, MailRuleDocs> & { name: string } => {
  const { name, meta, create } = spec;
  const defaults = (spec.meta.defaultOptions?.[0] ?? {}) as Options[0];
  const defaultKeys = Object.keys(defaults);
  const withDefaults = [defaults] as unknown as Options;
  const optionsOf = (options: readonly unknown[]): Options => {
    const given = options[0];
    if (typeof given !== 'object' || given === null) return withDefaults;
    // ESLint merged the defaults in (a fresh object per file, so nothing to cache): use them as they are.
    for (const key of defaultKeys) if (!(key in given)) return [{ ...defaults, ...given }] as unknown as Options;
    return options as unknown as Options;
  };
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions: spec.defaultOptions ?? meta.defaultOptions ?? [],
    create: (context) => create(context, optionsOf(context.options)),
  } as ESLintUtils.RuleModule<MessageIds, Options, MailRuleDocs> & { name: string };
};
