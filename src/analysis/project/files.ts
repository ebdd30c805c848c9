import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';

/**
 * The version of a file or a folder as the project layer saw it, and whether it is still that
 * version. A version is the stat that changes with every write (size, modification and change
 * times, inode): an edit that restores the size and the modification time still changes the
 * change time. Where a stamp cannot tell (the file was written in the same tick as it was read, so
 * a second write in that tick keeps every time), the content's hash is kept too and compared, as
 * git does for "racily clean" entries. No mail knowledge here.
 */

/** Writes this close to the moment they were read may be followed by a write in the same tick. */
const RACY_MS = 2000;

export interface FileVersion {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  /** The content's hash, kept while the stamp alone cannot tell (see RACY_MS). */
  readonly hash?: string;
}

/** How many files and folders the project layer has stat'ed in this process: for the tests and the benchmark of what a lint costs. */
export const statCount = { value: 0 };

function stat(file: string): Stats | null {
  statCount.value++;
  try {
    // Most lookups of a search find nothing: no error object made for each.
    return statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function racy(stats: Stats, readAt: number): boolean {
  return Math.max(stats.mtimeMs, stats.ctimeMs) >= readAt - RACY_MS;
}

function hashOf(content: string | Buffer): string {
  return createHash('sha1').update(content).digest('base64');
}

/**
 * Versions whose content was compared once their stamp could tell on its own: the stamp was then
 * more than RACY_MS old, so any later write changes it. Their content is not read again (a file
 * read just after it was written is hashed until then, not at every lint for the process's life).
 */
const settled = new WeakSet<FileVersion>();

/** A version with a hash whose stamp still matches: compare the content (`current`), and once the stamp can tell alone, settle it. */
function sameContent(version: FileVersion & { hash: string }, stats: Stats, current: () => string): boolean {
  if (settled.has(version)) return true;
  const checkedAt = Date.now();
  let same: boolean;
  try {
    same = hashOf(current()) === version.hash;
  } catch {
    return false;
  }
  if (same && !racy(stats, checkedAt)) settled.add(version);
  return same;
}

function sameStamp(a: FileVersion, stats: Stats): boolean {
  return a.size === stats.size && a.mtimeMs === stats.mtimeMs && a.ctimeMs === stats.ctimeMs && a.ino === stats.ino;
}

/** A regular file's version, or null when there is none (missing, a folder, unreadable). */
export function fileVersion(file: string, content?: string): FileVersion | null {
  const readAt = Date.now();
  const stats = stat(file);
  if (!stats?.isFile()) return null;
  const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  if (!racy(stats, readAt)) return stamp;
  let text = content;
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  }
  return { ...stamp, hash: hashOf(text) };
}

/** Whether the file is still at `version` (null: still absent). */
export function fileUnchanged(file: string, version: FileVersion | null): boolean {
  const stats = stat(file);
  if (!version) return !stats?.isFile();
  if (!stats?.isFile() || !sameStamp(version, stats)) return false;
  if (version.hash === undefined) return true;
  return sameContent(version as FileVersion & { hash: string }, stats, () => readFileSync(file, 'utf8'));
}

/**
 * A file's text with the version it was read at; null when it cannot be read. A file of more than
 * `maxBytes` is not read: its text is null, its version the stamp (rewritten to the same size, it
 * is still too large).
 */
export function readVersioned(file: string, maxBytes = Infinity): { readonly text: string | null; readonly version: FileVersion } | null {
  let text: string;
  try {
    if (maxBytes === Infinity) text = readFileSync(file, 'utf8');
    else {
      // The size from the open file, before its text: a linted file of megabytes is not read again for its imports.
      const fd = openSync(file, 'r');
      try {
        const stats = fstatSync(fd);
        if (stats.size > maxBytes) return { text: null, version: { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino } };
        text = readFileSync(fd, 'utf8');
      } finally {
        closeSync(fd);
      }
    }
  } catch {
    return null;
  }
  const version = fileVersion(file, text);
  return version ? { text, version } : null;
}

/** A folder's entries as read, and the version that tells when one is added, removed or renamed. */
export interface FolderListing {
  readonly names: readonly string[];
  readonly folders: ReadonlySet<string>;
  /** The entries that are not folders. */
  readonly files: ReadonlySet<string>;
  /** The entries that are symbolic links. */
  readonly links: ReadonlySet<string>;
  readonly version: FileVersion | null;
}

const NO_NAMES: readonly string[] = [];

/** The folder's entries (symbolic links followed for the folder test); empty when it is no folder. */
export function listFolder(dir: string): FolderListing {
  const readAt = Date.now();
  const stats = stat(dir);
  const folders = new Set<string>();
  const files = new Set<string>();
  const links = new Set<string>();
  if (!stats?.isDirectory()) return { names: NO_NAMES, folders, files, links, version: null };
  let names: string[];
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    names = entries.map((e) => e.name).sort();
    for (const entry of entries) {
      if (entry.isSymbolicLink()) links.add(entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && stat(`${dir}/${entry.name}`)?.isDirectory())) folders.add(entry.name);
      else files.add(entry.name);
    }
  } catch {
    return { names: NO_NAMES, folders, files, links, version: null };
  }
  const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  return { names, folders, files, links, version: racy(stats, readAt) ? { ...stamp, hash: hashOf(names.join('\0')) } : stamp };
}

/** Whether the folder still holds the same entries (null: still no folder). */
export function folderUnchanged(dir: string, version: FileVersion | null): boolean {
  const stats = stat(dir);
  if (!version) return !stats?.isDirectory();
  if (!stats?.isDirectory() || !sameStamp(version, stats)) return false;
  if (version.hash === undefined) return true;
  return sameContent(version as FileVersion & { hash: string }, stats, () => readdirSync(dir).sort().join('\0'));
}

/** What a path is in its folder, without following a link: absent, a link (with its target's real path), or anything else. */
export interface PathEntry {
  readonly kind: 'absent' | 'link' | 'other';
  /** For a link, the real path of what it points at; null when that is gone. */
  readonly target: string | null;
  /** The entry's own version (a link's, not its target's): a link made again elsewhere changes it. */
  readonly version: FileVersion | null;
}

export function pathEntry(file: string): PathEntry {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    stats = undefined;
  }
  if (!stats) return { kind: 'absent', target: null, version: null };
  const version = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
  if (!stats.isSymbolicLink()) return { kind: 'other', target: null, version };
  let target: string | null;
  try {
    target = realpathSync.native(file);
  } catch {
    target = null; // a dangling link
  }
  return { kind: 'link', target, version };
}

/** Whether the path is still the same entry (same link, same kind of thing, or still absent). */
export function pathEntryUnchanged(file: string, version: FileVersion | null): boolean {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    stats = undefined;
  }
  if (!version || !stats) return !version && !stats;
  return sameStamp(version, stats);
}

/** Whether a path is a folder now (no dependency recorded: for callers that record one themselves). */
export function isFolder(dir: string): boolean {
  return stat(dir)?.isDirectory() ?? false;
}
