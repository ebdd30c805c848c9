import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { KindSpec, ModuleRoot } from '../../sdks/index.js';
import { CLIENT_MEMBERS } from '../../sdks/indexes.js';
import type { TypeInfo } from './type-info.js';
import type { KindRef } from './kinds.js';
import type { ProjectModules } from './project.js';
import { type Holder, type ImportSource, names, type Source, type ValueFlow } from '../flow/sources.js';
import { classField, nameOf, propertyName, unwrap, variableOf } from '../flow/ast.js';
import { own } from '../../util/own.js';


type Node = TSESTree.Node;

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

/** What a default import of a mail module names: its `default`, or the module itself (a CommonJS module is its own default). */
function defaultOf(root: KindRef): KindRef {
  return step(root, root.sdk.kinds[root.kind]?.props?.default) ?? root;
}

/**
 * A member of a module's namespace (`(await import('nodemailer')).default`, `const { default: x } =
 * await import('m')`): `default` is what a default import names, any other name what a named import does.
 */
function namespaceMember(root: KindRef | null, name: string): KindRef | null {
  if (!root) return null;
  return name === 'default' ? defaultOf(root) : memberOf(root, name);
}

/** `value.name`: a property of the kind, or one of its methods. The same ref for the same member, made once. */
export function memberOf(ref: KindRef | null, name: string): KindRef | null {
  if (!ref) return null;
  // `transport.sendMail` in every send of a file: one client's ref, one member's.
  let members = membersOf.get(ref);
  if (!members) membersOf.set(ref, (members = new Map<string, KindRef | null>()));
  let member = members.get(name);
  if (member === undefined) members.set(name, (member = findMember(ref, name)));
  return member;
}
const membersOf = new WeakMap<KindRef, Map<string, KindRef | null>>();

function findMember(ref: KindRef | null, name: string): KindRef | null {
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
 * Follows values back to an import of a mail SDK, over the file's value query (variables,
 * destructuring, records, class fields and `this.x` writes, local functions' returns, parameters
 * bound at every call of their function), the SDK's graph of kinds (`createTransport()` returns a
 * transporter), and TypeScript annotations that name an SDK type. Memoised; never guesses from names.
 */
export class ValueResolver {
  private readonly memo = new Map<Node, KindRef | null | typeof RESOLVING>();
  /**
   * The kind of a value query's answer, where the query shares one answer among the references
   * to a variable (`transport` in each of thousands of sends): made whole, naming none of them.
   */
  private readonly bySources = new WeakMap<readonly Source[], KindRef>();
  /** Expressions found inside their own answer so far. */
  private cycles = 0;

  constructor(
    /** The file's value query. */
    private readonly flow: ValueFlow,
    /** The import declarations and `require()` calls of mail modules, found in the program body. */
    private readonly roots: ReadonlyMap<Node, ModuleRoot>,
    /** Type information, when the rule asked for it and the parser has it. */
    private readonly types: TypeInfo | null = null,
    /** Clients exported by the project's own modules; absent when other modules are not read. */
    private readonly project: ProjectModules | null = null,
  ) {}

  kindOf(node: Node): KindRef | null {
    const target = unwrap(node);
    const known = this.memo.get(target);
    if (known === RESOLVING) this.cycles++; // cycles resolve to "unknown"
    if (known !== undefined) return known === RESOLVING ? null : known;
    const shared = this.sharedKind(target);
    if (shared) return shared;
    this.memo.set(target, RESOLVING);
    let computed: KindRef | null = null;
    if (this.flow.enter()) {
      try {
        computed = this.compute(target);
      } finally {
        this.flow.leave();
      }
    }
    const result = computed ?? (this.types && isReceiver(target) ? this.types.kindOf(target) : null);
    this.memo.set(target, result);
    return result;
  }

  /**
   * `transport` and `transport.sendMail` in each of thousands of sends: the kind kept for the
   * name's shared answer, and that kind's member, with no entry per expression.
   */
  private sharedKind(target: Node): KindRef | undefined {
    if (target.type === AST_NODE_TYPES.Identifier) {
      const sources = this.flow.sharedSources(target);
      return sources && !names(sources, target) ? this.bySources.get(sources) : undefined;
    }
    const base = nameOf(target);
    if (!base || target.type !== AST_NODE_TYPES.MemberExpression || target.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    const known = this.memo.get(base);
    const object = known === undefined ? this.sharedKind(base) : known === RESOLVING ? null : known;
    return (object && memberOf(object, target.property.name)) ?? undefined;
  }

  private compute(node: Node): KindRef | null {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.fromSources(node) ?? this.project?.clientOf(node) ?? null;
      case AST_NODE_TYPES.MemberExpression: {
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return this.fromSources(node);
        // `transporter.sendMail`: a member of a kind in the SDK's graph.
        const name = propertyName(node);
        const namespace = unwrap(node.object).type === AST_NODE_TYPES.ImportExpression;
        const member = name === null ? null : namespace ? namespaceMember(this.kindOf(node.object), name) : memberOf(this.kindOf(node.object), name);
        // `email.client.send(…)` on `import * as email`: the module's export, not a member of a kind.
        return member ?? this.fromSources(node) ?? this.project?.clientOf(node) ?? null;
      }
      case AST_NODE_TYPES.CallExpression: {
        const root = this.roots.get(node);
        if (root) return root;
        const fn = this.kindOf(node.callee);
        // `getTransport().sendMail()`: what a local function returns, its parameters bound here.
        return fn ? createdBy(called(fn), node) : this.fromSources(node);
      }
      // `await import('nodemailer')`: the module's namespace, read as `require()`'s value is.
      case AST_NODE_TYPES.ImportExpression:
        return this.roots.get(node) ?? null;
      case AST_NODE_TYPES.NewExpression: {
        const base = this.kindOf(node.callee);
        return createdBy(step(base, base && kindSpec(base)?.construct), node);
      }
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.SequenceExpression:
      case AST_NODE_TYPES.AssignmentExpression:
        return this.fromSources(node);
      default:
        return null;
    }
  }

  /** The kind every source of the value shares, ignoring `null` and `undefined`. */
  private fromSources(node: Node): KindRef | null {
    const sources = this.flow.sources(node);
    const shared = this.bySources.get(sources);
    if (shared && !names(sources, node)) return shared;
    const cuts = this.flow.cutCount;
    const cycles = this.cycles;
    let found: KindRef | null = null;
    for (const source of sources) {
      if (source.kind === 'value' && source.path.length === 0 && isNothing(source.node)) continue;
      const kind = this.sourceKind(source, node);
      if (!kind || (found && !same(found, kind))) return null;
      found = kind;
    }
    // Whole, and the same for any expression with this answer: one that is no source of itself.
    if (found && this.flow.cutCount === cuts && this.cycles === cycles && !names(sources, node)) this.bySources.set(sources, found);
    return found;
  }

  /** The kind all the given expressions share, ignoring `null`/`undefined` literals. */
  private agree(nodes: readonly Node[]): KindRef | null {
    let found: KindRef | null = null;
    for (const node of nodes) {
      const inner = unwrap(node);
      if (isNothing(inner)) continue;
      const kind = this.kindOf(inner);
      if (!kind || (found && !same(found, kind))) return null;
      found = kind;
    }
    return found;
  }

  private sourceKind(source: Source, origin: Node): KindRef | null {
    // `const t: Transporter = …`, `(transport: Transporter) => …`, `private mail: MailService`.
    for (const holder of source.through) {
      const annotated = this.heldAs(holder);
      if (annotated) return annotated;
    }
    switch (source.kind) {
      case 'value': {
        if (source.node === origin) return null; // nothing more in view
        let ref = this.kindOf(source.node);
        const namespace = unwrap(source.node).type === AST_NODE_TYPES.ImportExpression;
        for (const [index, key] of source.path.entries()) ref = index === 0 && namespace ? namespaceMember(ref, key) : memberOf(ref, key);
        return ref;
      }
      case 'import':
        return this.imported(source);
      case 'parameter': {
        // `notifyAll(transport, users)` called with `createTransport(…)` wherever the file calls it.
        if (source.path.length) return null;
        const args = this.flow.callArguments(source);
        return args?.length ? this.agree(args) : null;
      }
      default:
        return null;
    }
  }

  /** What an import of a mail module names: the module, a named export, or its default. */
  private imported(source: ImportSource): KindRef | null {
    const root = this.roots.get(source.declaration);
    if (!root) return null;
    const specifier = source.specifier;
    let ref: KindRef | null;
    if (!specifier || specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) ref = root;
    // `import x from` and `import { default as x } from`: a CommonJS module is its own default.
    else if (source.name === 'default') ref = defaultOf(root);
    else ref = specifier.type === AST_NODE_TYPES.ImportSpecifier ? memberOf(root, source.name) : null;
    for (const key of source.path) ref = memberOf(ref, key);
    return ref;
  }

  /** The kind a variable, parameter or field is annotated with. */
  private heldAs(holder: Holder): KindRef | null {
    if (holder.kind === 'field') {
      let annotated: KindRef | null = null;
      for (const annotation of classField(holder.cls, holder.name).annotations) annotated ??= this.annotationKind(annotation);
      return annotated;
    }
    const def = holder.variable.defs[0];
    if (def?.type === DefinitionType.Variable) return def.node.id.type === AST_NODE_TYPES.Identifier ? this.annotationKind(def.node.id.typeAnnotation) : null;
    if (def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) return this.annotationKind(def.name.typeAnnotation);
    return null;
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
      const variable = variableOf(this.flow.globalScope, typeName);
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
        const value = defaultOf(root);
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

/** `null` or `undefined`: no value to agree on. */
/** The mark of an expression whose kind is being resolved. */
const RESOLVING = Symbol('resolving');

function isNothing(node: Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

