/**
 * mail-lint: lint a project for dangerous mail code with the recommended config, without any
 * ESLint configuration of the user's. ESLint's Node API does the work; this file adds the gate
 * around it (exit codes, warnings budget, report file, SARIF, progress), the project's own
 * mail-lint settings, its ignores, and the untyped second pass of `--type-check`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { lazyTypeScriptParser } from '../util/typescript-parser.js';
import plugin from '../index.js';
import { isParseError, toSarifLog } from '../formatters/sarif.js';
import { FILES } from '../configs.js';
import { parseCommandLine, USAGE, UsageError, type CliOptions } from './args.js';
import { projectIgnores } from './ignores.js';
import { baseDirectory, findUp, isInside, makeDirectories, repositoryRoot } from './paths.js';
import { progressReporter } from './progress.js';
import { loadProjectConfig, projectConfigObject, type ProjectConfig } from './project-config.js';

export { USAGE } from './args.js';

const TS_FILES = ['**/*.{ts,mts,cts,tsx}'];

/**
 * The flat config mail-lint runs with: the recommended rules, TypeScript parsed without types;
 * or, with `tsconfigRootDir`, the type-checked rules, every file parsed by TypeScript's project
 * service, which finds each file's nearest tsconfig.json or jsconfig.json itself.
 */
export function cliConfig({ tsconfigRootDir }: { tsconfigRootDir?: string } = {}): Linter.Config[] {
  return [
    ...(tsconfigRootDir ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended),
    {
      name: 'mail-lint/typescript',
      files: tsconfigRootDir ? FILES : TS_FILES,
      languageOptions: {
        parser: lazyTypeScriptParser,
        ...(tsconfigRootDir ? { parserOptions: { projectService: true, tsconfigRootDir } } : {}),
      },
    },
    {
      // React code often sits in .js files; without JSX they would be parse errors, unlinted.
      name: 'mail-lint/jsx',
      files: ['**/*.{js,mjs,cjs,jsx,tsx}'],
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
 * ESLint 10 reports each `/* eslint-env *\/` comment of the project (fatal, though the file is
 * linted). The project's own ESLint may be one that reads them; mail-lint has no view on them.
 */
const ESLINT_ENV = /^\/\* eslint-env \*\/ comments are no longer supported/;

/**
 * Keep what mail-lint is about: mail rules' findings, parse errors, ESLint's notices, and unused
 * `eslint-disable` comments that name mail rules only. A project's comments for its other rules
 * ("Definition for rule … was not found", unused directives, rules an inline config switches on)
 * and its `eslint-env` comments are its own ESLint's business.
 */
function relevant(message: Linter.LintMessage): boolean {
  if (message.ruleId) return isMailRule(message.ruleId);
  if (ESLINT_ENV.test(message.message)) return false;
  const unused = /^Unused eslint-(?:disable|enable) directive \((.*)\)\.$/.exec(message.message);
  if (!unused) return true;
  const named = [...unused[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  return named.length > 0 && named.every(isMailRule);
}

/**
 * Keep the relevant messages (see `relevant`), and make ESLint's fatal messages warnings, shown and
 * counted as warnings alike: a parse error (the file is reported, and one file the parser cannot
 * read does not fail the run; `isParseError` tells it apart), or a malformed inline config comment
 * (the file was linted all the same).
 */
function keepRelevant(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter(relevant).map((m): Linter.LintMessage => {
      if (!m.fatal) return m;
      const notice: Linter.LintMessage = { ...m, severity: 1 };
      delete notice.fatal;
      return notice;
    });
    const count = (severity: number, fixable = false) =>
      messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
    return {
      ...result,
      messages,
      suppressedMessages: result.suppressedMessages.filter(relevant),
      errorCount: count(2),
      fatalErrorCount: 0,
      warningCount: count(1),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

const hasParseError = (result: ESLint.LintResult) => result.messages.some(isParseError);

/**
 * ESLint warns on a `.eslintignore` in its working directory and says to move it into
 * eslint.config.js, which mail-lint never reads; mail-lint says what it does instead. ESLint's
 * warning service takes `process.emitWarning` when the ESLint object is made: this hands it one
 * that passes every other warning on.
 */
function withoutEslintIgnoreWarning<T>(create: () => T): T {
  const original = Object.getOwnPropertyDescriptor(process, 'emitWarning')!;
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (rest[0] !== 'ESLintIgnoreWarning') emit(warning, ...rest);
  });
  try {
    return create();
  } finally {
    Object.defineProperty(process, 'emitWarning', original);
  }
}

/** `.js` and `.jsx` files that do not parse as modules, ESLint's default for them, may be CommonJS (a top-level `return`). */
const MAYBE_COMMONJS = /\.jsx?$/;

const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).split('\n')[0];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** typescript-eslint's error for a file that no tsconfig.json or jsconfig.json includes. */
const OUTSIDE_PROJECTS = /was not found by the project service\. Consider either including it/;
const outsideProjects = (result: ESLint.LintResult) =>
  result.messages.some((m) => m.fatal && OUTSIDE_PROJECTS.test(m.message));

/**
 * ESLint's working directory: where the linted paths are (see `baseDirectory`), or the folder of
 * the project's mail-lint configuration when that holds them all, so that its relative paths
 * (ignores, wrapper modules) mean what they say.
 */
function lintDirectory(targets: string[], project: ProjectConfig | undefined): string {
  const base = baseDirectory(targets);
  return project && isInside(base, project.dir) ? project.dir : base;
}

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
  let project: ProjectConfig | undefined;
  try {
    const start = baseDirectory(targets);
    project = loadProjectConfig(options.config, start, findUp('.git', start) ?? path.parse(start).root);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`mail-lint: ${error.message}\n`);
    return 2;
  }
  const cwd = lintDirectory(targets, project);

  const showProgress = options.progress ?? Boolean(err.isTTY);
  const progress = showProgress ? progressReporter((line) => err.write(line)) : undefined;
  const ignores: Linter.Config = { name: 'mail-lint/ignores', ignores: [...projectIgnores(cwd), ...(project?.ignores ?? [])] };
  // A file that fails to parse runs no rule, so the progress count sees each file once: in the
  // typed pass, or in the untyped one when no project includes it.
  const eslintFor = (config: Linter.Config[]) =>
    withoutEslintIgnoreWarning(() => new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [
        ignores,
        ...config,
        ...(project ? [projectConfigObject(project, cwd)] : []),
        ...(progress ? [progress.config] : []),
      ],
      ignorePatterns: options.ignorePatterns,
      errorOnUnmatchedPattern: true,
      // As ESLint's own --quiet: warning-level rules do not run at all.
      ...(options.quiet ? { ruleFilter: ({ severity }: { severity: number }) => severity === 2 } : {}),
    }));
  if (existsSync(path.join(cwd, '.eslintignore'))) {
    err.write('mail-lint: .eslintignore is not read (mail-lint reads no ESLint configuration); to skip files, list them in "ignores" under package.json\'s "mail-lint" key, or pass --ignore-pattern\n');
  }
  const eslint = eslintFor(cliConfig(options.typeCheck ? { tsconfigRootDir: cwd } : {}));

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
  let untyped: number;
  try {
    results = await eslint.lintFiles(targets.map((t) => path.relative(cwd, path.resolve(t)) || '.'));
    /** Lints `files` again with `config`, and keeps the new results where `better` says so. */
    const again = async (files: ESLint.LintResult[], config: Linter.Config[], better: (r: ESLint.LintResult) => boolean) => {
      if (!files.length) return;
      const byPath = new Map((await eslintFor(config).lintFiles(files.map((r) => r.filePath))).filter(better).map((r) => [r.filePath, r]));
      results = results.map((r) => byPath.get(r.filePath) ?? r);
    };
    const outside = results.filter(outsideProjects);
    // Files that no tsconfig.json or jsconfig.json includes (config files, scripts): lint them
    // without types rather than lose them to a parse error.
    untyped = outside.length;
    await again(outside, cliConfig(), () => true);
    // A .js file that is no module (a top-level `return`) is CommonJS: Node runs it so when no
    // package.json says `"type": "module"`. Kept only where it parses that way.
    // (TypeScript's parser, with --type-check, takes a top-level `return` as it is.)
    await again(
      results.filter((r) => MAYBE_COMMONJS.test(r.filePath) && hasParseError(r)),
      [...cliConfig(), { name: 'mail-lint/commonjs', files: ['**/*.{js,jsx}'], languageOptions: { sourceType: 'commonjs' } }],
      (r) => !hasParseError(r),
    );
    results = keepRelevant(results);
  } catch (error) {
    // ESLint's option errors span lines ("Key "rules": … Unexpected property …"): keep them whole.
    const message = ((error as Error).message ?? String(error)).trim().split('\n').map((l) => l.trim()).join(' ');
    const source = project ? ` (rules and settings from ${project.source})` : '';
    err.write(`mail-lint: ${message}${source}\n`);
    return 2;
  }
  progress?.finish();
  if (untyped) {
    err.write(`mail-lint: ${plural(untyped, 'file')} in no tsconfig.json or jsconfig.json project linted without type information\n`);
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const unparsed = results.filter(hasParseError);
  // A parse error is shown as a warning, but counted apart: it says nothing about the code's mail.
  const warnings = results.reduce((n, r) => n + r.warningCount - r.messages.filter(isParseError).length, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const reported = options.quiet ? ESLint.getErrorResults(results) : results;
  const report = await format(
    reported,
    tooManyWarnings ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings!, foundWarnings: warnings } } : {},
  );

  if (options.outputFile) {
    const file = path.resolve(options.outputFile);
    try {
      makeDirectories(path.dirname(file));
      writeFileSync(file, report);
    } catch (error) {
      err.write(`mail-lint: cannot write ${options.outputFile}: ${firstLine(error)}\n`);
      return 2;
    }
    // The report went to the file; say on stderr what it holds, so a CI log is not silent.
    err.write(`mail-lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; report written to ${options.outputFile}\n`);
  } else {
    out.write(report);
  }
  if (unparsed.length) {
    const names = unparsed.slice(0, 3).map((r) => path.relative(process.cwd(), r.filePath));
    const more = unparsed.length > names.length ? `, and ${unparsed.length - names.length} more` : '';
    err.write(
      `mail-lint: ${plural(unparsed.length, 'file')} could not be parsed and ${unparsed.length === 1 ? 'was' : 'were'} not checked: ${names.join(', ')}${more}\n`,
    );
  }

  if (tooManyWarnings) {
    err.write(`mail-lint: too many warnings (${warnings}); at most ${options.maxWarnings} allowed by --max-warnings\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
