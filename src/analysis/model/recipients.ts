import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { destructuringPath, type FunctionNode, propertyName, thisClass, unwrap, variableOf } from '../flow/ast.js';
import { repeatsWithin } from '../flow/loops.js';
import type { TypeInfo } from './type-info.js';
import { soleValue } from '../flow/values.js';
import { own } from '../../util/own.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;

/** A parameter of a function in this file, and the property path inside it (`{ to }` → `['to']`). */
export interface ParamRef {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly path: readonly string[];
}

/**
 * What a recipient expression holds.
 * - `data-driven`: a list whose length comes from data (`users.map(…)`, a `string[]` parameter).
 * - `fixed`: a list the code spells out, with its number of addresses (one address is `fixed` 1).
 * - `parameter`: whatever the caller passes; in-file wrappers are built on this.
 * - `unknown`: anything else. Unknown is never reported.
 */
export type RecipientList =
  | { readonly kind: 'data-driven' }
  | { readonly kind: 'fixed'; readonly count: number }
  | { readonly kind: 'parameter'; readonly param: ParamRef }
  | { readonly kind: 'unknown' };

const DATA_DRIVEN: RecipientList = { kind: 'data-driven' };
const UNKNOWN: RecipientList = { kind: 'unknown' };
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
const LIST_TYPES = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet']);
const STATIC_LIST_FACTORIES: Readonly<Record<string, ReadonlySet<string>>> = {
  Array: new Set(['from']),
  Object: new Set(['keys', 'values', 'entries']),
};

export class RecipientClassifier {
  private readonly memo = new Map<Node, RecipientList>();

  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    /** Type information: a value typed as an array is a list whatever its syntax. */
    private readonly types: TypeInfo | null = null,
  ) {}

  classify(node: Node): RecipientList {
    const target = unwrap(node);
    const known = this.memo.get(target);
    if (known) return known;
    this.memo.set(target, UNKNOWN); // cycles are unknown
    let result = this.compute(target);
    if (result.kind === 'unknown' && this.types) result = this.types.listOf(target) ?? UNKNOWN;
    this.memo.set(target, result);
    return result;
  }

  private compute(node: Node): RecipientList {
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
      case AST_NODE_TYPES.ArrayExpression:
        return this.arrayLiteral(node);
      case AST_NODE_TYPES.Identifier:
        return node.name === 'undefined' ? fixed(0) : this.identifier(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      case AST_NODE_TYPES.ConditionalExpression:
        return mostSevere([this.classify(node.consequent), this.classify(node.alternate)]);
      case AST_NODE_TYPES.LogicalExpression:
        return mostSevere([this.classify(node.left), this.classify(node.right)]);
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
    const callee = unwrap(node.callee);
    const isSet =
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'Set' &&
      !variableOf(this.globalScope, callee)?.defs.length;
    if (!isSet) return fixed(1);
    const source = node.arguments[0];
    if (!source) return fixed(0);
    if (source.type === AST_NODE_TYPES.SpreadElement) return DATA_DRIVEN;
    const inner = this.classify(source);
    return inner.kind === 'fixed' ? inner : inner.kind === 'unknown' ? UNKNOWN : DATA_DRIVEN;
  }

  private arrayLiteral(node: TSESTree.ArrayExpression): RecipientList {
    const elements = node.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => e !== null);
    if (elements.length === 1 && elements[0]!.type !== AST_NODE_TYPES.SpreadElement) {
      const inner = this.classify(elements[0]!);
      if (inner.kind === 'parameter') return inner; // `[to]` forwards whatever the caller passes
    }
    let count = 0;
    for (const element of elements) {
      if (element.type === AST_NODE_TYPES.SpreadElement) {
        const spread = this.classify(element.argument);
        if (spread.kind !== 'fixed') return DATA_DRIVEN; // spreading a list of unseen length
        count += spread.count;
        continue;
      }
      const item = this.classify(element);
      if (item.kind === 'data-driven') return DATA_DRIVEN; // nested lists are flattened by the SDKs
      count += item.kind === 'fixed' ? item.count : 1;
    }
    return fixed(count);
  }

  private identifier(node: TSESTree.Identifier): RecipientList {
    const variable = variableOf(this.globalScope, node);
    if (!variable || variable.defs.length !== 1) return UNKNOWN;
    const def = variable.defs[0]!;
    if (def.type === DefinitionType.Parameter) return this.parameter(def.node as FunctionNode, def.name as TSESTree.Identifier);
    if (def.type !== DefinitionType.Variable) return UNKNOWN;
    const declarator = def.node;
    const annotated = listAnnotation(declarator.id.typeAnnotation?.typeAnnotation);
    if (annotated) return annotated;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
    const value = soleValue(variable);
    if (!value) return UNKNOWN;
    const inner = unwrap(value);
    if (inner.type === AST_NODE_TYPES.ArrayExpression && inner.elements.length === 0) {
      return this.filledArray(variable, declarator);
    }
    return this.classify(value);
  }

  /** `const list = []` filled with `push` calls: data-driven when any push repeats. */
  private filledArray(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator): RecipientList {
    const boundary = declarator.parent.parent ?? declarator;
    let count = 0;
    for (const ref of variable.references) {
      const member = ref.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
      const name = propertyName(member);
      const call = member.parent;
      if ((name !== 'push' && name !== 'unshift') || call?.type !== AST_NODE_TYPES.CallExpression) continue;
      if (repeatsWithin(call, boundary)) return DATA_DRIVEN;
      if (call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return DATA_DRIVEN;
      count += call.arguments.length;
    }
    return fixed(count);
  }

  private parameter(fn: FunctionNode, name: TSESTree.Identifier): RecipientList {
    for (const [index, raw] of fn.params.entries()) {
      let param: Node = raw.type === AST_NODE_TYPES.TSParameterProperty ? raw.parameter : raw;
      if (param.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
      if (param.type === AST_NODE_TYPES.RestElement) return UNKNOWN;
      const path = destructuringPath(param, name);
      if (!path) continue;
      const annotation =
        param.type === AST_NODE_TYPES.Identifier || param.type === AST_NODE_TYPES.ObjectPattern
          ? memberType(param.typeAnnotation?.typeAnnotation, path)
          : undefined;
      return listAnnotation(annotation) ?? { kind: 'parameter', param: { fn, index, path } };
    }
    return UNKNOWN;
  }

  private member(node: TSESTree.MemberExpression): RecipientList {
    const name = propertyName(node);
    if (name === null) return UNKNOWN;
    if (node.object.type === AST_NODE_TYPES.ThisExpression) {
      const cls = thisClass(node);
      const field = cls?.body.body.find(
        (e): e is TSESTree.PropertyDefinition =>
          e.type === AST_NODE_TYPES.PropertyDefinition && !e.static && propertyName(e) === name,
      );
      return listAnnotation(field?.typeAnnotation?.typeAnnotation) ?? UNKNOWN;
    }
    // `options.to` on a parameter forwards that part of the caller's argument.
    const base = this.classify(node.object);
    if (base.kind === 'parameter' && base.param.path.length < 4) {
      return { kind: 'parameter', param: { ...base.param, path: [...base.param.path, name] } };
    }
    return UNKNOWN;
  }

  private call(node: TSESTree.CallExpression): RecipientList {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return UNKNOWN;
    const name = propertyName(callee);
    if (name === null) return UNKNOWN;
    const object = unwrap(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && own(STATIC_LIST_FACTORIES, object.name)?.has(name)) {
      if (variableOf(this.globalScope, object)?.defs.length) return UNKNOWN; // a local `Array`/`Object`
      const source = node.arguments[0];
      const inner = source && source.type !== AST_NODE_TYPES.SpreadElement ? this.classify(source) : UNKNOWN;
      return inner.kind === 'fixed' ? inner : DATA_DRIVEN;
    }
    if (name !== 'join' && !LIST_METHODS.has(name)) return UNKNOWN;
    if (isSplit(object)) return UNKNOWN; // a delimited string from configuration, not a data set
    if ((name === 'slice' || name === 'concat') && isStringValue(object)) return fixed(1);
    const inner = this.classify(object);
    if (inner.kind === 'fixed' && name !== 'concat' && name !== 'flatMap' && name !== 'flat') return inner;
    // `.map()`, `.join()` and their kin exist only on arrays: unless the code spells the array
    // out, its length comes from data.
    return DATA_DRIVEN;
  }
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

function isSplit(node: Node): boolean {
  const inner = unwrap(node);
  return (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(inner.callee) === 'split'
  );
}

function isStringValue(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') ||
    inner.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** A type annotation that says "a list": `string[]`, `Array<…>`, `readonly T[]`; tuples are fixed. */
function listAnnotation(type: TSESTree.TypeNode | undefined): RecipientList | null {
  if (!type) return null;
  switch (type.type) {
    case AST_NODE_TYPES.TSArrayType:
      return DATA_DRIVEN;
    case AST_NODE_TYPES.TSTupleType:
      return fixed(type.elementTypes.length);
    case AST_NODE_TYPES.TSTypeOperator:
      return type.operator === 'readonly' ? listAnnotation(type.typeAnnotation) : null;
    case AST_NODE_TYPES.TSTypeReference:
      return type.typeName.type === AST_NODE_TYPES.Identifier && LIST_TYPES.has(type.typeName.name) ? DATA_DRIVEN : null;
    default:
      return null;
  }
}

/** The annotated type of a property path inside an object type literal (`{ to: string[] }`). */
function memberType(type: TSESTree.TypeNode | undefined, path: readonly string[]): TSESTree.TypeNode | undefined {
  let current = type;
  for (const key of path) {
    if (current?.type !== AST_NODE_TYPES.TSTypeLiteral) return undefined;
    const member = current.members.find(
      (m): m is TSESTree.TSPropertySignature =>
        m.type === AST_NODE_TYPES.TSPropertySignature &&
        ((m.key.type === AST_NODE_TYPES.Identifier && m.key.name === key) ||
          (m.key.type === AST_NODE_TYPES.Literal && m.key.value === key)),
    );
    current = member?.typeAnnotation?.typeAnnotation;
  }
  return current;
}

