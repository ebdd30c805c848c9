import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, propertyName, pushChildNodes, returnedExpressions, unwrap, variableOf } from '../flow/ast.js';
import { chunkCall, isChunkLoopIndex } from '../flow/chunks.js';
import { isGlobal, isGlobalMember } from '../flow/globals.js';
import { type Holder, names, type ParameterSource, type Source, type ValueFlow } from '../flow/sources.js';
import { isRequestInput } from '../flow/requests.js';
import { elementBinding, filledArray } from '../flow/values.js';
import { RECIPIENT_LEAVES } from '../../sdks/indexes.js';
import { elementType, holderAnnotation, isListType, memberType, tupleLength } from './annotations.js';
import type { TypeInfo } from './type-info.js';

type Node = TSESTree.Node;

/** A parameter of a function in this file, and the property path inside it (`{ to }` → `['to']`). */
export interface ParamRef {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly path: readonly string[];
}

/**
 * What a recipient expression holds, from where its value comes (never from its type annotation).
 * - `data-driven`: a list whose length comes from data (`users.map(…)`, a list pushed to in a
 *   loop, a chunk of such a list).
 * - `fixed`: a list the code spells out, with its number of addresses (one address is `fixed` 1).
 * - `parameter`: whatever the caller passes; in-file wrappers are built on this.
 * - `unknown`: anything else. Unknown is never reported.
 */
export type RecipientList =
  | { readonly kind: 'data-driven' }
  | { readonly kind: 'fixed'; readonly count: number }
  | { readonly kind: 'parameter'; readonly param: ParamRef }
  | { readonly kind: 'unknown' };

/** A list of recipients: data-driven, or more than one address spelled out. */
export function isList(list: RecipientList): boolean {
  return list.kind === 'data-driven' || (list.kind === 'fixed' && list.count > 1);
}

const DATA_DRIVEN: RecipientList = { kind: 'data-driven' };
const UNKNOWN: RecipientList = { kind: 'unknown' };
/** An expression being classified: unknown inside its own answer (a cut of the answer it is part of). */
const CLASSIFYING: RecipientList = { kind: 'unknown' };
const fixed = (count: number): RecipientList => ({ kind: 'fixed', count });

/** Array methods that return an array of a length the input decides. */
const LIST_METHODS = new Set([
  'map',
  'filter',
  'flatMap',
  'flat',
  'slice',
  'concat',
  'sort',
  'reverse',
  'toSorted',
  'toReversed',
  'toSpliced',
]);
/** List methods whose result holds the caller's elements: a parameter's list stays the caller's. */
const KEEPS_ELEMENTS = new Set(['join', 'filter', 'slice', 'concat', 'sort', 'reverse', 'toSorted', 'toReversed', 'flat']);
/** A validation schema's methods that return their one argument, checked (`z.array(…).parse(input)`); `JSON.parse` is no schema. */
const SCHEMA_PARSE: ReadonlySet<string> = new Set(['parse', 'parseAsync']);
/** How deep inside a caller's argument a parameter's part may be (`options.message.to`). */
const MAX_PATH = 4;
/** `Object.keys(…)` and its kin: a list of one entry per property. */
const OBJECT_LISTS: ReadonlySet<string> = new Set(['keys', 'values', 'entries']);

export class RecipientClassifier {
  private readonly memo = new Map<Node, RecipientList>();
  /** The class of an answer the value query shares among expressions (`user.email` in every send), made whole. */
  private readonly bySources = new WeakMap<readonly Source[], RecipientList>();
  /** Expressions found inside their own answer so far (see `CLASSIFYING`). */
  private cycles = 0;
  /** `parameterBehind` per expression; null while being answered. */
  private readonly behindMemo = new Map<Node, ParamRef | null>();

  constructor(
    /** The file's value query: where a recipient expression's value comes from. */
    private readonly flow: ValueFlow,
    /** Type information: a tuple type is a fixed list; an array type alone proves nothing. */
    private readonly types: TypeInfo | null = null,
  ) {}

  classify(node: Node): RecipientList {
    const target = unwrap(node);
    const known = this.memo.get(target);
    if (known) {
      if (known === CLASSIFYING) this.cycles++;
      return known;
    }
    // `user.email` in each of thousands of sends: the class of the query's shared answer, with no entry per expression.
    const shared = this.flow.sharedSources(target);
    const sharedClass = shared && !names(shared, target) ? this.bySources.get(shared) : undefined;
    if (sharedClass && (sharedClass.kind !== 'unknown' || !this.types)) return sharedClass;
    this.memo.set(target, CLASSIFYING); // cycles are unknown
    let result = UNKNOWN;
    if (this.flow.enter()) {
      try {
        result = this.compute(target);
      } finally {
        this.flow.leave();
      }
    }
    if (result.kind === 'unknown' && this.types) {
      // A tuple type spells out its length. An array type proves a data-driven list only on a
      // value that comes from a call (a query, a repository method): never on a parameter or
      // a field, whose type says what may be passed, not what is.
      const typed = this.types.listOf(target);
      if (typed?.kind === 'fixed' || (typed && target.type === AST_NODE_TYPES.CallExpression)) result = typed;
    }
    this.memo.set(target, result);
    return result;
  }

  private compute(node: Node): RecipientList {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.SequenceExpression:
      case AST_NODE_TYPES.AssignmentExpression:
        return this.ofSources(node);
      default:
        return this.value(node, []);
    }
  }

  /** Any value an expression can have may be sent: the most telling decides. */
  private ofSources(node: Node): RecipientList {
    const sources = this.flow.sources(node);
    const shared = this.bySources.get(sources);
    if (shared && !names(sources, node)) return shared;
    const cuts = this.flow.cutCount;
    const cycles = this.cycles;
    const result = mostSevere(sources.map((s) => this.source(s, node)));
    // Whole, and the same for any expression with this answer: one that is no source of itself.
    if (this.flow.cutCount === cuts && this.cycles === cycles && !names(sources, node)) this.bySources.set(sources, result);
    return result;
  }

  /** What one source of a recipient expression holds (`origin`: the expression asked about). */
  private source(source: Source, origin: Node | null): RecipientList {
    // `const pair: [string, string] = …`, `private admins: [string, string]`: the length is spelled out.
    for (const holder of source.through) {
      const tuple = tupleAnnotation(holderAnnotation(holder));
      if (tuple) return tuple;
    }
    const list = this.sourceList(source, origin);
    // A field that starts as a literal may be pushed to later: only data and parameters decide.
    const field = source.through.some((h) => h.kind === 'field');
    return field && list.kind !== 'data-driven' && list.kind !== 'parameter' ? UNKNOWN : list;
  }

  private sourceList(source: Source, origin: Node | null): RecipientList {
    switch (source.kind) {
      case 'value':
        if (source.path.length) return UNKNOWN;
        // Another expression is classified on its own, with its type when it has one; an array
        // literal with what its variable says was pushed to it.
        return source.node === origin || source.node.type === AST_NODE_TYPES.ArrayExpression
          ? this.value(source.node, source.through)
          : this.classify(source.node);
      case 'parameter':
        return this.parameter(source);
      case 'element':
        return this.chunkElement(source.node);
      default:
        return UNKNOWN;
    }
  }

  /** A value the query does not see through: a literal, a list, a call of a list method, … */
  private value(node: Node, through: readonly Holder[]): RecipientList {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return typeof node.value === 'string' ? fixed(countAddresses(node.value)) : UNKNOWN;
      case AST_NODE_TYPES.TemplateLiteral: {
        const parts = node.expressions.map((e) => this.classify(e));
        const dynamic = mostSevere(parts);
        if (dynamic.kind === 'data-driven' || dynamic.kind === 'parameter') return dynamic;
        const text = node.quasis.map((q) => q.value.cooked ?? '').join('x');
        return fixed(countAddresses(text));
      }
      case AST_NODE_TYPES.ObjectExpression:
        return fixed(1); // one address object: `{ email, name }`
      case AST_NODE_TYPES.NewExpression:
        return this.construction(node);
      case AST_NODE_TYPES.ArrayExpression: {
        // `const cc = []; cc.push(…)`: what was pushed, and whether a push repeats.
        const holder = through.at(-1);
        const filled = holder?.kind === 'variable' ? filledArray(holder.variable) : null;
        return filled && unwrap(filled.literal) === node ? this.filled(filled) : this.arrayLiteral(node);
      }
      case AST_NODE_TYPES.Identifier:
        return isGlobal(this.flow.globalScope, node, 'undefined') ? fixed(0) : UNKNOWN;
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.operator !== '+') return UNKNOWN;
        const sides = [this.classify(node.left), this.classify(node.right)];
        return sides.some((s) => s.kind === 'data-driven') ? DATA_DRIVEN : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** `new Set(list)` holds what the list holds; any other `new X(...)` is one address object. */
  private construction(node: TSESTree.NewExpression): RecipientList {
    if (!isGlobal(this.flow.globalScope, node.callee, 'Set')) return fixed(1);
    const source = node.arguments[0];
    if (!source) return fixed(0);
    if (source.type === AST_NODE_TYPES.SpreadElement) return DATA_DRIVEN;
    const inner = this.classify(source);
    return inner.kind === 'fixed' ? inner : inner.kind === 'unknown' ? UNKNOWN : DATA_DRIVEN;
  }

  private arrayLiteral(node: TSESTree.ArrayExpression): RecipientList {
    const elements = node.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null);
    if (elements.length === 1) {
      const only = elements[0]!;
      // `[to]` and `[...to]` forward whatever the caller passes.
      const inner = this.classify(only.type === AST_NODE_TYPES.SpreadElement ? only.argument : only);
      if (inner.kind === 'parameter') return inner;
    }
    let count = 0;
    const params: ParamRef[] = [];
    const extended = assignedTo(this.flow.globalScope, node);
    for (const element of elements) {
      if (element.type === AST_NODE_TYPES.SpreadElement) {
        // `to = [...to, ...more]`: the variable's earlier values are its other writes, already
        // among its sources; only what is added here is new (novu's `createMailData`).
        if (extended && element.argument.type === AST_NODE_TYPES.Identifier && variableOf(this.flow.globalScope, element.argument) === extended) continue;
        const spread = this.classify(element.argument);
        // `[...options.to, ...overrides.to]`: the callers' lists, joined.
        if (spread.kind === 'parameter') params.push(spread.param);
        else if (spread.kind !== 'fixed') return DATA_DRIVEN; // spreading a list of unseen length
        else count += spread.count;
        continue;
      }
      const item = this.classify(element);
      if (item.kind === 'data-driven') return DATA_DRIVEN; // nested lists are flattened by the SDKs
      count += item.kind === 'fixed' ? item.count : 1;
    }
    return params.length ? joinedParameters(params) : fixed(count);
  }

  /**
   * A parameter: whatever the caller passes, unless its annotation spells out a tuple. A
   * `string[]` annotation says the caller may pass several addresses, not that it does: what the
   * callers in this file pass decides (a wrapper), and an unseen caller is unknown.
   */
  private parameter(source: ParameterSource): RecipientList {
    const { fn, index, path } = source;
    if (path.length > MAX_PATH || path.includes('[]')) return UNKNOWN;
    // `(list = users.map((u) => u.email))`: a caller that passes nothing sends the default.
    if (source.fallback && path.length === 0 && this.classify(source.fallback).kind === 'data-driven') return DATA_DRIVEN;
    const pattern = source.pattern;
    const annotation =
      pattern.type === AST_NODE_TYPES.Identifier || pattern.type === AST_NODE_TYPES.ObjectPattern
        ? memberType(pattern.typeAnnotation?.typeAnnotation, path)
        : undefined;
    return tupleAnnotation(annotation) ?? { kind: 'parameter', param: { fn, index, path } };
  }

  /**
   * The parameter a list is cut from: `recipients.slice(i, i + 50).join(',')`, through variables,
   * list methods and `Array.isArray(x) ? x : [x]`. Null when it comes from anywhere else.
   */
  parameterBehind(node: Node): ParamRef | null {
    // Once per expression, and null inside its own answer: `list = list.concat(more)` written n
    // times asks for `list` through each write, n ways at every level (dittofeed's messaging.ts
    // did not finish in minutes).
    const known = this.behindMemo.get(node);
    if (known !== undefined) return known;
    this.behindMemo.set(node, null);
    const found = this.flow.within(null, () => {
      for (const source of this.flow.sources(node)) {
        const param = this.behind(source);
        if (param) return param;
      }
      return null;
    });
    this.behindMemo.set(node, found);
    return found;
  }

  private behind(source: Source): ParamRef | null {
    if (source.kind === 'parameter') {
      const list = this.source(source, null);
      return list.kind === 'parameter' ? list.param : null;
    }
    if (source.kind !== 'value' || source.path.length) return null;
    const value = source.node;
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(value.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const name = propertyName(callee);
      if (name !== null && KEEPS_ELEMENTS.has(name)) return this.parameterBehind(callee.object);
      // `Schema.parse(input)` (zod and its kin): the input itself, checked, or an exception.
      const input = value.arguments.length === 1 ? value.arguments[0]! : null;
      return name !== null && SCHEMA_PARSE.has(name) && input?.type !== AST_NODE_TYPES.SpreadElement && input && !isGlobal(this.flow.globalScope, callee.object, 'JSON')
        ? this.parameterBehind(input)
        : null;
    }
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const only = value.elements.length === 1 ? value.elements[0] : null;
      return only ? this.parameterBehind(only.type === AST_NODE_TYPES.SpreadElement ? only.argument : only) : null;
    }
    return null;
  }

  /**
   * Whether the code declares a value to be a list, whatever its source: an annotation
   * (`chunk: string[]`, an element of `chunks: string[][]`) or its type. Not proof that the list
   * comes from data, so never a reason to report a field; a loop around a send whose recipients
   * may be a list is a loop over chunks, which is reason enough to stay silent about the loop.
   */
  declaresList(node: Node): boolean {
    return this.flow.within(false, () => {
      const value = unwrap(node);
      if (this.types?.listOf(value)) return true;
      if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(value.callee);
        return name !== null && KEEPS_ELEMENTS.has(name) && name !== 'join' && this.declaresList(value.callee.object);
      }
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = variableOf(this.flow.globalScope, value);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!variable || !def) return false;
      const bound = elementBinding(variable);
      if (bound) {
        const collection = unwrap(bound.collection);
        return bound.whole && collection.type === AST_NODE_TYPES.Identifier && isListType(elementType(this.annotationOf(collection)));
      }
      return isListType(this.annotationOf(value));
    });
  }

  /** The type annotation of the variable or parameter an identifier names. */
  private annotationOf(identifier: TSESTree.Identifier): TSESTree.TypeNode | undefined {
    const def = variableOf(this.flow.globalScope, identifier)?.defs[0];
    if (def?.type === DefinitionType.Variable) return def.node.id.typeAnnotation?.typeAnnotation;
    if (def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) return def.name.typeAnnotation?.typeAnnotation;
    return undefined;
  }

  /** An array filled with `push` calls: data-driven when any push repeats or spreads a data-driven list. */
  private filled(filled: NonNullable<ReturnType<typeof filledArray>>): RecipientList {
    if (filled.repeats) return DATA_DRIVEN;
    let count = 0;
    const params: ParamRef[] = [];
    for (const value of filled.values) {
      const item = value.type === AST_NODE_TYPES.SpreadElement ? this.classify(value.argument) : this.classify(value);
      if (item.kind === 'data-driven') return DATA_DRIVEN;
      // `cc.push(...data.ccEmails)`: the caller's list, added to.
      if (value.type === AST_NODE_TYPES.SpreadElement && item.kind === 'parameter') params.push(item.param);
      else if (value.type === AST_NODE_TYPES.SpreadElement && item.kind !== 'fixed') return DATA_DRIVEN;
      else count += item.kind === 'fixed' ? item.count : 1;
    }
    return params.length ? joinedParameters(params) : fixed(count);
  }

  /**
   * What one element of a collection holds: an element of a literal, what a `.map()` callback
   * returns, what was pushed, a chunk of a list (`chunk(list, 50)`, a local helper that slices).
   */
  element(collection: Node): RecipientList {
    return this.flow.within(UNKNOWN, () => mostSevere(this.flow.elements(collection).map((s) => this.source(s, null))));
  }

  /** An element of a collection the query cannot list: a chunk of a list is a list of its elements, one long enough to chunk. */
  private chunkElement(collection: Node): RecipientList {
    const value = unwrap(collection);
    const chunked = value.type === AST_NODE_TYPES.CallExpression ? chunkCall(value, this.flow.globalScope, this.flow.callSites)?.list : null;
    if (!chunked) return UNKNOWN;
    const source = this.classify(chunked);
    return source.kind === 'fixed' ? source : DATA_DRIVEN;
  }

  /**
   * A list cut from a delimited string (`settings.alerts.split(',')`), through list methods and
   * variables (`.map((a) => a.trim()).filter(Boolean)`): a configured list, not a data set.
   */
  private fromSplit(node: Node): boolean {
    return this.flow.within(false, () => {
      const sources = this.flow.sources(node);
      return sources.length > 0 && sources.every((source) => {
        const value = source.kind === 'value' && source.path.length === 0 ? source.node : null;
        if (value?.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = unwrap(value.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
        if (name === 'split') return true;
        return callee.type === AST_NODE_TYPES.MemberExpression && name !== null && LIST_METHODS.has(name) && this.fromSplit(callee.object);
      });
    });
  }

  /**
   * `users.reduce((acc, u) => { acc.push(u.email); return acc; }, [])`, `[...acc, u.email]`,
   * `acc.concat(u.email)`: a list built from the elements of another, started from `[]`. Fixed
   * when that list is, the callers' when it is a parameter whose elements are kept, else
   * data-driven (as `.map()` is).
   */
  private reduced(node: TSESTree.CallExpression, list: Node): RecipientList {
    const start = node.arguments[1] && unwrap(node.arguments[1]);
    if (start?.type !== AST_NODE_TYPES.ArrayExpression || start.elements.length !== 0) return UNKNOWN;
    if (this.fromSplit(list)) return UNKNOWN;
    const inner = this.classify(list);
    // A parameter's records read for their addresses (`(acc, u) => [...acc, u.email]`) are data, as with `.map()`.
    if (inner.kind === 'parameter' && !readsRecordField(node.arguments[0], 1)) return inner;
    return inner.kind === 'fixed' ? inner : DATA_DRIVEN;
  }

  /** A call the query does not see through: a list method, `Array.from`, a chunking. */
  private call(node: TSESTree.CallExpression): RecipientList {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return UNKNOWN;
    const name = propertyName(callee);
    if (name === null) return UNKNOWN;
    const object = unwrap(callee.object);
    if (isGlobalMember(this.flow.globalScope, callee, 'Array', 'from') || isGlobalMember(this.flow.globalScope, callee, 'Object', OBJECT_LISTS)) {
      const source = node.arguments[0];
      const inner = source && source.type !== AST_NODE_TYPES.SpreadElement ? this.classify(source) : UNKNOWN;
      return inner.kind === 'fixed' ? inner : DATA_DRIVEN;
    }
    if (name === 'reduce' || name === 'reduceRight') return this.reduced(node, object);
    if (name !== 'join' && !LIST_METHODS.has(name)) return UNKNOWN;
    if (this.fromSplit(object)) return UNKNOWN; // a delimited string from configuration, not a data set
    if ((name === 'slice' || name === 'concat') && isStringValue(object)) return fixed(1);
    // `list.slice(i, i + 50)` in a loop that steps by 50: a chunk of a list long enough to chunk.
    if (name === 'slice' && node.arguments[0] && isChunkLoopIndex(node.arguments[0], this.flow.globalScope)) return DATA_DRIVEN;
    const cycles = this.cycles;
    const inner = this.classify(object);
    if (inner.kind === 'fixed' && name !== 'concat' && name !== 'flatMap' && name !== 'flat') return inner;
    if (inner.kind === 'fixed' && name === 'concat') {
      // `team.concat(['cfo@example.com'])`: fixed when all it adds is.
      const added = node.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? UNKNOWN : this.classify(a)));
      const counts = added.flatMap((a) => (a.kind === 'fixed' ? [a.count] : []));
      if (counts.length === added.length) return fixed(counts.reduce((sum, count) => sum + count, inner.count));
    }
    // A list read through its own earlier value (`list = list.concat(more)`) that proves nothing else: unknown, not data.
    if (inner.kind === 'unknown' && this.cycles !== cycles) return UNKNOWN;
    // `req.body.emails.map((email) => ({ email }))`: a list the request's sender chose.
    if (inner.kind === 'parameter' && isRequestInput(inner.param.fn, inner.param.index, inner.param.path)) return DATA_DRIVEN;
    // `to.join(', ')` on a parameter: still whatever the caller passes, and so is
    // `to.map((email) => ({ email }))`, the caller's addresses reshaped.
    if (inner.kind === 'parameter' && keepsEntries(node)) return inner;
    // `.map()`, `.join()` and their kin exist only on arrays: unless the code spells the array
    // out, its length comes from data.
    return DATA_DRIVEN;
  }
}

/**
 * A call that keeps its list's entries as addresses: `join`, `filter`, `slice` and their kin
 * (`concat` adds some), and a `.map()` that reshapes each entry. Reading an address out of each
 * record (`users.map((u) => u.email)`) builds a list from data; `message.to.map((a) => a.address)`
 * and `addresses.map(format)` turn a recipient field's entries into addresses (a provider adapter).
 */
function keepsEntries(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(callee);
  if (name === null) return false;
  if (KEEPS_ELEMENTS.has(name)) return true;
  return (name === 'map' || name === 'flatMap') && (!readsRecordField(call.arguments[0]) || namesRecipientField(unwrap(callee.object)));
}

/**
 * The field of another object that `value` copies, entry by entry: `original.to`,
 * `message.cc?.map(formatAddress).join(', ')` give `to` and `cc`. Null for anything else.
 */
export function copiedField(value: Node): string | null {
  let current = unwrap(value);
  for (let hops = 0; hops < 8 && current.type === AST_NODE_TYPES.CallExpression && keepsEntries(current); hops++) {
    const callee = unwrap(current.callee) as TSESTree.MemberExpression;
    // `concat` adds entries of its own: no longer a copy.
    if (propertyName(callee) === 'concat') return null;
    current = unwrap(callee.object);
  }
  return current.type === AST_NODE_TYPES.MemberExpression ? propertyName(current) : null;
}

/** The variable `node` is assigned to by `name = node`, if it is. */
function assignedTo(globalScope: ValueFlow['globalScope'], node: Node): ReturnType<typeof variableOf> {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.operator !== '=' || parent.right !== node || parent.left.type !== AST_NODE_TYPES.Identifier) return null;
  return variableOf(globalScope, parent.left);
}

/**
 * `message.to`, `cc`, `addresses`: a value named as a message's recipient field or as a list of
 * addresses, whose entries are address objects (`{ name, address }`), not records of people.
 * `recipients` is not among them: it often holds people (`recipients.map(({ email }) => email)`).
 */
function namesRecipientField(node: Node): boolean {
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? propertyName(node) : null;
  return name !== null && RECIPIENT_FIELD_NAMES.has(name.toLowerCase());
}

const RECIPIENT_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...RECIPIENT_LEAVES.map((l) => l.toLowerCase()),
  'addresses',
  'emailaddresses',
]);

/**
 * A `.map()` callback that reads a field of each element: `(u) => u.email`, `({ email }) => email`,
 * `(u) => ({ Email: u.email })`, `` (u) => `${u.name} <${u.email}>` ``.
 */
function readsRecordField(callback: Node | undefined, element = 0): boolean {
  const fn = callback && unwrap(callback);
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn?.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const param = fn.params[element];
  if (!param) return false;
  if (param.type === AST_NODE_TYPES.ObjectPattern) return true;
  if (param.type !== AST_NODE_TYPES.Identifier) return false;
  // A reducer adds to its accumulator anywhere in its body (`acc.push(u.email); return acc;`).
  if (element > 0) return readsAnywhere(fn.body, param.name);
  return returnedExpressions(fn).some((r) => readsField(r, param.name, 0));
}

/** Whether `name.field` is read anywhere in `body`. */
function readsAnywhere(body: Node, name: string): boolean {
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.MemberExpression && unwrap(node.object).type === AST_NODE_TYPES.Identifier && (unwrap(node.object) as TSESTree.Identifier).name === name) return true;
    pushChildNodes(node, stack);
  }
  return false;
}

function readsField(node: Node, name: string, depth: number): boolean {
  const value = unwrap(node);
  if (depth > 3) return false;
  switch (value.type) {
    case AST_NODE_TYPES.MemberExpression: {
      const object = unwrap(value.object);
      return (object.type === AST_NODE_TYPES.Identifier && object.name === name) || readsField(object, name, depth + 1);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some((p) => p.type === AST_NODE_TYPES.Property && readsField(p.value, name, depth + 1));
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.some((e) => readsField(e, name, depth + 1));
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression:
      // `new Recipient(u.email)`, `format(u.name, u.email)`
      return value.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && readsField(a, name, depth + 1));
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression:
      return [value.type === AST_NODE_TYPES.LogicalExpression ? value.left : value.consequent, value.type === AST_NODE_TYPES.LogicalExpression ? value.right : value.alternate].some((e) =>
        readsField(e, name, depth + 1),
      );
    default:
      return false;
  }
}

/**
 * A list that adds callers' lists together: what the one parameter holds, so its callers decide;
 * unknown when several parameters are joined (no one caller's argument decides).
 */
function joinedParameters(params: readonly ParamRef[]): RecipientList {
  const [first] = params;
  return first && params.every((p) => p.fn === first.fn && p.index === first.index && p.path.join('.') === first.path.join('.'))
    ? { kind: 'parameter', param: first }
    : UNKNOWN;
}

/** Orders list classifications from most to least telling: data-driven, parameter, largest fixed, unknown. */
function mostSevere(lists: RecipientList[]): RecipientList {
  const driven = lists.find((l) => l.kind === 'data-driven');
  if (driven) return driven;
  const param = lists.find((l) => l.kind === 'parameter');
  if (param) return param;
  const fixedCounts = lists.flatMap((l) => (l.kind === 'fixed' ? [l.count] : []));
  return fixedCounts.length ? fixed(Math.max(...fixedCounts)) : UNKNOWN;
}

function countAddresses(text: string): number {
  return text.split(/[,;]/).filter((part) => part.trim() !== '').length;
}

function isStringValue(node: Node): boolean {
  const inner = unwrap(node);
  return (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') || inner.type === AST_NODE_TYPES.TemplateLiteral;
}

/** A tuple annotation spells out how many addresses there are; an array type proves nothing (see `declaresList`). */
function tupleAnnotation(type: TSESTree.TypeNode | undefined): RecipientList | null {
  const length = tupleLength(type);
  return length === null ? null : fixed(length);
}
