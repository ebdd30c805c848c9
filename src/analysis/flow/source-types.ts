import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, unwrap } from './ast.js';

/** The answers of the value query (sources.ts): where a value comes from, and what a field read finds; and how they are made. */

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A named place a value passed through, whose declaration may say more (a type annotation). */
export type Holder =
  | { readonly kind: 'variable'; readonly variable: TSESLint.Scope.Variable }
  | { readonly kind: 'field'; readonly cls: ClassNode; readonly name: string };

interface Common {
  /** The expression the source is: the value, the parameter's name, the collection, the import binding. */
  readonly node: Node;
  /** The variables and fields the value was held in on its way (the value itself, at the end of `path`), outermost first. */
  readonly through: readonly Holder[];
  /** The right side of `a || b` or `a ?? b`: the expression (`a`) it stands in for. */
  readonly fallbackFor?: Node;
}

/** What the flow does not see through: a literal, a record, an array, a call of something else, a global. */
export interface ValueSource extends Common {
  readonly kind: 'value';
  /** Property names read from the value (`['send']` for `transport.send`); `[]` for the value itself. */
  readonly path: readonly string[];
}

/** A parameter of a function of the file, and the path inside it (`({ to })` → `['to']`): what callers pass. */
export interface ParameterSource extends Common {
  readonly kind: 'parameter';
  readonly node: TSESTree.Identifier;
  readonly fn: FunctionNode;
  readonly index: number;
  /** Path inside the argument; `'[]'` for an element of it. */
  readonly path: readonly string[];
  /** The parameter as declared, without its default: where its annotation is. */
  readonly pattern: Node;
  /** `(list = users.map(…))`: what a caller that passes nothing gets. */
  readonly fallback: TSESTree.Expression | null;
}

/** One element of a collection the flow cannot list (`chunk(list, 50)`, a call's result): `node` is the collection. */
export interface ElementSource extends Common {
  readonly kind: 'element';
  readonly path: readonly string[];
}

/** A binding of another module: `import`, `import x = require()`, or `require()`. */
export interface ImportSource extends Common {
  readonly kind: 'import';
  readonly module: string;
  /** The export the binding names: `default`, `*` for a namespace, or a name; `require('m')` is `default`. */
  readonly name: string;
  /** Property names read from the binding. */
  readonly path: readonly string[];
  /** The import declaration, `import x = require()` declaration, or `require()` call. */
  readonly declaration: Node;
  /** The import specifier (null for `require()` and `import x = require()`). */
  readonly specifier: TSESTree.ImportClause | null;
}

export interface UnknownSource extends Common {
  readonly kind: 'unknown';
}

export type Source = ValueSource | ParameterSource | ElementSource | ImportSource | UnknownSource;

/** One place a field was written: the holder a report points at, the value as written, the object literal around it. */
export interface Written {
  readonly kind: 'write';
  readonly holder: Node;
  readonly value: Node;
  readonly object: TSESTree.ObjectExpression | null;
}

/** What reading a path out of a value finds: a write, or the source whose inside is not in view (with the path still to read). */
export type FieldEntry = Written | Source;

/** Whether an answer names `node` itself (`unknown(node)`, a global's `value(node)`): it is that expression's own. */
export function names(sources: readonly Source[], node: Node): boolean {
  for (const source of sources) if (source.node === node) return true;
  return false;
}

export function value(node: Node, through: readonly Holder[] = []): ValueSource {
  return { kind: 'value', node, path: [], through };
}

export function unknown(node: Node, through: readonly Holder[] = []): UnknownSource {
  return { kind: 'unknown', node, through };
}

export function written(node: Node): Written {
  return { kind: 'write', holder: node, value: unwrap(node), object: null };
}

/** The sources, as held by `holder` on their way. */
export function held(holder: Holder, sources: readonly Source[]): readonly Source[] {
  return sources.map((s) => ({ ...s, through: [holder, ...s.through] }));
}

/** The same source with `path` still to read inside it: what held the whole holds no part of it. */
export function extend(source: Source, path: readonly string[]): Source {
  if (path.length === 0) return source;
  if (source.kind === 'unknown') return source.through.length ? unknown(source.node) : source;
  return { ...source, path: [...source.path, ...path], through: [] };
}

/** Drops repeats (`c ? team : team`, a diamond of aliases), so that answers stay as small as the values they name. */
export function dedupe(sources: readonly Source[]): readonly Source[] {
  if (sources.length < 2) return sources;
  const seen = new Map<Node, Source[]>();
  const out: Source[] = [];
  for (const source of sources) {
    const same = seen.get(source.node);
    if (same?.some((other) => other.kind === source.kind && pathOf(other).join('.') === pathOf(source).join('.'))) continue;
    if (same) same.push(source);
    else seen.set(source.node, [source]);
    out.push(source);
  }
  return out;
}

function pathOf(source: Source): readonly string[] {
  return source.kind === 'unknown' ? [] : source.path;
}
