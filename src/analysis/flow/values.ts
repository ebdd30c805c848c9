import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction, propertyName, unwrap, variableOf } from './ast.js';
import { globalScopeOf, isGlobal } from './globals.js';
import { ARRAY_CALLBACKS, repeatsWithin } from './loops.js';
import { own } from '../../util/own.js';
import { moduleName } from '../../util/specifiers.js';


type Node = TSESTree.Node;

/**
 * JavaScript value flow with no mail knowledge: what a variable holds, what a loop or an
 * iteration callback binds, what was pushed into an array. Every model of what values mean
 * (clients, messages, recipient lists) asks these questions here, so each form is learned once.
 */

/** The value a variable always holds (its only write), or null. */
export function soleValue(variable: TSESLint.Scope.Variable): TSESTree.Expression | null {
  const writes = variable.references.filter((ref) => ref.isWrite());
  if (variable.defs.length !== 1 || writes.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  if (elementBinding(variable)) return null; // `for (const x of list)`: its write is the list, not its value
  return (writes[0]!.writeExpr as TSESTree.Expression | null) ?? null;
}

/**
 * Every value a plain variable (not destructured) is given: its initialiser and each `x = value`.
 * Null when one write is not a plain assignment (`x += …`, a loop binding, destructuring).
 */
/** Each variable's assigned values, read once per variable: every reference of a name asks. */
const assignedIndex = new WeakMap<TSESLint.Scope.Variable, readonly TSESTree.Expression[] | null>();

export function assignedValues(variable: TSESLint.Scope.Variable): readonly TSESTree.Expression[] | null {
  let known = assignedIndex.get(variable);
  if (known === undefined) {
    known = readAssignedValues(variable);
    assignedIndex.set(variable, known);
  }
  return known;
}

function readAssignedValues(variable: TSESLint.Scope.Variable): TSESTree.Expression[] | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier || elementBinding(variable)) return null;
  const values: TSESTree.Expression[] = [];
  for (const ref of variable.references) {
    if (!ref.isWrite()) continue;
    const parent = ref.identifier.parent;
    // `x = value` or its declaration; not `x += …`, `[x] = list`, `for (x of list)`, whose write is no value of x.
    const plain =
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === ref.identifier) ||
      (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === ref.identifier);
    if (!plain || !ref.writeExpr) return null;
    values.push(ref.writeExpr as TSESTree.Expression);
  }
  return values.length ? values : null;
}

/**
 * A variable bound to one element of a collection: `for (const x of list)`, or the element
 * parameter of `list.forEach((x) => …)`, `list.map(…)`, `list.reduce((acc, x) => …)`,
 * `Array.from(list, (x) => …)`. The variable holds one element, never the list.
 */
export function elementBinding(variable: TSESLint.Scope.Variable): { readonly collection: Node; readonly whole: boolean } | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === DefinitionType.Variable) {
    const declaration = def.parent;
    const loop = declaration?.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) {
      return { collection: loop.right, whole: def.node.id.type === AST_NODE_TYPES.Identifier };
    }
    return null;
  }
  if (def.type !== DefinitionType.Parameter) return null;
  const fn = def.node as FunctionNode;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
  const index = fn.params.findIndex((p) => p === def.name || (p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]));
  const whole = fn.params[index] === def.name;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(callee);
  if (name === null) return null;
  if (call.arguments[0] === fn && own(ARRAY_CALLBACKS, name)?.element === index) return { collection: callee.object, whole };
  if (name === 'from' && call.arguments[1] === fn && index === 0 && isGlobal(globalScopeOf(variable.scope), callee.object, 'Array')) {
    const source = call.arguments[0];
    return source && source.type !== AST_NODE_TYPES.SpreadElement ? { collection: source, whole } : null;
  }
  return null;
}

/**
 * What an array variable was filled with: the elements of its literal initialiser and the
 * arguments of every `push`/`unshift` on it, and whether any of those runs repeatedly (in a loop
 * or a callback), which makes the array's length depend on data. Null when the variable is
 * reassigned or its initialiser is not an array literal.
 */
export function filledArray(
  variable: TSESLint.Scope.Variable,
): { readonly literal: TSESTree.ArrayExpression; readonly values: readonly (TSESTree.Expression | TSESTree.SpreadElement)[]; readonly repeats: boolean } | null {
  const init = soleValue(variable);
  const literal = init && unwrap(init);
  if (literal?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  const values: (TSESTree.Expression | TSESTree.SpreadElement)[] = literal.elements.filter((e) => e !== null);
  let repeats = false;
  const def = variable.defs[0]!;
  const boundary = def.node.parent?.parent ?? def.node;
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
    const name = propertyName(member);
    const call = member.parent;
    if ((name !== 'push' && name !== 'unshift') || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    values.push(...call.arguments);
    if (repeatsWithin(call, boundary)) repeats = true;
  }
  return { literal, values, repeats };
}

/** `value.key = …` after a value was made, through the variable that holds it. */
/** Each variable's `name.key = …` writes by key, indexed once per variable: a file reads them per send. */
const memberWriteIndex = new WeakMap<TSESLint.Scope.Variable, Map<string, TSESTree.AssignmentExpression[]>>();

export function memberWrites(variable: TSESLint.Scope.Variable, key: string): readonly TSESTree.AssignmentExpression[] {
  let index = memberWriteIndex.get(variable);
  if (!index) {
    index = new Map();
    for (const ref of variable.references) {
      const member = ref.identifier.parent;
      const assignment = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member) continue;
      const name = propertyName(member);
      if (name === null || name === undefined) continue;
      const list = index.get(name);
      if (list) list.push(assignment);
      else index.set(name, [assignment]);
    }
    memberWriteIndex.set(variable, index);
  }
  return index.get(key) ?? NO_WRITES;
}
const NO_WRITES: readonly TSESTree.AssignmentExpression[] = Object.freeze([]);

/**
 * `queue.shift()`, `queue.pop()`, `queue.at(0)`, `queue[0]`: one element taken from an array.
 * Returns the array expression.
 */
export function takenFrom(node: Node): Node | null {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(value.callee);
    if (name === 'shift' || name === 'pop' || name === 'at') return value.callee.object;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression && value.computed) {
    const index = unwrap(value.property);
    if (index.type === AST_NODE_TYPES.Literal && typeof index.value === 'number') return value.object;
    if (index.type === AST_NODE_TYPES.Identifier || index.type === AST_NODE_TYPES.BinaryExpression) return value.object;
  }
  return null;
}

/** The module a binding was imported or required from (`import x from 'm'`, `const x = require('m')`), or null. */
export function importedFrom(globalScope: TSESLint.Scope.Scope, identifier: TSESTree.Identifier): string | null {
  const variable = variableOf(globalScope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.type === DefinitionType.ImportBinding) {
    const declaration = def.parent;
    return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? moduleName(declaration.source.value) : null;
  }
  if (def.type !== DefinitionType.Variable || !def.node.init) return null;
  const init = unwrap(def.node.init);
  const call = init.type === AST_NODE_TYPES.MemberExpression ? unwrap(init.object) : init;
  // `const mailer = await import('./mailer.js')`: the module's namespace.
  if (call.type === AST_NODE_TYPES.ImportExpression) {
    const specifier = call.source.type === AST_NODE_TYPES.Literal && typeof call.source.value === 'string' ? call.source.value : null;
    return specifier === null ? null : moduleName(specifier);
  }
  const required = requiredSpecifier(globalScope, call);
  return required === null ? null : moduleName(required);
}

/** `require('./send')` with the real `require` and a string literal: the specifier as written; null for anything else. */
export function requiredSpecifier(globalScope: TSESLint.Scope.Scope, call: Node): string | null {
  if (call.type !== AST_NODE_TYPES.CallExpression || !isGlobal(globalScope, call.callee, 'require')) return null;
  const source = call.arguments[0];
  return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? source.value : null;
}

/** Whether a node is a function expression or arrow, through `as` and friends. */
export function isFunctionValue(node: Node | null | undefined): boolean {
  return Boolean(node && isFunction(unwrap(node)));
}

/**
 * What an imported binding names: the module and the export (`default` for a default import or a
 * whole `require()`, `*` for a namespace import), through `import`, `require()` and destructuring.
 */
export function importBinding(globalScope: TSESLint.Scope.Scope, identifier: TSESTree.Identifier): { source: string; name: string } | null {
  const variable = variableOf(globalScope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return null;
  if (def.type === DefinitionType.ImportBinding) {
    const declaration = def.parent;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const specifier = def.node;
    const name =
      specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
        ? '*'
        : specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? 'default'
          : specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value
            : null;
    return name === null ? null : { source: moduleName(declaration.source.value), name };
  }
  if (def.type !== DefinitionType.Variable || !def.node.init) return null;
  const source = importedFrom(globalScope, identifier);
  if (source === null) return null;
  const init = unwrap(def.node.init);
  // `const send = require('./mailer').send`, `const { send } = require('./mailer')`, `const mailer = require('./mailer')`.
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(init);
    return name === null || def.node.id.type !== AST_NODE_TYPES.Identifier ? null : { source, name };
  }
  // A whole `require()` is the module's default; a whole `await import()` its namespace.
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { source, name: init.type === AST_NODE_TYPES.ImportExpression ? '*' : 'default' };
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    const property = def.node.id.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier && p.value.name === identifier.name,
    );
    const name = property && propertyName(property);
    return name ? { source, name } : null;
  }
  return null;
}
