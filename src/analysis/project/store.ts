import { performance } from 'node:perf_hooks';
import { type FileVersion, type FolderListing, fileUnchanged, fileVersion, folderUnchanged, listFolder, type PathEntry, pathEntry, pathEntryUnchanged, readVersioned } from './files.js';

/**
 * The one cache store of everything read from other files, and its contract: a cached fact is
 * valid only while every file it was read from is unchanged. Each entry records, while it is
 * computed, the files and folders it read (with their versions, see files.ts) and the other
 * entries it asked (with a fingerprint of their value). An entry is checked again once per check
 * (see `beginLint`: one per run of lints, and again after a pause or when a file is linted again):
 * a changed file, or an asked entry whose value has changed, makes it computed anew; an asked entry
 * recomputed to the same value does not (early cutoff). So the answer for a file never depends on
 * what was linted before it, in one process or in worker threads, and an edit any number of
 * imports away is seen by the next lint that follows it. Each store is bounded: past its
 * bound, the entry made longest ago goes. No mail knowledge here.
 */

type Dependency =
  | { readonly kind: 'file'; readonly path: string; readonly version: FileVersion | null }
  | { readonly kind: 'folder'; readonly path: string; readonly version: FileVersion | null }
  | { readonly kind: 'path'; readonly path: string; readonly version: FileVersion | null }
  | { readonly kind: 'entry'; readonly store: Store<unknown>; readonly key: string; readonly fingerprint: string };

type FileDependency = Exclude<Dependency, { kind: 'entry' }>;

interface Entry<V> {
  readonly value: V;
  readonly deps: readonly Dependency[];
  /** Every file and folder it was read from, its asked entries' included: what a flat entry that asks it records (made when first asked). */
  files?: readonly FileDependency[];
  readonly fingerprint: string;
  readonly compute: () => V;
  /** The check it was last found valid in. */
  checked: number;
}

/** The dependencies of the entries being computed, innermost last. */
interface Frame {
  readonly deps: Map<string, Dependency>;
  /** Records the files of the entries it asks instead of the entries (Store's `flat`). */
  readonly flat: boolean;
}
const frames: Frame[] = [];

function idOf(dependency: FileDependency): string {
  return `${dependency.kind}\0${dependency.path}`;
}

function track(dependency: FileDependency): void {
  const frame = frames.at(-1);
  const id = idOf(dependency);
  if (frame && !frame.deps.has(id)) frame.deps.set(id, dependency);
}

function trackEntry(store: Store<unknown>, key: string, entry: Entry<unknown>): void {
  const frame = frames.at(-1);
  if (!frame) return;
  if (!frame.flat) {
    const id = `e\0${store.name}\0${key}`;
    if (!frame.deps.has(id)) frame.deps.set(id, { kind: 'entry', store, key, fingerprint: entry.fingerprint });
    return;
  }
  for (const file of (entry.files ??= filesOf(entry.deps))) {
    const id = idOf(file);
    if (!frame.deps.has(id)) frame.deps.set(id, file);
  }
}

/**
 * A lint that follows the one before it with less than this pause between them, and lints a
 * file not linted yet since the last check, trusts the files found unchanged by that check: the
 * lints of one run (a CLI or CI run, one worker's share of it) stat each file once, not once per
 * lint. An edit between two lints is made by a person or a program that then lints again: a pause
 * longer than this, or the same file linted again (an editor re-linting the open file, a watch
 * mode, a test), starts a new check of every fact. A pause is time the process's event loop spent
 * idle, waiting (for a keystroke, a save, a timer): a long file parsed or linted between two lints
 * is no pause.
 */
export const CHECK_PAUSE_MS = 100;

let check = 1;
let lintOwner: object | null = null;
/** The files linted since the last check began. */
const lintedInCheck = new Set<string>();
/** The event loop's idle time when the last lint began. */
let idleAtLastLint = 0;

/** Milliseconds the event loop has spent idle since the process started (Node's perf_hooks); wall-clock time where that is not measured. */
const idleTime: () => number =
  typeof performance.eventLoopUtilization === 'function' ? () => performance.eventLoopUtilization().idle : () => performance.now();

/**
 * A new lint (of `file`, whose syntax tree is `owner`), asked by every entry point that reads
 * other files. It starts a new check of every entry against its files (see CHECK_PAUSE_MS) when
 * the file was linted already since the last check began or the process was idle longer than
 * CHECK_PAUSE_MS since the last lint began.
 */
export function beginLint(owner: object, file: string): void {
  if (owner === lintOwner) return;
  lintOwner = owner;
  const idle = idleTime();
  if (lintedInCheck.has(file) || idle - idleAtLastLint > CHECK_PAUSE_MS) newCheck();
  idleAtLastLint = idle;
  lintedInCheck.add(file);
}

function newCheck(): void {
  check++;
  checkedFiles.clear();
  lintedInCheck.clear();
}

/** The files and folders found unchanged in this check: many entries read the same folder or file. */
const checkedFiles = new Map<FileVersion | string, boolean>();

const stores: { readonly name: string; readonly size: number; clear(): void }[] = [];

export class Store<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly computing = new Set<string>();
  private readonly checking = new Set<string>();

  constructor(
    readonly name: string,
    /** At most this many entries are kept. */
    private readonly bound: number,
    /** A string that is equal for equal values: what entries that asked this one compare. */
    private readonly fingerprint: (value: V) => string = (value) => JSON.stringify(value) ?? 'undefined',
    /**
     * Record the files of the entries an entry asks, not the entries: checking it is then one stat
     * per file, with no early cutoff. For an entry that asks thousands of others (an index).
     */
    private readonly flat = false,
  ) {
    stores.push(this);
  }

  /**
   * The value for `key`: the cached one while it is valid, else `compute()`, run with its reads
   * recorded. `reentered` answers a key asked again while it is being computed (a cycle).
   */
  get(key: string, compute: () => V, reentered?: () => V): V {
    if (this.computing.has(key)) {
      if (!reentered) throw new Error(`eslint-plugin-mail: ${this.name} entry asked while it is computed: ${key}`);
      return reentered();
    }
    const entry = this.valid(key) ?? this.make(key, compute);
    trackEntry(this as Store<unknown>, key, entry);
    return entry.value;
  }

  /** The value for `key` if a valid one is kept (recorded as asked, as `get` does); undefined otherwise. */
  peek(key: string): V | undefined {
    if (this.computing.has(key)) return undefined;
    const entry = this.valid(key);
    if (!entry) return undefined;
    trackEntry(this as Store<unknown>, key, entry);
    return entry.value;
  }

  private make(key: string, compute: () => V): Entry<V> {
    const frame: Frame = { deps: new Map(), flat: this.flat };
    frames.push(frame);
    this.computing.add(key);
    let value: V;
    try {
      value = compute();
    } finally {
      this.computing.delete(key);
      frames.pop();
    }
    const deps = [...frame.deps.values()];
    const entry: Entry<V> = { value, deps, fingerprint: this.fingerprint(value), compute, checked: check };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Past the bound, the entry made longest ago goes: it is made again if it is asked again.
    if (this.entries.size > this.bound) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** The entry for `key` if it is still valid (checked once per check, see beginLint), recomputing nothing. */
  private valid(key: string): Entry<V> | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.checked !== check) {
      // An entry whose check leads back to itself is computed anew.
      if (this.checking.has(key)) return null;
      this.checking.add(key);
      try {
        if (!entry.deps.every(unchanged)) return null;
      } finally {
        this.checking.delete(key);
      }
      entry.checked = check;
    }
    return entry;
  }

  /** The fingerprint of the current value for `key`, recomputed with its own recipe if its files changed; null when it is not kept. */
  currentFingerprint(key: string): string | null {
    const entry = this.valid(key);
    if (entry) return entry.fingerprint;
    const stale = this.entries.get(key);
    if (!stale || this.computing.has(key)) return null;
    // Recomputed outside the frames of whoever is checking: it records for itself.
    const saved = frames.splice(0);
    try {
      return this.make(key, stale.compute).fingerprint;
    } catch {
      this.entries.delete(key);
      return null;
    } finally {
      frames.push(...saved);
    }
  }

  /** The files an entry was read from, its asked entries' included (none when it is not kept). */
  filesOf(key: string): readonly FileDependency[] {
    const entry = this.entries.get(key);
    return entry ? (entry.files ??= filesOf(entry.deps)) : [];
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The files and folders of a list of dependencies, those of the entries it names included. */
function filesOf(deps: readonly Dependency[]): FileDependency[] {
  const files = new Map<string, FileDependency>();
  for (const dep of deps) {
    if (dep.kind !== 'entry') files.set(idOf(dep), dep);
    else for (const file of dep.store.filesOf(dep.key)) if (!files.has(idOf(file))) files.set(idOf(file), file);
  }
  return [...files.values()];
}

function unchanged(dependency: Dependency): boolean {
  if (dependency.kind === 'entry') return dependency.store.currentFingerprint(dependency.key) === dependency.fingerprint;
  // A version object is recorded once per read and shared by every entry that read it then; an
  // absence is the same for every entry that found it.
  const { version } = dependency;
  const memo = version ?? idOf(dependency);
  const known = checkedFiles.get(memo);
  if (known !== undefined) return known;
  const result =
    dependency.kind === 'file'
      ? fileUnchanged(dependency.path, version)
      : dependency.kind === 'folder'
        ? folderUnchanged(dependency.path, version)
        : pathEntryUnchanged(dependency.path, version);
  checkedFiles.set(memo, result);
  return result;
}

/** Reads a file, recording it as a dependency of the entries being computed; null when it cannot be read. */
export function readFile(file: string): { readonly text: string; readonly version: FileVersion } | null;
/** The same, with a file of more than `maxBytes` left unread (its text null). */
export function readFile(file: string, maxBytes: number): { readonly text: string | null; readonly version: FileVersion } | null;
export function readFile(file: string, maxBytes?: number): { readonly text: string | null; readonly version: FileVersion } | null {
  const read = readVersioned(file, maxBytes);
  track({ kind: 'file', path: file, version: read?.version ?? null });
  return read;
}

/** A file's version (null: none there), recorded as a dependency: a lookup whose answer changes when the file appears, changes or goes. */
export function probeFile(file: string): FileVersion | null {
  const version = fileVersion(file);
  track({ kind: 'file', path: file, version });
  return version;
}

/** What a path is, a link not followed, recorded as a dependency: a link added, removed or pointed elsewhere changes the answer. */
export function probePath(file: string): PathEntry {
  const entry = pathEntry(file);
  track({ kind: 'path', path: file, version: entry.version });
  return entry;
}

/** A folder's entries, recorded as a dependency: an entry added, removed or renamed there changes the answer. */
export function readFolder(dir: string): FolderListing {
  const listing = listFolder(dir);
  track({ kind: 'folder', path: dir, version: listing.version });
  return listing;
}

/**
 * Forgets every entry of every store, as a new process starts; returns how many entries each
 * store held. For the benchmark (cold runs, the memory the caches hold) and long-lived hosts.
 */
export function clearProjectCaches(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const store of stores) {
    sizes[store.name] = (sizes[store.name] ?? 0) + store.size;
    store.clear();
  }
  lintOwner = null;
  newCheck();
  return sizes;
}

/** How many entries each store holds now. */
export function projectCacheSizes(): Record<string, number> {
  return Object.fromEntries(stores.map((store) => [store.name, store.size]));
}
