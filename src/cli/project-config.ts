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
const SEVERITIES = new Set<unknown>(['off', 'warn', 'error', 0, 1, 2]);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** `{ "allowedHosts": [...] }` means the rule on, as an error, with those options; a severity alone sets the level. */
function ruleEntry(source: string, name: string, value: unknown): Linter.RuleEntry {
  const where = `rules["${name}"]`;
  if (SEVERITIES.has(value)) return value as Linter.RuleSeverity;
  if (isObject(value)) return ['error', value];
  if (Array.isArray(value) && SEVERITIES.has(value[0]) && value.length <= 2 && (value.length === 1 || isObject(value[1]))) {
    return value as Linter.RuleEntry;
  }
  return fail(source, `${where} must be "off", "warn", "error", an options object, or [severity, options]`);
}

function parse(raw: unknown, source: string, dir: string): ProjectConfig {
  if (!isObject(raw)) fail(source, 'must be an object');
  const unknown = Object.keys(raw).find((key) => !KEYS.includes(key));
  if (unknown) fail(source, `"${unknown}" is not a mail-lint setting (known: ${KEYS.join(', ')})`);

  const ruleConfig: Linter.RulesRecord = {};
  if (raw['rules'] !== undefined) {
    if (!isObject(raw['rules'])) fail(source, '"rules" must be an object');
    for (const [key, value] of Object.entries(raw['rules'])) {
      const name = key.replace(/^mail\//, '');
      if (!Object.hasOwn(rules, name)) {
        fail(source, `rules["${key}"] is not a rule of eslint-plugin-mail (known: ${Object.keys(rules).join(', ')})`);
      }
      ruleConfig[`mail/${name}`] = ruleEntry(source, key, value);
    }
  }

  const settings = raw['settings'];
  if (settings !== undefined && !isObject(settings)) fail(source, '"settings" must be an object (the plugin\'s settings.mail)');

  const ignores = raw['ignores'] ?? [];
  if (!Array.isArray(ignores) || !ignores.every((p) => typeof p === 'string' && p !== '')) {
    fail(source, '"ignores" must be an array of glob patterns');
  }
  return { source, dir, rules: ruleConfig, settings, ignores: ignores as string[] };
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
