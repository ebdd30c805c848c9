import path from 'node:path';
import { probeFile, probePath, Store } from './store.js';
import { inside } from './paths.js';
import { workspaceRootAbove } from './workspace.js';

/**
 * The project a linted file belongs to: the one folder whose files the rules may read for it.
 * Walking up from the file, the nearest folder that is a version-control root or the lint's
 * working directory. A file outside both (a loose file, a folder of another kind of repository)
 * belongs to the nearest package.json's project (its workspace's root, when it is a workspace's
 * package), else to its own folder. Nothing outside this folder is read: a loose file reads its
 * neighbours, never the disk. No mail knowledge here.
 */

const VCS = ['.git', '.hg', '.svn'];

const roots = new Store<string>('project roots', 4096);

export function projectRoot(file: string, cwd: string): string {
  const dir = path.dirname(file);
  return roots.get(`${dir}\0${cwd}`, () => findRoot(dir, path.resolve(cwd)));
}

function findRoot(start: string, cwd: string): string {
  const found = vcsOrCwdAbove(start, cwd);
  if (found !== null) return found;
  let manifest: string | null = null;
  for (let dir = start; manifest === null; dir = path.dirname(dir)) {
    if (probeFile(path.join(dir, 'package.json'))) manifest = dir;
    if (path.dirname(dir) === dir) break;
  }
  if (manifest === null) return start;
  return workspaceRootAbove(manifest, (above) => path.dirname(above) === above) ?? manifest;
}

const vcsRoots = new Store<string | null>('version-control roots', 4096);

/**
 * The nearest folder from `dir` up that is the lint's working directory or a version-control root;
 * null when none is. Kept per folder, so the folders of a project are each looked at once, not
 * once for every folder below them.
 */
function vcsOrCwdAbove(dir: string, cwd: string): string | null {
  return vcsRoots.get(`${dir}\0${cwd}`, () => {
    if (dir === cwd || isVcsRoot(dir)) return dir;
    const parent = path.dirname(dir);
    return parent === dir ? null : vcsOrCwdAbove(parent, cwd);
  });
}

const packages = new Store<string>('package roots', 4096);

/**
 * The package a file of the project belongs to, for the index of a module's importers: the nearest
 * folder with a package.json up to the project root (its workspace's root, when it is one of a
 * workspace's packages), else the project root. Its callers are looked for there.
 */
export function packageRoot(file: string, root: string): string {
  const dir = path.dirname(file);
  return packages.get(`${dir}\0${root}`, () => {
    for (let current = dir; inside(root, current); current = path.dirname(current)) {
      if (probeFile(path.join(current, 'package.json'))) return current === root ? root : (workspaceRootAbove(current, (above) => above === root) ?? current);
      if (current === root) break;
    }
    return root;
  });
}

/** A `.git` folder, or a `.git` file of a worktree or submodule; likewise `.hg`, `.svn`. */
function isVcsRoot(dir: string): boolean {
  return VCS.some((marker) => probePath(path.join(dir, marker)).kind !== 'absent');
}
