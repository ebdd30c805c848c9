import path from 'node:path';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { Minimatch } from 'minimatch';
import type { SdkSpec } from '../../sdks/index.js';

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

function fail(where: string, what: string): never {
  const setting = where ? `settings.mail.${where}` : 'settings.mail';
  throw new Error(`eslint-plugin-mail: ${setting} ${what}. See the "Settings" section of the README.`);
}

/** Reads and checks `settings.mail`. A mistake throws an error that names the setting. */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): MailSettings {
  const raw = settings?.['mail'];
  if (raw === undefined) return EMPTY;
  if (typeof raw !== 'object' || raw === null) fail('', 'must be an object');
  const known = cache.get(raw);
  if (known) return known;
  const { wrappers = [], rootDir, requireTypeInformation = false, ...extra } = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(extra);
  if (unknownKeys.length) {
    fail(unknownKeys[0]!, 'is not a setting of this plugin (known: wrappers, rootDir, requireTypeInformation)');
  }
  if (!Array.isArray(wrappers)) fail('wrappers', 'must be an array');
  if (rootDir !== undefined && (typeof rootDir !== 'string' || rootDir === '')) {
    fail('rootDir', 'must be a non-empty path, such as `import.meta.dirname` in eslint.config.js');
  }
  if (typeof requireTypeInformation !== 'boolean' && (typeof requireTypeInformation !== 'string' || requireTypeInformation === '')) {
    fail('requireTypeInformation', 'must be true, false, or the name of the config that asks for type information');
  }
  const parsed: MailSettings = {
    rootDir,
    requireTypeInformation: requireTypeInformation === true ? 'settings.mail.requireTypeInformation' : requireTypeInformation,
    wrappers: wrappers.map((entry: unknown, i): WrapperSetting => {
      const where = `wrappers[${i}]`;
      if (typeof entry !== 'object' || entry === null) fail(where, 'must be an object');
      const { module, export: name = 'default', argument = 0, property, ...rest } = entry as Record<string, unknown>;
      if (Object.keys(rest).length) fail(`${where}.${Object.keys(rest)[0]}`, 'is not a wrapper setting (known: module, export, argument, property)');
      if (typeof module !== 'string' || module === '') fail(`${where}.module`, 'must be a non-empty string');
      if (typeof name !== 'string' || name === '') fail(`${where}.export`, 'must be a non-empty string');
      if (typeof argument !== 'number' || !Number.isInteger(argument) || argument < 0) {
        fail(`${where}.argument`, 'must be a whole number, 0 or more');
      }
      if (property !== undefined && (typeof property !== 'string' || property === '')) {
        fail(`${where}.property`, 'must be a non-empty string such as "to" or "options.to"');
      }
      return { module, export: name, argument, property: property ? property.split('.') : [], rootDir };
    }),
  };
  cache.set(raw, parsed);
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

const filePatterns = new Map<string, FilePattern | null>();

/**
 * Compiles a file pattern; `null` when it is malformed, so a typo matches nothing instead of
 * crashing the lint. Globs use minimatch with `dot` (as ESLint's `files`) and `nonegate`, so that
 * an extglob such as `!(*.d).ts` means "not ending in .d.ts" rather than a negated pattern.
 */
export function toFilePattern(text: string): FilePattern | null {
  if (filePatterns.has(text)) return filePatterns.get(text)!;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  let pattern: FilePattern | null;
  try {
    if (regex) {
      const compiled = new RegExp(regex[1]!, regex[2]);
      pattern = (relative) => compiled.test(relative);
    } else {
      const compiled = new Minimatch(text, { dot: true, nonegate: true });
      pattern = compiled.set.length ? (relative) => compiled.match(relative) : null;
    }
  } catch {
    pattern = null;
  }
  filePatterns.set(text, pattern);
  return pattern;
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
  let reason: string;
  try {
    // typescript-eslint's own check: it throws the explanation it gives for its typed rules.
    ESLintUtils.getParserServices(context);
    return;
  } catch (error) {
    reason = ` typescript-eslint says: ${(error as Error).message}`;
  }
  throw new Error(
    `eslint-plugin-mail: ${config} needs type information, and ${context.filename} was parsed without it. ` +
      'Set `languageOptions.parserOptions.projectService: true` (and `tsconfigRootDir: import.meta.dirname`) for TypeScript files, ' +
      'use `mail.configs.recommended` to lint without types, or set `settings.mail.requireTypeInformation: false` for files ' +
      'that are linted without types on purpose. See docs/type-information.md.' +
      reason,
  );
}
