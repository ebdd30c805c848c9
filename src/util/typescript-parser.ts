import { createRequire } from 'node:module';
import type { Linter } from 'eslint';

type TypeScriptParser = typeof import('@typescript-eslint/parser');

const require = createRequire(import.meta.url);
let loaded: TypeScriptParser | null | undefined;

/**
 * typescript-eslint's parser when it is installed, else null. It is an optional peer dependency:
 * it brings TypeScript (over 20 MB), which a JavaScript-only project does not need.
 */
export function typescriptParser(): TypeScriptParser | null {
  if (loaded === undefined) {
    try {
      loaded = require('@typescript-eslint/parser') as TypeScriptParser;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/**
 * The parser the shipped configs and mail-lint set for TypeScript files: typescript-eslint's,
 * loaded when the first TypeScript file is parsed, so a project with no TypeScript file needs
 * neither it nor TypeScript. Without it, a TypeScript file stops the lint with the install command.
 */
export const lazyTypeScriptParser: Linter.Parser = {
  meta: { name: 'eslint-plugin-mail/typescript-parser' },
  parseForESLint(code: string, options?: Record<string, unknown>) {
    const parser = typescriptParser();
    if (!parser) {
      throw new Error(
        'eslint-plugin-mail: TypeScript files are parsed with @typescript-eslint/parser, which is not installed. ' +
          'Install it and TypeScript (`npm i -D @typescript-eslint/parser typescript`), or leave TypeScript files out of the lint.',
      );
    }
    return parser.parseForESLint(code, options) as unknown as Linter.ESLintParseResult;
  },
};
