import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { classField, destructuringPath, type FunctionNode, isFunction, nameOf, parameterProperty, propertyName, returnedExpressions, thisClass, unwrap, variableOf } from './ast.js';
import { chunkCall } from './chunks.js';
import type { CallSites } from './functions.js';
import { isGlobal } from './globals.js';
import { assignedValues, elementBinding, filledArray, memberWrites, takenFrom } from './values.js';
import { moduleName } from '../../util/specifiers.js';

/**
 * The value query: what an expression can evaluate to. `sources(expr)` follows a value through
 * variables and every write to them, destructuring, object spreads, conditionals and logical
 * expressions, `as`/`!`/`satisfies`/`await`, the returns of the file's own functions (their
 * parameters bound to the call's arguments), class fields and `this.x` writes, the elements of
 * loops and iteration callbacks, and queues (`push` then `shift`), down to what it cannot see
 * through: a literal, a record, a call of something else, a parameter, an import, or unknown.
 * No mail knowledge: each model reads the answer for what it cares about (a client, a recipient
 * list, a size, a credential), so every form learned here is learned by every rule.
 *
 * One memo per file (a `ValueFlow` is made once per analysed file) and one depth budget, shared
 * with the models' own recursion through `within`: past it a value is unknown, never a crash.
 */

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * How deep any walk over values goes: hops through variables, calls and fields, and the models'
 * own nesting, all counted together. Deeper is unknown (silent). Far above what real code needs,
 * far below what overflows the stack.
 */
export const MAX_DEPTH = 40;

export type { ElementSource, FieldEntry, Holder, ImportSource, ParameterSource, Source, UnknownSource, ValueSource, Written } from './source-types.js';
export { names } from './source-types.js';
import { dedupe, extend, type FieldEntry, held, type Holder, type ImportSource, names, type ParameterSource, type Source, unknown, value, type ValueSource, written } from './source-types.js';

/** A variable's or an expression's answer while it is being computed: asked again inside it, the value is unknown. */
const ACTIVE: readonly Source[] = Object.freeze([]);

type ThisWrites = Pick<ReadonlyMap<ClassNode, ReadonlyMap<string, readonly TSESTree.Expression[]>>, 'get'>;

/** The path of the value itself, shared: a walk reads a one-key path for every field of every send. */
const NO_PATH: readonly string[] = Object.freeze([]);

/** The question `elementWrites` asks (see `asking`). */
const ELEMENTS = {};

/** Methods that return the elements of the array they are called on (a copy, a part, another order). */
const SAME_ELEMENTS: ReadonlySet<string> = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'concat']);

export class ValueFlow {
  private readonly memo = new Map<Node, readonly Source[]>();
  /** What each variable written with plain assignments holds (`assigned` branch of `identifier`). */
  private readonly assigned = new Map<TSESLint.Scope.Variable, readonly Source[]>();
  /**
   * The answers for a name and for a field of a name (`user`, `user.email`) that are the same at
   * every reference to the variable: made whole (with no cut) and naming no reference. A file
   * that sends to `user.email` thousands of times reads the loop's elements once.
   */
  private readonly byVariable = new Map<TSESLint.Scope.Variable, Map<string | typeof SELF, readonly Source[]>>();
  /** The expressions being answered: a value defined through itself is unknown at the second visit. */
  private readonly active = new Set<Node>();
  private readonly returns = new Map<FunctionNode, readonly TSESTree.Expression[]>();
  /** The values each `asking` question is being answered for, by variable or expression. */
  private readonly asked = new Map<unknown, Set<Node | TSESLint.Scope.Variable>>();
  private depth = 0;
  /**
   * How many answers were cut short so far: asked again inside themselves, or past the depth
   * budget. An answer made with no cut is the same wherever it is asked.
   */
  private cuts = 0;

  constructor(
    readonly globalScope: TSESLint.Scope.Scope,
    /** The in-file call graph: local functions' returns, bound at each call; without it, calls are values. */
    readonly callSites: CallSites | null = null,
    /** `this.name = value` assignments, per class. */
    private readonly thisWrites: ThisWrites | null = null,
  ) {}

  /**
   * `within`, for a question asked of a value by following its parts (its elements, a field, its
   * size): asked again of the same variable or expression inside its own answer (`list =
   * [...list, x]`, `list = list.filter(…)`), it gets `again` and counts a cut. A value written from
   * itself adds nothing new to its own answer; asked again, every such write multiplied the work at
   * every level of the depth budget. `question` names the question (an object, a field's path).
   */
  asking<T>(question: unknown, node: Node, again: T, fallback: T, compute: () => T): T {
    if (!this.enter()) return fallback;
    const target = unwrap(node);
    const at = target.type === AST_NODE_TYPES.Identifier ? (variableOf(this.globalScope, target) ?? target) : target;
    let active = this.asked.get(question);
    if (!active) this.asked.set(question, (active = new Set()));
    try {
      if (active.has(at)) {
        this.cuts++;
        return again;
      }
      active.add(at);
      try {
        return compute();
      } finally {
        active.delete(at);
      }
    } finally {
      this.leave();
    }
  }

  /** Runs `compute` one level deeper in the shared budget, or returns `fallback` past it. */
  within<T>(fallback: T, compute: () => T): T {
    if (!this.enter()) return fallback;
    try {
      return compute();
    } finally {
      this.depth--;
    }
  }

  /**
   * One level deeper in the shared budget, for a model's hot path that makes no closure: false
   * past it (a cut); after true, `leave()` in a `finally`.
   */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      this.cuts++;
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  /** The cuts made so far: the same count before and after an answer (a model's too) means it was made whole. */
  get cutCount(): number {
    return this.cuts;
  }

  /** What `node` can evaluate to. */
  sources(node: Node): readonly Source[] {
    const target = unwrap(node);
    const known = this.memo.get(target);
    if (known) return known;
    // `user`, `user.email`: the variable's answer, when one was made whole.
    const base = nameOf(target);
    const variable = base && variableOf(this.globalScope, base);
    const found = variable ? this.byVariable.get(variable)?.get(fieldKey(target)) : undefined;
    if (found) return found;
    if (this.active.has(target) || this.depth >= MAX_DEPTH) {
      this.cuts++;
      return [unknown(target)];
    }
    const cuts = this.cuts;
    this.active.add(target);
    this.depth++;
    let result: readonly Source[];
    try {
      result = this.compute(target);
    } finally {
      this.active.delete(target);
      this.depth--;
    }
    if (variable && this.cuts === cuts && !names(result, target) && !names(result, base)) {
      let answers = this.byVariable.get(variable);
      if (!answers) this.byVariable.set(variable, (answers = new Map<string | typeof SELF, readonly Source[]>()));
      answers.set(fieldKey(target), result);
    } else {
      this.memo.set(target, result);
    }
    return result;
  }

  /**
   * The answer `sources` gives for a name or a named field when its variable keeps it, without
   * making one: a model can keep its own answer for the shared one (a client's kind, a list's
   * class), with no entry per expression.
   */
  sharedSources(node: Node): readonly Source[] | undefined {
    const target = unwrap(node);
    const base = nameOf(target);
    if (!base || this.memo.has(target)) return undefined;
    const variable = variableOf(this.globalScope, base);
    return variable ? this.byVariable.get(variable)?.get(fieldKey(target)) : undefined;
  }

  /** What the value at `path` inside `node` can evaluate to (`sources` when the path is empty). */
  sourcesAt(node: Node, path: readonly string[]): readonly Source[] {
    if (path.length === 0) return this.sources(node);
    const entries = this.read(node, path);
    if (entries.length === 0) return [unknown(node)]; // no such field
    return dedupe(entries.flatMap((entry) => (entry.kind === 'write' ? this.sources(entry.value) : [entry])));
  }

  /** What one element of a collection can be. */
  elements(collection: Node): readonly Source[] {
    return dedupe(this.elementWrites(collection).flatMap((entry) => (entry.kind === 'write' ? this.sources(entry.value) : [entry])));
  }

  /**
   * Where the field at `path` of a value was written: in object literals (the last write wins,
   * through spreads), by `value.field = …` after it was made, and in each element for `'[]'`.
   * Containers are followed like `sources`; the write is the expression as written there.
   */
  read(node: Node, path: readonly string[]): FieldEntry[] {
    const out: FieldEntry[] = [];
    this.walk(node, path, node, null, out);
    return out;
  }

  /** The elements of a collection, as written (an array literal's items, what was pushed, what a `.map()` callback returns). */
  elementWrites(collection: Node): FieldEntry[] {
    return this.asking(ELEMENTS, collection, [], [unknown(collection)], () => {
      const out: FieldEntry[] = [];
      for (const source of this.sources(collection)) {
        if (source.kind === 'parameter') out.push(extend(source, ['[]']));
        else if (source.kind === 'value' && source.path.length === 0) this.elementsOfValue(source, out);
        else out.push(unknown(source.node));
      }
      return out;
    });
  }

  /**
   * The expressions a plain variable is given, as written (its initialiser and each `x = …`), for a
   * question about the expression itself rather than its value (a condition); null when one write
   * is no plain assignment, or the name is not such a variable.
   */
  written(node: TSESTree.Identifier): readonly TSESTree.Expression[] | null {
    const variable = variableOf(this.globalScope, node);
    return variable && !elementBinding(variable) ? assignedValues(variable) : null;
  }

  /** The arguments the file's calls of a parameter's function pass for it; null when one is hidden by a spread or missing. */
  callArguments(parameter: ParameterSource): Node[] | null {
    if (!this.callSites) return null;
    const args: Node[] = [];
    for (const { call, offset } of this.callSites.invocations(parameter.fn)) {
      const index = parameter.index + offset;
      const argument = call.arguments[index];
      if (!argument || call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
      args.push(argument);
    }
    return args;
  }

  /** The expressions a function returns, read once per function. */
  returnsOf(fn: FunctionNode): readonly TSESTree.Expression[] {
    let returned = this.returns.get(fn);
    if (!returned) this.returns.set(fn, (returned = returnedExpressions(fn)));
    return returned;
  }

  private compute(node: Node): readonly Source[] {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node);
      case AST_NODE_TYPES.ConditionalExpression:
        return dedupe([...this.sources(node.consequent), ...this.sources(node.alternate)]);
      case AST_NODE_TYPES.LogicalExpression: {
        // `a && b` is `b` or a falsy `a`, which no one reads a value from.
        if (node.operator === '&&') return this.sources(node.right);
        // `process.env.KEY || 'dev'`: the right side stands in for the left (the outermost `||` names it).
        const fallbacks = this.sources(node.right).map((s) => ({ ...s, fallbackFor: node.left }));
        return dedupe([...this.sources(node.left), ...fallbacks]);
      }
      case AST_NODE_TYPES.SequenceExpression:
        return this.sources(node.expressions.at(-1)!);
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' ? this.sources(node.right) : [value(node)];
      case AST_NODE_TYPES.MemberExpression:
        return this.member(node);
      case AST_NODE_TYPES.CallExpression:
        return this.call(node);
      default:
        return [value(node)];
    }
  }

  private identifier(node: TSESTree.Identifier): readonly Source[] {
    const variable = variableOf(this.globalScope, node);
    // A global (`undefined`, `process`, `users` declared elsewhere): its name is all there is.
    if (!variable || variable.defs.length === 0) return [value(node)];
    if (variable.defs.length !== 1) return [unknown(node)];
    const holder: Holder = { kind: 'variable', variable };
    const bound = elementBinding(variable);
    // `for (const address of addresses)`, `users.map((u) => …)`: one element, not the list.
    if (bound) return bound.whole ? held(holder, this.elements(bound.collection)) : [unknown(node, [holder])];
    const def = variable.defs[0]!;
    switch (def.type) {
      case DefinitionType.ImportBinding:
        return [this.imported(def, node, holder)];
      case DefinitionType.Parameter:
        return held(holder, this.parameter(def.node, def.name as TSESTree.Identifier));
      case DefinitionType.FunctionName:
      case DefinitionType.ClassName:
        return [value(def.node, [holder])];
      case DefinitionType.Variable: {
        const declarator = def.node;
        const loop = def.parent?.parent;
        if (loop?.type === AST_NODE_TYPES.ForInStatement && loop.left === def.parent) return [unknown(node, [holder])];
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          // `let cc; if (…) cc = admins.map(…); else cc = null;`: any value it is given, read once
          // per variable (each of n references would read n writes); inside its own answer, unknown.
          const known = this.assigned.get(variable);
          if (known === ACTIVE) this.cuts++;
          if (known) return known === ACTIVE ? [unknown(node, [holder])] : known;
          const values = assignedValues(variable);
          if (!values) return [unknown(node, [holder])];
          this.assigned.set(variable, ACTIVE);
          let answer: readonly Source[] = ACTIVE;
          try {
            answer = held(holder, dedupe(values.flatMap((v) => this.sources(v))));
          } finally {
            if (answer === ACTIVE) this.assigned.delete(variable);
            else this.assigned.set(variable, answer);
          }
          return answer;
        }
        // `const { a: { b } } = value`, written once: that part of the value.
        const path = destructuringPath(declarator.id, def.name);
        const writes = variable.references.filter((ref) => ref.isWrite()).length;
        if (!path || !declarator.init || writes > 1) return [unknown(node, [holder])];
        return held(holder, this.sourcesAt(declarator.init, path));
      }
      default:
        return [unknown(node, [holder])];
    }
  }

  private imported(def: TSESLint.Scope.Definition, node: TSESTree.Identifier, holder: Holder): Source {
    if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = def.node.moduleReference;
      if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference || reference.expression.type !== AST_NODE_TYPES.Literal) return unknown(node, [holder]);
      const module = reference.expression.value;
      return typeof module === 'string'
        ? { kind: 'import', node, module, name: 'default', path: [], declaration: def.node, specifier: null, through: [holder] }
        : unknown(node, [holder]);
    }
    const declaration = def.parent;
    const specifier = def.node;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return unknown(node, [holder]);
    if (
      specifier.type !== AST_NODE_TYPES.ImportSpecifier &&
      specifier.type !== AST_NODE_TYPES.ImportDefaultSpecifier &&
      specifier.type !== AST_NODE_TYPES.ImportNamespaceSpecifier
    ) {
      return unknown(node, [holder]);
    }
    const name =
      specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
        ? '*'
        : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? 'default'
          : specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.imported.value;
    return { kind: 'import', node, module: moduleName(declaration.source.value), name, path: [], declaration, specifier, through: [holder] };
  }

  private parameter(fn: Node, name: TSESTree.Identifier): readonly Source[] {
    if (!isFunction(fn)) return [unknown(name)];
    for (const [index, raw] of fn.params.entries()) {
      let pattern: Node = raw.type === AST_NODE_TYPES.TSParameterProperty ? raw.parameter : raw;
      const fallback = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.right : null;
      if (pattern.type === AST_NODE_TYPES.AssignmentPattern) pattern = pattern.left;
      if (pattern.type === AST_NODE_TYPES.RestElement) return [unknown(name)];
      const path = destructuringPath(pattern, name);
      if (path) return [{ kind: 'parameter', node: name, fn, index, path, pattern, fallback, through: [] }];
    }
    return [unknown(name)];
  }

  private member(node: TSESTree.MemberExpression): readonly Source[] {
    if (node.object.type === AST_NODE_TYPES.ThisExpression) return this.field(node);
    // `queue[0]`, `batches[i]`: one element.
    const taken = takenFrom(node);
    if (taken) return this.elements(taken);
    const name = propertyName(node);
    return name === null ? [unknown(node)] : this.sourcesAt(node.object, [name]);
  }

  /** `this.name` in a class: its initialiser, every `this.name = …`, and a constructor parameter property of that name. */
  private field(node: TSESTree.MemberExpression): readonly Source[] {
    const name = propertyName(node);
    const cls = name === null ? null : thisClass(node);
    if (!cls || name === null) return [unknown(node)];
    const holder: Holder = { kind: 'field', cls, name };
    const found: Source[] = [];
    // Written in the class or in a class of the file it extends (`this.client` set by `BaseMailer`).
    for (const owner of this.callSites?.lineage(cls) ?? [cls]) {
      const { field } = classField(owner, name);
      const writes: Node[] = [...(field?.value ? [field.value] : []), ...(this.thisWrites?.get(owner)?.get(name) ?? [])];
      found.push(...writes.flatMap((w) => this.sources(w)));
      const property = parameterProperty(owner, name);
      if (property) found.push(...this.parameter(property.fn, property.name));
    }
    return found.length ? held(holder, dedupe(found)) : [unknown(node, [holder])];
  }

  private call(node: TSESTree.CallExpression): readonly Source[] {
    // `queue.shift()`: one element pushed earlier.
    const taken = takenFrom(node);
    if (taken) return this.elements(taken);
    const required = this.required(node);
    if (required) return [required];
    const fn = this.callSites?.localFunction(node.callee);
    // A chunking helper is a value of its own: each element a chunk of its list.
    if (!fn || chunkCall(node, this.globalScope, this.callSites)) return [value(node)];
    const returned = this.returnsOf(fn);
    if (returned.length === 0) return [unknown(node)];
    const found: Source[] = [];
    for (const expression of returned) {
      for (const source of this.sources(expression)) {
        if (source.kind === 'parameter' && source.fn === fn) found.push(...this.bound(node, source));
        else found.push(source);
      }
    }
    return dedupe(found);
  }

  /** A parameter of the called function, seen through this call: what the call passes (or the default). */
  private bound(call: TSESTree.CallExpression, parameter: ParameterSource): readonly Source[] {
    if (call.arguments.slice(0, parameter.index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return [unknown(call)];
    const argument = call.arguments[parameter.index] ?? parameter.fallback;
    return argument ? this.sourcesAt(argument, parameter.path) : [unknown(call)];
  }

  /** `require('m')` with the real `require`. */
  private required(call: TSESTree.CallExpression): ImportSource | null {
    const [first] = call.arguments;
    if (call.arguments.length !== 1 || first?.type !== AST_NODE_TYPES.Literal || typeof first.value !== 'string') return null;
    if (!isGlobal(this.globalScope, call.callee, 'require')) return null;
    return { kind: 'import', node: call, module: first.value, name: 'default', path: [], declaration: call, specifier: null, through: [] };
  }

  private elementsOfValue(source: ValueSource, out: FieldEntry[]): void {
    const node = source.node;
    const element = (): void => void out.push({ kind: 'element', node, path: [], through: [] });
    switch (node.type) {
      case AST_NODE_TYPES.ArrayExpression: {
        for (const item of node.elements) {
          if (item?.type === AST_NODE_TYPES.SpreadElement) out.push(...this.elementWrites(item.argument));
          else if (item) out.push(written(item));
        }
        // `const queue = []; queue.push(message)`: what was pushed.
        const holder = source.through.at(-1);
        const filled = holder?.kind === 'variable' ? filledArray(holder.variable) : null;
        if (filled?.literal === node) {
          for (const pushed of filled.values.slice(node.elements.filter((e) => e !== null).length)) {
            if (pushed.type === AST_NODE_TYPES.SpreadElement) out.push(...this.elementWrites(pushed.argument));
            else out.push(written(pushed));
          }
        }
        return;
      }
      case AST_NODE_TYPES.NewExpression: {
        // `new Set(list)`: the list's elements.
        const [first] = node.arguments;
        if (first && first.type !== AST_NODE_TYPES.SpreadElement && isGlobal(this.globalScope, node.callee, 'Set')) {
          out.push(...this.elementWrites(first));
        } else element();
        return;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || name === null) return element();
        if (name === 'map' || name === 'flatMap') {
          const callback = this.callback(node.arguments[0]);
          if (!callback) return element();
          for (const returned of this.returnsOf(callback)) {
            const item = unwrap(returned);
            // `flatMap((u) => [a, b])` flattens the arrays it returns; anything else is one element.
            if (name === 'flatMap' && item.type === AST_NODE_TYPES.ArrayExpression) out.push(...this.elementWrites(item));
            else out.push(written(returned));
          }
          return;
        }
        if (SAME_ELEMENTS.has(name)) {
          out.push(...this.elementWrites(callee.object));
          return;
        }
        if (name === 'from' && isGlobal(this.globalScope, callee.object, 'Array')) {
          const [list, mapper] = node.arguments;
          const callback = mapper ? this.callback(mapper) : null;
          if (callback) for (const returned of this.returnsOf(callback)) out.push(written(returned));
          else if (!mapper && list && list.type !== AST_NODE_TYPES.SpreadElement) out.push(...this.elementWrites(list));
          else element();
          return;
        }
        return element();
      }
      default:
        return element();
    }
  }

  /** The function a callback argument is: written there, or a local function passed by name. */
  private callback(argument: Node | undefined): FunctionNode | null {
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
    const fn = unwrap(argument);
    if (isFunction(fn)) return fn;
    const found = this.sources(fn);
    const only = found.length === 1 ? found[0]! : null;
    return only?.kind === 'value' && only.path.length === 0 && isFunction(only.node) && only.node.body ? only.node : null;
  }

  private walk(node: Node, path: readonly string[], holder: Node, object: TSESTree.ObjectExpression | null, out: FieldEntry[]): void {
    const target = unwrap(node);
    if (path.length === 0) {
      out.push({ kind: 'write', holder, value: target, object });
      return;
    }
    // The same field of a name asked again inside its own answer (see `asking`): a variable that
    // spreads its earlier value into its next one (`conf = { ...conf, auth }`, wiki.js's mail.js ran
    // out of memory). Only a name or a field leads back to itself; a literal is walked from one.
    const named = target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression;
    const step = () => (this.step(target, path, holder, object, out), true);
    if (!(named ? this.asking(path.join('\0'), target, true, false, step) : this.within(false, step))) out.push(unknown(target));
  }

  private step(node: Node, path: readonly string[], holder: Node, object: TSESTree.ObjectExpression | null, out: FieldEntry[]): void {
    const head = path[0]!;
    const rest = path.length === 1 ? NO_PATH : path.slice(1);
    if (head === '[]') {
      for (const entry of this.elementWrites(node)) {
        if (entry.kind === 'write') this.walk(entry.value, rest, entry.value, null, out);
        else out.push(extend(entry, rest));
      }
      return;
    }
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        this.property(node, head, rest, out);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        // `preview ? { to: editor } : { to: everyone }`: either may be read.
        this.walk(node.consequent, path, holder, object, out);
        this.walk(node.alternate, path, holder, object, out);
        return;
      case AST_NODE_TYPES.LogicalExpression:
        if (node.operator !== '&&') this.walk(node.left, path, holder, object, out);
        this.walk(node.right, path, holder, object, out);
        return;
      default:
    }
    // A container whose value comes from elsewhere: a variable, a call, a field, an element.
    const variables = new Set<TSESLint.Scope.Variable>();
    for (const source of this.sources(node)) {
      for (const through of source.through) if (through.kind === 'variable') variables.add(through.variable);
      if (source.kind === 'value' && source.path.length === 0 && source.node.type === AST_NODE_TYPES.ObjectExpression) {
        this.property(source.node, head, rest, out);
      } else {
        out.push(extend(source, path));
      }
    }
    // Fields written after the value was made: `msg.to = list`.
    for (const variable of variables) {
      for (const assignment of memberWrites(variable, head)) this.walk(assignment.right, rest, assignment, null, out);
    }
  }

  /** A key of an object literal: the last write wins, as at run time; a later property overrides a spread. */
  private property(object: TSESTree.ObjectExpression, key: string, rest: readonly string[], out: FieldEntry[]): void {
    for (let i = object.properties.length - 1; i >= 0; i--) {
      const property = object.properties[i]!;
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const before = out.length;
        this.walk(property.argument, [key, ...rest], property, null, out);
        if (out.slice(before).some((entry) => entry.kind === 'write')) return;
        continue;
      }
      const name = propertyName(property);
      if (property.computed && name === null) {
        out.push(unknown(property));
        continue;
      }
      if (name !== key) continue;
      this.walk(property.value, rest, property, object, out);
      return;
    }
  }
}

/** The key of a variable's own answer among its fields' (`byVariable`). */
const SELF = Symbol('self');
/** Where a name's answer (`SELF`) or a named field's (`email`) is kept among its variable's. */
function fieldKey(node: Node): string | typeof SELF {
  return node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : SELF;
}
