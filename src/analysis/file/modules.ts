import { type Dirent, existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import * as eslintScope from 'eslint-scope';
import * as espree from 'espree';
import { createPathsMatcher, parseTsconfig, type TsConfigJsonResolved } from 'get-tsconfig';
import { Minimatch } from 'minimatch';
import { resolveExports, type PathConditions } from 'resolve-pkg-maps';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The project's own modules, read from disk: an import resolved the way Node and TypeScript do
 * (relative paths, tsconfig/jsconfig path aliases, workspace packages), and the module parsed once per process and kept until its file changes
 * (path, modification time and size). No mail knowledge here; the summaries are made in passes/.
 */

type Node = TSESTree.Node;

/** The extensions tried for `./mailer`, in the order TypeScript and bundlers try them. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** A module larger than this is generated or vendored code: left unknown. */
const MAX_BYTES = 512 * 1024;

export interface ModuleFile {
  readonly path: string;
  /** Changes when the file does: an editor sees an edit of the other module on the next lint. */
  readonly stamp: string;
}

export interface ParsedModule {
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  readonly text: string;
}

function stampOf(file: string): string | null {
  try {
    // Most candidates of a search do not exist: no error object made for each.
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() && stat.size <= MAX_BYTES ? `${stat.mtimeMs}:${stat.size}` : null;
  } catch {
    return null;
  }
}

/** `from './x'`, `import('./x')`, `require('./x')`, `import './x'`: what a text imports, without parsing it. */
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]+)\1/g;

/** The module specifiers a source text imports, read with a text search (comments and strings may add some). */
export function importSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]!);
  return [...found];
}

/** A file of the project as a module, with its stamp; null when it is gone or too large. */
export function moduleFile(file: string): ModuleFile | null {
  const stamp = stampOf(file);
  return stamp ? { path: file, stamp } : null;
}

/**
 * `./mailer`, `../lib/mail.js` (a `.ts` file written as `.js`), `./mail` (a folder's index), a path
 * alias of the nearest tsconfig.json or jsconfig.json (`@/lib/email`), or a workspace package of
 * the project (`@acme/emails`, through its `exports` or `main`). Never a file of an installed
 * third-party package: those are not the project's own modules.
 */
export function resolveImport(fromFile: string, specifier: string): ModuleFile | null {
  if (!path.isAbsolute(fromFile)) return null;
  const dir = path.dirname(fromFile);
  const relative = isRelative(specifier);
  // A bare specifier means the same thing from every file of a folder (one config, one workspace).
  const key = relative ? path.resolve(dir, specifier) : `${dir}\0${specifier}`;
  // One stat for a specifier resolved before; the search again when that file is gone.
  const known = resolved.get(key);
  if (known) {
    const stamp = stampOf(known);
    if (stamp) return { path: known, stamp };
  }
  if (unresolved.has(key)) return null;
  const found = relative ? ownFile(search(key)) : resolveBare(dir, specifier);
  if (found) resolved.set(key, found.path);
  else unresolved.add(key); // a module added later is seen by the next process (as ESLint's own resolvers)
  return found;
}

/**
 * The fast exit's question: may this specifier name one of the project's own modules? Relative
 * paths, the path aliases of the nearest config and the workspace's package names; answered from
 * data read once per folder, so a file importing only `react` and `lodash` pays nothing more.
 */
export function isProjectSpecifier(fromFile: string, specifier: string): boolean {
  if (isRelative(specifier)) return true;
  if (!path.isAbsolute(fromFile) || specifier.startsWith('node:') || specifier.startsWith('/')) return false;
  const dir = path.dirname(fromFile);
  const config = configOf(dir);
  if (config && config.aliases.some((alias) => alias.matches(specifier))) return true;
  if (config?.baseEntries.has(specifier.split('/')[0]!)) return true;
  const name = packageName(specifier);
  return name !== null && (workspaceOf(dir).has(name) || linkedPackages(dir).has(name));
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** Specifiers that resolved to no file: not searched again. */
const unresolved = new Set<string>();

/** Resolved specifiers, by absolute base path (relative ones) or folder and specifier (bare ones). */
const resolved = new Map<string, string>();

/** A file found, unless it lies in an installed package: its real path is under node_modules. */
function ownFile(file: ModuleFile | null): ModuleFile | null {
  if (!file) return null;
  let real: string;
  try {
    real = realpathSync.native(file.path);
  } catch {
    return null;
  }
  // The path as found stays the module's name in messages (a project under a linked folder).
  return real.split(path.sep).includes('node_modules') ? null : file;
}

function resolveBare(dir: string, specifier: string): ModuleFile | null {
  const config = configOf(dir);
  // TypeScript tries `paths` (then `baseUrl`) before node_modules; so do we.
  for (const candidate of config?.matcher?.(specifier) ?? []) {
    const found = ownFile(search(candidate));
    if (found) return found;
  }
  const name = packageName(specifier);
  if (name === null) return null;
  const packageDir = workspaceOf(dir).get(name) ?? linkedPackages(dir).get(name);
  return packageDir ? ownFile(packageEntry(packageDir, specifier.slice(name.length + 1))) : null;
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
function packageEntry(dir: string, subpath: string): ModuleFile | null {
  const manifest = readJson(path.join(dir, 'package.json'));
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

function readJson(file: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

interface ConfigData {
  readonly matcher: ((specifier: string) => string[]) | null;
  /** The `paths` patterns, for the fast exit's question. */
  readonly aliases: readonly { matches(specifier: string): boolean }[];
  /** The names in the `baseUrl` folder, extensions dropped: `lib` for `lib/email`. */
  readonly baseEntries: ReadonlySet<string>;
}

/** The nearest config of each folder (null: none), read once per process; extends followed by get-tsconfig. */
const configs = new Map<string, ConfigData | null>();
const tsconfigCache = new Map<string, unknown>();

function configOf(dir: string): ConfigData | null {
  const known = configs.get(dir);
  if (known !== undefined) return known;
  // In each folder a tsconfig.json wins over a jsconfig.json, as in TypeScript's editor support.
  const file = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  const parent = path.dirname(dir);
  const data = file ? readConfig(file) : parent !== dir && path.basename(dir) !== 'node_modules' ? configOf(parent) : null;
  configs.set(dir, data);
  return data;
}

function readConfig(file: string): ConfigData | null {
  let config: TsConfigJsonResolved;
  try {
    config = parseTsconfig(file, tsconfigCache as Map<string, never>);
  } catch {
    return null; // a config that does not parse: no aliases
  }
  const matcher = createPathsMatcher({ path: file, config });
  const aliases = Object.keys(config.compilerOptions?.paths ?? {}).map((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return { matches: (specifier: string) => specifier === pattern };
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    return { matches: (s: string) => s.length >= prefix.length + suffix.length && s.startsWith(prefix) && s.endsWith(suffix) };
  });
  const baseUrl = config.compilerOptions?.baseUrl;
  const baseEntries = new Set<string>();
  if (baseUrl !== undefined) {
    try {
      for (const entry of readdirSync(path.resolve(path.dirname(file), baseUrl))) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) baseEntries.add(entry.replace(/\.[cm]?[jt]sx?$/, ''));
      }
    } catch {
      // no such folder
    }
  }
  return { matcher, aliases, baseEntries };
}

/** The workspace's packages by name, for each folder inside it (empty outside a workspace). */
const workspaces = new Map<string, ReadonlyMap<string, string>>();
const NO_PACKAGES: ReadonlyMap<string, string> = new Map();

function workspaceOf(dir: string): ReadonlyMap<string, string> {
  const known = workspaces.get(dir);
  if (known) return known;
  const patterns = workspacePatterns(dir);
  const parent = path.dirname(dir);
  const packages = patterns ? workspacePackages(dir, patterns) : parent !== dir ? workspaceOf(parent) : NO_PACKAGES;
  workspaces.set(dir, packages);
  return packages;
}

/** `workspaces` of package.json (a list, or yarn's `{ packages }`), or pnpm-workspace.yaml's `packages`. */
function workspacePatterns(dir: string): string[] | null {
  const manifest = existsSync(path.join(dir, 'package.json')) ? readJson(path.join(dir, 'package.json')) : null;
  const declared = manifest?.['workspaces'];
  const list = Array.isArray(declared) ? declared : (declared as { packages?: unknown } | undefined)?.packages;
  if (Array.isArray(list)) return list.filter((p): p is string => typeof p === 'string');
  let yaml: string;
  try {
    yaml = readFileSync(path.join(dir, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    return null;
  }
  // Only the `packages:` list is read: `- 'packages/*'` lines up to the next top-level key.
  const block = /^packages:\s*\n((?:[ \t]*(?:-.*|#.*)?\n?)*)/m.exec(yaml)?.[1] ?? '';
  return [...block.matchAll(/^[ \t]*-[ \t]*['"]?([^'"#\n]+?)['"]?[ \t]*(?:#.*)?$/gm)].map((m) => m[1]!);
}

function workspacePackages(root: string, patterns: readonly string[]): ReadonlyMap<string, string> {
  const include = patterns.filter((p) => !p.startsWith('!')).map((p) => new Minimatch(p.replace(/^\.\/|\/$/g, '')));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => new Minimatch(p.slice(1).replace(/^\.\/|\/$/g, '')));
  const packages = new Map<string, string>();
  // Folders up to four levels below the root (`packages/*`, `apps/**`), never into node_modules.
  const visit = (relative: string, depth: number): void => {
    if (relative && include.some((m) => m.match(relative)) && !exclude.some((m) => m.match(relative))) {
      const name = readJson(path.join(root, relative, 'package.json'))?.['name'];
      if (typeof name === 'string' && !packages.has(name)) packages.set(name, path.join(root, relative));
    }
    if (depth === 4) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const next = relative ? `${relative}/${entry.name}` : entry.name;
      if (include.some((m) => m.match(next, true))) visit(next, depth + 1);
    }
  };
  visit('', 0);
  return packages;
}

/**
 * Packages of this project linked into a node_modules folder (a workspace tool's symlinks), by
 * name: a link to a folder of the project (below the folder that holds that node_modules, or a
 * workspace package), and not itself in a node_modules folder. An `npm link`ed checkout elsewhere
 * is not the project's. One read of each node_modules folder on the way up, once per process.
 */
const links = new Map<string, ReadonlyMap<string, string>>();

function linkedPackages(dir: string): ReadonlyMap<string, string> {
  const known = links.get(dir);
  if (known) return known;
  const packages = new Map<string, string>();
  const parent = path.dirname(dir);
  if (parent !== dir && path.basename(dir) !== 'node_modules') for (const [name, target] of linkedPackages(parent)) packages.set(name, target);
  const folder = path.join(dir, 'node_modules');
  let own: ((real: string) => boolean) | null = null;
  const ofProject = (real: string): boolean => {
    if (!own) {
      const inside = [dir, ...workspaceOf(dir).values()].map((folder) => realOr(folder));
      own = (target) => inside.some((folder) => target === folder || target.startsWith(folder + path.sep));
    }
    return own(real);
  };
  const read = (at: string, scope: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!scope && entry.name.startsWith('@') && entry.isDirectory()) read(path.join(at, entry.name), `${entry.name}/`);
      if (!entry.isSymbolicLink()) continue;
      try {
        const real = realpathSync.native(path.join(at, entry.name));
        if (!real.split(path.sep).includes('node_modules') && ofProject(real)) packages.set(scope + entry.name, real); // nearer links win
      } catch {
        // a dangling link
      }
    }
  };
  read(folder, '');
  links.set(dir, packages);
  return packages;
}

function realOr(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

function search(base: string): ModuleFile | null {
  const ext = path.extname(base);
  const stem = /^\.[cm]?js$|^\.jsx$/.test(ext) ? base.slice(0, -ext.length) : null;
  const candidates = [
    ...(EXTENSIONS.includes(ext) ? [base] : []),
    ...(stem ? EXTENSIONS.map((e) => stem + e) : []),
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  for (const candidate of candidates) {
    const stamp = stampOf(candidate);
    if (stamp) return { path: candidate, stamp };
  }
  return null;
}

const texts = new Map<string, { readonly stamp: string; readonly text: string | null }>();

/** The module's text, read once per version of the file. */
export function moduleText(file: ModuleFile): string | null {
  const known = texts.get(file.path);
  if (known?.stamp === file.stamp) return known.text;
  let text: string | null;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch {
    text = null;
  }
  texts.set(file.path, { stamp: file.stamp, text });
  return text;
}

/**
 * Parses a module without types, with JSX where the extension allows it; null when it does not
 * parse. JavaScript is parsed with espree, ESLint's own parser, as a module and else as CommonJS:
 * in a JavaScript project it is already loaded and warm, where typescript-estree would load
 * TypeScript for a few modules (about 50 ms a module on a first run). Its scopes come from
 * eslint-scope, as ESLint makes them for the rules. TypeScript, and JavaScript espree cannot read,
 * goes to typescript-estree and its scope manager.
 */
export function parseModule(file: ModuleFile, text: string): ParsedModule | null {
  const javascript = /\.[cm]?jsx?$/.test(file.path);
  return (javascript ? parseJavaScript(text) : null) ?? parseTypeScript(file, text);
}

function parseJavaScript(text: string): ParsedModule | null {
  for (const sourceType of ['module', 'commonjs'] as const) {
    try {
      const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true, ecmaFeatures: { jsx: true } }) as unknown as TSESTree.Program;
      const scopeManager = eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType, childVisitorKeys: espree.VisitorKeys });
      linkParents(ast, espree.VisitorKeys);
      return { ast, scopeManager: scopeManager as unknown as TSESLint.Scope.ScopeManager, visitorKeys: espree.VisitorKeys, text };
    } catch {
      // not this source type: the next, then typescript-estree
    }
  }
  return null;
}

function parseTypeScript(file: ModuleFile, text: string): ParsedModule | null {
  try {
    const jsx = !/\.[cm]?ts$/.test(file.path);
    const { ast, scopeManager, visitorKeys } = parseForESLint(text, {
      filePath: file.path,
      range: true,
      loc: true,
      comment: false,
      tokens: false,
      sourceType: 'module',
      ecmaFeatures: { jsx },
    });
    const program = ast as unknown as TSESTree.Program;
    linkParents(program, visitorKeys);
    return {
      ast: program,
      scopeManager: scopeManager,
      visitorKeys: visitorKeys,
      text,
    };
  } catch {
    return null; // not parsable here: silently unknown
  }
}

/** Sets `parent` on every node, as ESLint does while it traverses; the parser does not. */
function linkParents(root: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: [Node, Node | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    (node as { parent?: Node }).parent = parent;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push([child as Node, node]);
      }
    }
  }
}

/** What other modules keep per project module (passes/sends.ts: the summaries), cleared with these caches. */
const clearHooks: (() => void)[] = [];

/** Registers `clear` to run on every `clearModuleCaches()`: a cache of another module that holds per-module results. */
export function onClearModuleCaches(clear: () => void): void {
  clearHooks.push(clear);
}

/**
 * Forgets every module read, resolved or summarised in this process, as a new process starts.
 * Returns how many entries were cleared: `modules` is the number of module texts kept (each
 * summarised module's text is read once), `resolved` and `unresolved` the import specifiers.
 * For the benchmark (memory held by the caches, cold runs) and long-lived hosts.
 */
export function clearModuleCaches(): { modules: number; resolved: number; unresolved: number } {
  const sizes = { modules: texts.size, resolved: resolved.size, unresolved: unresolved.size };
  texts.clear();
  resolved.clear();
  unresolved.clear();
  configs.clear();
  tsconfigCache.clear();
  workspaces.clear();
  links.clear();
  for (const clear of clearHooks) clear();
  return sizes;
}
