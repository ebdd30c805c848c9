// Lints the plugin itself: TypeScript with type information, and eslint-plugin-eslint-plugin's
// checks on every rule.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'examples/', 'tests/fixtures/', 'tests/cases/', 'bench/.corpus/', 'bench/.apps/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    // TypeScript is optional for users (CONTRIBUTING.md): nothing loaded at run time may need it.
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@typescript-eslint/utils', allowTypeImports: true, message: 'It loads TypeScript: take values from @typescript-eslint/types, @typescript-eslint/scope-manager or src/util/ast-utils.ts.' },
            { name: '@typescript-eslint/parser', allowTypeImports: true, message: 'Load it through src/util/typescript-parser.ts, when a TypeScript file needs it.' },
            { name: 'typescript', allowTypeImports: true, message: 'TypeScript is optional: use the program typescript-eslint gives (parser services).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
