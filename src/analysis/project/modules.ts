import { createRequire } from 'node:module';
import { typescriptParser } from '../../util/typescript-parser.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FileVersion } from './files.js';
import { readFile, Store } from './store.js';

/**
 * Another module of the project, read and parsed: its text (recorded as a dependency of whatever
 * asks, store.ts), facts drawn from its text, and its syntax tree, parsed once per version of the
 * file and kept for the modules used last (see MAX_PARSED_CHARS). No mail knowledge here.
 */

type Node = TSESTree.Node;

/** A module larger than this is generated or vendored code: left unknown. */
const MAX_BYTES = 512 * 1024;

export interface ParsedModule {
  readonly ast: TSESTree.Program;
  readonly scopeManager: TSESLint.Scope.ScopeManager;
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  readonly text: string;
}

/** The module's text and version; null when it is gone, unreadable or too large. */
export function readModule(file: string): { readonly text: string; readonly version: FileVersion } | null {
  // No unit of the text (`text.length` counts UTF-16 units) takes more than three bytes of the file:
  // a file of over three times the limit in bytes is over it in text, and is not read at all.
  const read = readFile(file, 3 * MAX_BYTES);
  return read?.text != null && read.text.length <= MAX_BYTES ? { text: read.text, version: read.version } : null;
}

const facts = new Store<unknown>('module text facts', 65_536);

/**
 * What `extract` draws from a module's text (its imports, whether it names a word), once per
 * version of the file; null when the module cannot be read. `kind` names the extraction.
 */
export function moduleFact<T>(kind: string, file: string, extract: (text: string) => T): T | null {
  return facts.get(`${kind}\0${file}`, () => {
    const read = readModule(file);
    return read ? extract(read.text) : null;
  }) as T | null;
}

/**
 * The syntax trees of the modules used last, by path, least recently used first: kept while their
 * texts total at most MAX_PARSED_CHARS (a tree with its scopes takes about 70 times the memory of
 * its text, so about 70 MB), the one used last always. A module summarised at several budgets in
 * one run (its importers sit at different distances from the linted files) is parsed once.
 */
const parsed = new Map<string, { readonly version: FileVersion; readonly module: ParsedModule | null; readonly chars: number }>();
const MAX_PARSED_CHARS = 1024 * 1024;
let parsedChars = 0;

/**
 * A module parsed without types, with JSX where the extension allows it; null when it does not
 * parse. Parsed once per version of its file while it is among the last MAX_PARSED modules used.
 */
export function parseModule(file: string): ParsedModule | null {
  const read = readModule(file);
  if (!read) return null;
  const known = parsed.get(file);
  if (known && sameVersion(known.version, read.version)) {
    parsed.delete(file);
    parsed.set(file, known);
    return known.module;
  }
  const offered = linted.get(file);
  const module = offered?.text === read.text ? offered : parse(file, read.text);
  forgetParsed(file);
  parsed.set(file, { version: read.version, module, chars: read.text.length });
  parsedChars += read.text.length;
  while (parsedChars > MAX_PARSED_CHARS && parsed.size > 1) forgetParsed(parsed.keys().next().value!);
  return module;
}

/**
 * The trees ESLint made for the files linted last, by path: a module asked for just after its own
 * lint (a test file linted after the module it tests, `x.spec.js` after `x.js`) is not parsed a
 * second time. Kept only where ESLint's tree is the one `parse` would make (see offerLintedTree),
 * and used only while the text on disk is the text ESLint linted.
 */
const linted = new Map<string, ParsedModule>();
const MAX_LINTED = 2;

/** What offerLintedTree needs of the file being linted. */
export interface LintedTree extends ParsedModule {
  readonly file: string;
  /** The name of the parser that made the tree (`meta.name`, or espree's `name`). */
  readonly parser: string | undefined;
}

/**
 * Keeps the linted file's tree for parseModule, when it is the tree parse would make: espree's
 * for a JavaScript module (parse tries `module` first), typescript-eslint's for TypeScript (parsed
 * as a module there too). Any other parser or source type: not kept, so a module's facts never
 * depend on which file was linted before.
 */
export function offerLintedTree(tree: LintedTree): void {
  const javascript = /\.[cm]?jsx?$/.test(tree.file) && tree.parser === 'espree';
  const typescript = /\.[cm]?tsx?$/.test(tree.file) && !/\.d\.[cm]?ts$/.test(tree.file) && tree.parser === 'typescript-eslint/parser';
  if ((!javascript && !typescript) || tree.ast.sourceType !== 'module') return;
  linted.delete(tree.file);
  linted.set(tree.file, { ast: tree.ast, scopeManager: tree.scopeManager, visitorKeys: tree.visitorKeys, text: tree.text });
  if (linted.size > MAX_LINTED) linted.delete(linted.keys().next().value!);
}

function forgetParsed(file: string): void {
  const known = parsed.get(file);
  if (!known) return;
  parsed.delete(file);
  parsedChars -= known.chars;
}

function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.hash === b.hash;
}

/** Forgets the parsed modules (store.ts's clearProjectCaches forgets the rest); returns how many there were. */
export function clearParsedModules(): number {
  const size = parsed.size;
  parsed.clear();
  parsedChars = 0;
  linted.clear();
  return size;
}

/** How many modules the project layer has parsed in this process: for the tests and the benchmark. */
export const parseCount = { value: 0 };

/**
 * ESLint's own espree and eslint-scope, loaded as ESLint loads them (CommonJS): in a JavaScript
 * project they are loaded and warm already, where the ES module build would be a second copy,
 * compiled anew.
 */
const require = createRequire(import.meta.url);
let javascript: { espree: typeof import('espree'); eslintScope: typeof import('eslint-scope') } | null = null;

/**
 * JavaScript is parsed with espree, as a module and else as CommonJS; its scopes come from
 * eslint-scope, as ESLint makes them for the rules. TypeScript, and JavaScript espree cannot
 * read, goes to typescript-estree and its scope manager.
 */
function parse(file: string, text: string): ParsedModule | null {
  parseCount.value++;
  return (/\.[cm]?jsx?$/.test(file) ? parseJavaScript(text) : null) ?? parseTypeScript(file, text);
}

function parseJavaScript(text: string): ParsedModule | null {
  javascript ??= { espree: require('espree') as typeof import('espree'), eslintScope: require('eslint-scope') as typeof import('eslint-scope') };
  const { espree, eslintScope } = javascript;
  for (const sourceType of ['module', 'commonjs'] as const) {
    try {
      const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType, range: true, loc: true, ecmaFeatures: { jsx: true } }) as unknown as TSESTree.Program;
      const scopeManager = eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType, childVisitorKeys: espree.VisitorKeys });
      linkParents(ast, espree.VisitorKeys);
      return { ast, scopeManager: scopeManager as unknown as TSESLint.Scope.ScopeManager, visitorKeys: espree.VisitorKeys, text };
    } catch {
      // not this source type: the next, then typescript-estree
    }
  }
  return null;
}

function parseTypeScript(file: string, text: string): ParsedModule | null {
  // Without typescript-eslint's parser (a JavaScript-only install), TypeScript modules are unknown.
  const parser = typescriptParser();
  if (!parser) return null;
  try {
    const jsx = !/\.[cm]?ts$/.test(file);
    const { ast, scopeManager, visitorKeys } = parser.parseForESLint(text, {
      filePath: file,
      range: true,
      loc: true,
      comment: false,
      tokens: false,
      sourceType: 'module',
      ecmaFeatures: { jsx },
    });
    const program = ast as unknown as TSESTree.Program;
    linkParents(program, visitorKeys);
    return { ast: program, scopeManager, visitorKeys, text };
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
