import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction, propertyName, unwrap, variableOf } from './ast.js';
import { soleValue } from './values.js';

/**
 * Named dispatch: a handler registered under a name or a pattern runs where that name is
 * dispatched on the same receiver. EventEmitter's `bus.on('welcome', fn)` runs at
 * `bus.emit('welcome', user)`; Seneca's `seneca.add({ role: 'mail', cmd: 'send' }, fn)` runs at
 * `seneca.act({ role: 'mail', cmd: 'send', to }, done)`, the registered pattern being the most
 * specific one whose every field the dispatched object has with the same value, on any receiver
 * (Seneca's patterns live on one bus the process shares). Matched only when
 * the name, or every field of the pattern, is statically equal (a literal, a constant holding one,
 * or the same variable); anything else matches nothing.
 */

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Registration methods, and the method that dispatches to what they register. */
const DISPATCHED_BY: ReadonlyMap<string, string> = new Map([
  ['on', 'emit'],
  ['once', 'emit'],
  ['addListener', 'emit'],
  ['prependListener', 'emit'],
  ['prependOnceListener', 'emit'],
  ['add', 'act'],
]);
const DISPATCHERS: ReadonlySet<string> = new Set(DISPATCHED_BY.values());
const NO_HANDLERS: readonly Dispatched[] = Object.freeze([]);

/** An event name, or a pattern's fields by key; each value a static key (see `staticKey`). */
type Name = { readonly kind: 'name'; readonly value: string } | { readonly kind: 'pattern'; readonly fields: ReadonlyMap<string, string> };

interface Registration {
  readonly receiver: object;
  readonly dispatcher: string;
  readonly name: Name;
  /** The handler as written: a function, a name of one, an import or `require()`. */
  readonly handler: Node;
  readonly label: string;
}

export interface Dispatched {
  readonly handler: Node;
  /** The name or pattern, as Seneca writes one (`role:mail,cmd:send`). */
  readonly label: string;
}

export class Dispatches {
  private registrations: Registration[] | undefined;
  private readonly byCall = new Map<Node, readonly Dispatched[]>();
  private handlerCalls: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;
  private readonly variableKeys = new Map<object, number>();

  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly callNodes: () => readonly Call[],
  ) {}

  /** The handlers a dispatch call runs (`bus.emit('welcome', user)`), with the name they were registered under. */
  handlersOf(call: Call): readonly Dispatched[] {
    if (call.type !== AST_NODE_TYPES.CallExpression) return NO_HANDLERS;
    // Most calls are no dispatch (`emit`, `act`) at all: told apart by name, with no entry kept for each.
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !DISPATCHERS.has(propertyName(callee) ?? '')) return NO_HANDLERS;
    let found = this.byCall.get(call);
    if (!found) this.byCall.set(call, (found = this.match(call)));
    return found;
  }

  /** The dispatch calls that run a function of this file registered as a handler. */
  dispatchesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!this.handlerCalls) {
      this.handlerCalls = new Map();
      for (const node of this.callNodes()) {
        for (const { handler } of this.handlersOf(node)) {
          const target = this.localFunction(handler);
          if (!target) continue;
          const calls = this.handlerCalls.get(target) ?? [];
          if (!calls.includes(node as TSESTree.CallExpression)) calls.push(node as TSESTree.CallExpression);
          this.handlerCalls.set(target, calls);
        }
      }
    }
    return this.handlerCalls.get(fn) ?? [];
  }

  /** A dispatch's static fields (`seneca.act({ role: 'mail', cmd: 'send', to })` gives role and cmd), each as a static key. */
  fieldsOf(call: Call): ReadonlyMap<string, string> | null {
    if (call.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'act' || !call.arguments[0]) return null;
    return this.pattern(call.arguments[0], false);
  }

  /**
   * The patterns this file registers with literal values only, and their handlers: what other
   * modules on the same bus can dispatch to (`seneca.add({ role: 'mailer', cmd: 'send' }, send)`).
   */
  literalPatterns(): { readonly fields: ReadonlyMap<string, string>; readonly handler: FunctionNode | null; readonly label: string }[] {
    return this.all().flatMap((r) =>
      r.name.kind === 'pattern' && [...r.name.fields.values()].every(isLiteralKey) ? [{ fields: r.name.fields, handler: this.localFunction(r.handler), label: r.label }] : [],
    );
  }

  /**
   * Where a dispatch's arguments start among its handler's parameters: `bus.emit('welcome', user)`
   * passes `user` as the first, `seneca.act(args, done)` passes the dispatched object itself.
   */
  argumentOffset(call: TSESTree.CallExpression): number {
    const callee = unwrap(call.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'emit' ? 1 : 0;
  }

  /** The name a handler of this file was registered under, for a report. */
  labelOf(fn: FunctionNode): string | null {
    return this.all().find((r) => this.localFunction(r.handler) === fn)?.label ?? null;
  }

  private match(call: TSESTree.CallExpression): readonly Dispatched[] {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
    const method = propertyName(callee);
    if (method === null || !DISPATCHERS.has(method)) return [];
    const receiver = this.receiverOf(callee.object);
    const first = call.arguments[0];
    if (!receiver || !first) return [];
    // An emitter is a value: its listeners are those added to it. Seneca's patterns live on one bus
    // the process shares (a handler's `this` is a delegate of it), so any receiver reaches them.
    const candidates = this.all().filter((r) => r.dispatcher === method && (method === 'act' || r.receiver === receiver));
    if (candidates.length === 0) return [];
    if (method === 'emit') {
      const name = this.staticKey(first);
      return name === null ? [] : candidates.filter((r) => r.name.kind === 'name' && r.name.value === name);
    }
    const sent = this.pattern(first, false);
    if (!sent) return [];
    // Seneca runs the most specific registered pattern that the dispatched object matches.
    const matching = candidates.filter((r) => r.name.kind === 'pattern' && [...r.name.fields].every(([k, v]) => sent.get(k) === v));
    const most = Math.max(0, ...matching.map((r) => (r.name.kind === 'pattern' ? r.name.fields.size : 0)));
    return matching.filter((r) => r.name.kind === 'pattern' && r.name.fields.size === most);
  }

  private all(): Registration[] {
    if (this.registrations) return this.registrations;
    this.registrations = [];
    for (const node of this.callNodes()) {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length < 2) continue;
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const dispatcher = DISPATCHED_BY.get(propertyName(callee) ?? '');
      const receiver = dispatcher && this.receiverOf(callee.object);
      const handler = node.arguments[node.arguments.length - 1]!;
      if (!dispatcher || !receiver || handler.type === AST_NODE_TYPES.SpreadElement) continue;
      const first = node.arguments[0]!;
      if (dispatcher === 'emit') {
        const value = this.staticKey(first);
        if (value !== null) this.registrations.push({ receiver, dispatcher, name: { kind: 'name', value }, handler: unwrap(handler), label: label(value) });
      } else {
        const fields = this.pattern(first, true);
        const text = fields && [...fields].map(([k, v]) => `${k}:${label(v)}`).join(',');
        if (fields && fields.size > 0) this.registrations.push({ receiver, dispatcher, name: { kind: 'pattern', fields }, handler: unwrap(handler), label: text! });
      }
    }
    return this.registrations;
  }

  /** An object literal's static fields; `whole`: null unless every field is static (a registered pattern). */
  private pattern(node: Node, whole: boolean): Map<string, string> | null {
    const value = unwrap(node);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const fields = new Map<string, string>();
    for (const property of value.properties) {
      const key = property.type === AST_NODE_TYPES.Property && !property.computed ? propertyName(property) : null;
      const field = key !== null && property.type === AST_NODE_TYPES.Property ? this.staticKey(property.value) : null;
      if (key === null || field === null) {
        if (whole) return null;
        continue;
      }
      fields.set(key, field);
    }
    return fields;
  }

  /**
   * A key equal for equal static values: a literal's JSON (`"send"`), a constant holding one, or
   * the identity of a variable that is never written again (`{ role: plugin }` in `add` and `act`).
   */
  private staticKey(node: Node, depth = 0): string | null {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Literal) {
      return typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean' ? JSON.stringify(value.value) : null;
    }
    if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0 ? JSON.stringify(value.quasis[0]?.value.cooked ?? '') : null;
    if (value.type !== AST_NODE_TYPES.Identifier || depth > 3) return null;
    const variable = variableOf(this.globalScope, value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== DefinitionType.Variable) return null;
    const init = soleValue(variable);
    if (!init) return null;
    const literal = this.staticKey(init, depth + 1);
    if (literal !== null) return literal;
    let id = this.variableKeys.get(variable);
    if (id === undefined) this.variableKeys.set(variable, (id = this.variableKeys.size));
    return `@${variable.name}#${id}`;
  }

  /** The receiver a registration or a dispatch is made on: a variable, or `this` of one function. */
  private receiverOf(node: Node): object | null {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.Identifier) return variableOf(this.globalScope, value);
    if (value.type !== AST_NODE_TYPES.ThisExpression) return null;
    for (let current: Node | undefined = value.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) return current;
      if (current.type === AST_NODE_TYPES.ClassBody) return current;
    }
    return null;
  }

  /** The function of this file a handler is: written in place, or named by a variable holding one. */
  private localFunction(handler: Node): FunctionNode | null {
    if (isFunction(handler)) return handler;
    if (handler.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = variableOf(this.globalScope, handler);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    const init = variable && def?.type === DefinitionType.Variable ? soleValue(variable) : null;
    const fn = init && unwrap(init);
    return fn && isFunction(fn) ? fn : null;
  }
}

/** `"send"` → `send`; a variable's key → its name. */
function label(key: string): string {
  return key.startsWith('@') ? key.slice(1, key.indexOf('#')) : String(JSON.parse(key));
}

/** A function written as the handler of a registration (`bus.on('welcome', (user) => …)`): it runs where the name is dispatched. */
export function isRegisteredHandler(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length < 2 || call.arguments[call.arguments.length - 1] !== fn) return false;
  const callee = unwrap(call.callee);
  const dispatcher = callee.type === AST_NODE_TYPES.MemberExpression ? DISPATCHED_BY.get(propertyName(callee) ?? '') : undefined;
  // `add` registers a pattern (an object); `queue.add('job', fn)` and its kin are something else.
  return dispatcher === 'emit' || (dispatcher === 'act' && unwrap(call.arguments[0]!).type === AST_NODE_TYPES.ObjectExpression);
}

/** A static key of a literal, not of a variable's identity (which means nothing in another module). */
export function isLiteralKey(key: string): boolean {
  return !key.startsWith('@');
}

/** One text for a pattern, whatever the order of its fields: `cmd="send",role="mail"`. */
export function patternKey(fields: ReadonlyMap<string, string>): string {
  return [...fields].map(([k, v]) => `${k}=${v}`).sort().join(',');
}

/** The fields of a `patternKey`. */
export function patternFields(key: string): Map<string, string> {
  return new Map(key.split(/,(?=[^,=]+=)/).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}
