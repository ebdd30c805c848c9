import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrap, variableOf } from './ast.js';

type Node = TSESTree.Node;

/**
 * Whether `node` is the built-in `name` (`Array`, `Set`, `Promise`, `process`, `JSON`, `fetch`, …): an
 * identifier of that name that no enclosing scope defines. `import { Array } from './throttled.js'`,
 * a parameter `Set` or `declare const process: …` is whatever it was given, not the global.
 */
export function isGlobal(globalScope: TSESLint.Scope.Scope, node: Node | null | undefined, name: string): boolean {
  const value = node && unwrap(node);
  if (value?.type !== AST_NODE_TYPES.Identifier || value.name !== name) return false;
  // ESLint declares the built-ins as variables with no definition; a bare parser declares none.
  return !variableOf(globalScope, value)?.defs.length;
}

/** `Array.from`, `Object.keys`, `JSON.stringify`: a member of the real global `object` (not a local of that name). */
export function isGlobalMember(globalScope: TSESLint.Scope.Scope, node: Node | null | undefined, object: string, names: ReadonlySet<string> | string): boolean {
  const value = node && unwrap(node);
  if (value?.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(value);
  if (name === null || (typeof names === 'string' ? name !== names : !names.has(name))) return false;
  return isGlobal(globalScope, value.object, object);
}

/** The global scope above a scope (for helpers handed a variable rather than the file's scope). */
export function globalScopeOf(scope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  let current = scope;
  while (current.upper) current = current.upper;
  return current;
}
