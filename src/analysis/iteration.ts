import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction } from './ast.js';

type Node = TSESTree.Node;

/** Array methods whose callback runs once per element. */
export const ITERATION_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
]);

/** Is `child` in the part of `loop` that runs once per iteration (not its head or initialiser)? */
function inLoopBody(loop: Node, child: Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return child === loop.body || child === loop.update || child === loop.test;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return child === loop.body;
    default:
      return false;
  }
}

/** A function passed straight to a call: `list.forEach(fn)`, `Array.from(list, fn)`, `setTimeout(fn)`. */
function isCallback(fn: Node): boolean {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument);
}

/**
 * Does `node` run repeatedly relative to `boundary` (a statement or function that contains it):
 * inside a loop body, or inside a callback, between the two?
 */
export function repeatsWithin(node: Node, boundary: Node): boolean {
  let child: Node = node;
  let current = node.parent;
  while (current && current !== boundary) {
    if (inLoopBody(current, child)) return true;
    if (isFunction(current) && isCallback(current)) return true;
    child = current;
    current = current.parent;
  }
  return false;
}
