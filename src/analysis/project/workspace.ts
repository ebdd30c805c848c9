import { realpathSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { Minimatch } from 'minimatch';
import { inside } from './paths.js';
import { probeFile, probePath, readFile, readFolder, Store } from './store.js';

/**
 * Workspace packages: the packages a workspace declares (`workspaces` of package.json, as a list
 * or yarn's `{ packages }`, or pnpm-workspace.yaml's `packages`), and packages of the project
 * linked into a node_modules folder by a workspace tool. Every read is recorded (store.ts), so a
 * package added, renamed or moved is seen by the next lint. No mail knowledge here.
 */

type Packages = ReadonlyMap<string, string>;
const NO_PACKAGES: Packages = new Map();
const byName = (packages: Packages) => JSON.stringify([...packages]);

/** A folder's package.json as an object; null when there is none or it is no JSON object. */
export function readManifest(dir: string): Record<string, unknown> | null {
  return readJson(path.join(dir, 'package.json'));
}

export function readJson(file: string): Record<string, unknown> | null {
  const read = readFile(file);
  if (!read) return null;
  try {
    const value: unknown = JSON.parse(read.text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const declarations = new Store<readonly string[] | null>('workspace declarations', 4096);

/** The folder patterns a workspace root declares; null when the folder declares no workspace. */
function workspacePatterns(dir: string): readonly string[] | null {
  return declarations.get(dir, () => {
    const manifest = probeFile(path.join(dir, 'package.json')) ? readManifest(dir) : null;
    const declared = manifest?.['workspaces'];
    const list = Array.isArray(declared) ? declared : (declared as { packages?: unknown } | undefined)?.packages;
    if (Array.isArray(list)) return list.filter((p): p is string => typeof p === 'string');
    const yaml = probeFile(path.join(dir, 'pnpm-workspace.yaml')) ? readFile(path.join(dir, 'pnpm-workspace.yaml')) : null;
    if (!yaml) return null;
    try {
      const packages = (load(yaml.text) as { packages?: unknown } | null)?.packages;
      return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return []; // a workspace file that does not parse: a workspace with no packages we can name
    }
  });
}

const members = new Store<Packages>('workspace packages', 1024, byName);

/** The packages of the workspace rooted at `root`, by name. */
function workspacePackages(root: string, patterns: readonly string[]): Packages {
  return members.get(root, () => {
    const clean = (p: string) => new Minimatch(p.replace(/^\.\/|\/$/g, ''));
    const include = patterns.filter((p) => !p.startsWith('!')).map(clean);
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1)));
    const packages = new Map<string, string>();
    // Folders up to four levels below the root (`packages/*`, `apps/**`), never into node_modules.
    const visit = (relative: string, depth: number): void => {
      if (relative && include.some((m) => m.match(relative)) && !exclude.some((m) => m.match(relative))) {
        const name = readManifest(path.join(root, relative))?.['name'];
        if (typeof name === 'string' && !packages.has(name)) packages.set(name, path.join(root, relative));
      }
      if (depth === 4) return;
      for (const entry of readFolder(path.join(root, relative)).folders) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const next = relative ? `${relative}/${entry}` : entry;
        if (include.some((m) => m.match(next, true))) visit(next, depth + 1);
      }
    };
    visit('', 0);
    return packages;
  });
}

/** The packages of the workspace a folder lies in (the nearest folder up to `root` that declares one), by name. */
export function workspaceOf(dir: string, root: string): Packages {
  for (let current = dir; inside(root, current); current = path.dirname(current)) {
    const patterns = workspacePatterns(current);
    if (patterns) return workspacePackages(current, patterns);
    if (current === root) break;
  }
  return NO_PACKAGES;
}

/**
 * The root of a workspace one of whose packages is the folder `dir`: the nearest folder above it
 * that declares a workspace listing it, looking no higher than the first folder `isBoundary` accepts.
 */
export function workspaceRootAbove(dir: string, isBoundary: (folder: string) => boolean): string | null {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const patterns = workspacePatterns(current);
    if (patterns && [...workspacePackages(current, patterns).values()].includes(dir)) return current;
    if (isBoundary(current) || path.dirname(current) === current) return null;
  }
}

const links = new Store<string | null>('linked packages', 16_384);

/**
 * A package of this project linked into a node_modules folder (a workspace tool's symlink), as
 * Node finds it from `dir`: the nearest node_modules/<name> up to `root` decides. A link to a
 * folder inside the project, and not itself in a node_modules folder, is the project's (its real
 * path); an installed package, or an `npm link`ed checkout elsewhere, is not (null).
 */
export function linkedPackage(dir: string, name: string, root: string): string | null {
  return links.get(`${dir}\0${name}\0${root}`, () => {
    for (let current = dir; inside(root, current); current = path.dirname(current)) {
      if (path.basename(current) !== 'node_modules') {
        const entry = probePath(path.join(current, 'node_modules', name));
        if (entry.kind === 'other') return null; // installed here: Node stops at it
        if (entry.kind === 'link') {
          const real = entry.target;
          return real && !real.split(path.sep).includes('node_modules') && inside(realOr(root), real) ? real : null;
        }
      }
      if (current === root) break;
    }
    return null;
  });
}

function realOr(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}
