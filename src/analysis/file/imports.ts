import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { builtinRoots, type ModuleRoot } from '../../sdks/index.js';
import { pushChildNodes } from '../flow/ast.js';
import { moduleName } from '../../util/specifiers.js';
import { importsWrapper, readSettings, wrapperSdk } from './settings.js';

/** Import discovery: which declarations and `require()` calls of the file load a known module. */

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The mail SDKs' modules, and the modules of wrappers declared in settings that this file imports. */
export function mailModules(context: Context, requires: readonly RequireCall[]): ReadonlyMap<string, ModuleRoot> {
  const { wrappers } = readSettings(context.settings);
  if (wrappers.length === 0) return builtinRoots;
  const known = new Map(builtinRoots);
  for (const source of importSources(context.sourceCode.ast, requires)) {
    const wrapper = wrappers.find((w) => importsWrapper(source, context.filename, context.cwd, w));
    if (wrapper) known.set(source, { sdk: wrapperSdk(wrapper, source), kind: 'module' });
  }
  return known;
}

/**
 * The import declarations, `export … from` declarations, `import x = require()` and `require()`
 * calls of the given modules. The declaration is all the resolver needs (it reads each binding's
 * specifier itself), so ReferenceTracker, which would walk every reference of every binding of
 * every import on top, is not asked.
 */
export function findModuleRoots(
  program: TSESTree.Program,
  requires: readonly RequireCall[],
  known: ReadonlyMap<string, ModuleRoot>,
): Map<Node, ModuleRoot> {
  const roots = new Map<Node, ModuleRoot>();
  for (const statement of program.body) {
    if (
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source)
    ) {
      const root = known.get(moduleName(statement.source.value));
      if (root) roots.set(statement, root);
    }
    // TypeScript's `import x = require('m')`, the usual form for `export =` packages.
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (
      declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      const root = known.get(moduleName(declaration.moduleReference.expression.value));
      if (root) roots.set(declaration, root);
    }
  }
  for (const [call, source] of requires) {
    const root = known.get(moduleName(source));
    if (root) roots.set(call, root);
  }
  return roots;
}

/** A `require('m')` call, or a dynamic `import('m')` (see dynamicImports), with its specifier. */
export type RequireCall = readonly [TSESTree.CallExpression | TSESTree.ImportExpression, string];

/**
 * `require('x')` calls of the real `require`: references to a declared global `require`, and
 * unresolved ones too, since a `.js` file linted without Node globals still means Node's
 * `require`. A local function named `require` never does.
 */
export function requireCalls(globalScope: TSESLint.Scope.Scope): RequireCall[] {
  const declared = globalScope.set.get('require');
  // A declared global (CommonJS, `globals.node`) has its references resolved to it; otherwise they
  // are among the unresolved ones, the longest list of a CommonJS file.
  const references: TSESLint.Scope.Reference[] = [];
  if (declared) {
    if (declared.defs.length === 0) references.push(...declared.references);
  } else {
    for (const ref of globalScope.through) if (ref.identifier.name === 'require') references.push(ref);
  }
  const calls: RequireCall[] = [];
  for (const { identifier } of references) {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier || !call.arguments[0]) continue;
    const argument = call.arguments[0];
    // `require('x')`, by far the most common, read directly; anything else as eslint-utils evaluates it.
    const source = argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : ASTUtils.getStringIfConstant(argument);
    if (source) calls.push([call, source]);
  }
  return calls;
}

/** The module specifiers a file imports: its import declarations, then its `require()` calls and dynamic imports. */
export function* importSources(program: TSESTree.Program, requires: readonly RequireCall[]): Iterable<string> {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) yield moduleName(statement.source.value);
  }
  for (const [, source] of requires) yield moduleName(source);
}

/** `import('m')` with a string literal, as written in a text (a superset: comments and strings too). */
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*[,)]/g;
/** `import(` anywhere: far cheaper to look for than the pattern above, and absent from most texts. */
const IMPORT_CALL = /import\s*\(/;

/**
 * The file's dynamic imports (`await import('nodemailer')`) of the modules `wanted` accepts: the
 * text is searched first, and the tree walked only when it names such a module. A dynamic import
 * gives the module's namespace, which the analysis reads as it reads `require()`'s value.
 */
export function dynamicImports(program: TSESTree.Program, text: string, wanted: (specifier: string) => boolean): RequireCall[] {
  if (!IMPORT_CALL.test(text)) return [];
  if (![...text.matchAll(DYNAMIC_IMPORT)].some((match) => wanted(moduleName(match[2]!)))) return [];
  const found: RequireCall[] = [];
  const stack: TSESTree.Node[] = [program];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ImportExpression) {
      const source = ASTUtils.getStringIfConstant(node.source);
      if (source !== null && wanted(moduleName(source))) found.push([node, source]);
    }
    pushChildNodes(node, stack);
  }
  return found;
}

