import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The project's own modules, read from disk: a relative import resolved the way Node and
 * TypeScript do, and the module parsed once per process and kept until its file changes
 * (path, modification time and size). No mail knowledge here; the summaries are made in passes/.
 */

type Node = TSESTree.Node;

/** The extensions tried for `./mailer`, in the order TypeScript and bundlers try them. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** A module larger than this is generated or vendored code: left unknown. */
const MAX_BYTES = 512 * 1024;

export interface ModuleFile {
  readonly path: string;
  /** Changes when the file does: an editor sees an edit of the other module on the next lint. */
  readonly stamp: string;
}

export interface ParsedModule {
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  readonly text: string;
}

function stampOf(file: string): string | null {
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size <= MAX_BYTES ? `${stat.mtimeMs}:${stat.size}` : null;
  } catch {
    return null;
  }
}

/** `./mailer`, `../lib/mail.js` (a `.ts` file written as `.js`), `./mail` (a folder's index). */
export function resolveRelative(fromFile: string, specifier: string): ModuleFile | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  if (!path.isAbsolute(fromFile)) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  // One stat for a specifier resolved before; the search again when that file is gone.
  const known = resolved.get(base);
  if (known) {
    const stamp = stampOf(known);
    if (stamp) return { path: known, stamp };
  }
  if (unresolved.has(base)) return null;
  const found = search(base);
  if (found) resolved.set(base, found.path);
  else unresolved.add(base); // a module added later is seen by the next process (as ESLint's own resolvers)
  return found;
}

/** Specifiers that resolved to no file: not searched again. */
const unresolved = new Set<string>();

/** Resolved specifiers, by absolute base path. */
const resolved = new Map<string, string>();

function search(base: string): ModuleFile | null {
  const ext = path.extname(base);
  const stem = /^\.[cm]?js$|^\.jsx$/.test(ext) ? base.slice(0, -ext.length) : null;
  const candidates = [
    ...(EXTENSIONS.includes(ext) ? [base] : []),
    ...(stem ? EXTENSIONS.map((e) => stem + e) : []),
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  for (const candidate of candidates) {
    const stamp = stampOf(candidate);
    if (stamp) return { path: candidate, stamp };
  }
  return null;
}

const texts = new Map<string, { readonly stamp: string; readonly text: string | null }>();

/** The module's text, read once per version of the file. */
export function moduleText(file: ModuleFile): string | null {
  const known = texts.get(file.path);
  if (known?.stamp === file.stamp) return known.text;
  let text: string | null;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch {
    text = null;
  }
  texts.set(file.path, { stamp: file.stamp, text });
  return text;
}

/** Parses a module without types, with JSX where the extension allows it; null when it does not parse. */
export function parseModule(file: ModuleFile, text: string): ParsedModule | null {
  try {
    const jsx = !/\.[cm]?ts$/.test(file.path);
    const { ast, scopeManager, visitorKeys } = parseForESLint(text, {
      filePath: file.path,
      range: true,
      loc: true,
      comment: false,
      tokens: false,
      sourceType: 'module',
      ecmaFeatures: { jsx },
    });
    const program = ast as unknown as TSESTree.Program;
    linkParents(program, visitorKeys);
    return {
      ast: program,
      scopeManager: scopeManager,
      visitorKeys: visitorKeys,
      text,
    };
  } catch {
    return null; // not parsable here: silently unknown
  }
}

/** Sets `parent` on every node, as ESLint does while it traverses; the parser does not. */
function linkParents(root: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: [Node, Node | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    (node as { parent?: Node }).parent = parent;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') stack.push([child as Node, node]);
      }
    }
  }
}

/** What other modules keep per project module (passes/sends.ts: the summaries), cleared with these caches. */
const clearHooks: (() => void)[] = [];

/** Registers `clear` to run on every `clearModuleCaches()`: a cache of another module that holds per-module results. */
export function onClearModuleCaches(clear: () => void): void {
  clearHooks.push(clear);
}

/**
 * Forgets every module read, resolved or summarised in this process, as a new process starts.
 * Returns how many entries were cleared: `modules` is the number of module texts kept (each
 * summarised module's text is read once), `resolved` and `unresolved` the import specifiers.
 * For the benchmark (memory held by the caches, cold runs) and long-lived hosts.
 */
export function clearModuleCaches(): { modules: number; resolved: number; unresolved: number } {
  const sizes = { modules: texts.size, resolved: resolved.size, unresolved: unresolved.size };
  texts.clear();
  resolved.clear();
  unresolved.clear();
  for (const clear of clearHooks) clear();
  return sizes;
}
