import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, propertyName, pushChildNodes, unwrap, variableOf } from './ast.js';
import type { CallSites } from './functions.js';
import { importBinding } from './values.js';

/**
 * Chunks of a list, as code writes them: a utility library's `chunk(list, size)`, and
 * `list.slice(i, i + size)` in a loop that steps by the size. Shared by the recipient model (a
 * chunk is a list) and the provider-limit pass (a chunk has a size).
 */

type Node = TSESTree.Node;

/** Modules whose `chunk(list, size)` splits a list into lists of `size`. */
const CHUNK_MODULES: ReadonlySet<string> = new Set(['lodash', 'lodash-es', 'lodash/fp', 'underscore', 'radash', 'remeda', 'es-toolkit']);
/** Modules that are the `chunk` function itself. */
const CHUNK_FUNCTIONS: ReadonlySet<string> = new Set(['lodash/chunk', 'lodash.chunk', 'lodash-es/chunk']);

/**
 * `chunk(list, 100)`, `_.chunk(list, 100)`, `require('lodash/chunk')(list, 100)` with the binding
 * proven by its import or `require()`: the list and the size argument. Null for any other call.
 */
function libraryChunk(
  call: TSESTree.CallExpression,
  globalScope: TSESLint.Scope.Scope,
): { readonly list: Node; readonly size: Node | undefined } | null {
  const callee = unwrap(call.callee);
  const list = call.arguments[0];
  if (!list || list.type === AST_NODE_TYPES.SpreadElement) return null;
  const size = call.arguments[1]?.type === AST_NODE_TYPES.SpreadElement ? undefined : call.arguments[1];
  let chunk = false;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = importBinding(globalScope, callee);
    chunk =
      binding !== null &&
      ((binding.name === 'chunk' && CHUNK_MODULES.has(binding.source)) ||
        ((binding.name === 'default' || binding.name === '*') && CHUNK_FUNCTIONS.has(binding.source)));
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'chunk') {
    const object = unwrap(callee.object);
    const binding = object.type === AST_NODE_TYPES.Identifier ? importBinding(globalScope, object) : null;
    chunk = binding !== null && (binding.name === 'default' || binding.name === '*') && CHUNK_MODULES.has(binding.source);
  }
  return chunk ? { list, size } : null;
}

/**
 * A call that splits a list into chunks: a library's `chunk(list, size)` (see `libraryChunk`), or a
 * function of this file named for chunks that slices its list by its size argument
 * (`list.slice(i, i + size)`): the list and the size argument.
 */
export function chunkCall(
  call: TSESTree.CallExpression,
  globalScope: TSESLint.Scope.Scope,
  callSites: CallSites | null,
): { readonly list: Node; readonly size: Node | undefined } | null {
  const library = libraryChunk(call, globalScope);
  if (library) return library;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !/chunk/i.test(callee.name)) return null;
  const fn = callSites?.localFunction(callee);
  const [list, size] = call.arguments;
  if (!fn || !list || list.type === AST_NODE_TYPES.SpreadElement || size?.type === AST_NODE_TYPES.SpreadElement || !slicesBySize(fn)) return null;
  return { list, size };
}

/** The function slices by its second parameter: `list.slice(i, i + size)` somewhere in its body. */
function slicesBySize(fn: FunctionNode): boolean {
  const size = fn.params[1];
  if (size?.type !== AST_NODE_TYPES.Identifier) return false;
  const isSize = (n: Node) => n.type === AST_NODE_TYPES.Identifier && n.name === size.name;
  const stack: Node[] = [fn.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'slice') {
      const [start, end] = node.arguments;
      if (
        start &&
        end?.type === AST_NODE_TYPES.BinaryExpression &&
        end.operator === '+' &&
        ((isSize(end.right) && sameValue(end.left, start)) || (isSize(end.left) && sameValue(end.right, start)))
      ) {
        return true;
      }
    }
    pushChildNodes(node, stack);
  }
  return false;
}

/** The same expression of names, numbers and arithmetic: `i` and `i`, `i * size` and `i * size`. */
export function sameValue(a: Node, b: Node): boolean {
  const pairs: [Node, Node][] = [[a, b]];
  while (pairs.length) {
    const [left, right] = pairs.pop()!;
    const x = unwrap(left);
    const y = unwrap(right);
    if (x.type === AST_NODE_TYPES.Identifier && y.type === AST_NODE_TYPES.Identifier) {
      if (x.name !== y.name) return false;
    } else if (x.type === AST_NODE_TYPES.BinaryExpression && y.type === AST_NODE_TYPES.BinaryExpression) {
      if (x.operator !== y.operator) return false;
      pairs.push([x.left, y.left], [x.right, y.right]);
    } else if (!(x.type === AST_NODE_TYPES.Literal && y.type === AST_NODE_TYPES.Literal && x.value === y.value)) {
      return false;
    }
  }
  return true;
}

/**
 * `i` in `for (let i = 0; i < list.length; i += size)` (or `i = i + size`): the index of a loop
 * that steps by more than one, so `list.slice(i, i + size)` in it is one chunk a turn.
 */
export function isChunkLoopIndex(node: Node, globalScope: TSESLint.Scope.Scope): boolean {
  const index = unwrap(node);
  if (index.type !== AST_NODE_TYPES.Identifier) return false;
  const declaration = variableOf(globalScope, index)?.defs[0]?.parent;
  const loop = declaration?.parent;
  if (loop?.type !== AST_NODE_TYPES.ForStatement || loop.init !== declaration) return false;
  const update = loop.update;
  if (update?.type !== AST_NODE_TYPES.AssignmentExpression || update.left.type !== AST_NODE_TYPES.Identifier || update.left.name !== index.name) {
    return false;
  }
  const step =
    update.operator === '+='
      ? update.right
      : update.operator === '=' && update.right.type === AST_NODE_TYPES.BinaryExpression && update.right.operator === '+'
        ? update.right.right
        : null;
  return step !== null && !(step.type === AST_NODE_TYPES.Literal && step.value === 1);
}
