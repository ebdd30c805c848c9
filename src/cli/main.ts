/**
 * mail-lint: lint a project for dangerous mail code with the recommended config, without any
 * ESLint configuration of the user's. ESLint's Node API does the work; this file adds the gate
 * around it (exit codes, warnings budget, report file, SARIF, progress).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../index.js';
import { toSarifLog } from '../formatters/sarif.js';
import { parseCommandLine, USAGE, UsageError, type CliOptions } from './args.js';
import { baseDirectory, findUp, repositoryRoot } from './paths.js';
import { progressReporter } from './progress.js';

export { USAGE } from './args.js';

const TS_FILES = ['**/*.{ts,mts,cts,tsx}'];

/**
 * The flat config mail-lint runs with: the recommended rules, TypeScript parsed without types;
 * or, given the folder of a tsconfig.json, the type-checked rules with TypeScript's project service.
 */
export function cliConfig({ tsconfigRootDir }: { tsconfigRootDir?: string } = {}): Linter.Config[] {
  return [
    ...(tsconfigRootDir ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended),
    {
      name: 'mail-lint/typescript',
      files: TS_FILES,
      languageOptions: {
        parser: tsParser,
        ...(tsconfigRootDir ? { parserOptions: { projectService: true, tsconfigRootDir } } : {}),
      },
    },
    {
      name: 'mail-lint/jsx',
      files: ['**/*.{jsx,tsx}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'mail-lint/directives',
      // The project's own `eslint-disable` comments name its other rules, which are off here.
      linterOptions: { reportUnusedDisableDirectives: 'warn' },
    },
  ];
}

const isMailRule = (ruleId: string) => ruleId.startsWith('mail/');

/**
 * Keep what mail-lint is about: mail rules' findings, parse errors, ESLint's notices, and unused
 * `eslint-disable` comments that name mail rules only. A project's comments for its other rules
 * ("Definition for rule … was not found", unused directives, rules an inline config switches on)
 * are its own ESLint's business.
 */
function relevant(message: Linter.LintMessage): boolean {
  if (message.ruleId) return isMailRule(message.ruleId);
  const unused = /^Unused eslint-(?:disable|enable) directive \((.*)\)\.$/.exec(message.message);
  if (!unused) return true;
  const named = [...unused[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  return named.length > 0 && named.every(isMailRule);
}

function keepRelevant(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter(relevant);
    const count = (severity: number, fixable = false) =>
      messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
    return {
      ...result,
      messages,
      suppressedMessages: result.suppressedMessages.filter(relevant),
      errorCount: count(2),
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: count(1),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0];

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export async function main(argv: string[], out: Stream = process.stdout, err: Stream = process.stderr): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`mail-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    out.write(`${plugin.meta.version}\n`);
    return 0;
  }

  const targets = options.paths.length ? options.paths : ['.'];
  const cwd = baseDirectory(targets);

  let tsconfigRootDir: string | undefined;
  if (options.typeCheck) {
    tsconfigRootDir = findUp('tsconfig.json', cwd);
    if (!tsconfigRootDir) {
      err.write(`mail-lint: --type-check needs a tsconfig.json in ${cwd} or a folder above it\n`);
      return 2;
    }
  }

  const showProgress = options.progress ?? Boolean(err.isTTY);
  const progress = showProgress ? progressReporter((line) => err.write(line)) : undefined;
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [...cliConfig({ tsconfigRootDir }), ...(progress ? [progress.config] : [])],
    errorOnUnmatchedPattern: true,
    // As ESLint's own --quiet: warning-level rules do not run at all.
    ...(options.quiet ? { ruleFilter: ({ severity }: { severity: number }) => severity === 2 } : {}),
  });

  let format: (results: ESLint.LintResult[], meta: ESLint.ResultsMeta) => Promise<string> | string;
  if (options.format === 'sarif') {
    const root = repositoryRoot(process.cwd());
    format = (results) => `${JSON.stringify(toSarifLog(results, { root }), null, 2)}\n`;
  } else {
    try {
      const formatter = await eslint.loadFormatter(options.format);
      format = (results, meta) => formatter.format(results, meta);
    } catch (error) {
      err.write(`mail-lint: no formatter named "${options.format}": ${firstLine(error)}\n`);
      return 2;
    }
  }

  let results: ESLint.LintResult[];
  try {
    results = keepRelevant(await eslint.lintFiles(targets.map((t) => path.relative(cwd, path.resolve(t)) || '.')));
  } catch (error) {
    err.write(`mail-lint: ${firstLine(error)}\n`);
    return 2;
  }
  progress?.finish();

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const reported = options.quiet ? ESLint.getErrorResults(results) : results;
  const report = await format(
    reported,
    tooManyWarnings ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings!, foundWarnings: warnings } } : {},
  );

  if (options.outputFile) {
    const file = path.resolve(options.outputFile);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, report);
    } catch (error) {
      err.write(`mail-lint: cannot write ${options.outputFile}: ${firstLine(error)}\n`);
      return 2;
    }
    // The report went to the file; say on stderr what it holds, so a CI log is not silent.
    err.write(`mail-lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; report written to ${options.outputFile}\n`);
  } else {
    out.write(report);
  }

  if (tooManyWarnings) {
    err.write(`mail-lint: too many warnings (${warnings}); at most ${options.maxWarnings} allowed by --max-warnings\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
