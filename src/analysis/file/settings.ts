import { type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { Minimatch } from 'minimatch';
import picomatch from 'picomatch';
import type { SdkSpec } from '../../sdks/index.js';
import { type SchemaProblem, schemaChecker } from '../../util/schema.js';

/** A mail-sending function exported from another module of the user's project (`settings.mail.wrappers`). */
export interface WrapperSetting {
  /** Module specifier as imported (`@acme/mailer`), or a path relative to `rootDir` (`./src/mailer`). */
  readonly module: string;
  /** The export name; `default` by default. */
  readonly export: string;
  /** Which argument carries the recipients; 0 by default. */
  readonly argument: number;
  /** The property of that argument that carries them (`to`, `options.to`); the argument itself when absent. */
  readonly property: readonly string[];
  /** `settings.mail.rootDir` as written, which relative `module` paths resolve from. */
  readonly rootDir: string | undefined;
}

export interface MailSettings {
  readonly wrappers: readonly WrapperSetting[];
  /**
   * The folder every path-like setting and option resolves from (`wrappers[].module`, the
   * `testFilePatterns` of mail/no-hardcoded-credentials): absolute, or relative to ESLint's `cwd`.
   * ESLint's `cwd` when absent; see `resolveRoot`.
   */
  readonly rootDir: string | undefined;
  /**
   * Set by the type-checked configs to their own name: a TypeScript file parsed without type
   * information stops the lint with an error that names it. `false` when absent.
   */
  readonly requireTypeInformation: string | false;
}

const EMPTY: MailSettings = { wrappers: [], rootDir: undefined, requireTypeInformation: false };
const cache = new WeakMap<object, MailSettings>();

const NON_EMPTY = { type: 'string', minLength: 1, description: 'a non-empty string' };

/** `settings.mail`: each `description` says what a value must be, in the error that names it. */
const SETTINGS_SCHEMA = {
  type: 'object',
  title: 'a setting of this plugin',
  description: 'an object',
  properties: {
    wrappers: {
      type: 'array',
      description: 'an array of wrapper objects ({ module, export, argument, property })',
      items: {
        type: 'object',
        title: 'a wrapper setting',
        description: 'an object',
        properties: {
          module: NON_EMPTY,
          export: NON_EMPTY,
          argument: { type: 'integer', minimum: 0, description: 'a whole number, 0 or more' },
          property: { type: 'string', minLength: 1, description: 'a non-empty string such as "to" or "options.to"' },
        },
        required: ['module'],
        additionalProperties: false,
      },
    },
    rootDir: { type: 'string', minLength: 1, description: 'a non-empty path, such as `import.meta.dirname` in eslint.config.js' },
    requireTypeInformation: {
      anyOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }],
      description: 'true, false, or the name of the config that asks for type information',
    },
  },
  additionalProperties: false,
};

let checkSettings: ((value: unknown) => SchemaProblem | null) | undefined;

function fail(where: string, what: string): never {
  throw new Error(`eslint-plugin-mail: settings.mail${where ? `${where.startsWith('[') ? '' : '.'}${where}` : ''} ${what}. See the "Settings" section of the README.`);
}

interface RawWrapper {
  module: string;
  export?: string;
  argument?: number;
  property?: string;
}

/** Reads and checks `settings.mail`. A mistake throws an error that names the setting. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): MailSettings {
  const raw = settings?.['mail'];
  if (raw === undefined) return EMPTY;
  const known = typeof raw === 'object' && raw !== null ? cache.get(raw) : undefined;
  if (known) return known;
  const problem = (checkSettings ??= schemaChecker(SETTINGS_SCHEMA))(raw);
  if (problem) fail(problem.path, problem.problem);
  const { wrappers = [], rootDir, requireTypeInformation = false } = raw as {
    wrappers?: RawWrapper[];
    rootDir?: string;
    requireTypeInformation?: boolean | string;
  };
  const parsed: MailSettings = {
    rootDir,
    requireTypeInformation: requireTypeInformation === true ? 'settings.mail.requireTypeInformation' : requireTypeInformation,
    wrappers: wrappers.map(
      ({ module, export: name = 'default', argument = 0, property }): WrapperSetting => ({
        module,
        export: name,
        argument,
        property: property ? property.split('.') : [],
        rootDir,
      }),
    ),
  };
  cache.set(raw as object, parsed);
  return parsed;
}

const EXTENSION = /(\/index)?\.(?:[cm]?[jt]sx?)$|\/index$/;

/**
 * The one folder path-like settings and options resolve from: `settings.mail.rootDir` (absolute, or
 * relative to ESLint's `cwd`), else ESLint's `cwd`. ESLint sets `cwd` to where it runs, which an
 * editor and CI may not agree on; `rootDir: import.meta.dirname` in eslint.config.js pins it to
 * the config file's folder.
 */
export function resolveRoot(rootDir: string | undefined, cwd: string): string {
  return path.resolve(cwd, rootDir ?? '.');
}

/** Roots found to be folders; a missing one is looked for again, as it may be made while an editor runs. */
const folders = new Set<string>();
/** The checked settings with their root, by settings and ESLint cwd: every rule asks on every file. */
const withRoots = new WeakMap<MailSettings, Map<string, MailSettings & { readonly root: string }>>();

/**
 * The settings of a lint, checked, and the root its path-like settings resolve from (see
 * `resolveRoot`). Every rule asks for it when it starts on a file, so a mistake stops the lint
 * whatever the file holds: a `rootDir` that names no folder throws an error that names it.
 */
export function checkedSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): MailSettings & { readonly root: string } {
  const settings = readSettings(context.settings);
  const known = withRoots.get(settings)?.get(context.cwd);
  if (known) return known;
  const root = resolveRoot(settings.rootDir, context.cwd);
  if (settings.rootDir !== undefined && !folders.has(root)) {
    let stats: Stats | undefined;
    try {
      stats = statSync(root);
    } catch {
      stats = undefined;
    }
    if (!stats?.isDirectory()) fail('rootDir', `${JSON.stringify(settings.rootDir)} names ${stats ? 'a file' : 'nothing'} at ${root}; it must name a folder`);
    folders.add(root);
  }
  const checked = { ...settings, root };
  const byCwd = withRoots.get(settings) ?? new Map<string, MailSettings & { readonly root: string }>();
  withRoots.set(settings, byCwd.set(context.cwd, checked));
  return checked;
}

/** Does an import specifier written in `filename` name the wrapper's module? */
export function importsWrapper(source: string, filename: string, cwd: string, wrapper: WrapperSetting): boolean {
  if (source === wrapper.module) return true;
  if (!source.startsWith('.') || !wrapper.module.startsWith('.')) return false;
  const imported = path.resolve(path.dirname(filename), source).replace(EXTENSION, '');
  const declared = path.resolve(resolveRoot(wrapper.rootDir, cwd), wrapper.module).replace(EXTENSION, '');
  return imported === declared;
}

/** A file pattern from the options: a glob (minimatch, as ESLint's own `files`), or a regular expression written `/source/flags`. */
export type FilePattern = (relative: string) => boolean;

/** A pattern of the options that cannot be used, with the reason in its message. */
export class PatternError extends Error {}

const filePatterns = new Map<string, FilePattern | PatternError>();

/**
 * Compiles a file pattern, or throws a PatternError that says why it is malformed: a regular
 * expression that does not compile, a glob with an unclosed `[`, `{` or `(` (minimatch would read
 * it as literal text; picomatch's strict parse finds it), or one minimatch compiles to nothing (a
 * leading `#` is a comment). Globs use minimatch with `dot` (as ESLint's `files`) and `nonegate`,
 * so that an extglob such as `!(*.d).ts` means "not ending in .d.ts" rather than a negated pattern.
 */
export function toFilePattern(text: string): FilePattern {
  let pattern = filePatterns.get(text);
  if (!pattern) {
    pattern = compileFilePattern(text);
    filePatterns.set(text, pattern);
  }
  if (pattern instanceof PatternError) throw pattern;
  return pattern;
}

function compileFilePattern(text: string): FilePattern | PatternError {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  if (regex) {
    try {
      const compiled = new RegExp(regex[1]!, regex[2]);
      return (relative) => compiled.test(relative);
    } catch (error) {
      return new PatternError(`is not a valid regular expression (${(error as Error).message})`);
    }
  }
  try {
    picomatch.makeRe(text, { strictBrackets: true });
    const compiled = new Minimatch(text, { dot: true, nonegate: true });
    if (compiled.set.length && compiled.makeRe()) return (relative) => compiled.match(relative);
    const why = text.startsWith('#') ? 'minimatch reads a leading # as a comment (write \\# for the character)' : 'minimatch compiles it to nothing';
    return new PatternError(`is not a valid glob: it matches no file; ${why}`);
  } catch (error) {
    return new PatternError(`is not a valid glob (${(error as Error).message})`);
  }
}

/**
 * The compiled patterns of a rule option (`testFilePatterns`, `messageShapeIgnore`); a malformed
 * one stops the lint with an error that names the rule, the option and the pattern, as ESLint
 * does for an option its schema rejects.
 */
export function filePatternsOption(ruleId: string, option: string, texts: readonly string[]): FilePattern[] {
  return texts.map((text, i) => patternOption(ruleId, `${option}[${i}]`, text, toFilePattern));
}

/** Compiles one pattern of a rule's options, or throws an error that names the rule, the option and the pattern. */
export function patternOption<T>(ruleId: string, option: string, text: string, compile: (text: string) => T): T {
  try {
    return compile(text);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new Error(`eslint-plugin-mail: ${ruleId} option ${option}: ${JSON.stringify(text)} ${error.message}.`, { cause: error });
  }
}

/**
 * Does any pattern match the file's path from `root`, written with `/`? A file outside `root` is
 * matched by its absolute path without the leading `/`, so that `**`-led patterns still apply.
 */
export function matchesFile(filename: string, root: string, patterns: readonly FilePattern[]): boolean {
  const relative = path.relative(root, filename).replaceAll('\\', '/');
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  const subject = inside ? relative : filename.replaceAll('\\', '/').replace(/^(?:[A-Za-z]:)?\/+/, '');
  return patterns.some((pattern) => pattern(subject));
}

/** A declared wrapper, described in the same terms as an SDK. */
export function wrapperSdk(wrapper: WrapperSetting, source: string): SdkSpec {
  const send = { message: 'forwarded', arg: wrapper.argument };
  const field = wrapper.property.length ? wrapper.property.join('.') : `argument ${wrapper.argument + 1}`;
  return {
    id: `wrapper:${wrapper.module}#${wrapper.export}`,
    label: `\`${wrapper.export === 'default' ? 'default export' : wrapper.export}\` of '${wrapper.module}'`,
    modules: { [source]: 'module' },
    batching: 'Check what the wrapper sends through: call it once with a list if it uses a batch API, or throttle the calls.',
    kinds: {
      module:
        wrapper.export === 'default'
          ? { callSend: send, props: { default: 'fn' } }
          : { props: { [wrapper.export]: 'fn' } },
      fn: { callSend: send },
    },
    messages: {
      forwarded: {
        visible: [{ path: wrapper.property }],
        fix: `The wrapper puts ${field} where every recipient sees it: pass one recipient per call, or change the wrapper to use bcc.`,
      },
    },
  };
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * Stops the lint when a type-checked config (`settings.mail.requireTypeInformation`) meets a
 * TypeScript file parsed without type information, as typescript-eslint's typed rules do, instead
 * of quietly giving untyped results. JavaScript files are left alone: the shipped configs keep
 * espree for them, and a TypeScript project rarely includes them (`allowJs` is off by default).
 */
export function requireTypeInformation(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): void {
  const config = readSettings(context.settings).requireTypeInformation;
  if (!config || !TYPESCRIPT_FILE.test(context.filename) || context.sourceCode.parserServices?.program) return;
  throw new Error(
    `eslint-plugin-mail: ${config} needs type information, and ${context.filename} was parsed without it. ` +
      'Set `languageOptions.parserOptions.projectService: true` (and `tsconfigRootDir: import.meta.dirname`) for TypeScript files, ' +
      'use `mail.configs.recommended` to lint without types, or set `settings.mail.requireTypeInformation: false` for files ' +
      'that are linted without types on purpose. See docs/type-information.md.',
  );
}
