import path from 'node:path';
import { moduleFact } from './modules.js';
import { isProjectSpecifier, resolveImport } from './resolve.js';
import { readFolder, Store } from './store.js';

/**
 * Which of the project's files import a given module: for a wrapper's report at the field its
 * callers in other modules fill with a list. The project's source files are listed under its
 * root (root.ts) and what each imports is read with a text search, once per version of each file;
 * a file added, removed or edited anywhere in the project is seen by the next lint. No mail
 * knowledge here.
 */

/** Folders that hold no source of the project's own: installed, built or generated code. */
const SKIP = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'tmp', 'temp']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A larger project is not searched: its callers stay unknown (the reports at the calls remain). */
export const MAX_PROJECT_FILES = 20_000;

/** `from './x'`, `import('./x')`, `require('./x')`, `import './x'`: what a text imports, without parsing it. */
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]+)\1/g;

/**
 * The module specifiers a source text imports, read with a text search. Comments and strings may
 * add some that the code does not import: a superset, which is what an index of possible
 * importers (and the question whether a module may lead to another) needs.
 */
export function importSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]!);
  return [...found];
}

/** The specifiers a module imports, once per version of its file. */
export function moduleImports(file: string): readonly string[] {
  return moduleFact('imports', file, importSpecifiers) ?? [];
}

type Index = ReadonlyMap<string, readonly string[]> | null;

// Flat: an index asks an entry of every file and import of the project; checking it is one stat a file and folder.
const indexes = new Store<Index>('importers', 64, (index) => (index ? JSON.stringify([...index]) : 'none'), true);

/** The files of the project under `root` that import `target`, sorted. */
export function importersOf(target: string, root: string): readonly string[] {
  const index = indexes.get(root, () => buildIndex(root, sourceFiles(root)));
  return (index?.get(target) ?? []).filter((file) => file !== target);
}

/**
 * The files under `root` whose text passes `test` (see filesWithText) that import `target`, sorted:
 * the importers index of those files alone, so a project with none of them resolves no import.
 */
export function importersWithText(target: string, root: string, kind: string, test: (text: string) => boolean): readonly string[] {
  const index = indexes.get(`${kind}\0${root}`, () => buildIndex(root, [...filesWithText(root, kind, test)]));
  return (index?.get(target) ?? []).filter((file) => file !== target);
}

function buildIndex(root: string, files: readonly string[] | null): Index {
  if (!files) return null;
  const index = new Map<string, string[]>();
  for (const file of files) {
    for (const specifier of moduleImports(file)) {
      if (!isProjectSpecifier(file, specifier, root)) continue;
      const imported = resolveImport(file, specifier, root);
      if (!imported) continue;
      const importers = index.get(imported);
      if (!importers) index.set(imported, [file]);
      else if (importers.at(-1) !== file) importers.push(file);
    }
  }
  return index;
}

/** The project's source files under `root`, sorted, without installed, built or hidden folders; null past MAX_PROJECT_FILES. */
function sourceFiles(root: string): string[] | null {
  const files: string[] = [];
  const visit = (dir: string): boolean => {
    const listing = readFolder(dir);
    for (const name of listing.names) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (listing.folders.has(name)) {
        if (!SKIP.has(name) && !listing.links.has(name) && !visit(full)) return false;
      } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) {
        files.push(full);
        if (files.length > MAX_PROJECT_FILES) return false;
      }
    }
    return true;
  };
  return visit(root) ? files : null;
}

/**
 * The action patterns a source text registers on a message bus, read with a text search:
 * `seneca.add({ role: plugin, cmd: 'send' }, handler)` gives `{ role: plugin, cmd: 'send' }`.
 * A superset (comments and strings count): the modules to parse for a pattern dispatched elsewhere.
 */
const REGISTERED_PATTERN = /\.add\s*\(\s*(\{[^{}]*\})/g;

export function registeredPatterns(text: string): string[] {
  return [...new Set([...text.matchAll(REGISTERED_PATTERN)].map((m) => m[1]!))];
}

/** Files under a root whose text passes a test, by the test's name: kept per root, checked as the importers index is. */
const textIndexes = new Store<readonly string[] | null>('files by text', 64, (files) => (files ? files.join('\n') : 'none'), true);

/**
 * The project's source files under `root` whose text passes `test` (once per version of each
 * file), sorted; `kind` names the test. A list of candidates read without resolving any import:
 * cheaper than the importers index, which a question about a few files need not build.
 */
export function filesWithText(root: string, kind: string, test: (text: string) => boolean): readonly string[] {
  return (
    textIndexes.get(`${kind}\0${root}`, () => {
      const files = sourceFiles(root);
      return files && files.filter((file) => moduleFact(kind, file, test) === true);
    }) ?? []
  );
}

/**
 * The project's files under `root` that register an action pattern on a message bus (Seneca's
 * `seneca.add(pattern, handler)`), sorted: a process shares one bus between the modules it loads,
 * so a pattern dispatched in one module may be handled by any of them.
 */
export function patternRegistrants(root: string): readonly string[] {
  return filesWithText(root, 'registered patterns', (text) => registeredPatterns(text).length > 0);
}
