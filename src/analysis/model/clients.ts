import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { KindSpec, ModuleRoot, SdkSpec } from '../../sdks/index.js';
import { CLIENT_MEMBERS } from '../../sdks/indexes.js';
import type { TypedOrigin, TypeInfo } from './type-info.js';
import type { CallSites } from '../flow/functions.js';
import type { ProjectModules } from './project.js';
import { elementBinding, soleValue } from '../flow/values.js';
import {
  classField,
  type FunctionNode,
  destructuringPath,
  isFunction,
  propertyName,
  returnedExpressions,
  thisClass,
  unwrap,
  variableOf,
} from '../flow/ast.js';
import { own } from '../../util/own.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * A value proven to come from a mail SDK: which SDK, and which kind of value in its graph.
 * With `member`, the value is that method of the kind, not yet called (`transporter.sendMail`,
 * or `createTransport` imported by name).
 */
export interface KindRef {
  readonly sdk: SdkSpec;
  readonly kind: string;
  readonly member?: string;
  /** The call that created the value (`createTransport(options)`), where one is in view. */
  readonly origin?: TSESTree.CallExpression | TSESTree.NewExpression;
  /**
   * For a value placed by its type: the call that created it in another module, or null when
   * that is not in view.
   */
  readonly typedOrigin?: TypedOrigin | null;
  /**
   * For a client exported by another module of the project: whether its own options throttle it
   * (read there), and, for an object that hands only some methods on to the SDK, those methods.
   */
  readonly imported?: { readonly throttled: boolean; readonly only?: ReadonlySet<string> };
}

export function kindSpec(ref: KindRef): KindSpec | undefined {
  return ref.member === undefined ? ref.sdk.kinds[ref.kind] : undefined;
}

function step(ref: KindRef | null, kind: string | null | undefined): KindRef | null {
  if (!ref || !kind) return null;
  const imported = ref.imported && { throttled: ref.imported.throttled };
  return { sdk: ref.sdk, kind, origin: ref.origin, typedOrigin: ref.typedOrigin, ...(imported ? { imported } : {}) };
}

function createdBy(ref: KindRef | null, node: TSESTree.CallExpression | TSESTree.NewExpression): KindRef | null {
  return ref && { ...ref, origin: node };
}

/** `value.name`: a property of the kind, or one of its methods. */
export function memberOf(ref: KindRef | null, name: string): KindRef | null {
  const spec = ref && kindSpec(ref);
  if (!ref || !spec) return null;
  if (ref.imported?.only && !ref.imported.only.has(name)) return null;
  const prop = own(spec.props, name);
  if (prop) return step(ref, prop);
  if (
    own(spec.methods, name) ||
    own(spec.sends, name) ||
    own(spec.setters, name) ||
    own(spec.iteratingMethods, name) ||
    spec.boundedMethods?.includes(name)
  ) {
    const imported = ref.imported && { throttled: ref.imported.throttled };
    return { sdk: ref.sdk, kind: ref.kind, member: name, origin: ref.origin, typedOrigin: ref.typedOrigin, ...(imported ? { imported } : {}) };
  }
  return null;
}

/** What calling a value returns. */
function called(ref: KindRef | null): KindRef | null {
  if (!ref) return null;
  if (ref.member !== undefined) return step(ref, ref.sdk.kinds[ref.kind]?.methods?.[ref.member]);
  return step(ref, kindSpec(ref)?.call);
}

function same(a: KindRef, b: KindRef): boolean {
  return a.sdk === b.sdk && a.kind === b.kind && a.member === b.member;
}

/**
 * Follows values through the file back to an import of a mail SDK: variables, destructuring,
 * class fields, `this.x` set in a constructor, factory calls, local functions that return a
 * client, and TypeScript annotations that name an SDK type. Memoised; never guesses from names.
 */
export class ValueResolver {
  private readonly memo = new Map<Node, KindRef | null>();
  private readonly classMemo = new Map<ClassNode, Map<string, KindRef | null>>();

  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    /** The import declarations and `require()` calls of mail modules, found in the program body. */
    private readonly roots: ReadonlyMap<Node, ModuleRoot>,
    /** `this.name = value` assignments, per class. */
    private readonly thisWrites: Pick<ReadonlyMap<ClassNode, ReadonlyMap<string, TSESTree.Expression[]>>, 'get'>,
    /** Type information, when the rule asked for it and the parser has it. */
    private readonly types: TypeInfo | null = null,
    /** The in-file call graph: parameters bound at call sites, returns of methods. */
    private readonly callSites: CallSites | null = null,
    /** Clients exported by the project's own modules; absent when other modules are not read. */
    private readonly project: ProjectModules | null = null,
  ) {}

  kindOf(node: Node): KindRef | null {
    const target = unwrap(node);
    if (this.memo.has(target)) return this.memo.get(target)!;
    this.memo.set(target, null); // cycles resolve to "unknown"
    const result = this.compute(target) ?? (this.types && isReceiver(target) ? this.types.kindOf(target) : null);
    this.memo.set(target, result);
    return result;
  }

  private compute(node: Node): KindRef | null {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOf(this.globalScope, node);
        return (variable ? this.kindOfVariable(variable) : null) ?? this.project?.clientOf(node) ?? null;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        if (name === null) return null;
        if (node.object.type === AST_NODE_TYPES.ThisExpression) {
          const cls = thisClass(node);
          return cls ? this.classMember(cls, name) : null;
        }
        // `email.client.send(…)` on `import * as email`: the module's export, not a member of a kind.
        return memberOf(this.kindOf(node.object), name) ?? this.project?.clientOf(node) ?? null;
      }
      case AST_NODE_TYPES.CallExpression: {
        const root = this.roots.get(node);
        if (root) return root;
        const callee = unwrap(node.callee);
        const fn = this.kindOf(callee);
        return fn ? createdBy(called(fn), node) : this.returnedKind(callee);
      }
      case AST_NODE_TYPES.NewExpression: {
        const base = this.kindOf(node.callee);
        return createdBy(step(base, base && kindSpec(base)?.construct), node);
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return this.agree([node.consequent, node.alternate]);
      case AST_NODE_TYPES.LogicalExpression:
        return this.agree([node.left, node.right]);
      default:
        return null;
    }
  }

  /** The kind all the given expressions share, ignoring `null`/`undefined` literals. */
  private agree(nodes: Node[]): KindRef | null {
    let found: KindRef | null = null;
    for (const node of nodes) {
      const inner = unwrap(node);
      if ((inner.type === AST_NODE_TYPES.Literal && inner.value === null) || isUndefined(inner)) continue;
      const kind = this.kindOf(inner);
      if (!kind || (found && !same(found, kind))) return null;
      found = kind;
    }
    return found;
  }

  /** `getTransport().sendMail()`, `this.#transport().sendMail()`: a local function whose every return is a client. */
  private returnedKind(callee: Node): KindRef | null {
    const local = this.callSites?.localFunction(callee);
    if (local) {
      const returned = returnedExpressions(local);
      return returned.length ? this.agree(returned) : null;
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOf(this.globalScope, callee);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    let fn: Node | null | undefined;
    if (def?.type === DefinitionType.FunctionName) fn = def.node;
    else if (variable && def?.type === DefinitionType.Variable) fn = soleValue(variable);
    if (!fn || !isFunction(fn)) return null;
    const returned = returnedExpressions(fn);
    return returned.length ? this.agree(returned) : null;
  }

  kindOfVariable(variable: TSESLint.Scope.Variable): KindRef | null {
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    switch (def.type) {
      case DefinitionType.ImportBinding: {
        if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) return this.roots.get(def.node) ?? null;
        const declaration = def.parent;
        const root = declaration ? this.roots.get(declaration) : undefined;
        if (!root) return null;
        const specifier = def.node;
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return root;
        const name =
          specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value
            : 'default';
        // `import x from` and `import { default as x } from`: a CommonJS module is its own default.
        if (name === 'default') return step(root, root.sdk.kinds[root.kind]?.props?.default) ?? root;
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) return memberOf(root, name);
        return null;
      }
      case DefinitionType.Variable: {
        const declarator = def.node;
        const annotated = this.annotationKind(declarator.id.typeAnnotation);
        if (annotated) return annotated;
        const bound = elementBinding(variable);
        if (bound) {
          // `for (const t of [a, b])`: every element a client of the same kind.
          const list = unwrap(bound.collection);
          return bound.whole && list.type === AST_NODE_TYPES.ArrayExpression && list.elements.length
            ? this.agree(list.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement))
            : null;
        }
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          const writes = variable.references.filter((ref) => ref.isWrite() && ref.writeExpr);
          return writes.length ? this.agree(writes.map((ref) => ref.writeExpr!)) : null;
        }
        if (!declarator.init || !isOnlyWrittenOnce(variable)) return null;
        const path = destructuringPath(declarator.id, def.name);
        let ref = path ? this.kindOf(declarator.init) : null;
        for (const key of path ?? []) ref = memberOf(ref, key);
        return ref;
      }
      case DefinitionType.Parameter: {
        const name = def.name as TSESTree.Identifier;
        return this.annotationKind(name.typeAnnotation) ?? this.boundParameter(def.node as FunctionNode, name);
      }
      default:
        return null;
    }
  }

  /**
   * A parameter that every call of its function in this file binds to a client of the same kind:
   * `notifyAll(transport, users)` called with `createTransport(…)`.
   */
  private boundParameter(fn: FunctionNode, name: TSESTree.Identifier): KindRef | null {
    if (!this.callSites || !isFunction(fn)) return null;
    const index = fn.params.findIndex((p) => p === name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === name));
    if (index < 0) return null;
    const calls = this.callSites.callsOf(fn);
    const args = calls.map((c) => c.arguments[index]);
    if (!args.length || args.some((a) => !a || a.type === AST_NODE_TYPES.SpreadElement)) return null;
    return this.agree(args as Node[]);
  }

  /** A type annotation that names an SDK type: `Transporter`, `nodemailer.Transporter`, `SESClient`. */
  annotationKind(annotation: TSESTree.TSTypeAnnotation | undefined): KindRef | null {
    if (!annotation) return null;
    let type: TSESTree.TypeNode = annotation.typeAnnotation;
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      const real = type.types.filter(
        (t) => t.type !== AST_NODE_TYPES.TSNullKeyword && t.type !== AST_NODE_TYPES.TSUndefinedKeyword,
      );
      if (real.length !== 1) return null;
      type = real[0]!;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return null;
    const typeName = type.typeName;
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(this.globalScope, typeName);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== DefinitionType.ImportBinding || !def.parent) return null;
      const root = this.roots.get(def.parent);
      if (!root) return null;
      const specifier = def.node;
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        const name =
          specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        return typeNamed(root, name);
      }
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
        const value = step(root, root.sdk.kinds[root.kind]?.props?.default) ?? root;
        return step(value, kindSpec(value)?.construct);
      }
      return null;
    }
    if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
      const namespace = this.kindOf(typeName.left);
      return namespace ? typeNamed(namespace, typeName.right.name) : null;
    }
    return null;
  }

  /** `this.name` inside a class: a field's annotation or initialiser, a parameter property, or `this.name = …`. */
  private classMember(cls: ClassNode, name: string): KindRef | null {
    let members = this.classMemo.get(cls);
    if (!members) this.classMemo.set(cls, (members = new Map<string, KindRef | null>()));
    if (members.has(name)) return members.get(name)!;
    members.set(name, null);
    const { field, annotations } = classField(cls, name);
    let annotated: KindRef | null = null;
    for (const annotation of annotations) annotated ??= this.annotationKind(annotation);
    const candidates: Node[] = [...(field?.value ? [field.value] : []), ...(this.thisWrites.get(cls)?.get(name) ?? [])];
    const result = annotated ?? (candidates.length ? this.agree(candidates) : null);
    members.set(name, result);
    return result;
  }
}

/** A type name exported by an SDK module: a declared type, or a class (meaning its instances). */
function typeNamed(root: KindRef, name: string): KindRef | null {
  const declared = own(root.sdk.types, name);
  if (declared) return { sdk: root.sdk, kind: declared };
  const cls = step(root, own(kindSpec(root)?.props, name));
  return step(cls, cls && kindSpec(cls)?.construct);
}

/** Expressions whose type can say they hold a client: names, members, call results. */
const TYPED_NODES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
]);

/**
 * Type queries cost: ask only about a value whose member the code uses is an SDK member
 * (`transporter.sendMail`, `resend.emails`), never about every `console.log`.
 */
function isReceiver(node: Node): boolean {
  if (!TYPED_NODES.has(node.type)) return false;
  let child: Node = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== child) return false;
  const name = propertyName(parent);
  return name !== null && CLIENT_MEMBERS.has(name);
}

function isUndefined(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

function isOnlyWrittenOnce(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.filter((ref) => ref.isWrite()).length <= 1;
}

