import { realpathSync } from 'node:fs';
import path from 'node:path';
import { createPathsMatcher, parseTsconfig, type TsConfigJsonResolved } from 'get-tsconfig';
import { resolveExports, resolveImports, type PathConditions, type PathConditionsMap } from 'resolve-pkg-maps';
import type { FolderListing } from './files.js';
import { inside } from './paths.js';
import { probeFile, readFolder, Store } from './store.js';
import { linkedPackage, readManifest, workspaceOf } from './workspace.js';

/**
 * An import of the project's own modules resolved the way Node and TypeScript do: relative paths,
 * tsconfig/jsconfig path aliases (with `extends`, `baseUrl`), package.json `imports` (`#mail`,
 * `#lib/*`), and workspace packages (through their `exports` or `main`). Never a file of an installed third-party package, and never a file
 * outside the project root (root.ts). Every file and folder read is recorded (store.ts): a module
 * created after an import of it was linted, a renamed module and `paths` added to a tsconfig are
 * seen by the next lint. No mail knowledge here.
 */

/** The extensions tried for `./mailer`, in the order TypeScript and bundlers try them. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

const folders = new Store<FolderListing>('folders', 16_384, (listing) => `${listing.names.join('/')}|${[...listing.folders].join('/')}`);

/** A folder's entries, read once per check (see store.ts) however many imports look in it. */
function folder(dir: string): FolderListing {
  return folders.get(dir, () => readFolder(dir));
}

const resolutions = new Store<string | null>('resolved imports', 65_536);

/**
 * The file `specifier` names from `fromFile`: `./mailer`, `../lib/mail.js` (a `.ts` file written as
 * `.js`), `./mail` (a folder's index), an alias (`@/lib/email`), a workspace package
 * (`@acme/emails`); null for anything else. `root` is the project root: nothing outside it.
 */
export function resolveImport(fromFile: string, specifier: string, root: string): string | null {
  if (!path.isAbsolute(fromFile)) return null;
  const dir = path.dirname(fromFile);
  if (isRelative(specifier)) {
    const base = path.resolve(dir, specifier);
    return resolutions.get(`${root}\0${base}`, () => ownFile(search(base), root));
  }
  return resolutions.get(`${root}\0${dir}\0${specifier}`, () => resolveBare(dir, specifier, root));
}

/**
 * Whether a specifier may name one of the project's own modules: relative paths, the path aliases
 * of the nearest config and the workspace's package names. A file importing only `react` and
 * `lodash` pays a lookup in data read once per folder.
 */
export function isProjectSpecifier(fromFile: string, specifier: string, root: string): boolean {
  if (isRelative(specifier)) return true;
  if (!path.isAbsolute(fromFile) || specifier.startsWith('node:') || specifier.startsWith('/')) return false;
  // Subpath imports (`#mail`) are the package's own, mapped in its package.json.
  if (specifier.startsWith('#')) return true;
  const dir = path.dirname(fromFile);
  const config = configOf(dir, root);
  if (config && config.aliases.some((alias) => alias.matches(specifier))) return true;
  if (config?.baseEntries.includes(specifier.split('/')[0]!)) return true;
  const name = packageName(specifier);
  return name !== null && (workspaceOf(dir, root).has(name) || linkedPackage(dir, name, root) !== null);
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** A file found, unless it lies outside the project or in an installed package (its real path is under node_modules). */
function ownFile(file: string | null, root: string): string | null {
  if (!file) return null;
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return null;
  }
  if (real.split(path.sep).includes('node_modules')) return null;
  // The path as found stays the module's name in messages (a project under a linked folder).
  return inside(root, file) || inside(realOr(root), real) ? file : null;
}

function resolveBare(dir: string, specifier: string, root: string): string | null {
  if (specifier.startsWith('#')) return packageImport(dir, specifier, root);
  const config = configOf(dir, root);
  // TypeScript tries `paths` (then `baseUrl`) before node_modules; so do we.
  for (const candidate of config?.matcher?.(specifier) ?? []) {
    const found = ownFile(search(candidate), root);
    if (found) return found;
  }
  const name = packageName(specifier);
  if (name === null) return null;
  const packageDir = workspaceOf(dir, root).get(name) ?? linkedPackage(dir, name, root);
  return packageDir ? ownFile(packageEntry(packageDir, specifier.slice(name.length + 1)), root) : null;
}

/** `@acme/emails/templates` → `@acme/emails`; null for what cannot be a package name. */
function packageName(specifier: string): string | null {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return /^(@[\w.-]+\/)?[\w.-]+$/.test(name) && !name.startsWith('.') ? name : null;
}

/**
 * Conditions tried one at a time, so that a `types` entry pointing at a `.d.ts` file gives way to
 * the `import` or `require` entry; `default` matches in each. Internal packages often point
 * `types` (or all of them) at their `.ts` sources.
 */
const CONDITIONS = ['types', 'import', 'require'];

/** The file a workspace package's subpath (`''`, `templates`) names: its `exports`, or `main`. */
function packageEntry(dir: string, subpath: string): string | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  const targets: string[] = [];
  if (manifest['exports'] !== undefined && manifest['exports'] !== null) {
    for (const condition of CONDITIONS) {
      try {
        targets.push(...resolveExports(manifest['exports'] as PathConditions, subpath, [condition]));
      } catch {
        // not exported under this condition
      }
    }
  } else if (subpath === '') {
    for (const field of ['main', 'module']) if (typeof manifest[field] === 'string') targets.push(manifest[field]);
    targets.push('./index');
  } else {
    targets.push(subpath);
  }
  for (const target of targets) {
    if (/\.d\.[cm]?ts$/.test(target)) continue; // declarations hold no bodies to summarise
    const found = search(path.resolve(dir, target));
    if (found) return found;
  }
  return null;
}

/**
 * A subpath import (`#mail`, `#lib/*`): the `imports` map of the nearest package.json above the
 * importing folder, as Node reads it; a target that is another package is not the project's.
 */
function packageImport(dir: string, specifier: string, root: string): string | null {
  for (let current = dir; inside(root, current); current = path.dirname(current)) {
    if (probeFile(path.join(current, 'package.json'))) {
      const imports = readManifest(current)?.['imports'];
      if (!imports || typeof imports !== 'object' || Array.isArray(imports)) return null;
      for (const condition of [...CONDITIONS, 'node']) {
        let targets: string[] = [];
        try {
          targets = resolveImports(imports as PathConditionsMap, specifier, [condition]);
        } catch {
          // not mapped under this condition
        }
        for (const target of targets) {
          if (!target.startsWith('./') || /\.d\.[cm]?ts$/.test(target)) continue;
          const found = ownFile(search(path.resolve(current, target)), root);
          if (found) return found;
        }
      }
      return null;
    }
    if (current === root || path.dirname(current) === current) break;
  }
  return null;
}

interface ConfigData {
  readonly matcher: ((specifier: string) => string[]) | null;
  /** The `paths` patterns, for the question whether a specifier may be the project's. */
  readonly aliases: readonly { matches(specifier: string): boolean }[];
  /** The names in the `baseUrl` folder, extensions dropped: `lib` for `lib/email`. */
  readonly baseEntries: readonly string[];
  /** What the rest is made from (the config's path, `paths`, `baseUrl` and its entries): equal for equal configs. */
  readonly source: string;
}

const configs = new Store<ConfigData | null>('tsconfig', 4096, (config) => config?.source ?? 'none');

/** The nearest tsconfig.json or jsconfig.json of a folder, up to the project root; null when there is none. */
function configOf(dir: string, root: string): ConfigData | null {
  return configs.get(`${dir}\0${root}`, () => {
    // In each folder a tsconfig.json wins over a jsconfig.json, as in TypeScript's editor support.
    const file = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find((candidate) => probeFile(candidate));
    if (file) return readConfig(file);
    const parent = path.dirname(dir);
    return dir !== root && parent !== dir && inside(root, parent) && path.basename(dir) !== 'node_modules' ? configOf(parent, root) : null;
  });
}

/**
 * A config and the configs its `references` name (a solution-style tsconfig.json that holds no
 * options itself and points at tsconfig.app.json and tsconfig.node.json, as Vite writes it): the
 * aliases of each, its own first. References of references are not followed.
 */
function readConfig(file: string): ConfigData | null {
  const own = readOneConfig(file);
  const references = own?.references ?? [];
  if (references.length === 0) return own?.data ?? null;
  const parts = [own?.data, ...references.map((reference) => readOneConfig(reference)?.data)].filter((part): part is ConfigData => Boolean(part));
  if (parts.length === 0) return null;
  const matchers = parts.map((part) => part.matcher).filter((matcher): matcher is (specifier: string) => string[] => matcher !== null);
  return {
    matcher: matchers.length ? (specifier) => matchers.flatMap((matcher) => matcher(specifier)) : null,
    aliases: parts.flatMap((part) => part.aliases),
    baseEntries: parts.flatMap((part) => part.baseEntries),
    source: JSON.stringify(parts.map((part) => part.source)),
  };
}

/** The config files a config's `references` name: a file, or a folder's tsconfig.json. */
function referencedConfigs(file: string, config: TsConfigJsonResolved): string[] {
  const found: string[] = [];
  for (const reference of config.references ?? []) {
    if (typeof reference?.path !== 'string') continue;
    const target = path.resolve(path.dirname(file), reference.path);
    const candidate = /\.json$/.test(target) ? target : path.join(target, 'tsconfig.json');
    if (candidate !== file && probeFile(candidate)) found.push(candidate);
  }
  return found;
}

function readOneConfig(file: string): { data: ConfigData | null; references: string[] } | null {
  // get-tsconfig reads through this map; every file it looked at is recorded from its keys.
  const reads = new Map<string, unknown>();
  let config: TsConfigJsonResolved | null = null;
  try {
    config = parseTsconfig(file, reads as Map<string, never>);
  } catch {
    // a config that does not parse: no aliases
  }
  for (const key of reads.keys()) {
    const colon = key.indexOf(':');
    const target = key.slice(colon + 1).replace(/:utf8$/, '');
    if (path.isAbsolute(target)) probeFile(target);
  }
  if (!config) return null;
  const references = referencedConfigs(file, config);
  const matcher = createPathsMatcher({ path: file, config });
  const aliases = Object.keys(config.compilerOptions?.paths ?? {}).map((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return { matches: (specifier: string) => specifier === pattern };
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    return { matches: (s: string) => s.length >= prefix.length + suffix.length && s.startsWith(prefix) && s.endsWith(suffix) };
  });
  const baseUrl = config.compilerOptions?.baseUrl;
  const baseEntries =
    baseUrl === undefined
      ? []
      : readFolder(path.resolve(path.dirname(file), baseUrl))
          .names.filter((entry) => entry !== 'node_modules' && !entry.startsWith('.'))
          .map((entry) => entry.replace(/\.[cm]?[jt]sx?$/, ''));
  const source = JSON.stringify([file, config.compilerOptions?.paths ?? null, baseUrl ?? null, baseEntries]);
  return { data: { matcher, aliases, baseEntries, source }, references };
}

function realOr(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** The first file a base path names, in the order of EXTENSIONS: itself, a `.js` written for `.ts`, an added extension, a folder's index. */
function search(base: string): string | null {
  const ext = path.extname(base);
  const stem = /^\.[cm]?js$|^\.jsx$/.test(ext) ? base.slice(0, -ext.length) : null;
  const dir = path.dirname(base);
  const name = path.basename(base);
  const listing = folder(dir);
  const candidates = [
    ...(EXTENSIONS.includes(ext) ? [name] : []),
    ...(stem ? EXTENSIONS.map((e) => path.basename(stem) + e) : []),
    ...EXTENSIONS.map((e) => name + e),
  ];
  for (const candidate of candidates) {
    if (listing.files.has(candidate)) return path.join(dir, candidate);
  }
  if (!listing.folders.has(name)) return null;
  const index = folder(base);
  for (const e of EXTENSIONS) {
    if (index.files.has(`index${e}`)) return path.join(base, `index${e}`);
  }
  return null;
}
