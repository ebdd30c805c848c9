// Who gets a message, read from the code without the plugin's own message reader: the sends come
// from the analysis, and each of their arguments is evaluated here, in source order, as a small
// interpreter would: object literals and spreads as layers (the last write of a key wins), a
// variable as its initial value plus the member writes and `push` calls made on it before the
// send, `[a, b].flat()`, `.filter(Boolean).join(', ')`, `x ?? []`, `list.map((u) => ({ … }))`.
// An address is the source text of the expression that gives it (`users.map((u) => u.email)`,
// `'audit@x.io'`); what cannot be read is a name for "maybe" (`?base.bcc`), which still has to be
// there after a suggestion. Used by the suggestion tests: applying a suggestion must keep every
// address of every send.
import type { Linter, Rule } from 'eslint';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getMailAnalysis } from '../../src/analysis/passes/sends.js';
import { sdks } from '../../src/sdks/index.js';

type Node = TSESTree.Node;

/** The keys that hold addresses, in any SDK's message: each visible field's last key, and its bcc. */
const ADDRESS_KEYS: ReadonlySet<string> = new Set(
  sdks.flatMap((sdk) => Object.values(sdk.messages).flatMap((m) => m.visible.flatMap((f) => [f.path.at(-1)!, ...(f.bcc ? [f.bcc] : [])]))),
);

type Value =
  | { readonly kind: 'object'; readonly layers: readonly Layer[] }
  | { readonly kind: 'array'; readonly items: readonly Value[] }
  | { readonly kind: 'leaf'; readonly terms: readonly string[] }
  /** `preview ? { to: editor } : { to: everyone }`: either may be sent. */
  | { readonly kind: 'either'; readonly options: readonly Value[] };
type Layer =
  | { readonly kind: 'set'; readonly path: readonly string[]; readonly value: Value }
  | { readonly kind: 'push'; readonly path: readonly string[]; readonly value: Value }
  | { readonly kind: 'unknown'; readonly text: string };

const leaf = (...terms: string[]): Value => ({ kind: 'leaf', terms });
const NOTHING = leaf();
const MAX_DEPTH = 30;

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

const isTransparent = (node: Node) =>
  node.type === AST_NODE_TYPES.TSAsExpression ||
  node.type === AST_NODE_TYPES.TSNonNullExpression ||
  node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
  node.type === AST_NODE_TYPES.TSTypeAssertion ||
  node.type === AST_NODE_TYPES.AwaitExpression ||
  node.type === AST_NODE_TYPES.ChainExpression;

function inner(node: Node): Node {
  let current = node;
  while (isTransparent(current)) current = (current as { expression?: Node; argument?: Node }).expression ?? (current as { argument: Node }).argument;
  return current;
}

/** A static key: `a`, `'a'`, `['a']`. */
function keyOf(node: TSESTree.Property | TSESTree.MemberExpression): string | null {
  const key = node.type === AST_NODE_TYPES.Property ? node.key : node.property;
  if (!node.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return null;
}

/** All address terms anywhere in a value: leaves, array items, and an entry object's own text. */
function terms(value: Value, text: (v: Value) => string): string[] {
  if (value.kind === 'leaf') return [...value.terms];
  if (value.kind === 'either') return value.options.flatMap((option) => terms(option, text));
  if (value.kind === 'array') return value.items.flatMap((item) => terms(item, text));
  return [text(value)];
}

class Interpreter {
  private readonly texts = new WeakMap<Value, string>();

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  private text(node: Node): string {
    return normal(this.sourceCode.getText(node));
  }

  private made(value: Value, node: Node): Value {
    this.texts.set(value, this.text(node));
    return value;
  }

  textOf = (value: Value): string => this.texts.get(value) ?? '?';

  /** The value `node` has when the code at position `at` runs. */
  evaluate(node: Node, at: number, depth = 0): Value {
    const expression = inner(node);
    if (depth > MAX_DEPTH) return leaf(`?${this.text(expression)}`);
    switch (expression.type) {
      case AST_NODE_TYPES.ObjectExpression: {
        const layers: Layer[] = [];
        for (const property of expression.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            const spread = this.evaluate(property.argument, at, depth + 1);
            if (spread.kind === 'object') layers.push(...spread.layers);
            else layers.push({ kind: 'unknown', text: this.text(property.argument) });
            continue;
          }
          const key = keyOf(property);
          if (key === null) layers.push({ kind: 'unknown', text: `[${this.text(property.key)}]` });
          else layers.push({ kind: 'set', path: [key], value: this.evaluate(property.value, at, depth + 1) });
        }
        return this.made({ kind: 'object', layers }, expression);
      }
      case AST_NODE_TYPES.ArrayExpression: {
        const items: Value[] = [];
        for (const element of expression.elements) {
          if (!element) continue;
          if (element.type === AST_NODE_TYPES.SpreadElement) {
            const spread = this.evaluate(element.argument, at, depth + 1);
            items.push(...(spread.kind === 'array' ? spread.items : [leaf(`...${this.text(element.argument)}`)]));
          } else items.push(this.evaluate(element, at, depth + 1));
        }
        return this.made({ kind: 'array', items }, expression);
      }
      case AST_NODE_TYPES.Literal:
        return typeof expression.value === 'string'
          ? leaf(...expression.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => JSON.stringify(s)))
          : leaf(this.text(expression));
      case AST_NODE_TYPES.Identifier:
        return this.variable(expression, at, depth);
      case AST_NODE_TYPES.MemberExpression: {
        const key = keyOf(expression);
        const object = this.evaluate(expression.object, at, depth + 1);
        if (key === null) return leaf(this.text(expression));
        return this.member(object, key, this.text(expression));
      }
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ConditionalExpression: {
        const parts =
          expression.type === AST_NODE_TYPES.LogicalExpression ? [expression.left, expression.right] : [expression.consequent, expression.alternate];
        const options = parts.map((p) => this.evaluate(p, at, depth + 1));
        return options.every((o) => o.kind === 'leaf') ? leaf(...options.flatMap((o) => terms(o, this.textOf))) : { kind: 'either', options };
      }
      case AST_NODE_TYPES.CallExpression:
        return this.call(expression, at, depth);
      default:
        return leaf(this.text(expression));
    }
  }

  private call(call: TSESTree.CallExpression, at: number, depth: number): Value {
    const callee = call.callee;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? keyOf(callee) : null;
    if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null) {
      const target = () => this.evaluate(callee.object, at, depth + 1);
      // `JSON.stringify(message)`: the request body is the message.
      if (method === 'stringify' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON' && call.arguments[0]) {
        return this.evaluate(call.arguments[0], at, depth + 1);
      }
      if (method === 'flat' && call.arguments.length === 0) {
        const array = target();
        if (array.kind === 'array') return { kind: 'array', items: array.items.flatMap((item) => (item.kind === 'array' ? item.items : [item])) };
      }
      if (method === 'join' && callee.object.type === AST_NODE_TYPES.CallExpression) {
        const filter = callee.object.callee;
        if (filter.type === AST_NODE_TYPES.MemberExpression && keyOf(filter) === 'filter') {
          const array = this.evaluate(filter.object, at, depth + 1);
          if (array.kind === 'array') return leaf(...terms(array, this.textOf));
        }
      }
      // `users.map((u) => ({ to: u.email }))`: one message for every element, as the callback returns it.
      const callback = call.arguments[0];
      if ((method === 'map' || method === 'flatMap') && callback?.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        const body = callback.body;
        const returned =
          body.type !== AST_NODE_TYPES.BlockStatement
            ? body
            : body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
              ? body.body[0].argument
              : null;
        if (returned && inner(returned).type === AST_NODE_TYPES.ObjectExpression) {
          return { kind: 'array', items: [this.evaluate(returned, at, depth + 1)] };
        }
      }
    }
    return leaf(this.text(call));
  }

  /** A variable: its initial value, then the member writes and pushes made on it before `at`, in order. */
  private variable(identifier: TSESTree.Identifier, at: number, depth: number): Value {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier) {
      return leaf(this.text(identifier));
    }
    const start = def.node.init.range[1];
    const base = this.evaluate(def.node.init, start, depth + 1);
    const layers: Layer[] = base.kind === 'object' ? [...base.layers] : [];
    const items: Value[] = base.kind === 'array' ? [...base.items] : [];
    const references = variable.references
      .filter((r) => !r.init && r.identifier.range[0] > start && r.identifier.range[0] < at)
      .sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
    for (const reference of references) {
      const path: string[] = [];
      let top: Node = reference.identifier;
      while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
        const key = keyOf(top.parent);
        if (key === null) break;
        path.push(key);
        top = top.parent;
      }
      const parent = top.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top && path.length) {
        layers.push({ kind: 'set', path, value: this.evaluate(parent.right, parent.range[0], depth + 1) });
      } else if (parent?.type === AST_NODE_TYPES.CallExpression && path.at(-1) === 'push' && parent.callee === top) {
        const pushed: Value = { kind: 'array', items: parent.arguments.map((a) => this.evaluate(a, parent.range[0], depth + 1)) };
        if (path.length === 1) items.push(...(pushed.kind === 'array' ? pushed.items : []));
        else layers.push({ kind: 'push', path: path.slice(0, -1), value: pushed });
      }
    }
    if (base.kind === 'array') return { kind: 'array', items };
    if (base.kind === 'object' || base.kind === 'leaf' && layers.length) return this.made({ kind: 'object', layers }, identifier);
    return base.kind === 'leaf' && base.terms.length ? base : leaf(this.text(identifier));
  }

  /** `object.key`; `fallback` names the value when the object is not known. */
  private member(object: Value, key: string, fallback: string): Value {
    if (object.kind === 'object') return this.lookup(object, [key]);
    if (object.kind === 'either') return { kind: 'either', options: object.options.map((o) => this.member(o, key, fallback)) };
    return leaf(`?${fallback}`);
  }

  /** The value at `path`: the last layer that sets it (or an object above it) wins; unknown layers and pushes add to it. */
  lookup(object: Extract<Value, { kind: 'object' }>, path: readonly string[]): Value {
    const found: string[] = [];
    const deeper: Layer[] = [];
    for (let i = object.layers.length - 1; i >= 0; i--) {
      const layer = object.layers[i]!;
      if (layer.kind === 'unknown') {
        found.push(`?${layer.text}.${path.join('.')}`);
        continue;
      }
      const shared = Math.min(layer.path.length, path.length);
      if (!layer.path.slice(0, shared).every((key, k) => key === path[k])) continue;
      if (layer.path.length > path.length) {
        // A write below the path (`msg.Destination.BccAddresses = …` for `Destination`): laid over what is found.
        deeper.unshift({ ...layer, path: layer.path.slice(path.length) });
        continue;
      }
      if (layer.kind === 'push' && layer.path.length === path.length) {
        found.push(...terms(layer.value, this.textOf));
        continue;
      }
      const rest = path.slice(layer.path.length);
      let value = layer.value;
      for (const [k, key] of rest.entries()) value = this.member(value, key, `${this.textOf(layer.value)}.${rest.slice(0, k + 1).join('.')}`);
      return this.combine(value, found, deeper);
    }
    return this.combine(NOTHING, found, deeper);
  }

  /** What `lookup` found, with the writes below it laid over it and the addresses unknown layers may add. */
  private combine(value: Value, maybe: string[], deeper: Layer[]): Value {
    let result = value;
    if (deeper.length) {
      result = { kind: 'object', layers: [...(value.kind === 'object' ? value.layers : []), ...deeper] };
      this.texts.set(result, this.textOf(value));
    }
    if (!maybe.length) return result;
    return result.kind === 'leaf' ? leaf(...result.terms, ...maybe) : { kind: 'either', options: [result, leaf(...maybe)] };
  }

  /** Every address of a value, by the path of the key that holds it (`Destination.BccAddresses`, `personalizations[].to`). */
  addresses(value: Value, prefix = '', out = new Map<string, string[]>(), depth = 0): Map<string, string[]> {
    if (depth > MAX_DEPTH) return out;
    if (value.kind === 'array') {
      for (const item of value.items) this.addresses(item, `${prefix}[]`, out, depth + 1);
      return out;
    }
    if (value.kind === 'either') {
      for (const option of value.options) this.addresses(option, prefix, out, depth + 1);
      return out;
    }
    if (value.kind !== 'object') return out;
    const keys = new Set(value.layers.flatMap((l) => (l.kind === 'unknown' ? [...ADDRESS_KEYS] : [l.path[0]!])));
    for (const key of keys) {
      const at = prefix ? `${prefix}.${key}` : key;
      const found = this.lookup(value, [key]);
      if (ADDRESS_KEYS.has(key)) {
        const all = [...(out.get(at) ?? []), ...terms(found, this.textOf)];
        if (all.length) out.set(at, all);
      } else this.addresses(found, at, out, depth + 1);
    }
    return out;
  }
}

function findVariable(scope: TSESLint.Scope.Scope | null, name: string): TSESLint.Scope.Variable | null {
  for (let current = scope; current; current = current.upper) {
    const found = current.set.get(name);
    if (found) return found;
  }
  return null;
}

/** The addresses of each send of a file, in source order: for each, the key path of every address (as often as it is there). */
export type Deliveries = Map<string, string[]>[];

let captured: Deliveries = [];

/**
 * A rule that records the deliveries of the file it runs on (the sends as the mail analysis finds
 * them with `options`; every argument of each evaluated as the send runs).
 */
export const deliveriesRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [{ type: 'object' }] },
  create(context) {
    const ruleContext = context as unknown as TSESLint.RuleContext<string, readonly unknown[]>;
    const options = (context.options[0] ?? {}) as { typed?: boolean; shapes?: boolean };
    return {
      'Program:exit'() {
        const interpreter = new Interpreter(ruleContext.sourceCode);
        const calls = [...getMailAnalysis(ruleContext, options).calls].sort((a, b) => a.node.range[0] - b.node.range[0]);
        captured = calls.map((call) => {
          const out = new Map<string, string[]>();
          call.node.arguments.forEach((argument, i) => {
            const value = interpreter.evaluate(argument, call.node.range[0]);
            for (const [key, found] of interpreter.addresses(value, `#${i}`)) out.set(key, found);
          });
          return out;
        });
      },
    };
  },
};

/** `config` plus the recording rule (given the mail analysis options); `takeDeliveries()` reads what it recorded. */
export function withDeliveries(config: Linter.Config[], options: { typed?: boolean; shapes?: boolean }): Linter.Config[] {
  return [...config, { plugins: { recipients: { rules: { deliveries: deliveriesRule } } }, rules: { 'recipients/deliveries': ['error', options] } }];
}

/** The deliveries recorded by the last lint with `withDeliveries`. */
export function takeDeliveries(): Deliveries {
  const found = captured;
  captured = [];
  return found;
}

/** The deliveries of `code`: a lint with the recording rule alone, which asks for the mail analysis itself. */
export function deliveriesOf(
  linter: Linter,
  code: string,
  config: Linter.Config[],
  filename: string,
  options: { typed?: boolean; shapes?: boolean },
): Deliveries {
  captured = [];
  const quiet = config.map((c) => ({ ...c, rules: {} }));
  linter.verify(code, withDeliveries(quiet, options), filename);
  return takeDeliveries();
}

/** What a change loses: for each send, the addresses it had before and not after. */
export function lostAddresses(before: Deliveries, after: Deliveries): string[] {
  if (before.length !== after.length) return [`${before.length} sends before, ${after.length} after`];
  return before.flatMap((send, i) => {
    const now = new Set([...after[i]!.values()].flat());
    return [...send].flatMap(([key, found]) => [...new Set(found)].filter((term) => !now.has(term)).map((term) => `send ${i + 1}: ${key} ${term}`));
  });
}

/** Whether a change moved or added an address (or changed a send at all): addresses are counted, not only listed. */
export function changed(before: Deliveries, after: Deliveries): boolean {
  const describe = (d: Deliveries) => JSON.stringify(d.map((send) => [...send].map(([k, v]) => [k, [...v].sort()]).sort()));
  return describe(before) !== describe(after);
}
