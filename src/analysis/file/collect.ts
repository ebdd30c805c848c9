import { AST_NODE_TYPES, AST_TOKEN_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { propertyName, thisClass } from '../flow/ast.js';

/** The one pass over the file: every call and `new`, object literal and member write the analysis needs. */

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What one pass over the file collects: the calls to resolve, the object literals, and the member writes values flow through. */
export interface Collected {
  readonly callNodes: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[];
  readonly objects: readonly TSESTree.ObjectExpression[];
  readonly memberWrites: readonly TSESTree.AssignmentExpression[];
  /** `this.x = value` in a class's methods, by class and name. */
  readonly thisWrites: ReadonlyMap<ClassNode, ReadonlyMap<string, TSESTree.Expression[]>>;
}

export type MutableCollected = {
  callNodes: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  objects: TSESTree.ObjectExpression[];
  memberWrites: TSESTree.AssignmentExpression[];
  thisWrites: Map<ClassNode, Map<string, TSESTree.Expression[]>>;
};

/** Files a node the analysis needs: a call or `new`, an object literal, a write to a member (and to `this.x`, by class). */
export function collectNode(collected: MutableCollected, node: Node): void {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    collected.callNodes.push(node);
  } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
    collected.objects.push(node);
  } else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
    collected.memberWrites.push(node);
    const name = propertyName(node.left);
    const cls = node.left.object.type === AST_NODE_TYPES.ThisExpression && name !== null ? thisClass(node) : null;
    if (cls && name !== null) {
      let writes = collected.thisWrites.get(cls);
      if (!writes) collected.thisWrites.set(cls, (writes = new Map<string, TSESTree.Expression[]>()));
      writes.set(name, [...(writes.get(name) ?? []), node.right]);
    }
  }
}

export function collectedOf(
  context: Context,
  state: { collected?: Collected; collecting?: MutableCollected; collectingObjects?: boolean },
): Collected {
  if (state.collected) return state.collected;
  let collected = state.collecting;
  if (!collected) {
    collected = { callNodes: [], objects: [], memberWrites: [], thisWrites: new Map() };
    walk(context.sourceCode, collected);
  }
  // Source order, so reports come out in the order of the file (a traversal is nearly sorted already).
  collected.callNodes.sort((x, y) => x.range[0] - y.range[0]);
  if (!state.collecting || state.collectingObjects) return (state.collected = collected);
  // No rule's options read object literals, so the traversal collected none: a walk finds them if they are asked for after all.
  const { sourceCode } = context;
  const { callNodes, memberWrites, thisWrites } = collected;
  let objects: TSESTree.ObjectExpression[] | undefined;
  return (state.collected = {
    callNodes,
    memberWrites,
    thisWrites,
    get objects() {
      if (!objects) walk(sourceCode, { callNodes: [], objects: (objects = []), memberWrites: [], thisWrites: new Map() });
      return objects;
    },
  });
}

/** The same collection as `collectDuringTraversal`, by a walk of the tree. */
function walk(sourceCode: Readonly<TSESLint.SourceCode>, collected: MutableCollected): void {
  const visitorKeys = sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: Node[] = [sourceCode.ast];
  while (stack.length) {
    const node = stack.pop()!;
    collectNode(collected, node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (child[i]) stack.push(child[i] as Node);
      } else if (child && typeof child === 'object') {
        stack.push(child as Node);
      }
    }
  }
}

/**
 * The object literals with a `to` or `cc` key (`{ to: … }`, `{ 'cc': … }`, `{ to }`), from the
 * token list: a key token between `{` or `,` and `:`, `,` or `}`. Comments are not tokens, so
 * `{ /* note *\/ to: list }` is found too.
 */
export function objectsWithShapeKey(sourceCode: Readonly<TSESLint.SourceCode>): readonly TSESTree.ObjectExpression[] | null {
  const tokens = sourceCode.ast.tokens as TSESTree.Token[] | undefined;
  // A host without tokens or range lookups (not ESLint) gets the walk instead.
  if (!Array.isArray(tokens) || typeof sourceCode.getNodeByRangeIndex !== 'function') return null;
  const objects = new Set<TSESTree.ObjectExpression>();
  for (let i = 1; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.type !== AST_TOKEN_TYPES.Identifier && token.type !== AST_TOKEN_TYPES.String) continue;
    const key = token.type === AST_TOKEN_TYPES.String ? token.value.slice(1, -1) : token.value;
    if (key !== 'to' && key !== 'cc') continue;
    const before = tokens[i - 1]!.value;
    const after = tokens[i + 1]!.value;
    if ((before !== '{' && before !== ',') || (after !== ':' && after !== ',' && after !== '}')) continue;
    const node = sourceCode.getNodeByRangeIndex(token.range[0]);
    const property = node?.parent;
    if (
      property?.type === AST_NODE_TYPES.Property &&
      (property.key === node || (property.shorthand && property.value === node)) &&
      property.parent.type === AST_NODE_TYPES.ObjectExpression
    ) {
      objects.add(property.parent);
    }
  }
  return [...objects];
}

