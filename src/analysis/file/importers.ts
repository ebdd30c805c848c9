import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importSpecifiers, isProjectSpecifier, moduleFile, onClearModuleCaches, resolveImport, type ModuleFile } from './modules.js';

/**
 * Which of the project's files import a given module: for a wrapper's report at the field its
 * callers in other modules fill with a list. The project is the folder of the nearest
 * package.json; its source files are listed, and what each imports read with a text search,
 * once per process (a file added later is seen by the next process, as ESLint's own resolvers).
 * No mail knowledge here.
 */

/** Folders that hold no source of the project's own: installed, built or generated code. */
const SKIP = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'tmp', 'temp']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A larger project is not searched: its callers stay unknown (the reports at the calls remain). */
const MAX_FILES = 20_000;
const MAX_BYTES = 512 * 1024;

/** Per project root: every module of the project that some file imports, and the files importing it; null when too large. */
const indexes = new Map<string, ReadonlyMap<string, readonly string[]> | null>();
const roots = new Map<string, string>();
onClearModuleCaches(() => {
  indexes.clear();
  roots.clear();
});

/** The files of the project that import `target`, each with its current stamp. */
export function importersOf(target: ModuleFile): ModuleFile[] {
  const index = projectIndex(projectRoot(path.dirname(target.path)));
  return (index?.get(target.path) ?? []).flatMap((file) => (file === target.path ? [] : (moduleFile(file) ?? [])));
}

/** The folder of the nearest package.json above `dir`, or `dir` itself when there is none. */
function projectRoot(dir: string): string {
  const known = roots.get(dir);
  if (known) return known;
  const parent = path.dirname(dir);
  const root = existsSync(path.join(dir, 'package.json')) || parent === dir ? dir : projectRoot(parent);
  roots.set(dir, root);
  return root;
}

function projectIndex(root: string): ReadonlyMap<string, readonly string[]> | null {
  if (indexes.has(root)) return indexes.get(root)!;
  const files = sourceFiles(root);
  let index: Map<string, string[]> | null = null;
  if (files) {
    index = new Map();
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (text.length > MAX_BYTES) continue;
      for (const specifier of importSpecifiers(text)) {
        if (!isProjectSpecifier(file, specifier)) continue;
        const imported = resolveImport(file, specifier);
        if (!imported) continue;
        const importers = index.get(imported.path);
        if (!importers) index.set(imported.path, [file]);
        else if (importers.at(-1) !== file) importers.push(file);
      }
    }
  }
  indexes.set(root, index);
  return index;
}

/** The project's source files under `root`, without installed, built or hidden folders; null past MAX_FILES. */
function sourceFiles(root: string): string[] | null {
  const files: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) stack.push(full);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
        if (files.length > MAX_FILES) return null;
      }
    }
  }
  return files;
}
