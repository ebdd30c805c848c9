/**
 * mail-lint's configuration from the project: a `"mail-lint"` key in the nearest package.json
 * that has one (from the linted folder up to the repository root), or the JSON file given with
 * `--config`. One small shape, checked here so that a typo stops the run with its name:
 *
 *   { "rules": { "no-insecure-transport": { "allowedHosts": ["mailhog"] }, "no-unbatched-send": "off" },
 *     "settings": { "wrappers": [{ "module": "./src/mailer", "export": "sendMail" }] },
 *     "ignores": ["scripts/legacy/**"] }
 *
 * Rule options are checked by ESLint against each rule's schema, settings by the plugin.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import { FILES } from '../configs.js';
import { rules } from '../rules/index.js';
import { type SchemaProblem, schemaChecker } from '../util/schema.js';
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

const SEVERITIES = ['off', 'warn', 'error', 0, 1, 2];
const RULE_NAMES = Object.keys(rules);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `"mail-lint"` key: each `description` says what a value must be, in the error that names it. */
const PROJECT_SCHEMA = {
  type: 'object',
  title: 'a mail-lint setting',
  description: 'an object',
  properties: {
    rules: {
      type: 'object',
      description: 'an object of rule names and their settings',
      propertyNames: {
        enum: [...RULE_NAMES, ...RULE_NAMES.map((name) => `mail/${name}`)],
        description: `a rule of eslint-plugin-mail (known: ${RULE_NAMES.join(', ')})`,
      },
      additionalProperties: {
        anyOf: [
          { enum: SEVERITIES },
          { type: 'object' },
          { type: 'array', items: [{ enum: SEVERITIES }, { type: 'object' }], minItems: 1, maxItems: 2 },
        ],
        description: '"off", "warn", "error", an options object, or [severity, options]',
      },
    },
    // Checked by the plugin, as any ESLint config's settings.mail.
    settings: { type: 'object', description: "an object (the plugin's settings.mail)" },
    ignores: {
      type: 'array',
      items: { type: 'string', minLength: 1, description: 'a non-empty glob pattern' },
      description: 'an array of glob patterns',
    },
  },
  additionalProperties: false,
};

let checkProject: ((value: unknown) => SchemaProblem | null) | undefined;

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

interface RawProjectConfig {
  rules?: Record<string, Linter.RuleEntry | Record<string, unknown>>;
  settings?: Record<string, unknown>;
  ignores?: string[];
}

function parse(raw: unknown, source: string, dir: string): ProjectConfig {
  const problem = (checkProject ??= schemaChecker(PROJECT_SCHEMA))(raw);
  if (problem) fail(source, problem.path ? `${problem.path} ${problem.problem}` : problem.problem);
  const { rules: ruleSettings = {}, settings, ignores = [] } = raw as RawProjectConfig;
  const ruleConfig: Linter.RulesRecord = {};
  // `{ "allowedHosts": [...] }` means the rule on, as an error, with those options.
  for (const [key, value] of Object.entries(ruleSettings)) {
    ruleConfig[`mail/${key.replace(/^mail\//, '')}`] = isObject(value) ? ['error', value] : value;
  }
  return { source, dir, rules: ruleConfig, settings, ignores };
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
  // A relative rootDir starts at the config's folder too; the plugin would resolve it from ESLint's cwd.
  if (settings && typeof settings['rootDir'] === 'string' && settings['rootDir'] !== '') {
    settings = { ...settings, rootDir: path.resolve(config.dir, settings['rootDir']) };
  }
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
