import path from 'node:path';
import { importersOf } from '../project/importers.js';
import { moduleFact } from '../project/modules.js';
import { resolveImport } from '../project/resolve.js';
import { packageRoot } from '../project/root.js';
import { Store } from '../project/store.js';
import type { CallerFacts, LoopUse, ModuleUse } from './summary-types.js';
import { mailText } from './mail-text.js';
import { analyseModule, type Context, lintedProject, MAX_CALLERS, MAX_CHAIN } from './summaries.js';

/**
 * The linted file's callers in other modules of the project: what they pass to its exports, each
 * caller read as its own lint reads it (without types), through the project layer's importers
 * index. The wrapper's own file reports on their account (the callers report, loops judged by
 * their callers).
 */

/**
 * The callers in other modules that pass data-driven lists to the exports at `keys` of the linted
 * file, which put them in a visible field: each caller read as its own lint reads it (without
 * types), at most MAX_CALLERS of the importers that name one of the exports.
 */
export function callersOf(context: Context, keys: readonly string[]): (ModuleUse & { readonly file: string })[] {
  const root = lintedProject(context);
  if (root === null) return [];
  const names = new Set(keys.map((key) => key.split(/[.#]/)[0]!));
  const callers = importersOf(context.filename, packageRoot(context.filename, root))
    .filter((file) => [...names].some((name) => mentions(file, name)))
    .slice(0, MAX_CALLERS);
  return callers.flatMap((file) => (callerUses(file, root)?.uses ?? []).filter((u) => u.module === context.filename).map((u) => ({ ...u, file })));
}

/**
 * What the project's files pass to the linted file's exports at `keys` that loop over a
 * parameter with their sends: its importers anywhere in the project, and the importers of the
 * modules that re-export it (a package's index). Null when a caller may be out of view: no
 * project, more than MAX_CALLERS importers, or an importer that names an export and where no call
 * of it was read (it cannot be read, or passes the function on).
 */
export function loopCallersOf(context: Context, keys: readonly string[]): LoopUse[] | null {
  const root = lintedProject(context);
  if (root === null) return null;
  const found: LoopUse[] = [];
  const targets = [{ file: context.filename, names: new Set(keys.map((key) => key.split(/[.#]/)[0]!)) }];
  const seen = new Set<string>();
  let read = 0;
  while (targets.length) {
    const { file: target, names } = targets.pop()!;
    if (seen.has(target)) continue;
    seen.add(target);
    for (const importer of importersOf(target, root)) {
      const passedOn = (mailText(importer)?.reexports ?? []).filter(
        (r) => (r.imported === '*' || names.has(r.imported)) && resolveImport(importer, r.source, root) === target,
      );
      if (passedOn.length) targets.push({ file: importer, names: new Set(passedOn.flatMap((r) => (r.name === '*' ? [...names] : [r.name]))) });
      if (![...names].some((name) => mentions(importer, name))) continue;
      if (++read > MAX_CALLERS) return null;
      const uses = callerUses(importer, root)?.loops.filter((u) => u.module === context.filename && keys.includes(u.key)) ?? [];
      // Named but with no call read (not read, passed as a callback, stored): it may pass anything.
      if (uses.length === 0 && !passedOn.length) return null;
      found.push(...uses);
    }
  }
  return found;
}

function mentions(file: string, name: string): boolean {
  // `default` is imported under any name: every importer may call it.
  return name === 'default' || (moduleFact(`mentions ${name}`, file, (text) => text.includes(name)) ?? false);
}

const callers = new Store<CallerFacts | null>('caller uses', 8192);

/**
 * What a file of the project passes to exports of project modules: data-driven lists to those
 * that put them in a visible field, and lists to those that loop over them. Null when the file
 * cannot be read, or never mentions mail (then it is not analysed).
 */
function callerUses(file: string, root: string): CallerFacts | null {
  return callers.get(`${root}\0${file}`, () => {
    const text = mailText(file);
    if (!text?.mentionsMail) return null;
    try {
      const mail = analyseModule(file, text.importsSdk, { root, cwd: path.dirname(file), budget: MAX_CHAIN });
      if (!mail) return null;
      mail.run();
      return { uses: mail.exposures.moduleUses, loops: mail.loopUses };
    } catch {
      return null; // a caller that cannot be read is unknown: no report in the wrapper on its account
    }
  });
}
