/**
 * What the code proves about the size of what it hands a provider: the lists in a send's batch,
 * in per-recipient entries and in recipient fields, sized by a chunk (`list.slice(i, i + 100)`,
 * `chunk(list, 100)`) or spelled out, for mail/respect-provider-limits. The limits themselves are
 * SDK data (`SendSpec.maxMessages`, `MessageSpec.limits`); the rule compares.
 *
 * Unknown is silent: a size is only what a literal or a statically resolved constant shows.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { sdks, type Limit, type MessageSpec, type PathSegment, type SdkSpec, type SendSpec } from '../../sdks/index.js';
import { propertyName, pushChildNodes, scopeAt, unwrap } from '../flow/ast.js';
import { getMailAnalysis, type MailCall, perFile } from './sends.js';
import type { MessageReader } from '../model/messages.js';
import { chunkCall, isChunkLoopIndex, sameValue } from '../flow/chunks.js';
import { isGlobalMember } from '../flow/globals.js';
import type { Source, ValueFlow } from '../flow/sources.js';
import { filledArray } from '../flow/values.js';

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
    if (!analysis.file) return { lists: [], unsupported: [] };
    return new LimitPass(analysis.file.reader).run(analysis.calls);
  });
}

/** Methods whose result has one element per element of the array they are called on. */
const SAME_LENGTH = new Set(['map', 'toSorted', 'toReversed', 'sort', 'reverse']);
/** Mutations that make an array shorter than the literal it started as. */
const SHORTENING = new Set(['pop', 'shift', 'splice', 'length']);

class LimitPass {
  private readonly lists: SizedList[] = [];
  private readonly unsupported: UnsupportedUse[] = [];
  private readonly seen = new Set<Node>();

  private readonly flow: ValueFlow;

  constructor(private readonly reader: MessageReader) {
    this.flow = reader.flow;
  }

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
    const size = this.sizeOf(value, mode);
    if (!size || this.seen.has(size.node)) return;
    this.seen.add(size.node);
    this.lists.push({ ...site, size });
  }

  /**
   * The size of a list: `items` counts elements, `addresses` counts the addresses of a recipient
   * field. Of a value with several sources (`c ? team : admins`, a local function's returns), the
   * largest any source proves: that one may be sent. A source of unknown size proves nothing.
   */
  private sizeOf(node: Node, mode: Mode): ListSize | null {
    // A list grown from itself (`list = [...list, x]`) proves no size.
    return this.flow.asking(SIZE[mode], node, null, null, () => largest(this.flow.sources(node).map((source) => this.sourceSize(source, mode))));
  }

  private sourceSize(source: Source, mode: Mode): ListSize | null {
    // `list.pop()`, `list.splice(…)`, `list.length = n` on the way: the literal no longer tells the size.
    if (source.through.some((h) => (h.kind === 'variable' ? shortened(h.variable) : shortenedField(h.cls, h.name)))) return null;
    // `for (const batch of chunk(list, 100))`, `chunks[i]`: one chunk.
    if (source.kind === 'element') return this.chunkSize(source.node);
    if (source.kind !== 'value' || source.path.length) return null;
    const value = source.node;
    switch (value.type) {
      case AST_NODE_TYPES.ArrayExpression: {
        // `const list = ['a']; list.push('b')`: what was pushed counts too, unless a push repeats.
        const holder = source.through.at(-1);
        const filled = holder?.kind === 'variable' ? filledArray(holder.variable) : null;
        if (filled?.literal !== value) return this.arrayLiteral(value, value.elements, mode);
        return filled.repeats ? null : this.arrayLiteral(value, filled.values, mode);
      }
      case AST_NODE_TYPES.Literal:
        return mode === 'addresses' && typeof value.value === 'string' ? { count: countAddresses(value.value), node: value, chunk: false } : null;
      case AST_NODE_TYPES.TemplateLiteral:
        return mode === 'addresses' && value.expressions.length === 0
          ? { count: countAddresses(value.quasis.map((q) => q.value.cooked ?? '').join('')), node: value, chunk: false }
          : null;
      case AST_NODE_TYPES.CallExpression:
        return this.call(value, mode);
      default:
        return null;
    }
  }

  private arrayLiteral(node: TSESTree.ArrayExpression, elements: readonly (TSESTree.Expression | TSESTree.SpreadElement | null)[], mode: Mode): ListSize | null {
    let count = 0;
    let chunk: ListSize | null = null;
    for (const element of elements) {
      if (element?.type === AST_NODE_TYPES.SpreadElement) {
        const spread = this.sizeOf(element.argument, 'items');
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

  private call(node: TSESTree.CallExpression, mode: Mode): ListSize | null {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = propertyName(callee);
    const object = callee.object;
    if (name === null) return null;
    if (SAME_LENGTH.has(name)) return this.sizeOf(object, mode === 'addresses' ? 'items' : mode);
    if (name === 'join') return mode === 'addresses' ? this.sizeOf(object, 'items') : null;
    if (isGlobalMember(this.flow.globalScope, callee, 'Array', 'from') && node.arguments[0] && node.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
      return this.sizeOf(node.arguments[0], 'items');
    }
    // `list.splice(0, 100)`: at most 100, taken off an array (strings have no splice).
    if (name === 'splice') {
      const size = node.arguments[1];
      const count = size && size.type !== AST_NODE_TYPES.SpreadElement ? this.number(size) : null;
      return size && count !== null ? { count, node: size, chunk: true } : null;
    }
    if (name === 'slice') return this.slice(node, object);
    return null;
  }

  /** `list.slice(i, i + 100)` (a chunk of 100) or `list.slice(0, 100)` of a list. */
  private slice(node: TSESTree.CallExpression, object: Node): ListSize | null {
    const [start, end] = node.arguments;
    if (!start || !end || start.type === AST_NODE_TYPES.SpreadElement || end.type === AST_NODE_TYPES.SpreadElement) return null;
    const offset = unwrap(end);
    if (offset.type === AST_NODE_TYPES.BinaryExpression && offset.operator === '+') {
      const size = sameValue(offset.left, start) ? offset.right : sameValue(offset.right, start) ? offset.left : null;
      const count = size && this.number(size);
      // A string sliced into a recipient field is one address: only a list chunked in a loop counts.
      if (size && count !== null && count !== undefined && isChunkLoopIndex(start, this.flow.globalScope)) return { count, node: size, chunk: true };
      return null;
    }
    const from = this.number(start);
    const to = this.number(end);
    if (from === null || to === null || to <= from || from < 0) return null;
    const whole = this.sizeOf(object, 'items');
    if (whole && !whole.chunk) return { count: Math.max(0, Math.min(whole.count, to) - from), node: whole.node, chunk: false };
    return null;
  }

  /** The size of a chunk of a list: `chunk(list, 100)`, `_.chunk(list, 100)`, a local chunking helper. */
  private chunkSize(collection: Node): ListSize | null {
    const value = unwrap(collection);
    const size = value.type === AST_NODE_TYPES.CallExpression ? chunkCall(value, this.flow.globalScope, this.flow.callSites)?.size : undefined;
    const count = size ? this.number(size) : null;
    return size && count !== null ? { count, node: size, chunk: true } : null;
  }

  /** A whole number the expression always has (`100`, `BATCH_SIZE`, `2 * 50`), or null. */
  private number(node: Node): number | null {
    const found = ASTUtils.getStaticValue(node, scopeAt(this.flow.globalScope, node));
    const value = found?.value;
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
  }
}

/** `list.pop()`, `list.splice(…)`, `list.length = n`: the literal no longer tells the size. */
function shortened(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && SHORTENING.has(propertyName(member) ?? '');
  });
}

/** `this.list.pop()` and the like anywhere in the class. */
function shortenedField(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): boolean {
  const stack: Node[] = [cls.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type === AST_NODE_TYPES.MemberExpression &&
      node.object.object.type === AST_NODE_TYPES.ThisExpression &&
      propertyName(node.object) === name &&
      SHORTENING.has(propertyName(node) ?? '')
    ) {
      return true;
    }
    pushChildNodes(node, stack);
  }
  return false;
}

/** The largest of the sizes proven. */
function largest(sizes: readonly (ListSize | null)[]): ListSize | null {
  let found: ListSize | null = null;
  for (const size of sizes) if (size && (!found || size.count > found.count)) found = size;
  return found;
}

type Mode = 'items' | 'addresses';
/** The questions `sizeOf` asks of the value query (see `ValueFlow.asking`), by mode. */
const SIZE: Record<Mode, object> = { items: {}, addresses: {} };

function fieldName(path: readonly PathSegment[], spec: SendSpec): string {
  return path.length ? path.join('.').replaceAll('.[]', '[]') : `argument ${(spec.arg ?? 0) + 1}`;
}

function countAddresses(text: string): number {
  return text.split(/[,;]/).filter((part) => part.trim() !== '').length;
}

function isUndefined(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}
