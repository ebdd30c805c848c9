import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { PathSegment } from '../../sdks/index.js';
import { isFunction, propertyName, returnedExpressions, unwrap, variableOf, scopeAt } from '../flow/ast.js';
import type { ParamRef, RecipientClassifier } from './recipients.js';
import type { CallSites } from '../flow/functions.js';
import type { ProjectModules } from './project.js';
import { assignedValues, elementBinding, filledArray, soleValue, takenFrom } from '../flow/values.js';

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

const MAX_DEPTH = 8;

/** Reads fields out of message objects: object literals, variables holding them, and later writes. */
export class MessageReader {
  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly classifier: RecipientClassifier,
    /** The in-file call graph: messages returned by local functions; without it those are unknown. */
    private readonly callSites: CallSites | null = null,
    /** Message builders exported by the project's own modules; absent when other modules are not read. */
    private readonly project: ProjectModules | null = null,
  ) {}

  read(message: Node, path: readonly PathSegment[]): Lookup {
    const lookup: { writes: FieldWrite[]; forwards: ParamRef[]; complete: boolean } = {
      writes: [],
      forwards: [],
      complete: true,
    };
    this.walk(message, path, { holder: message, object: null }, lookup, 0);
    return lookup;
  }

  /** The state of a flag such as `isMultiple` or `message.preserve_recipients`. */
  flag(message: Node, path: readonly PathSegment[]): FlagState {
    const { writes, forwards, complete } = this.read(message, path);
    if (writes.length === 0) return complete && forwards.length === 0 ? { state: 'absent' } : { state: 'unknown' };
    const values = writes.map((w) => ASTUtils.getStaticValue(w.value, this.scopeOf(w.value)));
    if (values.some((v) => v === null) || forwards.length) return { state: 'unknown' };
    const first = values[0]!.value;
    return values.every((v) => v!.value === first) ? { state: 'static', value: first } : { state: 'unknown' };
  }

  private scopeOf(node: Node): TSESLint.Scope.Scope {
    return scopeAt(this.globalScope, node);
  }

  private walk(
    node: Node,
    path: readonly PathSegment[],
    at: { holder: Node; object: TSESTree.ObjectExpression | null },
    out: { writes: FieldWrite[]; forwards: ParamRef[]; complete: boolean },
    depth: number,
  ): void {
    const value = unwrap(node);
    if (path.length === 0) {
      out.writes.push({ holder: at.holder, value, object: at.object });
      return;
    }
    if (depth > MAX_DEPTH) {
      out.complete = false;
      return;
    }
    const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
    if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
      const list = this.classifier.classify(value);
      if (list.kind === 'parameter') {
        out.forwards.push({ ...list.param, path: [...list.param.path, ...path] });
        return;
      }
    }
    if (head === '[]') {
      for (const element of this.elements(value, depth)) {
        if (element) this.walk(element, rest, { holder: element, object: null }, out, depth + 1);
        else out.complete = false;
      }
      return;
    }
    switch (value.type) {
      case AST_NODE_TYPES.ObjectExpression:
        this.objectProperty(value, head, rest, out, depth);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        // `preview ? { to: editor } : { to: everyone }`: either may be sent.
        this.walk(value.consequent, path, at, out, depth + 1);
        this.walk(value.alternate, path, at, out, depth + 1);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        if (value.operator !== '&&') this.walk(value.left, path, at, out, depth + 1);
        this.walk(value.right, path, at, out, depth + 1);
        return;
      case AST_NODE_TYPES.Identifier: {
        const variable = variableOf(this.globalScope, value);
        if (!variable) {
          out.complete = false;
          return;
        }
        // `for (const next of queue)`, `queue.forEach((next) => send(next))`: one queued message.
        const bound = elementBinding(variable);
        if (bound) {
          if (bound.whole) this.walkElements(bound.collection, path, out, depth + 1);
          else out.complete = false;
          return;
        }
        const values = assignedValues(variable);
        if (!values) {
          out.complete = false;
          return;
        }
        // `let msg = …; if (x) msg = …`: every value it is given may be sent.
        for (const init of values) this.walk(init, path, at, out, depth + 1);
        // Fields written after creation: `msg.to = list`.
        for (const ref of variable.references) {
          const member = ref.identifier.parent;
          const assignment = member?.parent;
          if (
            member?.type === AST_NODE_TYPES.MemberExpression &&
            member.object === ref.identifier &&
            propertyName(member) === head &&
            assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
            assignment.left === member
          ) {
            this.walk(assignment.right, rest, { holder: assignment, object: null }, out, depth + 1);
          }
        }
        return;
      }
      case AST_NODE_TYPES.CallExpression: {
        // `queue.shift()`: a message pushed earlier.
        const taken = takenFrom(value);
        if (taken) {
          this.walkElements(taken, path, out, depth + 1);
          return;
        }
        // `send(newPostEmail(event, emails))` with the builder in another module: its summary says
        // which argument each field is taken from.
        const built = this.project?.returnedField(value, path);
        if (built) {
          if (!built.complete) out.complete = false;
          const before = out.writes.length;
          for (const param of built.params) {
            const argument = value.arguments[param.index];
            if (!argument || value.arguments.slice(0, param.index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) {
              out.complete = false;
              continue;
            }
            this.walk(argument, param.path, { holder: argument, object: null }, out, depth + 1);
          }
          const builder = { name: built.name, module: built.module, call: value };
          for (let i = before; i < out.writes.length; i++) out.writes[i] = { ...out.writes[i]!, builder: out.writes[i]!.builder ?? builder };
          return;
        }
        // `send(build(list))`: what the local function returns; its parameters are forwarded.
        const fn = this.callSites?.localFunction(value.callee);
        const returned = fn ? returnedExpressions(fn) : [];
        if (!returned.length) {
          out.complete = false;
          return;
        }
        for (const expression of returned) this.walk(expression, path, { holder: expression, object: null }, out, depth + 1);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const taken = takenFrom(value);
        if (taken) this.walkElements(taken, path, out, depth + 1);
        else out.complete = false;
        return;
      }
      case AST_NODE_TYPES.NewExpression:
        return; // a message object filled in later; its writes are read through the variable
      default:
        out.complete = false;
    }
  }

  /** Reads the field from each element of an array of messages (a queue, a literal, a `.map()`). */
  private walkElements(
    collection: Node,
    path: readonly PathSegment[],
    out: { writes: FieldWrite[]; forwards: ParamRef[]; complete: boolean },
    depth: number,
  ): void {
    for (const element of this.elements(collection, depth)) {
      if (element) this.walk(element, path, { holder: element, object: null }, out, depth + 1);
      else out.complete = false;
    }
  }

  private objectProperty(
    object: TSESTree.ObjectExpression,
    key: string,
    rest: readonly PathSegment[],
    out: { writes: FieldWrite[]; forwards: ParamRef[]; complete: boolean },
    depth: number,
  ): void {
    // The last write wins, as at run time: a property after a spread overrides it.
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const property = object.properties[i]!;
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const before = out.writes.length;
        this.walk(property.argument, [key, ...rest], { holder: property, object: null }, out, depth + 1);
        if (out.writes.length > before) return;
        continue;
      }
      if (property.computed && propertyName(property) === null) {
        out.complete = false;
        continue;
      }
      if (propertyName(property) !== key) continue;
      this.walk(property.value, rest, { holder: property, object }, out, depth + 1);
      return;
    }
  }

  /** The elements of an array of messages or entries: a literal, or what a `.map()` callback returns. */
  private elements(node: Node, depth: number): (Node | null)[] {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.map((e) => (e && e.type !== AST_NODE_TYPES.SpreadElement ? e : null));
    }
    if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(value.callee);
      const callback =
        name === 'map' || name === 'flatMap'
          ? value.arguments[0]
          : name === 'from' ? value.arguments[1] : undefined;
      if (callback && isFunction(callback)) return returnedExpressions(callback);
      return [null];
    }
    if (value.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
      const variable = variableOf(this.globalScope, value);
      // `const queue = []; queue.push({ to, … })`: what was pushed.
      const filled = variable && filledArray(variable);
      if (filled) return filled.values.map((v) => (v.type === AST_NODE_TYPES.SpreadElement ? null : v));
      const init = variable && soleValue(variable);
      if (init) return this.elements(init, depth + 1);
    }
    return [null];
  }
}
