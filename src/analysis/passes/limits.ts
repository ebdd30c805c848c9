/**
 * What the code proves about the size of what it hands a provider: the lists in a send's batch,
 * in per-recipient entries and in recipient fields, sized by a chunk (`list.slice(i, i + 100)`,
 * `chunk(list, 100)`) or spelled out, for mail/respect-provider-limits. The limits themselves are
 * SDK data (`SendSpec.maxMessages`, `MessageSpec.limits`); the rule compares.
 *
 * Unknown is silent: a size is only what a literal or a statically resolved constant shows.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { sdks, type Limit, type MessageSpec, type PathSegment, type SdkSpec, type SendSpec } from '../../sdks/index.js';
import { isFunction, propertyName, scopeAt, unwrap, variableOf } from '../flow/ast.js';
import { getMailAnalysis, type MailCall, perFile } from './sends.js';
import type { MessageReader } from '../model/messages.js';
import { isChunkLoopIndex, libraryChunk } from '../flow/chunks.js';
import { elementBinding, soleValue } from '../flow/values.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How big a list is: `count` elements (or addresses), shown by `node`; `chunk` when a chunk size decides it. */
export interface ListSize {
  readonly count: number;
  /** The narrowest node that shows the size: the chunk size, or the list spelled out. */
  readonly node: Node;
  readonly chunk: boolean;
}

/** A list a send hands the provider, its proven size, and the provider's limit for it. */
export interface SizedList {
  readonly call: MailCall;
  readonly sdk: SdkSpec;
  /** `messages`: messages of a batch call or per-recipient entries; `recipients`: addresses of one message. */
  readonly kind: 'messages' | 'recipients';
  /** Where the list goes, as users write it: `Messages`, `Destination.ToAddresses`; empty for the batch argument itself. */
  readonly field: string;
  /** The fields the limit counts together (`to`, `cc`, `bcc`), for the message. */
  readonly counted: readonly string[];
  readonly limit: Limit;
  readonly size: ListSize;
}

/** A message field the send's method does not support (Resend `batch.send` with `attachments`). */
export interface UnsupportedUse {
  readonly call: MailCall;
  readonly sdk: SdkSpec;
  readonly field: string;
  readonly node: Node;
  readonly source: string;
}

export interface LimitAnalysis {
  readonly lists: readonly SizedList[];
  readonly unsupported: readonly UnsupportedUse[];
}

/** The send specs of the SDK data: HTTP sends get specs of their own, and their body is not the call's argument. */
const DATA_SPECS: ReadonlySet<SendSpec> = new Set(
  sdks.flatMap((sdk) =>
    Object.values(sdk.kinds).flatMap((kind) => [
      ...Object.values(kind.sends ?? {}),
      ...(kind.callSend ? [kind.callSend] : []),
      ...(kind.constructSend ? [kind.constructSend] : []),
    ]),
  ),
);

const KEY = {};

/** The sized lists and unsupported fields of the file's sends, computed once per file. */
export function getLimitAnalysis(context: Context): LimitAnalysis {
  return perFile(context, KEY, () => {
    const analysis = getMailAnalysis(context);
    const globalScope = context.sourceCode.scopeManager?.globalScope;
    if (!analysis.file || !globalScope) return { lists: [], unsupported: [] };
    return new LimitPass(globalScope, analysis.file.reader, context.sourceCode.visitorKeys).run(analysis.calls);
  });
}

/** Methods whose result has one element per element of the array they are called on. */
const SAME_LENGTH = new Set(['map', 'toSorted', 'toReversed', 'sort', 'reverse']);
/** Methods that call their first argument once per element, with the element first. */
/** Mutations that make an array shorter than the literal it started as. */
const SHORTENING = new Set(['pop', 'shift', 'splice', 'length']);
const MAX_DEPTH = 8;

class LimitPass {
  private readonly lists: SizedList[] = [];
  private readonly unsupported: UnsupportedUse[] = [];
  private readonly seen = new Set<Node>();

  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly reader: MessageReader,
    private readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  ) {}

  run(calls: readonly MailCall[]): LimitAnalysis {
    for (const call of calls) {
      const spec = call.spec;
      if (!spec || call.wrapper || !DATA_SPECS.has(spec)) continue;
      const message = call.sdk.messages[spec.message];
      const argument = call.node.arguments[spec.arg ?? 0];
      if (!message || !argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
      this.send(call, spec, message, argument);
    }
    return { lists: this.lists, unsupported: this.unsupported };
  }

  private send(call: MailCall, spec: SendSpec, message: MessageSpec, argument: Node): void {
    const { sdk } = call;
    if (spec.batch && spec.maxMessages && spec.batch.at(-1) === '[]') {
      const path = spec.batch.slice(0, -1);
      for (const write of this.reader.read(argument, path).writes) {
        this.add({ call, sdk, kind: 'messages', field: path.length ? fieldName(path, spec) : '', counted: [], limit: spec.maxMessages }, write.value, 'items');
      }
    }
    const messages = spec.batch ? this.reader.read(argument, spec.batch).writes.map((w) => w.value) : [argument];
    for (const messageNode of messages) {
      for (const entries of message.limits?.entries ?? []) {
        for (const write of this.reader.read(messageNode, entries.path).writes) {
          this.add({ call, sdk, kind: 'messages', field: fieldName(entries.path, spec), counted: [], limit: entries }, write.value, 'items');
        }
      }
      for (const recipients of message.limits?.recipients ?? []) {
        const counted = [...new Set(recipients.fields.map((f) => f.at(-1) ?? ''))];
        for (const path of recipients.fields) {
          for (const write of this.reader.read(messageNode, path).writes) {
            this.add({ call, sdk, kind: 'recipients', field: fieldName(path, spec), counted, limit: recipients }, write.value, 'addresses');
          }
        }
      }
      for (const field of spec.unsupported ?? []) {
        for (const write of this.reader.read(messageNode, field.path).writes) {
          if (isUndefined(write.value) || this.seen.has(write.holder)) continue;
          this.seen.add(write.holder);
          this.unsupported.push({ call, sdk, field: fieldName(field.path, spec), node: write.holder, source: field.source });
        }
      }
    }
  }

  private add(site: Omit<SizedList, 'size'>, value: Node, mode: Mode): void {
    const size = this.sizeOf(value, mode, 0);
    if (!size || this.seen.has(size.node)) return;
    this.seen.add(size.node);
    this.lists.push({ ...site, size });
  }

  /** The size of a list: `items` counts elements, `addresses` counts the addresses of a recipient field. */
  private sizeOf(node: Node, mode: Mode, depth: number): ListSize | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    switch (value.type) {
      case AST_NODE_TYPES.ArrayExpression:
        return this.arrayLiteral(value, mode, depth);
      case AST_NODE_TYPES.Literal:
        return mode === 'addresses' && typeof value.value === 'string' ? { count: countAddresses(value.value), node: value, chunk: false } : null;
      case AST_NODE_TYPES.TemplateLiteral:
        return mode === 'addresses' && value.expressions.length === 0
          ? { count: countAddresses(value.quasis.map((q) => q.value.cooked ?? '').join('')), node: value, chunk: false }
          : null;
      case AST_NODE_TYPES.Identifier:
        return this.identifier(value, mode, depth);
      case AST_NODE_TYPES.MemberExpression:
        // `chunks[i]`: one element of a list of chunks.
        return value.computed ? this.elementSize(value.object, depth + 1) : null;
      case AST_NODE_TYPES.CallExpression:
        return this.call(value, mode, depth);
      default:
        return null;
    }
  }

  private arrayLiteral(node: TSESTree.ArrayExpression, mode: Mode, depth: number): ListSize | null {
    let count = 0;
    let chunk: ListSize | null = null;
    for (const element of node.elements) {
      if (element?.type === AST_NODE_TYPES.SpreadElement) {
        const spread = this.sizeOf(element.argument, 'items', depth + 1);
        if (!spread || (spread.chunk && chunk)) return null;
        if (spread.chunk) chunk = spread;
        count += spread.count;
      } else if (element && mode === 'addresses' && unwrap(element).type === AST_NODE_TYPES.Literal) {
        const literal = unwrap(element) as TSESTree.Literal;
        count += typeof literal.value === 'string' ? countAddresses(literal.value) : 1;
      } else {
        count += 1;
      }
    }
    return chunk ? { count, node: chunk.node, chunk: true } : { count, node, chunk: false };
  }

  private identifier(node: TSESTree.Identifier, mode: Mode, depth: number): ListSize | null {
    const variable = variableOf(this.globalScope, node);
    if (!variable || variable.defs.length !== 1) return null;
    // `for (const batch of chunk(list, 100))`, `chunks.forEach((batch) => …)`: one element.
    const bound = elementBinding(variable);
    if (bound) return bound.whole ? this.elementSize(bound.collection, depth + 1) : null;
    if (this.shortened(variable)) return null;
    const init = soleValue(variable);
    return init ? this.sizeOf(init, mode, depth + 1) : null;
  }

  /** `list.pop()`, `list.splice(…)`, `list.length = n`: the literal no longer tells the size. */
  private shortened(variable: TSESLint.Scope.Variable): boolean {
    return variable.references.some(({ identifier }) => {
      const member = identifier.parent;
      return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && SHORTENING.has(propertyName(member) ?? '');
    });
  }

  private call(node: TSESTree.CallExpression, mode: Mode, depth: number): ListSize | null {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = propertyName(callee);
    const object = callee.object;
    if (name === null) return null;
    if (SAME_LENGTH.has(name)) return this.sizeOf(object, mode === 'addresses' ? 'items' : mode, depth + 1);
    if (name === 'join') return mode === 'addresses' ? this.sizeOf(object, 'items', depth + 1) : null;
    if (
      name === 'from' &&
      unwrap(object).type === AST_NODE_TYPES.Identifier &&
      (unwrap(object) as TSESTree.Identifier).name === 'Array' &&
      !variableOf(this.globalScope, unwrap(object) as TSESTree.Identifier) &&
      node.arguments[0] &&
      node.arguments[0].type !== AST_NODE_TYPES.SpreadElement
    ) {
      return this.sizeOf(node.arguments[0], 'items', depth + 1);
    }
    // `list.splice(0, 100)`: at most 100, taken off an array (strings have no splice).
    if (name === 'splice') {
      const size = node.arguments[1];
      const count = size && size.type !== AST_NODE_TYPES.SpreadElement ? this.number(size) : null;
      return size && count !== null ? { count, node: size, chunk: true } : null;
    }
    if (name === 'slice') return this.slice(node, object, depth);
    return null;
  }

  /** `list.slice(i, i + 100)` (a chunk of 100) or `list.slice(0, 100)` of a list. */
  private slice(node: TSESTree.CallExpression, object: Node, depth: number): ListSize | null {
    const [start, end] = node.arguments;
    if (!start || !end || start.type === AST_NODE_TYPES.SpreadElement || end.type === AST_NODE_TYPES.SpreadElement) return null;
    const offset = unwrap(end);
    if (offset.type === AST_NODE_TYPES.BinaryExpression && offset.operator === '+') {
      const size = sameValue(offset.left, start) ? offset.right : sameValue(offset.right, start) ? offset.left : null;
      const count = size && this.number(size);
      // A string sliced into a recipient field is one address: only a list chunked in a loop counts.
      if (size && count !== null && count !== undefined && isChunkLoopIndex(start, this.globalScope)) return { count, node: size, chunk: true };
      return null;
    }
    const from = this.number(start);
    const to = this.number(end);
    if (from === null || to === null || to <= from || from < 0) return null;
    const whole = this.sizeOf(object, 'items', depth + 1);
    if (whole && !whole.chunk) return { count: Math.max(0, Math.min(whole.count, to) - from), node: whole.node, chunk: false };
    return null;
  }

  /** The size of each element of a list of chunks: `chunk(list, 100)`, `_.chunk(list, 100)`. */
  private elementSize(node: Node, depth: number): ListSize | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(this.globalScope, value);
      const init = variable && soleValue(variable);
      return init ? this.elementSize(init, depth + 1) : null;
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return null;
    const size = libraryChunk(value, this.globalScope) ? value.arguments[1] : this.isChunkHelper(value.callee) ? value.arguments[1] : undefined;
    const count = size && size.type !== AST_NODE_TYPES.SpreadElement ? this.number(size) : null;
    return size && count !== null ? { count, node: size, chunk: true } : null;
  }

  /** A function of this file named for chunks that slices its list by its size argument. */
  private isChunkHelper(callee: Node): boolean {
    const target = unwrap(callee);
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(this.globalScope, target);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const fn = def?.type === DefinitionType.FunctionName ? def.node : def?.type === DefinitionType.Variable ? def.node.init : null;
    return fn !== null && fn !== undefined && isFunction(fn) && /chunk/i.test(target.name) && this.slicesBySize(fn);
  }

  /** The function slices by its second parameter: `list.slice(i, i + size)` somewhere in its body. */
  private slicesBySize(fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): boolean {
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
      for (const key of this.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (item && typeof item === 'object') stack.push(item as Node);
        } else if (child && typeof child === 'object') {
          stack.push(child as Node);
        }
      }
    }
    return false;
  }

  /** A whole number the expression always has (`100`, `BATCH_SIZE`, `2 * 50`), or null. */
  private number(node: Node): number | null {
    const found = ASTUtils.getStaticValue(node, scopeAt(this.globalScope, node));
    const value = found?.value;
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
  }
}

type Mode = 'items' | 'addresses';

/** The same expression of names, numbers and arithmetic: `i` and `i`, `i * size` and `i * size`. */
function sameValue(a: Node, b: Node): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  if (x.type === AST_NODE_TYPES.Identifier && y.type === AST_NODE_TYPES.Identifier) return x.name === y.name;
  if (x.type === AST_NODE_TYPES.BinaryExpression && y.type === AST_NODE_TYPES.BinaryExpression) {
    return x.operator === y.operator && sameValue(x.left, y.left) && sameValue(x.right, y.right);
  }
  return x.type === AST_NODE_TYPES.Literal && y.type === AST_NODE_TYPES.Literal && x.value === y.value;
}

function fieldName(path: readonly PathSegment[], spec: SendSpec): string {
  return path.length ? path.join('.').replaceAll('.[]', '[]') : `argument ${(spec.arg ?? 0) + 1}`;
}

function countAddresses(text: string): number {
  return text.split(/[,;]/).filter((part) => part.trim() !== '').length;
}

function isUndefined(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}
