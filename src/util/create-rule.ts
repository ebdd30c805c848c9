import { ESLintUtils } from '@typescript-eslint/utils';

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

export const createRule = ESLintUtils.RuleCreator<MailRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
