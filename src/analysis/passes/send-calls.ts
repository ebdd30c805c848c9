import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ScopeType } from '../../util/scope-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { MessageSpec, SdkSpec, SendSpec } from '../../sdks/index.js';
import { CALLEE_NAMES, dispatchPatterns, recipientPaths } from '../../sdks/indexes.js';
import { type FunctionNode, propertyName, unwrap, variableOf } from '../flow/ast.js';
import { enclosingNamedFunction, functionName } from '../flow/functions.js';
import { iteratesWithin } from '../flow/loops.js';
import type { KindRef } from '../model/kinds.js';
import { HttpSends } from '../model/http.js';
import { isList } from '../model/recipients.js';
import { TypeInfo } from '../model/type-info.js';
import { own } from '../../util/own.js';
import { type Exposures, individualByArgument, type VisibleField } from './exposures.js';
import type { FileModel } from './file-model.js';
import type { ExportedSender } from './summary-types.js';
import type { MailCall, MutableMailCall } from './types.js';

/**
 * The sends pass: every call of the file proven to send mail (an SDK's send methods, a provider's
 * HTTP endpoint, an export of a project module that sends, a function of this file that sends),
 * with what makes one call reach many recipients, throttle or queue. Each send's message goes to
 * the exposures pass.
 */

type Node = TSESTree.Node;

const httpSends = new HttpSends();

export class SendCalls {
  readonly calls: MailCall[] = [];
  /** The nodes of `calls`, indexed when first asked (`isCall`): most files never ask of most of their sends. */
  private readonly callNodes = new Set<Node>();
  private indexed = 0;
  /** `calls` and the file's call nodes by where they start, for the sends inside a function (`inside`). */
  private sortedCalls: { readonly call: MailCall; readonly order: number }[] | undefined;
  private sortedCallNodes: (TSESTree.CallExpression | TSESTree.NewExpression)[] | undefined;
  private readonly throttledClients = new Map<KindRef, boolean>();

  constructor(
    private readonly file: FileModel,
    private readonly exposures: Exposures,
  ) {}

  /** An SDK call: a send, a setter of a message builder, or a call of an HTTP client. */
  mailCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    // `list.map(…)`, `console.log(…)`: a method no SDK or HTTP client has is no send.
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !CALLEE_NAMES.has(propertyName(callee) ?? '')) return;
    const target = this.file.resolver.kindOf(node.callee);
    const spec = target && target.sdk.kinds[target.kind];
    if (!target || !spec) {
      if (node.type === AST_NODE_TYPES.CallExpression) this.httpCall(node);
      if (node.type === AST_NODE_TYPES.CallExpression && !this.isCall(node)) this.patternCall(node);
      return;
    }
    let send: SendSpec | undefined;
    let method: string;
    if (node.type === AST_NODE_TYPES.NewExpression) {
      if (target.member !== undefined) return;
      send = spec.constructSend;
      method = `new ${calleeName(node.callee)}`;
    } else if (target.member !== undefined) {
      const setterField = own(spec.setters, target.member);
      if (setterField) {
        this.exposures.setterCall(node, target.sdk, spec.message, setterField);
        return;
      }
      send = own(spec.sends, target.member);
      method = target.member;
    } else {
      send = spec.callSend;
      method = calleeName(node.callee);
    }
    if (!send) {
      // An HTTP client library (`axios.post(url, body)`) resolves to a kind that sends nothing itself.
      if (node.type === AST_NODE_TYPES.CallExpression) this.httpCall(node);
      return;
    }
    this.send(node, target.sdk, send, method, node.arguments[send.arg ?? 0], this.isThrottled(target));
  }

  /** `fetch('https://api.resend.com/emails', { body: JSON.stringify(message) })` and the like. */
  private httpCall(node: TSESTree.CallExpression): void {
    const found = httpSends.match(node, this.file.resolver, this.file.globalScope);
    if (!found) return;
    const { message, batch, bulk } = found.endpoint;
    const send: SendSpec = { message, ...(batch ? { batch } : {}), ...(bulk ? { bulk } : {}) };
    this.send(node, found.sdk, send, found.method, found.body, false);
  }

  /**
   * `seneca.act({ role: 'mail', cmd: 'send', to, subject })`: a dispatch to an action an SDK
   * registers (seneca-mail), the dispatched object its message; unless the file registers a
   * handler of its own for it.
   */
  private patternCall(node: TSESTree.CallExpression): void {
    const { dispatch } = this.file.callSites;
    const fields = dispatch.fieldsOf(node);
    if (!fields || dispatch.handlersOf(node).length > 0) return;
    const found = dispatchPatterns.find((p) => [...p.fields].every(([k, v]) => fields.get(k) === v));
    if (found) this.send(node, found.sdk, { message: found.pattern.message }, 'act', node.arguments[0], false);
  }

  private send(node: TSESTree.CallExpression | TSESTree.NewExpression, sdk: SdkSpec, send: SendSpec, method: string, argument: Node | undefined, throttled: boolean): void {
    const { reader, classifier } = this.file;
    const message = sdk.messages[send.message];
    const usable = message && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : null;
    const batch = usable && (send.batch ?? (send.acceptsArray && isArrayValue(usable) ? ['[]'] : undefined));
    const messages = !usable ? [] : batch ? reader.read(usable, batch).writes.map((w) => w.value) : [usable];
    const known = Boolean(send.batch || send.individual || send.bulk) || individualByArgument(this.file, node, send);
    const call: MutableMailCall = { node, sdk, method, spec: send, batch: known, throttled, queued: Boolean(send.queued), parallelArray: null, iteration: undefined };
    this.add(call);
    if (!usable || !message) return;
    if (send.acceptsArray && isArrayValue(usable) && classifier.classify(usable).kind !== 'fixed') {
      call.parallelArray = usable;
    }
    const written = messages.map((messageNode) => this.exposures.checkMessage(sdk, call, message, messageNode, send));
    // Whether one call reaches many recipients (then a loop around it is a loop over chunks): every
    // send is asked (the loop checks), so it is answered here, from what the exposures pass read.
    if (!known) call.batch = messages.some((messageNode, i) => this.reachesMany(message, messageNode, written[i]!));
  }

  private add(call: MailCall): void {
    this.calls.push(call);
  }

  /** Whether a node is one of the sends found so far. */
  isCall(node: Node): boolean {
    for (; this.indexed < this.calls.length; this.indexed++) this.callNodes.add(this.calls[this.indexed]!.node);
    return this.callNodes.has(node);
  }

  /**
   * Does one message reach a list of recipients: a list in any recipient field, visible or hidden
   * (`bcc`), or a list of per-recipient entries (`personalizations`, `messageVersions`,
   * `Messages`, `recipients`)? Then a loop around the send is a loop over chunks.
   */
  private reachesMany(message: MessageSpec, messageNode: Node, visibleFields: readonly VisibleField[]): boolean {
    const { reader, classifier } = this.file;
    const paths = recipientPaths(message);
    for (let i = 0; i < paths.length; i++) {
      // A visible field as the exposures pass read it (`to`, `cc`): not read or classified a second time.
      const visible = visibleFields[visibleIndex(message, i)];
      if (visible === true) return true;
      if (visible) {
        for (const w of visible) if (classifier.declaresList(w.value)) return true;
        continue;
      }
      for (const w of reader.read(messageNode, paths[i]!).writes) {
        if (isList(classifier.classify(w.value)) || classifier.declaresList(w.value)) return true;
      }
    }
    return false;
  }

  /** `await deliver(user)` where `deliver`, an export of a project module, sends: a send, for the loop checks. */
  importedSender(
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    sender: ExportedSender,
    label: string,
    callback?: TSESTree.Identifier | TSESTree.MemberExpression,
  ): void {
    // `sendBulk(chunk)`: an argument that is itself a list of recipients makes one call reach many.
    const carriesList = !callback && node.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && isList(this.file.classifier.classify(a)));
    this.add({
      node,
      sdk: sender.sdk,
      method: label,
      spec: null,
      wrapper: label,
      batch: sender.batch || carriesList,
      throttled: sender.throttled,
      queued: sender.queued,
      parallelArray: null,
      ...(callback ? { callback } : {}),
    });
  }

  /**
   * Functions of this file that send mail are sends too, where they are called: a loop over
   * `sendWelcome(user)` sends one message per user. Followed a few calls deep.
   */
  senderWrappers(): void {
    const { callSites } = this.file;
    let frontier: MailCall[] = [...this.calls];
    for (let depth = 0; depth < 4 && frontier.length; depth++) {
      const byFunction = new Map<FunctionNode, MailCall[]>();
      for (const call of frontier) {
        const fn = enclosingNamedFunction(call.node);
        if (!fn) continue;
        const calls = byFunction.get(fn);
        if (calls) calls.push(call);
        else byFunction.set(fn, [call]);
      }
      const next: MailCall[] = [];
      for (const [fn, inner] of byFunction) {
        // A handler is called by the name it is registered under (`bus.emit('welcome', user)`).
        const name = functionName(fn) ?? callSites.dispatch.labelOf(fn);
        if (!name) continue;
        const uses: [TSESTree.CallExpression, TSESTree.Identifier | undefined][] = [
          ...callSites.callsOf(fn).map((c): [TSESTree.CallExpression, undefined] => [c, undefined]),
          ...callSites.passedAsCallback(fn),
          ...callSites.dispatch.dispatchesOf(fn).map((c): [TSESTree.CallExpression, undefined] => [c, undefined]),
        ];
        // A function called nowhere in view (an export, a handler of another module) is no send here: its sends are not summed up.
        if (uses.length === 0) continue;
        const asOne = this.asOneSend(fn, inner);
        for (const [callNode, callback] of uses) {
          if (this.isCall(callNode)) continue;
          const call: MailCall = {
            node: callNode,
            sdk: inner[0]!.sdk,
            method: name,
            spec: null,
            wrapper: name,
            ...asOne,
            parallelArray: null,
            ...(callback ? { callback } : {}),
          };
          this.add(call);
          next.push(call);
        }
      }
      frontier = next;
    }
  }

  /** The sends inside a function, as one: a call of it sends with their SDK. */
  senderFacts(fn: FunctionNode): ExportedSender | null {
    if (this.sortedCalls?.length !== this.calls.length) this.sortedCalls = byStart(this.calls.map((call, order) => ({ call, order })), (c) => c.call.node);
    // In the order the sends were found, as a scan of `calls` would give them.
    const inner = inside(this.sortedCalls, fn, (c) => c.call.node)
      .sort((a, b) => a.order - b.order)
      .map((c) => c.call);
    return inner.length ? { sdk: inner[0]!.sdk, ...this.asOneSend(fn, inner) } : null;
  }

  /**
   * A function's sends, as one send where it is called: a batch when it loops over its own sends
   * or each reaches many; throttled when each is; queued when each is, or when the function hands
   * messages to a queue of the module (`queue.push(message)`) that something else drains at its
   * own pace (HGNRest's emailSender, whose workers pause after every send).
   */
  private asOneSend(fn: FunctionNode, inner: readonly MailCall[]): Pick<MailCall, 'batch' | 'throttled' | 'queued'> {
    const loopsItself = inner.some((c) => this.file.iterations.perElement(c, []) !== null || iteratesWithin(c.node, fn));
    return {
      batch: loopsItself || inner.every((c) => c.batch),
      throttled: inner.every((c) => c.throttled),
      queued: inner.every((c) => c.queued) || this.enqueues(fn),
    };
  }

  /** Does the function push onto an array of the module (not one of its own)? */
  private enqueues(fn: FunctionNode): boolean {
    this.sortedCallNodes ??= byStart(this.file.collected.callNodes, (node) => node);
    return inside(this.sortedCallNodes, fn, (node) => node).some((node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
      const name = propertyName(callee);
      if (name !== 'push' && name !== 'unshift') return false;
      const scope = variableOf(this.file.globalScope, callee.object)?.scope.type;
      return scope === ScopeType.module || scope === ScopeType.global;
    });
  }

  /** The client was created with options that queue and throttle its sends; read once per client (every send asks). */
  isThrottled(target: KindRef): boolean {
    let known = this.throttledClients.get(target);
    if (known === undefined) this.throttledClients.set(target, (known = this.throttledAt(target, 0)));
    return known;
  }

  private throttledAt(target: KindRef, depth: number): boolean {
    const { reader, resolver } = this.file;
    // Exported by another module of the project: its summary read the options where it was created.
    if (target.imported) return target.imported.throttled;
    const condition = target.sdk.kinds[target.kind]?.throttledWhen;
    if (condition && target.typedOrigin !== undefined) {
      // Placed by its type: read the creating call in the other module, if it is in view.
      const origin = target.typedOrigin;
      if (!origin) return true; // created out of view: it may be pooled, so stay silent
      return condition.options.every(({ path, equals }) => {
        const option = TypeInfo.option(origin, condition.arg, path);
        return option !== null && (equals === undefined ? option.value !== false : option.value === equals);
      });
    }
    const options = condition && target.origin?.arguments[condition.arg];
    if (!condition || !options || options.type === AST_NODE_TYPES.SpreadElement) return false;
    // `createTransport(config.smtp)` with options from another module: they may pool, so stay silent.
    if (reader.flow.sources(options).some((source) => source.kind === 'import')) return true;
    const byOptions = condition.options.every(({ path, equals }) => {
      const state = reader.flag(options, path);
      if (state.state !== 'static') return false;
      return equals === undefined ? state.value !== undefined && state.value !== false : state.value === equals;
    });
    if (byOptions || !condition.via || depth > 2) return byOptions;
    return reader.read(options, condition.via).writes.some((write) => {
      const inner = resolver.kindOf(write.value);
      return inner !== null && this.throttledAt(inner, depth + 1);
    });
  }
}

/** Which of the message's visible fields the `index`th of its recipient paths is (-1: none), made once per message. */
function visibleIndex(message: MessageSpec, index: number): number {
  let indexes = visibleIndexes.get(message);
  if (!indexes) visibleIndexes.set(message, (indexes = recipientPaths(message).map((path) => message.visible.findIndex((field) => field.path === path))));
  return indexes[index]!;
}
const visibleIndexes = new WeakMap<MessageSpec, readonly number[]>();

/** `items` ordered by where their node starts. */
function byStart<T>(items: readonly T[], nodeOf: (item: T) => Node): T[] {
  return [...items].sort((a, b) => nodeOf(a).range[0] - nodeOf(b).range[0]);
}

/**
 * The items of `sorted` (ordered by `byStart`) whose node is inside `fn`, found by binary search:
 * a module of thousands of send wrappers asks once per function, and must not scan every call each time.
 */
function inside<T>(sorted: readonly T[], fn: FunctionNode, nodeOf: (item: T) => Node): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (nodeOf(sorted[mid]!).range[0] < fn.range[0]) low = mid + 1;
    else high = mid;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length && nodeOf(sorted[i]!).range[0] < fn.range[1]; i++) {
    if (within(nodeOf(sorted[i]!), fn)) found.push(sorted[i]!);
  }
  return found;
}

export function within(node: Node, fn: FunctionNode): boolean {
  return node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1];
}

/** An array literal, or an array built with `.map()`: a batch of messages where one is also allowed. */
function isArrayValue(node: Node): boolean {
  const value = unwrap(node);
  return (
    value.type === AST_NODE_TYPES.ArrayExpression ||
    (value.type === AST_NODE_TYPES.CallExpression &&
      value.callee.type === AST_NODE_TYPES.MemberExpression &&
      (propertyName(value.callee) === 'map' || propertyName(value.callee) === 'flatMap'))
  );
}

function calleeName(callee: Node): string {
  const value = unwrap(callee);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) return propertyName(value) ?? 'call';
  return 'call';
}
