import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { PathSegment } from '../../sdks/index.js';
import { scopeAt } from '../flow/ast.js';
import type { FieldEntry, ValueFlow } from '../flow/sources.js';
import type { ParamRef } from './recipients.js';
import type { ProjectModules } from './project.js';

type Node = TSESTree.Node;

/** One place a message field is written. */
export interface FieldWrite {
  /** What a report points at: the `to:` property, the `msg.to = …` assignment, or the value. */
  readonly holder: Node;
  readonly value: Node;
  /** The object literal holding the property, when there is one (for suggestions). */
  readonly object: TSESTree.ObjectExpression | null;
  /** The field was written through a message builder of another module, called here. */
  readonly builder?: { readonly name: string; readonly module: string; readonly call: TSESTree.CallExpression };
}

export interface Lookup {
  readonly writes: FieldWrite[];
  /** Parameters the field is forwarded from: the function is a wrapper for that parameter. */
  readonly forwards: ParamRef[];
  /** False when part of the message could not be seen (an unknown spread, a call result). */
  readonly complete: boolean;
}

export type FlagState = { readonly state: 'absent' | 'unknown' } | { readonly state: 'static'; readonly value: unknown };

/**
 * Reads fields out of message objects, over the file's value query: object literals, variables
 * holding them, later writes (`msg.to = list`), spreads, queues, local builders, and the message
 * builders of the project's own modules.
 */
export class MessageReader {
  constructor(
    /** The file's value query. */
    readonly flow: ValueFlow,
    /** Message builders exported by the project's own modules; absent when other modules are not read. */
    private readonly project: ProjectModules | null = null,
  ) {}

  read(message: Node, path: readonly PathSegment[]): Lookup {
    const entries = this.flow.read(message, path);
    // Only writes (a field of an object literal, the common case): they are the lookup's writes as they are.
    if (entries.every((entry) => entry.kind === 'write')) return { writes: entries, forwards: NO_FORWARDS, complete: true };
    const lookup: MutableLookup = { writes: [], forwards: [], complete: true };
    this.collect(entries, lookup);
    return lookup;
  }

  /** The state of a flag such as `isMultiple` or `message.preserve_recipients`. */
  flag(message: Node, path: readonly PathSegment[]): FlagState {
    const { writes, forwards, complete } = this.read(message, path);
    if (writes.length === 0) return complete && forwards.length === 0 ? { state: 'absent' } : { state: 'unknown' };
    const values = writes.map((w) => ASTUtils.getStaticValue(w.value, scopeAt(this.flow.globalScope, w.value)));
    if (values.some((v) => v === null) || forwards.length) return { state: 'unknown' };
    const first = values[0]!.value;
    return values.every((v) => v!.value === first) ? { state: 'static', value: first } : { state: 'unknown' };
  }

  private collect(entries: readonly FieldEntry[], out: MutableLookup): void {
    for (const entry of entries) {
      switch (entry.kind) {
        case 'write':
          out.writes.push({ holder: entry.holder, value: entry.value, object: entry.object });
          break;
        case 'parameter':
          // The function is a wrapper for that parameter: its callers decide.
          out.forwards.push({ fn: entry.fn, index: entry.index, path: entry.path });
          break;
        case 'value':
          // `new Message()`: a message object filled in later, whose writes are read through its variable.
          if (entry.node.type === AST_NODE_TYPES.NewExpression) break;
          if (entry.node.type !== AST_NODE_TYPES.CallExpression || !this.built(entry.node, entry.path, out)) out.complete = false;
          break;
        default:
          out.complete = false;
      }
    }
  }

  /**
   * `send(newPostEmail(event, emails))` with the builder in another module: its summary says which
   * argument each field is taken from. False when the call is no such builder.
   */
  private built(call: TSESTree.CallExpression, path: readonly PathSegment[], out: MutableLookup): boolean {
    const built = this.project?.returnedField(call, path);
    if (!built) return false;
    if (!built.complete) out.complete = false;
    const before = out.writes.length;
    for (const param of built.params) {
      const argument = call.arguments[param.index];
      if (!argument || call.arguments.slice(0, param.index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) {
        out.complete = false;
        continue;
      }
      const complete = this.flow.within(false, () => {
        this.collect(this.flow.read(argument, param.path), out);
        return true;
      });
      if (!complete) out.complete = false;
    }
    const builder = { name: built.name, module: built.module, call };
    for (let i = before; i < out.writes.length; i++) out.writes[i] = { ...out.writes[i]!, builder: out.writes[i]!.builder ?? builder };
    return true;
  }
}

type MutableLookup = { writes: FieldWrite[]; forwards: ParamRef[]; complete: boolean };
const NO_FORWARDS = Object.freeze([]) as unknown as ParamRef[];
