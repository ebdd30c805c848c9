/** Where mail-lint lints from, where the repository starts, and which tsconfig.json applies. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Is `file` the folder `dir` or inside it? */
export const isInside = (file: string, dir: string) =>
  file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * ESLint ignores files outside its working directory. Lint from the current directory when the
 * paths are inside it, else from the deepest directory that holds them all.
 */
export function baseDirectory(targets: string[], cwd = process.cwd()): string {
  const resolved = targets.map((t) => path.resolve(cwd, t));
  if (resolved.every((p) => isInside(p, cwd))) return cwd;
  let base = path.dirname(resolved[0]!);
  while (!resolved.every((p) => isInside(p, base))) base = path.dirname(base);
  return base;
}

/** The nearest directory, from `start` up, that holds `name`; `undefined` if none does. */
export function findUp(name: string, start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, name))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository root (the nearest folder with `.git`, a folder or a worktree's file), else `start`. */
export function repositoryRoot(start: string): string {
  return findUp('.git', start) ?? path.resolve(start);
}

/**
 * Creates `dir` and the folders above it that are missing, one level at a time. Node's
 * `mkdirSync(dir, { recursive: true })` loops for ever on some paths (a missing folder under
 * `/proc/self`); here every level is one `mkdir`, and its error (ENOENT, ENOTDIR, EACCES) is thrown as it is.
 */
export function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by another process: fine; a file of that name fails at the next level.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
