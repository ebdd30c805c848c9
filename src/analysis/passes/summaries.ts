import path from 'node:path';
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { MessageSpec, ModuleRoot, PathSegment, RecipientField, SdkSpec } from '../../sdks/index.js';
import { builtinRoots, MESSAGE_PATHS, MODULE_NEEDLE, SHAPE_KEY_HINT, SHAPE_TO_HINT } from '../../sdks/indexes.js';
import { type Collected, collectedOf as collectFile } from '../file/collect.js';
import { findModuleRoots, importSources, requireCalls } from '../file/imports.js';
import { importSpecifiers, isProjectSpecifier, moduleText, onClearModuleCaches, parseModule, resolveImport, type ModuleFile } from '../file/modules.js';
import { setImportProbe } from '../file/state.js';
import { classField, propertyName, thisClass, unwrap, variableOf } from '../flow/ast.js';
import { importBinding, soleValue } from '../flow/values.js';
import type { KindRef } from '../model/clients.js';
import type { ProjectModules, ReturnedField } from '../model/project.js';

/**
 * Module summaries: what each export of one of the project's own modules does with mail, read
 * once per version of its file, and the linted file's view of them (ProjectLinks). The analysis
 * of a module is sends.ts's, handed in with setModuleAnalyser so the two files import each other
 * one way only.
 */

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What the analysis of a file is for: its own lint, another file's summary of it, or its calls of another file's exports. */
export type Mode = 'lint' | 'summary' | 'caller';

/** A list this file passes to an export of a project module, which puts it in a visible field. */
export interface ModuleUse {
  /** The module's absolute path and the export's key in its summary. */
  readonly module: string;
  readonly key: string;
  readonly fieldName: string;
  readonly line: number;
}


/** What a summary needs of a module's analysis. */
export interface ModuleAnalysis {
  /** How many imports or requires of a mail SDK the module has. */
  readonly sdkImports: number;
  run(): unknown;
  exportFacts(builds: boolean): Map<string, ExportFacts>;
  readonly moduleUses: readonly ModuleUse[];
}

type Analyser = (
  sourceCode: Readonly<TSESLint.SourceCode>,
  globalScope: TSESLint.Scope.Scope,
  roots: ReadonlyMap<Node, ModuleRoot>,
  collected: Collected,
  where: { readonly filename: string; readonly cwd: string; readonly links: ProjectLinks | null; readonly mode: Mode },
) => ModuleAnalysis;

let analyser: Analyser | null = null;

/** sends.ts hands in its file analysis, for summaries and callers. */
export function setModuleAnalyser(make: Analyser): void {
  analyser = make;
}

function analyse(...args: Parameters<Analyser>): ModuleAnalysis {
  if (!analyser) throw new Error('eslint-plugin-mail: module analysis used before passes/sends.ts was loaded');
  return analyser(...args);
}

/** Where a project module's exported function puts its parameters: `index.path` reaches a visible field. */
export interface ForwardedParameter {
  readonly index: number;
  readonly path: readonly string[];
  readonly sdk: SdkSpec;
  readonly message: MessageSpec;
  readonly field: RecipientField;
  readonly fieldName: string;
  readonly accountDecides: boolean;
}

/** An export that sends mail when called: a call of it is a send, for the loop checks. */
export interface ExportedSender {
  readonly sdk: SdkSpec;
  /** One call reaches many recipients (a batch API, or a loop over its own sends). */
  readonly batch: boolean;
  readonly throttled: boolean;
  readonly queued: boolean;
}

/** An export that is an SDK client, or an object that hands some of its methods' arguments to one. */
export interface ExportedClient {
  readonly sdk: SdkSpec;
  readonly kind: string;
  readonly throttled: boolean;
  readonly only?: ReadonlySet<string>;
}

/**
 * What one export of a project module does, by key: `name` for a function or value, `name.method`
 * for a method of an exported object (or of an exported instance), `Class#new` for a class's
 * constructor and `Class#method` for the methods of its instances.
 */
export interface ExportFacts {
  forwards?: ForwardedParameter[];
  sender?: ExportedSender;
  /** A message builder: where each field of the message it returns comes from, by field path. */
  returns?: ReadonlyMap<string, ReturnedField>;
  client?: ExportedClient;
}

interface ModuleSummary {
  readonly exports: ReadonlyMap<string, ExportFacts>;
  /** `export { send } from './mailer'`, `export * from './mailer'`: followed at lookup. */
  readonly reexports: readonly { readonly name: string; readonly source: string; readonly imported: string }[];
}

const MAIL_WORD = /mail/i;
/** Modules are followed this many imports away from the linted file, and no further. */
const MAX_CHAIN = 3;
/** `export … from` and `export *`: a module that only passes on another's exports. */
const REEXPORT_NEEDLE = /\bexport\s*(?:\*|\{[^}]*\}\s*from)/;
/** `export * from 'x'` (no names) and `export { a, b as c } from 'x'` (names in group 1; the quote in 2, the source in 3). */
const REEXPORT = /\bexport\s*(?:\*|\{([^}]*)\})\s*from\s*(['"])([^'"\n]+)\2/g;

/** What each caller file passes to the project's exports, by version of the file. */
const callerCache = new Map<string, { readonly stamp: string; readonly uses: readonly ModuleUse[] }>();

/**
 * The data-driven lists a file of the project passes to exports of project modules that put
 * them in a visible field: the file analysed as its own lint would (without types), its reports
 * kept as uses. Read for a wrapper's lint, once per version of the caller.
 */
export function callerUses(file: ModuleFile): readonly ModuleUse[] {
  const known = callerCache.get(file.path);
  if (known?.stamp === file.stamp) return known.uses;
  let uses: readonly ModuleUse[] = [];
  try {
    uses = readCaller(file);
  } catch {
    // A caller that cannot be read is unknown: no report in the wrapper on its account.
  }
  callerCache.set(file.path, { stamp: file.stamp, uses });
  return uses;
}

function readCaller(file: ModuleFile): readonly ModuleUse[] {
  const text = moduleText(file);
  if (text === null || !MAIL_WORD.test(text)) return [];
  const analysis = analyseModule(file, text, MODULE_NEEDLE.test(text), 0, 'caller');
  if (!analysis) return [];
  analysis.run();
  return analysis.moduleUses;
}

/**
 * Another file of the project, parsed and set up for sends.ts's analysis as if it were linted:
 * its SDK imports (when its text names one), its nodes, and its own view of the project's modules,
 * `linksDepth` imports away from the linted file (none past the chain limit). Null when it does not parse.
 */
function analyseModule(file: ModuleFile, text: string, importsSdk: boolean, linksDepth: number, mode: Mode): ModuleAnalysis | null {
  const parsed = parseModule(file, text);
  const globalScope = parsed?.scopeManager.globalScope as TSESLint.Scope.Scope | null | undefined;
  if (!parsed || !globalScope) return null;
  const requires = importsSdk && text.includes('require') ? requireCalls(globalScope) : [];
  const roots = importsSdk ? findModuleRoots(parsed.ast, requires, builtinRoots) : new Map<Node, ModuleRoot>();
  const sourceCode = { ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys, text } as unknown as Readonly<TSESLint.SourceCode>;
  const collected = collectFile({ sourceCode } as unknown as Context, {});
  const dir = path.dirname(file.path);
  const links = linksDepth <= MAX_CHAIN ? new ProjectLinks(globalScope, file.path, dir, linksDepth) : null;
  return analyse(sourceCode, globalScope, roots, collected, { filename: file.path, cwd: dir, links, mode });
}

const MESSAGE_PATH_KEYS = new Set(MESSAGE_PATHS.map((p) => p.join('.')));
const ABSENT_FIELD: ReturnedField = { params: [], complete: true };
const UNKNOWN_FIELD: ReturnedField = { params: [], complete: false };

const NO_EXPORTS: ReadonlyMap<string, ExportFacts> = new Map();
const EMPTY_SUMMARY: ModuleSummary = { exports: NO_EXPORTS, reexports: [] };
/** Summaries by path, each for one version of its file: read-only, shared by every file linted in the process. */
const summaries = new Map<string, { readonly stamp: string; readonly summary: ModuleSummary; readonly depth: number }>();
onClearModuleCaches(() => {
  summaries.clear();
  callerCache.clear();
});
/** Modules being summarised: an import cycle back to one of them is unknown. */
const summarising = new Set<string>();


/**
 * What the exports of one of the project's modules do with mail (see ExportFacts). The module
 * is parsed without types, once per version of its file; one that neither imports a mail SDK,
 * builds messages, re-exports nor (within the chain limit) imports a module that does, that is
 * too large or that does not parse, is empty.
 */
export function moduleSummary(file: ModuleFile, depth = 0): ModuleSummary {
  const known = summaries.get(file.path);
  // A summary cut short by the chain limit answers only as far along the chain as it was made;
  // one that never met the limit (`depth` 0 in the cache) answers everywhere.
  if (known?.stamp === file.stamp && known.depth <= depth) {
    if (known.depth > 0) truncations++;
    return known.summary;
  }
  if (summarising.has(file.path)) return EMPTY_SUMMARY;
  let summary = EMPTY_SUMMARY;
  const before = truncations;
  summarising.add(file.path);
  try {
    summary = summarize(file, depth);
  } catch {
    // Another module's code must never fail the lint of this one: what cannot be read is unknown.
  } finally {
    summarising.delete(file.path);
  }
  summaries.set(file.path, { stamp: file.stamp, summary, depth: truncations > before ? depth : 0 });
  return summary;
}

/** How many times the chain limit stopped a look further: a summary made while it grew is cut short. */
let truncations = 0;

function summarize(file: ModuleFile, depth: number): ModuleSummary {
  const text = moduleText(file);
  if (text === null) return EMPTY_SUMMARY;
  const importsSdk = MODULE_NEEDLE.test(text);
  const mentionsMail = MAIL_WORD.test(text);
  // A message builder writes a `to`/`cc` key next to a message key, and says mail somewhere.
  const builds = mentionsMail && SHAPE_TO_HINT.test(text) && SHAPE_KEY_HINT.test(text);
  // Re-exports are read from the text: an index file that only passes names on is never parsed.
  const reexported = REEXPORT_NEEDLE.test(text) ? textReexports(text) : [];
  // A module that says mail and imports a project module with mail in its summary may send through it.
  if (!importsSdk && mentionsMail && depth >= MAX_CHAIN) truncations++;
  const chains =
    !importsSdk &&
    mentionsMail &&
    depth < MAX_CHAIN &&
    importSpecifiers(text).some((specifier) => {
      const next = projectModule(file.path, specifier);
      return next !== null && hasMail(next, depth + 1);
    });
  const passesOn: ModuleSummary = reexported.length ? { exports: NO_EXPORTS, reexports: reexported } : EMPTY_SUMMARY;
  if (!importsSdk && !builds && !chains) return passesOn;
  if (depth >= MAX_CHAIN) truncations++; // its own imports are not read
  const analysis = analyseModule(file, text, importsSdk, depth + 1, 'summary');
  if (!analysis) return EMPTY_SUMMARY;
  const sends = analysis.sdkImports > 0 || chains;
  if (!sends && !builds) return passesOn;
  if (sends) analysis.run();
  return { exports: analysis.exportFacts(builds), reexports: reexported };
}

/** Whether a module's summary, or one it re-exports from, says anything of mail. */
function hasMail(file: ModuleFile, depth: number, seen = new Set<string>()): boolean {
  const summary = moduleSummary(file, depth);
  if (summary.exports.size > 0) return true;
  if (depth >= MAX_CHAIN && summary.reexports.length) truncations++;
  if (depth >= MAX_CHAIN || seen.has(file.path)) return false;
  seen.add(file.path);
  return summary.reexports.some((entry) => {
    const next = projectModule(file.path, entry.source);
    return next !== null && hasMail(next, depth + 1, seen);
  });
}

/** `export * from './a'`, `export { send, notify as alert } from './b'` (types left out), read from the text. */
function textReexports(text: string): { name: string; source: string; imported: string }[] {
  const found: { name: string; source: string; imported: string }[] = [];
  for (const match of text.matchAll(REEXPORT)) {
    const [, names, , source] = match;
    if (names === undefined) {
      found.push({ name: '*', source: source!, imported: '*' });
      continue;
    }
    for (const part of names.split(',')) {
      const words = part.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0 || words[0] === 'type') continue;
      const imported = words[0]!;
      const name = words[1] === 'as' && words[2] ? words[2] : imported;
      found.push({ name, source: source!, imported });
    }
  }
  return found;
}

/**
 * The linted file's view of the project's own modules: which export a callee or value is, and
 * what that export's module summary says of it, through re-exports.
 */
export class ProjectLinks implements ProjectModules {
  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly filename: string,
    private readonly cwd: string,
    /** How many imports away from the linted file this file is. */
    private readonly depth: number,
  ) {}

  clientOf(node: TSESTree.Identifier | TSESTree.MemberExpression): KindRef | null {
    const client = this.facts(node, false)?.facts.client;
    if (!client) return null;
    return { sdk: client.sdk, kind: client.kind, imported: { throttled: client.throttled, ...(client.only ? { only: client.only } : {}) } };
  }

  returnedField(call: TSESTree.CallExpression, fieldPath: readonly PathSegment[]): (ReturnedField & { name: string; module: string }) | null {
    const found = this.facts(call.callee);
    const returns = found?.facts.returns;
    if (!found || !returns) return null;
    // A path the summary read and did not keep is absent from every message the builder returns.
    const key = fieldPath.join('.');
    const field = returns.get(key) ?? (MESSAGE_PATH_KEYS.has(key) ? ABSENT_FIELD : UNKNOWN_FIELD);
    return { ...field, name: found.label, module: found.module };
  }

  /** What the export a callee, value or `new` names does, with the module it is in and the name the user wrote. */
  facts(node: Node, instances = true): { facts: ExportFacts; module: string; label: string; file: ModuleFile; key: string } | null {
    const ref = this.exportRef(node, instances);
    if (!ref) return null;
    for (const key of ref.keys) {
      const found = lookup(ref.file, key, this.depth);
      if (found) return { ...found, module: path.relative(this.cwd, found.file.path).split(path.sep).join('/'), label: ref.label };
    }
    return null;
  }

  private exportRef(node: Node, instances: boolean): { file: ModuleFile; keys: string[]; label: string } | null {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrap(value.callee);
      const binding = callee.type === AST_NODE_TYPES.Identifier ? this.binding(callee) : null;
      return binding && binding.name !== '*' ? { file: binding.file, keys: [`${binding.name}#new`], label: callee.type === AST_NODE_TYPES.Identifier ? callee.name : '' } : null;
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const binding = this.binding(value);
      return binding && binding.name !== '*' ? { file: binding.file, keys: [binding.name], label: value.name } : null;
    }
    if (value.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = propertyName(value);
    if (name === null) return null;
    const object = unwrap(value.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const binding = this.binding(object);
      if (binding) {
        // `mailer.send` on `import * as mailer`; on a default import, a method of the exported
        // object, or (CommonJS) the module's own export of that name.
        const keys = binding.name === '*' ? [name] : binding.name === 'default' ? [`default.${name}`, name] : [`${binding.name}.${name}`];
        return { file: binding.file, keys, label: `${object.name}.${name}` };
      }
    }
    const instance = instances ? this.instanceOf(object, 0) : null;
    return instance ? { file: instance.file, keys: [`${instance.name}#${name}`], label: `${instance.label}.${name}` } : null;
  }

  private binding(identifier: TSESTree.Identifier): { file: ModuleFile; name: string } | null {
    const variable = variableOf(this.globalScope, identifier);
    if (!variable) return null;
    if (this.bindings.has(variable)) return this.bindings.get(variable)!;
    const binding = importBinding(this.globalScope, identifier);
    const file = binding && projectModule(this.filename, binding.source);
    const found = binding && file ? { file, name: binding.name } : null;
    this.bindings.set(variable, found);
    return found;
  }

  /** Each variable's import of a project module, or null: asked for every callee and client of the file. */
  private readonly bindings = new Map<TSESLint.Scope.Variable, { file: ModuleFile; name: string } | null>();

  /**
   * An instance of a class exported by a project module: `new MailService()`, a variable holding
   * one, or a parameter or class field annotated with the class (`constructor(private mail: MailService)`).
   */
  private instanceOf(node: Node, depth: number): { file: ModuleFile; name: string; label: string } | null {
    const value = unwrap(node);
    if (depth > 3) return null;
    if (value.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrap(value.callee);
      const binding = callee.type === AST_NODE_TYPES.Identifier ? this.binding(callee) : null;
      return binding && binding.name !== '*' && callee.type === AST_NODE_TYPES.Identifier ? { ...binding, label: callee.name } : null;
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(this.globalScope, value);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === DefinitionType.Parameter) return this.annotated((def.name as TSESTree.Identifier).typeAnnotation);
      const init = variable && def?.type === DefinitionType.Variable ? soleValue(variable) : null;
      return init ? this.instanceOf(init, depth + 1) : null;
    }
    if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = propertyName(value);
      const cls = thisClass(value);
      if (!cls || name === null) return null;
      const { field, annotations } = classField(cls, name);
      for (const annotation of annotations) {
        const annotated = this.annotated(annotation);
        if (annotated) return annotated;
      }
      return field?.value ? this.instanceOf(field.value, depth + 1) : null;
    }
    return null;
  }

  /** `mail: MailService`, with the class imported from a project module. */
  private annotated(annotation: TSESTree.TSTypeAnnotation | undefined): { file: ModuleFile; name: string; label: string } | null {
    const type = annotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
    const binding = this.binding(type.typeName);
    return binding && binding.name !== '*' ? { ...binding, label: type.typeName.name } : null;
  }
}

/** One of the project's own modules, never an installed package. */
function projectModule(fromFile: string, specifier: string): ModuleFile | null {
  return isProjectSpecifier(fromFile, specifier) ? resolveImport(fromFile, specifier) : null;
}

/** An export's facts, in its module or through that module's re-exports. */
function lookup(file: ModuleFile, key: string, depth: number): { file: ModuleFile; facts: ExportFacts; key: string } | null {
  const summary = moduleSummary(file, depth);
  const facts = summary.exports.get(key);
  if (facts) return { file, facts, key };
  if (depth >= MAX_CHAIN) {
    if (summary.reexports.length) truncations++;
    return null;
  }
  const split = key.search(/[.#]/);
  const head = split < 0 ? key : key.slice(0, split);
  const tail = split < 0 ? '' : key.slice(split);
  for (const entry of summary.reexports) {
    if (entry.name !== head && !(entry.name === '*' && head !== 'default')) continue;
    const next = projectModule(file.path, entry.source);
    const found = next && lookup(next, entry.imported === '*' ? key : entry.imported + tail, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The fast exit's question: does an import of the project's own modules (relative, an alias, a workspace package) lead to one that sends or builds mail? */
setImportProbe((context, requires) => {
  // A list of addresses handed to a helper is spelled with `mail` somewhere (`u.email`,
  // `sendMail`, `mailer`): a file without the word skips the look at other modules.
  if (!MAIL_WORD.test(context.sourceCode.text)) return false;
  for (const source of importSources(context.sourceCode.ast, requires)) {
    const file = projectModule(context.filename, source);
    if (file !== null && hasMail(file, 0)) return true;
  }
  return false;
});
