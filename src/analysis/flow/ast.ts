import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** Strips what does not change a value: `x as T`, `x!`, `x satisfies T`, `<T>x`, `a?.b`, `await x`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

export function isFunction(node: Node | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The name of a member access or a property key when it is static (`a.b`, `a['b']`, `{ 'b': 1 }`). */
export function propertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | null {
  // `this.#send`, `#send() {}`: private names, spelled with their `#` so they never meet a public one.
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!node.computed && key.type === AST_NODE_TYPES.Identifier) return key.name; // `a.b`, `{ b: … }`: asked for every key of every message
  return ASTUtils.getPropertyName(node);
}

/** The variable an identifier refers to, or null for a global or an unresolved name. */
export function variableOf(
  globalScope: TSESLint.Scope.Scope,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(scopeAt(globalScope, identifier), identifier.name);
}

const scopesByBlock = new WeakMap<TSESLint.Scope.Scope, Map<Node, TSESLint.Scope.Scope>>();
/** The file being linted, ahead of the WeakMap: its lookups come in runs of hundreds. */
let lastBlocks: { readonly globalScope: TSESLint.Scope.Scope; readonly blocks: Map<Node, TSESLint.Scope.Scope> } | null = null;

/**
 * The innermost scope around a node. `getInnermostScope(globalScope, node)` searches down from the
 * top on every call; this walks up the node's ancestors to the nearest scope block instead, with
 * the blocks indexed once per file.
 */
export function scopeAt(globalScope: TSESLint.Scope.Scope, node: Node): TSESLint.Scope.Scope {
  if (lastBlocks?.globalScope !== globalScope) {
    let blocks = scopesByBlock.get(globalScope);
    if (!blocks) {
      blocks = new Map();
      const stack = [globalScope];
      while (stack.length) {
        const scope = stack.pop()!;
        // Where two scopes share a block (a named function expression and its body), the inner wins.
        blocks.set(scope.block, scope);
        stack.push(...scope.childScopes);
      }
      scopesByBlock.set(globalScope, blocks);
    }
    lastBlocks = { globalScope, blocks };
  }
  const { blocks } = lastBlocks;
  for (let current: Node | undefined = node; current; current = current.parent) {
    const scope = blocks.get(current);
    if (scope) return scope;
  }
  return globalScope;
}

/** For an identifier bound by destructuring (`const { a: { b } } = x`), the property path from `x`. */
export function destructuringPath(pattern: Node, target: TSESTree.Identifier): string[] | null {
  // Down the one branch whose range holds the target, with a loop: a pattern may nest deep.
  const path: string[] = [];
  let current: Node = pattern;
  for (;;) {
    if (current === target) return path;
    if (current.type === AST_NODE_TYPES.AssignmentPattern) {
      current = current.left;
      continue;
    }
    if (current.type !== AST_NODE_TYPES.ObjectPattern) return null;
    const property = current.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.value.range[0] <= target.range[0] && target.range[1] <= p.value.range[1],
    );
    const key = property && propertyName(property);
    if (!property || key === null || key === undefined) return null;
    path.push(key);
    current = property.value;
  }
}

/** The expressions a function returns: an arrow's body, or each `return` argument. */
export function returnedExpressions(fn: FunctionNode): TSESTree.Expression[] {
  if (!fn.body) return []; // a TypeScript declaration or overload signature
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: TSESTree.Expression[] = [];
  // In source order, with a stack: a body may nest deeper than the call stack allows.
  const stack: Node[] = [...fn.body.body].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      continue;
    }
    if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    stack.push(...childNodes(node).reverse());
  }
  return found;
}

/** Child nodes, in source order, without `parent` back-links. */
export function childNodes(node: Node): Node[] {
  return pushChildNodes(node, []);
}

/**
 * Appends the child nodes to `out`, in source order, and returns it: a walk with a stack of its
 * own pushes them there, with no array per node (a file of thousands of sends walks each send).
 */
export function pushChildNodes(node: Node, out: Node[]): Node[] {
  // `for…in` reads the keys from the node's shape, where `Object.keys` would build an array of them.
  for (const key in node) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
  return out;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * How a class declares `this.name`: its instance field (with the annotation and initial value),
 * and the annotations of the field and of a constructor parameter property of that name
 * (`constructor(private mail: MailService)`), the field's first.
 */
export function classField(
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
): { readonly field: TSESTree.PropertyDefinition | undefined; readonly annotations: readonly TSESTree.TSTypeAnnotation[] } {
  let field: TSESTree.PropertyDefinition | undefined;
  const annotations: TSESTree.TSTypeAnnotation[] = [];
  const properties: TSESTree.TSTypeAnnotation[] = [];
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && propertyName(element) === name) {
      field ??= element;
      if (element.typeAnnotation) annotations.push(element.typeAnnotation);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const param of element.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name && inner.typeAnnotation) properties.push(inner.typeAnnotation);
      }
    }
  }
  return { field, annotations: [...annotations, ...properties] };
}

/** `constructor(private mail: MailService)`: the constructor and the parameter's name. */
export function parameterProperty(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): { fn: FunctionNode; name: TSESTree.Identifier } | null {
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor' || !isFunction(element.value)) continue;
    for (const param of element.value.params) {
      if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
      const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return { fn: element.value as FunctionNode, name: inner };
    }
  }
  return null;
}

/** The class a `this` expression refers to: skips arrow functions, stops at any other function. */
export function thisClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) {
      const owner = current.parent;
      if (owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.PropertyDefinition) {
        return owner.parent.parent;
      }
      return null;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      return current.parent.parent;
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return null;
    current = current.parent;
  }
  return null;
}

/** `a.b.c` with static names, as the identifier it starts from and the path read from it; null for anything else. */
export function memberChain(node: TSESTree.MemberExpression): { base: TSESTree.Identifier; path: string[] } | null {
  const path: string[] = [];
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(current);
    if (name === null) return null;
    path.unshift(name);
    current = unwrap(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? { base: current, path } : null;
}

/**
 * The name whose variable may keep the answer for `node`: `user` itself, or `user` of
 * `user.email`, a field by a plain property name (not `this.x`, `list[0]` or `a[key]`).
 */
export function nameOf(node: TSESTree.Node): TSESTree.Identifier | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.object.type === AST_NODE_TYPES.Identifier && node.property.type === AST_NODE_TYPES.Identifier
    ? node.object
    : null;
}
