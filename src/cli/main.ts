/**
 * mail-lint: lint a project for dangerous mail code with the recommended config, without any
 * ESLint configuration of the user's. ESLint's Node API does the work.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../index.js';

const USAGE = `Usage: mail-lint [options] [paths...]

Lints JavaScript and TypeScript files for dangerous email code with
eslint-plugin-mail's recommended rules. Needs no ESLint configuration.
Paths default to the current directory; node_modules is skipped.

Options:
  -f, --format <name>   an ESLint formatter: stylish (default), json, compact, ...
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 no findings, 1 findings, 2 usage or configuration error.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The flat config mail-lint runs with: the recommended rules, TypeScript parsed without types. */
export function cliConfig(): Linter.Config[] {
  return [
    plugin.configs.recommended,
    {
      name: 'mail-lint/typescript',
      files: ['**/*.{ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser },
    },
    {
      name: 'mail-lint/jsx',
      files: ['**/*.{jsx,tsx}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
}

/**
 * ESLint ignores files outside its working directory. Lint from the current directory when the
 * paths are inside it, else from the deepest directory that holds them all.
 */
function baseDirectory(targets: string[]): string {
  const cwd = process.cwd();
  const resolved = targets.map((t) => path.resolve(t));
  if (resolved.every((p) => p === cwd || p.startsWith(cwd + path.sep))) return cwd;
  let base = path.dirname(resolved[0]!);
  while (!resolved.every((p) => p === base || p.startsWith(base.endsWith(path.sep) ? base : base + path.sep))) {
    base = path.dirname(base);
  }
  return base;
}

export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    err.write(`mail-lint: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    out.write(`${plugin.meta.version}\n`);
    return 0;
  }
  const targets = positionals.length ? positionals : ['.'];
  const cwd = baseDirectory(targets);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: cliConfig(),
    errorOnUnmatchedPattern: true,
  });
  let formatter: ESLint.LoadedFormatter;
  try {
    formatter = await eslint.loadFormatter(values.format);
  } catch (error) {
    err.write(`mail-lint: no formatter named "${values.format}": ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  let results: ESLint.LintResult[];
  try {
    results = await eslint.lintFiles(targets.map((t) => path.relative(cwd, path.resolve(t)) || '.'));
  } catch (error) {
    err.write(`mail-lint: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  out.write(await formatter.format(results));
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

