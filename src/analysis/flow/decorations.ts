import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction, memberChain, propertyName, unwrap, variableOf } from './ast.js';

/**
 * What middleware hangs on the objects every handler receives: `req.emailService = service`,
 * `res.locals.mailer = transport`, `ctx.state.mail = client`, written in a function the code
 * registers with `.use(…)` (Express, Koa, Connect and their routers). A handler's parameter at the
 * same position, read at the same path, holds that value. No mail knowledge: the models decide
 * what the value is.
 */


type Node = TSESTree.Node;

export interface Decoration {
  /** The position of the parameter the value is hung on (0: the request or context, 1: the response). */
  readonly index: number;
  /** The property path from that parameter (`['locals', 'mailer']`). */
  readonly path: readonly string[];
  readonly value: TSESTree.Expression;
}

/** A parameter read at a path (`req.emailService`, `res.locals.mailer`): the parameter's position and the path. */
export interface ParameterPath {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly path: readonly string[];
}

/** `req.a.b` on a plain parameter of a function: its position and the path; null for anything else. */
export function parameterPath(member: TSESTree.MemberExpression, globalScope: TSESLint.Scope.Scope): ParameterPath | null {
  const chain = memberChain(member);
  if (!chain) return null;
  const { base: object, path } = chain;
  const variable = variableOf(globalScope, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== DefinitionType.Parameter || !isFunction(def.node)) return null;
  const index = def.node.params.findIndex((p) => p === def.name);
  return index < 0 ? null : { fn: def.node, index, path };
}

/** The values the file's middleware hangs on its parameters, from the file's member writes. */
export function decorations(memberWrites: readonly TSESTree.AssignmentExpression[], globalScope: TSESLint.Scope.Scope): Decoration[] {
  const found: Decoration[] = [];
  for (const write of memberWrites) {
    if (write.operator !== '=' || write.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const target = parameterPath(write.left, globalScope);
    if (target && isMiddleware(target.fn, globalScope)) found.push({ index: target.index, path: target.path, value: write.right });
  }
  return found;
}

/** A function registered with `.use(…)`: written there, or passed by name (`app.use(attachMailer)`). */
function isMiddleware(fn: FunctionNode, globalScope: TSESLint.Scope.Scope): boolean {
  if (isUseArgument(fn)) return true;
  const parent = fn.parent;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier
        ? parent.id
        : null;
  const variable = name ? variableOf(globalScope, name) : null;
  return variable?.references.some((ref) => isUseArgument(ref.identifier)) ?? false;
}

function isUseArgument(node: Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((a) => a === node)) return false;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'use';
}
