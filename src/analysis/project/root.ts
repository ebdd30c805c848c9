import path from 'node:path';
import { probeFile, readFolder, Store } from './store.js';
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

function isVcsRoot(dir: string): boolean {
  const { names } = readFolder(dir);
  return VCS.some((marker) => names.includes(marker));
}
