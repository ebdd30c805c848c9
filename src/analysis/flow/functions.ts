import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction, propertyName, thisClass, unwrap, variableOf } from './ast.js';
import { Dispatches, isRegisteredHandler } from './dispatch.js';
import { isGlobal } from './globals.js';
import { assignedValues, soleValue } from './values.js';

/**
 * The in-file call graph: which calls reach a function declared in this file (by name, as
 * `this.method()` or `this.#method()` in its class, or on an instance of the class), which calls
 * take it as a callback, and which local function a callee is.
 */


type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export class CallSites {
  /** The calls of each function asked about: a parameter's every reference asks again. */
  private readonly calls = new Map<FunctionNode, TSESTree.CallExpression[]>();
  /** Handlers registered under a name, and the dispatches that run them (`bus.emit('welcome', user)`). */
  readonly dispatch: Dispatches;

  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly scopeManager: TSESLint.Scope.ScopeManager,
    /** Every call and `new` of the file, read when first needed. */
    private readonly callNodes: () => readonly (TSESTree.CallExpression | TSESTree.NewExpression)[],
  ) {
    this.dispatch = new Dispatches(globalScope, callNodes);
  }

  /**
   * The function of this file a callee is: a declared or assigned function, or a method of the
   * class around `this.name(…)`. Null for anything else.
   */
  localFunction(callee: Node): FunctionNode | null {
    const value = unwrap(callee);
    if (value.type === AST_NODE_TYPES.Identifier) return namedFunction(this.globalScope, value);
    if (value.type === AST_NODE_TYPES.MemberExpression && (value.object.type === AST_NODE_TYPES.ThisExpression || value.object.type === AST_NODE_TYPES.Super)) {
      const name = propertyName(value);
      const cls = thisClass(value);
      if (name === null || !cls) return null;
      // `this.deliver()` defined in a base class of the file; `super.deliver()` starts there.
      for (const owner of this.lineage(cls).slice(value.object.type === AST_NODE_TYPES.Super ? 1 : 0)) {
        for (const element of owner.body.body) {
          if ((element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) || element.static) continue;
          if (propertyName(element) !== name) continue;
          const fn = element.value && unwrap(element.value);
          if (fn && isFunction(fn) && (element.type === AST_NODE_TYPES.PropertyDefinition || element.kind === 'method')) return fn;
        }
      }
    }
    return null;
  }

  /** A class and the classes of this file it extends, nearest first (a few deep). */
  lineage(cls: ClassNode): ClassNode[] {
    const chain: ClassNode[] = [cls];
    for (let base = this.baseClass(cls); base && !chain.includes(base) && chain.length < 6; base = this.baseClass(base)) chain.push(base);
    return chain;
  }

  /** The class of this file a class extends, or null. */
  private baseClass(cls: ClassNode): ClassNode | null {
    const parent: Node | null = cls.superClass ? unwrap(cls.superClass) : null;
    const variable = parent?.type === AST_NODE_TYPES.Identifier ? variableOf(this.globalScope, parent) : null;
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = variable && def?.type === DefinitionType.Variable ? soleValue(variable) : null;
    const base: Node | null = def?.type === DefinitionType.ClassName ? def.node : init ? unwrap(init) : null;
    return base?.type === AST_NODE_TYPES.ClassDeclaration || base?.type === AST_NODE_TYPES.ClassExpression ? base : null;
  }

  /** The calls of a function declared in this file: by name, or `this.method()` in its class. */
  callsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    let calls = this.calls.get(fn);
    if (!calls) this.calls.set(fn, (calls = this.findCalls(fn)));
    return calls;
  }

  /**
   * Every call that runs the function, with where its arguments start among the parameters: its
   * calls (0), and the dispatches of the name it is registered under (`bus.emit('welcome', user)`: 1).
   */
  invocations(fn: FunctionNode): { readonly call: TSESTree.CallExpression; readonly offset: number }[] {
    return [
      ...this.callsOf(fn).map((call) => ({ call, offset: 0 })),
      ...this.dispatch.dispatchesOf(fn).map((call) => ({ call, offset: this.dispatch.argumentOffset(call) })),
    ];
  }

  private findCalls(fn: FunctionNode): TSESTree.CallExpression[] {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
      const name = propertyName(parent);
      const cls = parent.parent.parent;
      return this.callNodes().filter(
        (c): c is TSESTree.CallExpression =>
          c.type === AST_NODE_TYPES.CallExpression &&
          c.callee.type === AST_NODE_TYPES.MemberExpression &&
          propertyName(c.callee) === name &&
          this.isInstanceOf(c.callee.object, cls),
      );
    }
    return this.referencesTo(fn).flatMap((identifier) => {
      const call = identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === identifier ? [call] : [];
    });
  }

  /**
   * References to a function declared by name in this file (`function f`, `const f = () => …`).
   * A declaration's variables include its parameters too: only the one named after it counts.
   */
  referencesTo(fn: FunctionNode): TSESTree.Identifier[] {
    const parent = fn.parent;
    const declared =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn
        : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn
          ? parent
          : null;
    if (!declared) return [];
    const name = functionName(fn);
    return this.scopeManager.getDeclaredVariables(declared)
      .filter((v) => v.name === name)
      .flatMap((v) => v.references.map((r) => r.identifier as TSESTree.Identifier));
  }

  /** Calls that take the function itself as an argument: `users.map(sendWelcome)`. */
  passedAsCallback(fn: FunctionNode): [TSESTree.CallExpression, TSESTree.Identifier][] {
    return this.referencesTo(fn).flatMap((identifier): [TSESTree.CallExpression, TSESTree.Identifier][] => {
      const call = identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.some((a) => a === identifier)
        ? [[call, identifier]]
        : [];
    });
  }

  /** `this` inside the class, or a variable holding `new TheClass()`. */
  isInstanceOf(object: Node, cls: ClassNode): boolean {
    const value = unwrap(object);
    if (value.type === AST_NODE_TYPES.ThisExpression || value.type === AST_NODE_TYPES.Super) {
      const own = thisClass(value);
      return own !== null && this.lineage(own).includes(cls);
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(this.globalScope, value);
    const init = variable && soleValue(variable);
    const created = init && unwrap(init);
    if (created?.type !== AST_NODE_TYPES.NewExpression || created.callee.type !== AST_NODE_TYPES.Identifier) return false;
    const classVariable = variableOf(this.globalScope, created.callee);
    return classVariable?.defs.some((d) => d.node === cls) ?? false;
  }

}

/**
 * The function a call sits in, through callbacks (`retry(() => send())`), if it has a name to call
 * it by: its own, or the name it is registered under as a handler (`bus.on('welcome', (u) => send(u))`).
 */
export function enclosingNamedFunction(node: Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      if (functionName(current) || isRegisteredHandler(current)) return current;
      const parent = current.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return null;
    }
  }
  return null;
}

export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
    return propertyName(parent);
  }
  return null;
}


/**
 * What a module exports, by name, as written: a function, an object literal, a class, a `new`
 * expression, a call. Identifiers are followed to the one value they hold, or to each function a
 * variable is given (`let send = noop; if (configured) send = async (m) => …`). CommonJS
 * `module.exports = {…}` also exports each property by its name, as Node's interop does.
 */
export function exportedValues(program: TSESTree.Program, globalScope: TSESLint.Scope.Scope): Map<string, readonly Node[]> {
  const exported = new Map<string, readonly Node[]>();
  const valuesOf = (node: Node | null | undefined): readonly Node[] => {
    if (!node) return [];
    const value = unwrap(node);
    if (value.type !== AST_NODE_TYPES.Identifier) return [value];
    const variable = variableOf(globalScope, value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === DefinitionType.FunctionName || def?.type === DefinitionType.ClassName) return [def.node];
    if (!variable || def?.type !== DefinitionType.Variable) return [];
    const init = soleValue(variable);
    if (init) return [unwrap(init)];
    return (assignedValues(variable) ?? []).map((v) => unwrap(v)).filter((v) => isFunction(v));
  };
  const add = (name: string | null, node: Node | null | undefined) => {
    const values = valuesOf(node);
    if (name !== null && values.length) exported.set(name, values);
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) {
        add(declaration.id?.name ?? null, declaration);
      }
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier) add(d.id.name, d.init);
      }
      if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
          const name = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
          add(name, specifier.local);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      add('default', statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const { left, right } = statement.expression;
      if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
      const object = unwrap(left.object);
      const name = propertyName(left);
      const isModule = name === 'exports' && isGlobal(globalScope, object, 'module');
      if (isModule) {
        add('default', right);
        for (const value of valuesOf(right)) {
          if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
          for (const p of value.properties) if (p.type === AST_NODE_TYPES.Property) add(propertyName(p), p.value);
        }
        continue;
      }
      const isExports =
        isGlobal(globalScope, object, 'exports') ||
        (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'exports' && isGlobal(globalScope, object.object, 'module'));
      if (isExports) add(name, right);
    }
  }
  return exported;
}

/**
 * The keys other modules reach this module's functions by: `name` for a function, `name.method`
 * for a method of an exported object or instance, `Class#new` and `Class#method` for a class.
 */
export function exportKeys(
  exported: ReadonlyMap<string, readonly Node[]>,
  localClass: (id: TSESTree.Identifier) => ClassNode | null,
  globalScope?: TSESLint.Scope.Scope,
): Map<FunctionNode, string[]> {
  const keys = new Map<FunctionNode, string[]>();
  const add = (fn: FunctionNode, key: string) => keys.set(fn, [...(keys.get(fn) ?? []), key]);
  for (const [name, value] of [...exported].flatMap(([n, values]) => values.map((v): [string, Node] => [n, v]))) {
    if (isFunction(value)) {
      add(value, name);
    } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const [method, fn] of objectMethods(value, globalScope)) add(fn, `${name}.${method}`);
    } else if (value.type === AST_NODE_TYPES.ClassDeclaration || value.type === AST_NODE_TYPES.ClassExpression) {
      for (const [method, fn] of classMethods(value)) add(fn, `${name}#${method === 'constructor' ? 'new' : method}`);
    } else if (value.type === AST_NODE_TYPES.NewExpression && unwrap(value.callee).type === AST_NODE_TYPES.Identifier) {
      // `export default new MailService()`: the methods of a class of this file, on that instance.
      const cls = localClass(unwrap(value.callee) as TSESTree.Identifier);
      for (const [method, fn] of cls ? classMethods(cls) : []) if (method !== 'constructor') add(fn, `${name}.${method}`);
    }
  }
  return keys;
}

/**
 * The methods of an object literal: `send(msg) {…}`, `send: async (...args) => …`, and (with the
 * scope) a function of the module named there, `{ sendEmail }` or `{ send: deliver }`.
 */
export function objectMethods(object: TSESTree.ObjectExpression, globalScope?: TSESLint.Scope.Scope): Map<string, FunctionNode> {
  const methods = new Map<string, FunctionNode>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyName(property);
    let value: Node = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.Identifier && globalScope) value = namedFunction(globalScope, value) ?? value;
    if (name !== null && isFunction(value) && value.body) methods.set(name, value);
  }
  return methods;
}

/** The function a name holds: a function declaration, or a variable given one function once. */
function namedFunction(globalScope: TSESLint.Scope.Scope, identifier: TSESTree.Identifier): FunctionNode | null {
  const variable = variableOf(globalScope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  // `declare function f(): T` has no body to follow.
  if (def?.type === DefinitionType.FunctionName) return isFunction(def.node) && def.node.body ? def.node : null;
  const init = variable && def?.type === DefinitionType.Variable ? soleValue(variable) : null;
  const value = init ? unwrap(init) : null;
  return value && isFunction(value) ? value : null;
}

/** The constructor and instance methods of a class. */
export function classMethods(cls: ClassNode): Map<string, FunctionNode> {
  const methods = new Map<string, FunctionNode>();
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    const name = element.static ? null : propertyName(element);
    if (name === null) continue;
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.value.body) methods.set(name, element.value);
    else if (element.type === AST_NODE_TYPES.PropertyDefinition && element.value && isFunction(element.value) && element.value.body) methods.set(name, element.value);
  }
  return methods;
}

/** `(...args) => sdk.send(...args)`, `(msg, cb) => sdk.send(msg, cb)`: every parameter passed on, in order, unchanged. */
export function passesParamsOn(fn: FunctionNode, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (fn.params.length === 0 || call.arguments.length !== fn.params.length) return false;
  return fn.params.every((param, i) => {
    const argument = call.arguments[i]!;
    if (param.type === AST_NODE_TYPES.RestElement) {
      return param.argument.type === AST_NODE_TYPES.Identifier && argument.type === AST_NODE_TYPES.SpreadElement && unwrap(argument.argument).type === AST_NODE_TYPES.Identifier && (unwrap(argument.argument) as TSESTree.Identifier).name === param.argument.name;
    }
    return param.type === AST_NODE_TYPES.Identifier && unwrap(argument).type === AST_NODE_TYPES.Identifier && (unwrap(argument) as TSESTree.Identifier).name === param.name;
  });
}
