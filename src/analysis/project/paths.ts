import path from 'node:path';

/** Whether `file` lies in the folder `root` (or is it). */
export function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
