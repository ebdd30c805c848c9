import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './ast.js';

/** The answers of the value query (sources.ts): where a value comes from, and what a field read finds. */

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
