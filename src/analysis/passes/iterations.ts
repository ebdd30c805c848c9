import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { IterationSpec } from '../../sdks/index.js';
import { isFunction, propertyName, unwrap, scopeAt, variableOf } from '../flow/ast.js';
import { isGlobal, isGlobalMember } from '../flow/globals.js';
import { ARRAY_CALLBACKS, awaitsIn, dependsOn, inLoopBody, isIndexVariable, isLoop, type Loop, stepsByOne } from '../flow/loops.js';
import type { ValueFlow } from '../flow/sources.js';
import { elementBinding, takenFrom } from '../flow/values.js';
import type { MailCall, PerElement } from './types.js';
import type { MessageReader } from '../model/messages.js';
import type { ParamRef, RecipientClassifier } from '../model/recipients.js';
import { kindSpec, type ValueResolver } from '../model/clients.js';
import { own } from '../../util/own.js';

type Node = TSESTree.Node;

/** A loop bounded by a literal this small is a retry loop, not iteration over data. */
const MAX_RETRY_BOUND = 10;


/**
 * Decides whether a send runs once per element of a data-driven collection. It looks only at the
 * ancestors of the call (no code-path analysis), so it works under oxlint's plugin host too.
 */
export class IterationAnalysis {
  private readonly flow: ValueFlow;
  private readonly globalScope: ValueFlow['globalScope'];
  /** Whether each loop body awaits a pause, answered once per body. */
  private readonly pauses = new Map<Node, boolean>();
  /** Whether each loop runs once per element of data, answered once per loop. */
  private readonly loopsOverData = new Map<Loop, boolean>();
  /** The parameter behind each loop's collection (`parameterOf`), answered once per collection. */
  private readonly parameters = new Map<Node, ParamRef | null>();
  /** Loops over a parameter that every caller fills with one element at most (passes/loop-callers.ts). */
  private readonly judgedByCallers = new Set<Node>();
  /** One answer per loop, mode and collection, shared by the sends of the loop. */
  private readonly repeats = new Map<Node, PerElement[]>();

  constructor(
    private readonly resolver: ValueResolver,
    private readonly classifier: RecipientClassifier,
    private readonly reader: MessageReader,
  ) {
    this.flow = reader.flow;
    this.globalScope = this.flow.globalScope;
  }

  /**
   * The iteration `call` runs in, or null when it runs once, in a retry loop, over a fixed list,
   * under a concurrency limit, or in a function whose callers decide (they are calls too).
   * `throttlingFunctions` are the user's own helpers that bound concurrency, by name.
   */
  perElement(call: MailCall, throttlingFunctions: readonly string[]): PerElement | null {
    let found: PerElement | null | undefined;
    // With no throttling helpers named (the passes, the rule's default), kept on the call: the
    // passes and the rule each ask for every send, and would walk each send's arguments again.
    if (throttlingFunctions.length) found = this.iteration(call, throttlingFunctions);
    else if ((found = call.iteration) === undefined) call.iteration = found = this.iteration(call, throttlingFunctions);
    return found && !this.judgedByCallers.has(found.loop) ? found : null;
  }

  private iteration(call: MailCall, throttlingFunctions: readonly string[]): PerElement | null {
    if (call.callback && call.node.type === AST_NODE_TYPES.CallExpression) {
      // `users.map(sendWelcome)`: the call itself is the iteration, with the wrapper as its callback.
      if (this.isThrottle(call.node, throttlingFunctions)) return null;
      const iteration = this.iterationCall(call.node, call.callback);
      if (!iteration || iteration === 'bounded') return null;
      if (iteration.collection && this.classifier.classify(iteration.collection).kind === 'fixed') return null;
      return this.repeat(call.node, iteration.sequential ? 'sequential' : 'parallel', iteration.collection);
    }
    let awaited = false;
    /** The delays of timers the send waits for on its way up (`setTimeout(send, i * ms)`, `delay(i * ms).then(send)`). */
    const delays: Node[] = [];
    let child: Node = call.node;
    for (let node: Node | undefined = call.node.parent; node; child = node, node = node.parent) {
      if (node.type === AST_NODE_TYPES.AwaitExpression) awaited = true;
      if (isLoop(node) && inLoopBody(node, child)) {
        if (!this.iteratesData(node) || !dependsOn(call.node, node, this.globalScope)) return null;
        if (staggered(delays, node, this.globalScope)) return null;
        // `await client.send(cmd)` after `const cmd = new SendEmailCommand(…)`: the body waits.
        const sequential =
          (node.type === AST_NODE_TYPES.ForOfStatement && node.await) || awaited || awaitsIn(node.body);
        // `await sleep(1000)` every turn: the loop sends at a pace it sets itself.
        if (sequential && this.pausesIn(node.body)) return null;
        return this.repeat(node, sequential ? 'sequential' : 'parallel', loopCollection(node));
      }
      if (!isFunction(node)) continue;
      delays.push(...this.awaitedDelays(node.body));
      const caller = node.parent;
      if (caller?.type !== AST_NODE_TYPES.CallExpression || !caller.arguments.some((a) => a === node)) return null;
      if (this.isThrottle(caller, throttlingFunctions)) return null;
      const delay = this.timerDelay(caller, node);
      if (delay) delays.push(delay);
      const iteration = this.iterationCall(caller, node);
      if (iteration === 'bounded') return null;
      if (iteration) {
        if (staggered(delays, node, this.globalScope)) return null;
        if (iteration.collection && this.classifier.classify(iteration.collection).kind === 'fixed') return null;
        if (!dependsOn(call.node, node, this.globalScope)) return null;
        // `for (…) { await Promise.allSettled(batch.map(send)); await sleep(ms); }`: one chunk at a time.
        if (!iteration.sequential && iteration.collection && isChunk(iteration.collection, this.flow) && inWaitingLoop(caller)) return null;
        return this.repeat(caller, iteration.sequential ? 'sequential' : 'parallel', iteration.collection);
      }
      // Any other callback (`new Promise(…)`, `retry(() => …)`) runs where it is written: go on up.
    }
    return null;
  }

  private repeat(loop: Node, mode: PerElement['mode'], collection: Node | null): PerElement {
    let known = this.repeats.get(loop);
    if (!known) this.repeats.set(loop, (known = []));
    let found = known.find((r) => r.mode === mode && r.collection === collection);
    if (!found) known.push((found = { loop, mode, collection }));
    return found;
  }

  /**
   * The parameter whose elements a loop's collection holds: `for (const u of users)` in
   * `function notify(users)`, and the same through `users.filter(…)`, `[...users]` or a schema's
   * `Schema.parse(users)`. Its callers decide how many elements it has.
   */
  parameterOf(collection: Node): ParamRef | null {
    let param = this.parameters.get(collection);
    if (param === undefined) {
      const list = this.classifier.classify(collection);
      this.parameters.set(collection, (param = list.kind === 'parameter' ? list.param : this.classifier.parameterBehind(collection)));
    }
    return param;
  }

  /** Every caller of the function fills the loop's parameter with one element at most: it is no loop over recipients. */
  judgeByCallers(loop: Node): void {
    this.judgedByCallers.add(loop);
  }

  /** Does the loop run once per element of data (not a retry counter, a fixed list or a chunk step)? */
  private iteratesData(loop: Loop): boolean {
    // Asked once per send in the loop: answered once per loop.
    let known = this.loopsOverData.get(loop);
    if (known === undefined) this.loopsOverData.set(loop, (known = this.loopOverData(loop)));
    return known;
  }

  private loopOverData(loop: Loop): boolean {
    switch (loop.type) {
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        return this.classifier.classify(loop.right).kind !== 'fixed';
      case AST_NODE_TYPES.ForStatement:
        return this.indexLoopOverData(loop);
      default:
        return false; // `while` loops: what they iterate is not in view
    }
  }

  /**
   * `for (let i = 0; i < users.length; i++)` and its count-down twin: bounded by data, one element
   * a turn. A loop whose start and end are small literals is a retry loop.
   */
  private indexLoopOverData(loop: TSESTree.ForStatement): boolean {
    if (!loop.test || loop.test.type !== AST_NODE_TYPES.BinaryExpression) return false;
    if (!['<', '<=', '>', '>=', '!=='].includes(loop.test.operator)) return false;
    if (loop.update && !stepsByOne(loop.update)) return false; // `i += 100`: a loop over chunks
    const bounds: Node[] = [loop.test.left, loop.test.right].filter((side) => !isIndexVariable(unwrap(side), loop));
    if (loop.init?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of loop.init.declarations) if (declarator.init) bounds.push(declarator.init);
    }
    return bounds.some((bound) => this.dataBound(bound));
  }

  /** `users.length`, `users.length - 1`, `count`: a bound that comes from data, not a small literal. */
  private dataBound(bound: Node): boolean {
    // The terms of `a + b - 1`, read with a stack: a generated bound may be thousands of terms long.
    const terms: Node[] = [bound];
    while (terms.length) {
      const inner = unwrap(terms.pop()!);
      if (inner.type === AST_NODE_TYPES.BinaryExpression) {
        terms.push(inner.right, inner.left);
        continue;
      }
      if (this.dataTerm(inner)) return true;
    }
    return false;
  }

  private dataTerm(inner: Node): boolean {
    const value = ASTUtils.getStaticValue(inner, scopeAt(this.globalScope, inner));
    if (value && typeof value.value === 'number') return value.value > MAX_RETRY_BOUND;
    if (inner.type === AST_NODE_TYPES.MemberExpression && propertyName(inner) === 'length') {
      return this.classifier.classify(inner.object).kind !== 'fixed';
    }
    return inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression || inner.type === AST_NODE_TYPES.CallExpression;
  }

  /** A call that runs `fn` once per element: an array method, `Array.from`, or a library's mapper. */
  private iterationCall(
    caller: TSESTree.CallExpression,
    fn: Node,
  ): { collection: Node | null; sequential: boolean } | 'bounded' | null {
    const callee = unwrap(caller.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(callee);
      const method = name === null ? undefined : own(ARRAY_CALLBACKS, name);
      if (method && caller.arguments[0] === fn) return { collection: callee.object, sequential: method.sequential };
      if (isGlobalMember(this.globalScope, callee, 'Array', 'from') && caller.arguments[1] === fn) {
        return { collection: caller.arguments[0] ?? null, sequential: false };
      }
    }
    const library = this.resolver.kindOf(callee);
    if (!library) return null;
    const spec: IterationSpec | undefined =
      library.member !== undefined
        ? library.sdk.kinds[library.kind]?.iteratingMethods?.[library.member]
        : kindSpec(library)?.iterates;
    if (!spec || caller.arguments[spec.callback] !== fn) return null;
    if (spec.concurrency) {
      const options = caller.arguments[spec.concurrency.arg];
      const limit = options && this.reader.flag(options, spec.concurrency.path);
      if (limit?.state === 'static' && typeof limit.value === 'number' && Number.isFinite(limit.value)) {
        return 'bounded';
      }
    }
    return { collection: caller.arguments[spec.collection] ?? null, sequential: spec.sequential ?? false };
  }

  /**
   * Does the loop body wait for a timer on every turn: `await new Promise((r) => setTimeout(r, ms))`,
   * a local function that returns such a promise (`await sleep(1000)`), or `setTimeout` from
   * `timers/promises` and the delay packages?
   */
  private pausesIn(body: Node): boolean {
    // Asked once per send in the loop: answered once per loop body, so a loop of n sends costs n.
    let known = this.pauses.get(body);
    if (known === undefined) {
      const statements = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
      known = statements.some((statement) => {
        const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
        return expression?.type === AST_NODE_TYPES.AwaitExpression && this.isTimer(expression.argument);
      });
      this.pauses.set(body, known);
    }
    return known;
  }

  private isTimer(node: Node): boolean {
    const value = unwrap(node);
    // `sleep(1000)`, `setTimeout(1000)`, `delay(1000)`: the first argument is the pause, never a
    // message, a list or a callback (`send({ … })` is asked here for every send of a loop body).
    if (value.type === AST_NODE_TYPES.CallExpression && (NO_DELAY.has(value.arguments[0]?.type ?? '') || !this.paces(value.arguments[0]))) return false;
    // What the call returns, through local helpers (`const sleep = (ms) => new Promise(…)`).
    return this.flow.sources(value).some((source) => source.kind === 'value' && source.path.length === 0 && this.timerValue(source.node));
  }

  /** `new Promise((resolve) => setTimeout(resolve, ms))`, or a call of a timer module's export. */
  private timerValue(value: Node): boolean {
    if (value.type === AST_NODE_TYPES.NewExpression) {
      const executor = value.arguments[0];
      const timer = executor !== undefined && isFunction(executor) ? this.setTimeoutCall(executor.body) : null;
      // By name: a pause exempts a loop, and Bluebird's `Promise` or the `timers` module's `setTimeout` pause too.
      return isNamed(value.callee, 'Promise') && timer !== null && this.paces(timer.arguments[1]);
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    return this.flow.sources(value.callee).some((source) => source.kind === 'import' && TIMER_MODULES.has(source.module));
  }

  /** The `setTimeout(…)` call a promise executor makes, if it makes one. */
  private setTimeoutCall(body: Node): TSESTree.CallExpression | null {
    const value = unwrap(body);
    const statements = value.type === AST_NODE_TYPES.BlockStatement ? value.body : [value];
    for (const statement of statements) {
      const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrap(statement.expression) : statement;
      if (expression.type === AST_NODE_TYPES.CallExpression && isNamed(expression.callee, 'setTimeout')) return expression;
    }
    return null;
  }

  /**
   * A pause long enough to pace sends (100 ms or more: ten a second at most), or one set at run
   * time (`delayMs` from configuration), which the code chose deliberately.
   */
  private paces(ms: Node | undefined): boolean {
    if (!ms || ms.type === AST_NODE_TYPES.SpreadElement) return true;
    const value = ASTUtils.getStaticValue(ms, scopeAt(this.globalScope, ms));
    return !value || typeof value.value !== 'number' || value.value >= MIN_PAUSE_MS;
  }

  /**
   * The delay of a timer that runs `fn`: `setTimeout(fn, ms)` (the real one), or
   * `delay(ms).then(fn)` on a promise that resolves after a pause (see `isTimer`).
   */
  private timerDelay(caller: TSESTree.CallExpression, fn: Node): Node | null {
    if (caller.arguments[0] === fn && isGlobal(this.globalScope, caller.callee, 'setTimeout')) return caller.arguments[1] ?? null;
    const callee = unwrap(caller.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'then' || caller.arguments[0] !== fn) return null;
    const promise = unwrap(callee.object);
    return promise.type === AST_NODE_TYPES.CallExpression && this.isTimer(promise) ? (promise.arguments[0] ?? null) : null;
  }

  /** The delays a function body waits for first: `await delay(i * ms);` as one of its statements. */
  private awaitedDelays(body: Node): Node[] {
    if (body.type !== AST_NODE_TYPES.BlockStatement) return [];
    const found: Node[] = [];
    for (const statement of body.body) {
      const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
      const timer = expression?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(expression.argument) : null;
      if (timer?.type === AST_NODE_TYPES.CallExpression && this.isTimer(timer) && timer.arguments[0]) found.push(timer.arguments[0]);
    }
    return found;
  }

  /** `limit(() => send())`, `queue.add(() => send())`, or a helper the user named as throttling. */
  private isThrottle(caller: TSESTree.CallExpression, throttlingFunctions: readonly string[]): boolean {
    const callee = unwrap(caller.callee);
    if (throttlingFunctions.length) {
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression
            ? propertyName(callee)
            : null;
      if (name !== null && throttlingFunctions.includes(name)) return true;
    }
    const library = this.resolver.kindOf(callee);
    if (!library) return false;
    if (library.member !== undefined) {
      return library.sdk.kinds[library.kind]?.boundedMethods?.includes(library.member) ?? false;
    }
    return kindSpec(library)?.runsBounded ?? false;
  }
}


/**
 * A collection that is one chunk of a longer list: an element of a list of lists (`batches[i]`,
 * `for (const batch of batches)`), or a slice.
 */
/** Modules whose default or named export returns a promise that resolves after a delay. */
const TIMER_MODULES = new Set(['timers/promises', 'node:timers/promises', 'delay', 'p-sleep', 'sleep-promise', 'await-sleep', 'timeout-as-promise']);

/** Arguments that are no delay in milliseconds. */
const NO_DELAY: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.TemplateLiteral,
]);

/** A pause shorter than this does not pace a loop of sends. */
const MIN_PAUSE_MS = 100;

/** `users` of `for (const u of users)` and of `for (let i = 0; i < users.length; i++)`. */
function loopCollection(loop: Loop): Node | null {
  // `for (const key in options)`: one turn per key of an object, which one object literal does not bound.
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return loop.right;
  if (loop.type !== AST_NODE_TYPES.ForStatement || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return null;
  for (const side of [loop.test.left, loop.test.right]) {
    const value = unwrap(side);
    if (value.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'length') return value.object;
  }
  return null;
}

function isNamed(node: Node, name: string): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Identifier && value.name === name;
}

function isChunk(collection: Node, flow: ValueFlow): boolean {
  return flow.within(false, () => {
    const value = unwrap(collection);
    if (takenFrom(value)) return true;
    if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(value.callee) === 'slice') return true;
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(flow.globalScope, value);
    if (!variable) return false;
    if (elementBinding(variable)) return true;
    return flow.written(value)?.some((written) => isChunk(written, flow)) ?? false;
  });
}

/**
 * A staggered schedule: a delay that grows with the iteration (`index * 2000`), so each turn's
 * send starts a fixed time after the one before, a pace the code set itself.
 */
function staggered(delays: readonly Node[], iteration: Node, globalScope: ValueFlow['globalScope']): boolean {
  if (delays.length === 0) return false;
  return delays.some((delay) => {
    const value = unwrap(delay);
    return value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '*' && dependsOn(value, iteration, globalScope);
  });
}

/** Is the node in the body of a loop, in the same function, that waits on every turn? */
function inWaitingLoop(node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (isLoop(current) && inLoopBody(current, child)) return awaitsIn(current.body);
  }
  return false;
}
