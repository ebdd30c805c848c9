// Type test, checked by `tsc -p tsconfig.json` (never run): the built package, as a user's
// eslint.config.ts imports it, is accepted by ESLint's `defineConfig()` and by typescript-eslint's
// `config()` without a cast. It imports 'eslint-plugin-mail' (the package's self-reference), so it
// checks the shipped declarations in dist/: `npm run build` first, as `npm test` does.
import { defineConfig } from 'eslint/config';
import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import mail, { configs } from 'eslint-plugin-mail';

export const recommended = defineConfig(mail.configs.recommended);

export const everyConfig = defineConfig(
  mail.configs.recommended,
  mail.configs.strict,
  mail.configs.all,
  configs['recommended-type-checked'],
  configs['strict-type-checked'],
);

export const withOptions = defineConfig({
  files: ['**/*.ts'],
  plugins: { mail },
  rules: {
    'mail/no-exposed-recipients': ['error', { maxFixedRecipients: 3 }],
    'mail/no-unbatched-send': 'warn',
  },
});

// The `extends` form of ESLint 9.22+ / 10, by plugin namespace and by config object.
export const extending = defineConfig({
  files: ['src/**/*.ts'],
  plugins: { mail },
  extends: ['mail/recommended', mail.configs['strict-type-checked']],
});

export const withTypescriptEslint = tseslint.config(
  ...tseslint.configs.recommended,
  mail.configs['recommended-type-checked'],
  { plugins: { mail }, rules: { 'mail/no-exposed-recipients': ['error', { maxFixedRecipients: 3 }] } },
);

// The plugin's meta carries the namespace ESLint and oxlint read.
export const namespace: 'mail' = mail.meta.namespace;

// The checks above would catch a wrong type: these must not compile.
export const wrong: Linter.Config[] = defineConfig({
  // @ts-expect-error -- a rule severity must be a known level
  rules: { 'mail/no-exposed-recipients': 'loud' },
});
// @ts-expect-error -- there is no such config
export const missing = mail.configs.lenient;
// @ts-expect-error -- a plugin is an object, not its name
export const notAPlugin = defineConfig({ plugins: { mail: 'eslint-plugin-mail' } });
