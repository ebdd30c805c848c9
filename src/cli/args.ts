/** mail-lint's command line: the options, their checks, and the usage text. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: mail-lint [options] [paths...]

Lints JavaScript (with JSX) and TypeScript files for dangerous email code with
eslint-plugin-mail's recommended rules. Needs no ESLint configuration.
Paths default to the current directory. Skips node_modules, dist, build, out,
.next, coverage and whatever git ignores. Reads rule options and settings from
a "mail-lint" key in the nearest package.json, or from --config.

Options:
  -f, --format <name>       sarif (SARIF 2.1.0 for code scanning), or an ESLint
                            formatter: stylish (default), json, html, or an
                            installed package such as eslint-formatter-gitlab
  -o, --output-file <path>  write the report to this file instead of stdout
      --max-warnings <n>    also fail when there are more than n warnings
      --quiet               report errors only
  -c, --config <file>       read rules, settings and ignores from this JSON file
                            instead of package.json's "mail-lint" key
      --ignore-pattern <glob>  also skip files matching this glob (repeatable)
      --type-check          use type information from each file's nearest
                            tsconfig.json or jsconfig.json
      --progress            print progress on stderr (default: when stderr is a terminal)
      --no-progress         never print progress
  -h, --help                show this help
  -v, --version             show the version

Exit status: 0 no findings, 1 findings (or too many warnings),
2 usage or configuration error. A file that cannot be parsed is reported as a
warning, counted on stderr, and does not fail the run.`;

/** A mistake in the command line: exit 2 with the message and the usage text. */
export class UsageError extends Error {}

export interface CliOptions {
  format: string;
  outputFile: string | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  typeCheck: boolean;
  /** `--config <file>`: the project configuration to use instead of package.json's. */
  config: string | undefined;
  ignorePatterns: string[];
  /** `true`/`false` when asked for on the command line, `undefined` to decide by the terminal. */
  progress: boolean | undefined;
  help: boolean;
  version: boolean;
  paths: string[];
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  'type-check': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'ignore-pattern': { type: 'string', multiple: true },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommandLine(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals, tokens } = parsed;

  // parseArgs keeps the last of a repeated option; a repeated option is more likely a mistake
  // (except --ignore-pattern, which adds a pattern each time).
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'ignore-pattern') continue;
    if (seen.has(token.name)) throw new UsageError(`Option '--${token.name}' is given more than once`);
    seen.add(token.name);
  }

  for (const name of ['format', 'output-file', 'max-warnings', 'config'] as const) {
    const value = values[name];
    if (value !== undefined && value.trim() === '') throw new UsageError(`Option '--${name}' needs a non-empty value`);
  }
  const ignorePatterns = values['ignore-pattern'] ?? [];
  if (ignorePatterns.some((p) => p.trim() === '')) throw new UsageError("Option '--ignore-pattern' needs a non-empty value");

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw new UsageError(`Option '--max-warnings' takes a whole number of 0 or more, not '${text}'`);
    }
    maxWarnings = Number(text);
  }

  if (values.progress && values['no-progress']) {
    throw new UsageError("Options '--progress' and '--no-progress' contradict each other");
  }
  // ESLint's --quiet does not even run warning-level rules, so there would be nothing to count.
  if (values.quiet && maxWarnings !== undefined) {
    throw new UsageError("Options '--quiet' and '--max-warnings' contradict each other: --quiet drops every warning");
  }

  return {
    format: values.format ?? 'stylish',
    outputFile: values['output-file'],
    maxWarnings,
    quiet: values.quiet ?? false,
    typeCheck: values['type-check'] ?? false,
    config: values.config,
    ignorePatterns,
    progress: values.progress ? true : values['no-progress'] ? false : undefined,
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals,
  };
}
