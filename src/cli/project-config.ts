/**
 * mail-lint's configuration from the project: a `"mail-lint"` key in the nearest package.json
 * that has one (from the linted folder up to the repository root), or the JSON file given with
 * `--config`. One small shape, checked against a JSON schema by ESLint's own ajv, so that a typo
 * stops the run with its name:
 *
 *   { "rules": { "no-insecure-transport": { "allowedHosts": ["mailhog"] }, "no-unbatched-send": "off" },
 *     "settings": { "wrappers": [{ "module": "./src/mailer", "export": "sendMail" }] },
 *     "ignores": ["scripts/legacy/**"] }
 *
 * Rule options are checked by ESLint against each rule's schema, settings by the plugin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter } from 'eslint';
import { FILES } from '../configs.js';
import { rules } from '../rules/index.js';
import { UsageError } from './args.js';

export interface ProjectConfig {
  /** Where it was read from: `package.json#mail-lint` or the `--config` file. */
  source: string;
  /** The folder that holds it: relative paths in it start there. */
  dir: string;
  rules: Linter.RulesRecord;
  settings: Record<string, unknown> | undefined;
  ignores: string[];
}

const KEYS = ['rules', 'settings', 'ignores'];
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const RULE_NAMES = Object.keys(rules);
const SEVERITY = { enum: ['off', 'warn', 'error', 0, 1, 2] };

/** The shape of the `"mail-lint"` key; a mistake is told by the part of it that fails (MESSAGES). */
const SCHEMA = {
  type: 'object',
  properties: {
    rules: {
      type: 'object',
      propertyNames: { enum: [...RULE_NAMES, ...RULE_NAMES.map((name) => `mail/${name}`)] },
      additionalProperties: {
        anyOf: [SEVERITY, { type: 'object' }, { type: 'array', items: [SEVERITY, { type: 'object' }], minItems: 1, maxItems: 2 }],
      },
    },
    settings: { type: 'object' },
    ignores: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  additionalProperties: false,
};

/** What a failing part of the schema means, by its path in the schema. */
const MESSAGES: Record<string, (key: string) => string> = {
  '#/type': () => 'must be an object',
  '#/additionalProperties': (key) => `"${key}" is not a mail-lint setting (known: ${KEYS.join(', ')})`,
  '#/properties/rules/type': () => '"rules" must be an object',
  '#/properties/rules/propertyNames': (key) => `rules["${key}"] is not a rule of eslint-plugin-mail (known: ${RULE_NAMES.join(', ')})`,
  '#/properties/rules/additionalProperties': (key) => `rules["${key}"] must be "off", "warn", "error", an options object, or [severity, options]`,
  '#/properties/settings/type': () => '"settings" must be an object (the plugin\'s settings.mail)',
  '#/properties/ignores': () => '"ignores" must be an array of glob patterns',
};

/** ajv 6, as ESLint ships it for its own config checks (resolved from ESLint, so no copy of our own). */
interface Ajv6Error {
  keyword: string;
  dataPath: string;
  schemaPath: string;
  params: { additionalProperty?: string; propertyName?: string };
  /** On the error inside a `propertyNames` check: the name that failed. */
  propertyName?: string;
}
type Ajv6 = new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: Ajv6Error[] | null } };
const validate = new (createRequire(createRequire(import.meta.url).resolve('eslint'))('ajv') as Ajv6)({ allErrors: false }).compile(SCHEMA);

function fail(source: string, what: string): never {
  throw new UsageError(`${source}: ${what}`);
}

function readJson(file: string, source: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    return fail(source, `cannot read it as JSON: ${(error as Error).message}`);
  }
}

/** The first mistake ajv finds, worded for the part of the key it is in. */
function check(raw: unknown, source: string): asserts raw is { rules?: Record<string, unknown>; settings?: Record<string, unknown>; ignores?: string[] } {
  if (validate(raw)) return;
  const error = validate.errors![0]!;
  // `.rules['no-such-rule']` or `['rules']['no-such-rule']` (ajv 6 writes either): the last key.
  const key = error.params.additionalProperty ?? error.propertyName ?? error.params.propertyName ?? /(?:\.|\[')([^.'[\]]+)'?\]?$/.exec(error.dataPath)?.[1] ?? '';
  const where = Object.keys(MESSAGES)
    .filter((path) => error.schemaPath === path || error.schemaPath.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  fail(source, where ? MESSAGES[where]!(key) : `${error.dataPath} is not valid (${error.keyword})`);
}

/** `{ "allowedHosts": [...] }` means the rule on, as an error, with those options; a severity or `[severity, options]` is ESLint's own form. */
function ruleEntry(value: unknown): Linter.RuleEntry {
  return isObject(value) ? ['error', value] : (value as Linter.RuleEntry);
}

function parse(raw: unknown, source: string, dir: string): ProjectConfig {
  check(raw, source);
  const ruleConfig: Linter.RulesRecord = {};
  for (const [key, value] of Object.entries(raw.rules ?? {})) ruleConfig[`mail/${key.replace(/^mail\//, '')}`] = ruleEntry(value);
  return { source, dir, rules: ruleConfig, settings: raw.settings, ignores: raw.ignores ?? [] };
}

/** The `--config` file, else the nearest package.json with a `"mail-lint"` key; `undefined` if neither. */
export function loadProjectConfig(configFile: string | undefined, start: string, stop: string): ProjectConfig | undefined {
  if (configFile !== undefined) {
    const file = path.resolve(configFile);
    if (!existsSync(file)) throw new UsageError(`--config: no file ${configFile}`);
    return parse(readJson(file, configFile), configFile, path.dirname(file));
  }
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = readJson(file, path.relative(process.cwd(), file) || 'package.json');
      if (isObject(pkg) && pkg['mail-lint'] !== undefined) {
        return parse(pkg['mail-lint'], `${path.relative(process.cwd(), file) || 'package.json'}#mail-lint`, dir);
      }
    }
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The project's rules and settings as a config object for ESLint running from `cwd`. Wrapper
 * modules written as relative paths are relative to the config's folder; the plugin resolves them
 * from ESLint's working directory, so they are rewritten from one to the other.
 */
export function projectConfigObject(config: ProjectConfig, cwd: string): Linter.Config {
  let settings = config.settings;
  if (settings && Array.isArray(settings['wrappers'])) {
    settings = {
      ...settings,
      wrappers: settings['wrappers'].map((wrapper: unknown) => {
        if (!isObject(wrapper) || typeof wrapper['module'] !== 'string' || !wrapper['module'].startsWith('.')) return wrapper;
        const moved = path.relative(cwd, path.resolve(config.dir, wrapper['module'])).split(path.sep).join('/');
        return { ...wrapper, module: moved.startsWith('.') ? moved : `./${moved}` };
      }),
    };
  }
  return {
    name: 'mail-lint/project',
    files: FILES,
    rules: config.rules,
    ...(settings ? { settings: { mail: settings } } : {}),
  };
}
