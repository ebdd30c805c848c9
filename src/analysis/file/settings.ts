import path from 'node:path';
import type { SdkSpec } from '../../sdks/index.js';

/** A mail-sending function exported from another module of the user's project (`settings.mail.wrappers`). */
export interface WrapperSetting {
  /** Module specifier as imported (`@acme/mailer`), or a path relative to the working directory (`./src/mailer`). */
  readonly module: string;
  /** The export name; `default` by default. */
  readonly export: string;
  /** Which argument carries the recipients; 0 by default. */
  readonly argument: number;
  /** The property of that argument that carries them (`to`, `options.to`); the argument itself when absent. */
  readonly property: readonly string[];
}

export interface MailSettings {
  readonly wrappers: readonly WrapperSetting[];
}

const EMPTY: MailSettings = { wrappers: [] };
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
  const { wrappers = [], ...extra } = raw as { wrappers?: unknown };
  const unknownKeys = Object.keys(extra);
  if (unknownKeys.length) fail(unknownKeys[0]!, 'is not a setting of this plugin (known: wrappers)');
  if (!Array.isArray(wrappers)) fail('wrappers', 'must be an array');
  const parsed: MailSettings = {
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
      return { module, export: name, argument, property: property ? property.split('.') : [] };
    }),
  };
  cache.set(raw, parsed);
  return parsed;
}

const EXTENSION = /(\/index)?\.(?:[cm]?[jt]sx?)$|\/index$/;

/** Does an import specifier written in `filename` name the wrapper's module? */
export function importsWrapper(source: string, filename: string, cwd: string, wrapper: WrapperSetting): boolean {
  if (source === wrapper.module) return true;
  if (!source.startsWith('.') || !wrapper.module.startsWith('.')) return false;
  const imported = path.resolve(path.dirname(filename), source).replace(EXTENSION, '');
  const declared = path.resolve(cwd, wrapper.module).replace(EXTENSION, '');
  return imported === declared;
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
