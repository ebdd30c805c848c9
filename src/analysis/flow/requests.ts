import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, propertyName, unwrap } from './ast.js';

/**
 * Input a web request carries: the body or the query of the request a route handler receives
 * (Express, Fastify, Koa's `ctx.request`, Next.js API routes). A list the handler reads there was
 * chosen by whoever sent the request, at run time: data, not a list the code spells out. No mail
 * knowledge: the recipient model decides what such a list means in a message.
 */

type Node = TSESTree.Node;

/** The methods routers register handlers with (`app.post('/x', handler)`, `router.route('/x').put(handler)`). */
const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);
/** Where a request carries what its sender chose. */
const INPUT: ReadonlySet<string> = new Set(['body', 'query']);

/**
 * Whether the value at `path` of parameter `index` of `fn` is the request's input: `req.body.x`,
 * `request.query.x`, `ctx.request.body.x`, with `fn` a route handler.
 */
export function isRequestInput(fn: FunctionNode, index: number, path: readonly string[]): boolean {
  if (index !== 0) return false;
  const inside = path[0] === 'request' ? path.slice(1) : path;
  if (!INPUT.has(inside[0] ?? '') || inside.length < 2) return false;
  return isRouteHandler(fn) || (path[0] !== 'request' && hasHandlerSignature(fn)) || (path[0] === 'request' && isContextHandler(fn));
}

/** A function written as an argument of a route registration, after its path. */
function isRouteHandler(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(callee);
  if (name === null || !ROUTE_METHODS.has(name)) return false;
  const first = call.arguments[0];
  if (first && first !== fn && isRoutePath(first)) return true;
  // `router.route('/x').post(handler)`: the path was given to `route`.
  const object = unwrap(callee.object);
  return object.type === AST_NODE_TYPES.CallExpression && object.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(object.callee) === 'route';
}

function isRoutePath(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' || node.value instanceof RegExp || 'regex' in node;
  return node.type === AST_NODE_TYPES.TemplateLiteral;
}

/**
 * `(req, res)`, `(request, reply)`: the signature of Express, Connect, Fastify and Next.js API
 * handlers, a controller exported for a router in another module included.
 */
function hasHandlerSignature(fn: FunctionNode): boolean {
  const [request, response] = fn.params;
  return (
    request?.type === AST_NODE_TYPES.Identifier &&
    response?.type === AST_NODE_TYPES.Identifier &&
    /^(?:req|request)$/.test(request.name) &&
    /^(?:res|response|reply)$/.test(response.name)
  );
}

/** `(ctx)` or `(ctx, next)` of Koa, where the request is `ctx.request`. */
function isContextHandler(fn: FunctionNode): boolean {
  const [context] = fn.params;
  return context?.type === AST_NODE_TYPES.Identifier && /^(?:ctx|context)$/.test(context.name) && (isRouteHandler(fn) || fn.params.length <= 2);
}
