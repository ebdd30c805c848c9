import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, pushChildNodes, variableOf } from './ast.js';
import { own } from '../../util/own.js';

/** Loops, found from a node's ancestors (no code-path analysis, so oxlint's host runs it too). */

type Node = TSESTree.Node;
export type Loop =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export function isLoop(node: Node): node is Loop {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** Is `child` in the part of `loop` that runs once per iteration (not its head or initialiser)? */
export function inLoopBody(loop: Node, child: Node): boolean {
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

/** Does the loop body wait on anything (outside nested functions)? */
export function awaitsIn(body: Node): boolean {
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) return true;
    if (isFunction(node)) continue;
    pushChildNodes(node, stack);
  }
  return false;
}

export function stepsByOne(update: TSESTree.Expression): boolean {
  if (update.type === AST_NODE_TYPES.UpdateExpression) return true;
  if (update.type === AST_NODE_TYPES.AssignmentExpression && (update.operator === '+=' || update.operator === '-=')) {
    return update.right.type === AST_NODE_TYPES.Literal && update.right.value === 1;
  }
  return false;
}

export function isIndexVariable(node: Node, loop: TSESTree.ForStatement): boolean {
  return (
    node.type === AST_NODE_TYPES.Identifier &&
    loop.init?.type === AST_NODE_TYPES.VariableDeclaration &&
    loop.init.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === node.name)
  );
}

/**
 * Does the call use a value that changes from one iteration to the next: the loop variable, the
 * callback's parameters, or anything declared inside the loop? A send of the same message on
 * every turn of a retry loop does not.
 */
export function dependsOn(call: Node, region: Node, globalScope: TSESLint.Scope.Scope): boolean {
  const [start, end] = region.range;
  const stack: Node[] = [];
  if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
    for (const argument of call.arguments) stack.push(argument);
    stack.push(call.callee);
  } else {
    stack.push(call);
  }
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(globalScope, node);
      const declared = variable?.defs[0]?.name.range;
      if (declared && declared[0] >= start && declared[1] <= end) return true;
      continue;
    }
    // A name that is no reference (`{ to: … }`'s key, `.email` of `user.email`) depends on nothing.
    if (node.type === AST_NODE_TYPES.Property && !node.computed) stack.push(node.value);
    else if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) stack.push(node.object);
    else if (node.type !== AST_NODE_TYPES.Literal) pushChildNodes(node, stack); // a literal has no child (a message's texts)
  }
  return false;
}

/** Does `node` run repeatedly relative to `boundary`: inside a loop body or a callback between the two? */
export function repeatsWithin(node: Node, boundary: Node): boolean {
  let child: Node = node;
  let current = node.parent;
  while (current && current !== boundary) {
    if (inLoopBody(current, child)) return true;
    if (isFunction(current) && current.parent?.type === AST_NODE_TYPES.CallExpression) {
      if (current.parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

/**
 * Array methods that call their callback once per element: the position of the element among the
 * callback's parameters, and whether each call waits for the previous one (the `await acc` chain
 * of `reduce(async (acc, x) => …)` runs one at a time). Looked up with `own()`.
 */
export const ARRAY_CALLBACKS: Readonly<Record<string, { readonly element: number; readonly sequential: boolean }>> = Object.assign(
  Object.create(null) as Record<string, { readonly element: number; readonly sequential: boolean }>,
  {
    forEach: { element: 0, sequential: false },
    map: { element: 0, sequential: false },
    flatMap: { element: 0, sequential: false },
    filter: { element: 0, sequential: false },
    some: { element: 0, sequential: false },
    every: { element: 0, sequential: false },
    find: { element: 0, sequential: false },
    findLast: { element: 0, sequential: false },
    findIndex: { element: 0, sequential: false },
    reduce: { element: 1, sequential: true },
    reduceRight: { element: 1, sequential: true },
  },
);

/**
 * Does `node` run once per element relative to `boundary`: in a loop body, or in the callback of
 * an array iteration method (`list.map(…)`), between the two? A callback of any other call
 * (`retry(() => …)`) runs where it is written.
 */
export function iteratesWithin(node: Node, boundary: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current && current !== boundary; child = current, current = current.parent) {
    if (inLoopBody(current, child)) return true;
    const call = current.parent;
    if (
      isFunction(current) &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      !call.callee.computed &&
      call.callee.property.type === AST_NODE_TYPES.Identifier &&
      own(ARRAY_CALLBACKS, call.callee.property.name) !== undefined &&
      call.arguments[0] === current
    ) {
      return true;
    }
  }
  return false;
}
