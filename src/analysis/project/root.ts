import path from 'node:path';
import { probeFile, readFolder, Store } from './store.js';
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
  let manifest: string | null = null;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (dir === cwd || isVcsRoot(dir)) return dir;
    if (manifest === null && probeFile(path.join(dir, 'package.json'))) manifest = dir;
    if (path.dirname(dir) === dir) break;
  }
  if (manifest === null) return start;
  return workspaceRootAbove(manifest, (above) => path.dirname(above) === above) ?? manifest;
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

function isVcsRoot(dir: string): boolean {
  const { names } = readFolder(dir);
  return VCS.some((marker) => names.includes(marker));
}
