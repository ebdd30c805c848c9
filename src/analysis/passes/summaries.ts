import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleRoot, PathSegment } from '../../sdks/index.js';
import { builtinRoots, MESSAGE_PATHS } from '../../sdks/indexes.js';
import { collectedOf as collectFile } from '../file/collect.js';
import { dynamicImports, findModuleRoots, importSources, requireCalls } from '../file/imports.js';
import type { Prelude, ProbePurpose } from '../file/state.js';
import { classField, propertyName, thisClass, unwrap, variableOf } from '../flow/ast.js';
import { decorations, parameterPath } from '../flow/decorations.js';
import { isLiteralKey, patternFields } from '../flow/dispatch.js';
import { importBinding, requiredSpecifier, soleValue } from '../flow/values.js';
import { importersWithText, moduleImports, patternRegistrants } from '../project/importers.js';
import { moduleFact, parseModule } from '../project/modules.js';
import { isProjectSpecifier, resolveImport } from '../project/resolve.js';
import { packageRoot, projectRoot } from '../project/root.js';
import { beginLint, Store } from '../project/store.js';
import type { KindRef } from '../model/kinds.js';
import type { ReturnedField } from '../model/project.js';
import type { ProjectView } from './file-model.js';
import { MailFile } from './mail-file.js';
import { DISPATCH_TEXT, MAIL_WORD, mailText } from './mail-text.js';
import { DISPATCH_KEY, type ExportedClient, type ExportFacts, type Reexport } from './summary-types.js';

/**
 * Module summaries: what each export of one of the project's own modules does with mail, made by
 * the same passes as a lint of that module (mail-file.ts) and kept in the project layer's store,
 * which records every file and summary a summary was made from and checks them again on the next
 * lint (project/store.ts). A module is followed up to MAX_CHAIN imports away from the linted
 * file: `budget` says how many more imports a summary may follow, so a summary is the same
 * whatever was linted before and wherever the chain to it started, and an import cycle ends
 * where the budget does. Also the linted file's view of those summaries (ProjectLinks), its
 * callers' uses of its exports, and the fast exit's question for files that import no SDK.
 */

type Node = TSESTree.Node;
export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Modules are followed this many imports away from the linted file, and no further. */
export const MAX_CHAIN = 3;
/** A linted file reads at most this many of its exports' importers for the callers report (the first, by path). */
export const MAX_CALLERS = 50;

interface ModuleSummary {
  readonly exports: ReadonlyMap<string, ExportFacts>;
  readonly reexports: readonly Reexport[];
  /**
   * The least budget this summary is the same at: 0 when it follows no import, one more than the
   * summaries it read; Infinity when the budget cut it short (then it holds for its own budget only).
   */
  readonly needs: number;
}

const NO_EXPORTS: ReadonlyMap<string, ExportFacts> = new Map();

/**
 * The budgets of the summaries being made, innermost last: each is raised to one more than the
 * needs of every summary it reads, and to Infinity where its budget stops a look further.
 */
const needs: number[] = [];

/** A summary read at `step` fewer imports of budget (1: an import's; 0: the same module's, for another purpose). */
function readNeeds(value: number, step = 1): void {
  if (needs.length) needs[needs.length - 1] = Math.max(needs.at(-1)!, value + step);
}

function cutShort(): void {
  if (needs.length) needs[needs.length - 1] = Infinity;
}

const summaries = new Store<ModuleSummary>('module summaries', 8192, summaryFingerprint);

/**
 * What the exports of one of the project's modules do with mail (see ExportFacts), following at
 * most `budget` more imports. A module that neither imports a mail SDK, builds messages,
 * re-exports nor (within the budget) imports a module with mail, that is too large or that does
 * not parse, is empty.
 */
function moduleSummary(file: string, budget: number, root: string, purpose: ProbePurpose = 'all', step = 1): ModuleSummary {
  const key = (b: number) => `${root}\0${file}\0${b}\0${purpose}`;
  // A summary made at another budget that never met its limit is the same at this one.
  for (let b = 0; b <= MAX_CHAIN; b++) {
    const known = b === budget ? undefined : summaries.peek(key(b));
    if (known && known.needs <= budget) {
      readNeeds(known.needs, step);
      return known;
    }
  }
  const summary = summaries.get(key(budget), () => {
    needs.push(0);
    try {
      return { ...summarize(file, budget, root, purpose), needs: needs.at(-1)! };
    } catch {
      // Another module's code must never fail the lint of this one: what cannot be read is unknown.
      return { exports: NO_EXPORTS, reexports: [], needs: needs.at(-1)! };
    } finally {
      needs.pop();
    }
  });
  readNeeds(summary.needs, step);
  return summary;
}

function summarize(file: string, budget: number, root: string, purpose: ProbePurpose): Omit<ModuleSummary, 'needs'> {
  const text = mailText(file);
  if (!text) return { exports: NO_EXPORTS, reexports: [] };
  const { importsSdk, dispatchesToSdk, mentionsMail, builds, reexports } = text;
  // A module that says mail and imports a project module with mail in its summary may send through it.
  if (!importsSdk && mentionsMail && budget === 0) cutShort();
  const chains =
    !importsSdk &&
    mentionsMail &&
    budget > 0 &&
    (moduleImports(file).some((specifier) => {
      const next = projectModule(file, specifier, root);
      return next !== null && hasMail(next, budget - 1, root, 'sends');
    }) ||
      // A dispatch on the process's message bus, to a module that registers a pattern with mail.
      (text.dispatches && patternRegistrants(root).some((next) => next !== file && hasMail(next, budget - 1, root, 'sends'))));
  const passesOn = { exports: NO_EXPORTS, reexports };
  if (!importsSdk && !builds && !chains) return passesOn;
  if (purpose === 'sends') {
    if (!importsSdk && !chains && !dispatchesToSdk) return passesOn; // it could only build messages
    // The same analysis as a file's view of it makes: made once, for both.
    const { exports } = moduleSummary(file, budget, root, 'all', 0);
    return { exports, reexports };
  }
  if (budget === 0) cutShort(); // its own imports are not read
  const mail = analyseModule(file, importsSdk, budget > 0 ? { root, cwd: path.dirname(file), budget: budget - 1 } : null);
  if (!mail) return { exports: NO_EXPORTS, reexports: [] };
  const sends = mail.sdkImports > 0 || chains || dispatchesToSdk;
  if (!sends && !builds) return passesOn;
  if (sends) mail.run();
  return { exports: mail.exportFacts(builds), reexports };
}

/** Whether a module's summary for `purpose`, or one it re-exports from, says anything of mail. */
function hasMail(file: string, budget: number, root: string, purpose: ProbePurpose, seen = new Set<string>()): boolean {
  // What cannot lead to mail at any budget has no summary worth making.
  if (!mayHaveMail(file, MAX_CHAIN, root)) return false;
  const summary = moduleSummary(file, budget, root, purpose);
  if (summary.exports.size > 0) return true;
  if (budget === 0 && summary.reexports.length) cutShort();
  if (budget === 0 || seen.has(file)) return false;
  seen.add(file);
  return summary.reexports.some((entry) => {
    const next = projectModule(file, entry.source, root);
    return next !== null && hasMail(next, budget - 1, root, purpose, seen);
  });
}

interface ProjectPlace {
  readonly root: string;
  /** Module paths in messages are relative to it. */
  readonly cwd: string;
  /** How many more imports the file's view of the project may follow. */
  readonly budget: number;
}

/**
 * Another file of the project, parsed and set up for the mail passes as if it were linted: its SDK
 * imports (when its text names one), its nodes, and its own view of the project's modules (none
 * past the chain limit). Null when it does not parse.
 */
export function analyseModule(file: string, importsSdk: boolean, place: ProjectPlace | null): MailFile | null {
  const parsed = parseModule(file);
  const globalScope = parsed?.scopeManager.globalScope as TSESLint.Scope.Scope | null | undefined;
  if (!parsed || !globalScope) return null;
  const requires = importsSdk
    ? [...(parsed.text.includes('require') ? requireCalls(globalScope) : []), ...dynamicImports(parsed.ast, parsed.text, (specifier) => builtinRoots.has(specifier))]
    : [];
  const roots = importsSdk ? findModuleRoots(parsed.ast, requires, builtinRoots) : new Map<Node, ModuleRoot>();
  const sourceCode = { ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys, text: parsed.text } as unknown as Readonly<TSESLint.SourceCode>;
  const collected = collectFile({ sourceCode } as unknown as Context, {});
  const links = place ? new ProjectLinks(globalScope, file, place) : null;
  return new MailFile(sourceCode, globalScope, roots, null, collected, links);
}

/**
 * May an import of this module lead to mail, by the texts alone (a superset of what the summaries
 * say): it imports an SDK, builds messages, or (within the budget) re-exports or, saying mail,
 * imports a module that may. A module that may not is never parsed.
 */
const reach = new Store<boolean>('mail reach', 16_384);

function mayHaveMail(file: string, budget: number, root: string): boolean {
  return reach.get(`${root}\0${file}\0${budget}`, () => {
    const text = mailText(file);
    if (!text) return false;
    if (text.importsSdk || text.builds) return true;
    if (budget === 0) return false;
    const next = (specifier: string) => {
      const module = projectModule(file, specifier, root);
      return module !== null && mayHaveMail(module, budget - 1, root);
    };
    if (text.reexports.some((entry) => next(entry.source)) || (text.mentionsMail && moduleImports(file).some(next))) return true;
    return text.mentionsMail && text.dispatches && patternRegistrants(root).some((other) => other !== file && mayHaveMail(other, budget - 1, root));
  });
}

/** The root of the linted file's project, asked at the start of each use of the project in a lint (so that every cached fact is checked again). */
export function lintedProject(context: Context): string | null {
  if (!path.isAbsolute(context.filename)) return null;
  beginLint(context.sourceCode.ast, context.filename);
  return projectRoot(context.filename, context.cwd);
}

/**
 * Does one of the file's imports of the project's own modules lead to a module whose summary for
 * `purpose` says something of mail? `sends`: the fast exit's question for a file that imports no
 * SDK; `all`: whether a file that sends needs a view of the project. Modules whose texts cannot
 * lead to mail are never parsed for it.
 */
export function projectMailProbe(context: Context, prelude: Prelude, purpose: ProbePurpose): boolean {
  // A list of addresses handed to a helper is spelled with `mail` somewhere (`u.email`,
  // `sendMail`, `mailer`): a file without the word skips the look at other modules.
  if (!MAIL_WORD.test(context.sourceCode.text)) return false;
  const root = lintedProject(context);
  if (root === null) return false;
  // Its imports, `require()` calls and dynamic imports (`await import('./mailer.js')`).
  const { ast, text } = context.sourceCode;
  const dynamic = dynamicImports(ast, text, () => true).map(([, source]) => source);
  for (const source of [...importSources(ast, prelude.requires), ...dynamic]) {
    const file = projectModule(context.filename, source, root);
    if (file !== null && hasMail(file, MAX_CHAIN, root, purpose)) return true;
  }
  // A dispatch on the process's message bus, to a module that registers a pattern with mail.
  if (DISPATCH_TEXT.test(context.sourceCode.text) && patternRegistrants(root).some((file) => file !== context.filename && hasMail(file, MAX_CHAIN, root, 'sends'))) return true;
  // A handler of the project's middleware, which hangs a mail service on the request (in a file
  // that imports this one: this file's own middleware uses an import the loop above followed).
  return middlewareOf(context.filename, root).slice(1).some((file) => hungServices(file, root).length > 0);
}

/** The linted file's view of the project's own modules. */
export function projectLinksOf(context: Context, globalScope: TSESLint.Scope.Scope): ProjectView | null {
  const root = lintedProject(context);
  return root === null ? null : new ProjectLinks(globalScope, context.filename, { root, cwd: context.cwd, budget: MAX_CHAIN });
}

const MESSAGE_PATH_KEYS = new Set(MESSAGE_PATHS.map((p) => p.join('.')));
const ABSENT_FIELD: ReturnedField = { params: [], complete: true };
const UNKNOWN_FIELD: ReturnedField = { params: [], complete: false };

/**
 * A file's view of the project's own modules: which export a callee or value is, and what that
 * export's module summary says of it, through re-exports.
 */
class ProjectLinks implements ProjectView {
  constructor(
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly filename: string,
    private readonly place: ProjectPlace,
  ) {}

  clientOf(node: TSESTree.Identifier | TSESTree.MemberExpression): KindRef | null {
    // An export of a project module, or a client the project's middleware hangs on a request.
    const client = this.facts(node, false)?.facts.client ?? (node.type === AST_NODE_TYPES.MemberExpression ? this.hungOn(node)?.client : undefined);
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

  /**
   * The handler another module of the project registers on the message bus for a dispatched
   * object's literal fields (`seneca.act({ role: 'mailer', cmd: 'send', to })`): the most specific
   * registered pattern the fields match, in the modules that register patterns. One that sends wins.
   */
  dispatched(fields: ReadonlyMap<string, string>): { facts: ExportFacts; module: string; label: string; file: string; key: string } | null {
    const literal = new Map([...fields].filter(([, v]) => isLiteralKey(v)));
    if (literal.size === 0) return null;
    let best: { facts: ExportFacts; file: string; key: string; size: number } | null = null;
    for (const file of patternRegistrants(this.place.root)) {
      if (file === this.filename || !mayHaveMail(file, MAX_CHAIN, this.place.root)) continue;
      for (const [key, facts] of moduleSummary(file, this.place.budget, this.place.root).exports) {
        if (!key.startsWith(DISPATCH_KEY)) continue;
        const registered = patternFields(key.slice(DISPATCH_KEY.length));
        if (![...registered].every(([k, v]) => literal.get(k) === v)) continue;
        if (!best || registered.size > best.size || (registered.size === best.size && !best.facts.sender && facts.sender)) best = { facts, file, key, size: registered.size };
      }
    }
    if (!best) return null;
    const label = [...patternFields(best.key.slice(DISPATCH_KEY.length))].map(([k, v]) => `${k}:${String(JSON.parse(v))}`).join(',');
    return { facts: best.facts, file: best.file, key: best.key, module: path.relative(this.place.cwd, best.file).split(path.sep).join('/'), label };
  }

  /** What the export a callee, value or `new` names does, with the module it is in and the name the user wrote. */
  facts(node: Node, instances = true): { facts: ExportFacts; module: string; label: string; file: string; key: string } | null {
    const ref = this.exportRef(node, instances);
    if (!ref) return null;
    for (const key of ref.keys) {
      const found = lookup(ref.file, key, this.place.budget, this.place.root);
      if (found) return { ...found, module: path.relative(this.place.cwd, found.file).split(path.sep).join('/'), label: ref.label };
    }
    return null;
  }

  private exportRef(node: Node, instances: boolean): { file: string; keys: string[]; label: string } | null {
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
    // `seneca.add(pattern, require('./send'))`: the module's export, required in place.
    const required = value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1 ? requiredSpecifier(this.globalScope, value) : null;
    if (required !== null) {
      const file = projectModule(this.filename, required, this.place.root);
      return file ? { file, keys: ['default'], label: required } : null;
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
    if (object.type === AST_NODE_TYPES.ThisExpression || object.type === AST_NODE_TYPES.Super) {
      const base = instances ? this.inheritedFrom(object, name) : null;
      return base ? { file: base.file, keys: [`${base.name}#${name}`], label: `${base.name}.${name}` } : null;
    }
    const instance = instances ? this.instanceOf(object, 0) : null;
    return instance ? { file: instance.file, keys: [`${instance.name}#${name}`], label: `${instance.label}.${name}` } : null;
  }

  /** Each variable's import of a project module, or null: asked for every callee and client of the file. */
  private readonly bindings = new Map<TSESLint.Scope.Variable, { file: string; name: string } | null>();

  private binding(identifier: TSESTree.Identifier): { file: string; name: string } | null {
    const variable = variableOf(this.globalScope, identifier);
    if (!variable) return null;
    if (this.bindings.has(variable)) return this.bindings.get(variable)!;
    const binding = importBinding(this.globalScope, identifier);
    const file = binding && projectModule(this.filename, binding.source, this.place.root);
    const found = binding && file ? { file, name: binding.name } : null;
    this.bindings.set(variable, found);
    return found;
  }

  /**
   * An instance of a class exported by a project module: `new MailService()`, a variable holding
   * one, or a parameter or class field annotated with the class (`constructor(private mail: MailService)`).
   */
  private instanceOf(node: Node, depth: number): { file: string; name: string; label: string } | null {
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
    if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type !== AST_NODE_TYPES.ThisExpression) return this.hungOn(value)?.instance ?? null;
    if (value.type === AST_NODE_TYPES.MemberExpression) {
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

  /**
   * `this.deliver()` or `super.deliver()` in a class that inherits `deliver` from a class a project
   * module exports (`class EventMailer extends BaseMailer`): that class. Null when a class of this
   * file on the way defines it (the file's own call graph follows that one).
   */
  private inheritedFrom(node: TSESTree.ThisExpression | TSESTree.Super, name: string): { file: string; name: string } | null {
    let cls = thisClass(node);
    for (let depth = 0; cls && depth < 6; depth++) {
      const own = cls.body.body.some(
        (element) =>
          (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && !element.static && propertyName(element) === name,
      );
      if (own && !(depth === 0 && node.type === AST_NODE_TYPES.Super)) return null;
      const parent = cls.superClass ? unwrap(cls.superClass) : null;
      if (parent?.type !== AST_NODE_TYPES.Identifier) return null;
      const binding = this.binding(parent);
      if (binding) return binding.name === '*' ? null : binding;
      const def = variableOf(this.globalScope, parent)?.defs[0];
      cls = def?.type === DefinitionType.ClassName ? def.node : null;
    }
    return null;
  }

  /** An instance of a project class, for a value another file reads (see `instanceOf`). */
  instance(node: Node): { file: string; name: string; label: string } | null {
    return this.instanceOf(node, 0);
  }

  /**
   * `req.emailService` on a handler's parameter: the instance the project's middleware, in a file
   * that imports this one, hangs there at the same position and path.
   */
  private hungOn(member: TSESTree.MemberExpression): Hung | null {
    const target = parameterPath(member, this.globalScope);
    if (!target) return null;
    const key = target.path.join('.');
    return this.hungServices().find((h) => h.index === target.index && h.path === key) ?? null;
  }

  /** What the file's middleware hangs on requests, read once per view (asked for every member of a parameter). */
  private hung: readonly Hung[] | undefined;

  private hungServices(): readonly Hung[] {
    return (this.hung ??= middlewareOf(this.filename, this.place.root).flatMap((file) => hungServices(file, this.place.root)));
  }

  /** `mail: MailService`, with the class imported from a project module. */
  private annotated(annotation: TSESTree.TSTypeAnnotation | undefined): { file: string; name: string; label: string } | null {
    const type = annotation?.typeAnnotation;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return null;
    const binding = this.binding(type.typeName);
    return binding && binding.name !== '*' ? { ...binding, label: type.typeName.name } : null;
  }
}

/**
 * What a file's middleware hangs on a request, by parameter position and path: an instance of a
 * project class (`req.emailService = new EmailService()`) or an SDK client (`req.mailer = transport`).
 */
interface Hung {
  readonly index: number;
  readonly path: string;
  readonly instance?: { readonly file: string; readonly name: string; readonly label: string };
  readonly client?: ExportedClient;
}

const hung = new Store<readonly Hung[]>('hung services', 8192, (list) =>
  JSON.stringify(list.map((h) => [h.index, h.path, h.instance ?? null, h.client ? [specId(h.client.sdk), h.client.kind, h.client.throttled] : null])),
);

/** A text that may register middleware hanging a mail service on a request: it says mail and calls `.use(…)`. */
const mayHangMail = (text: string): boolean => MAIL_WORD.test(text) && /\.use\s*\(/.test(text);

/**
 * The files that may register middleware for a file's handlers: the file, and those of its
 * package that import it and whose text may hang a mail service (the first MAX_CALLERS, by path).
 * The candidates are found by their texts first, so a project with none resolves no import.
 */
function middlewareOf(file: string, root: string): readonly string[] {
  return [file, ...importersWithText(file, packageRoot(file, root), 'mail middleware', mayHangMail).slice(0, MAX_CALLERS)];
}

/** The project class instances and SDK clients a file's middleware hangs on the objects its handlers receive. */
function hungServices(file: string, root: string): readonly Hung[] {
  return hung.get(`${root}\0${file}`, () => {
    const text = mailText(file);
    if (!text || !moduleFact('mail middleware', file, mayHangMail)) return [];
    try {
      const place = { root, cwd: path.dirname(file), budget: MAX_CHAIN };
      const mail = analyseModule(file, text.importsSdk, place);
      if (!mail) return [];
      const { globalScope, collected, resolver } = mail.model;
      const writes = decorations(collected.memberWrites, globalScope);
      if (writes.length === 0) return [];
      const links = new ProjectLinks(globalScope, file, place);
      return writes.flatMap((write): Hung[] => {
        const at = { index: write.index, path: write.path.join('.') };
        const instance = links.instance(write.value);
        if (instance) return [{ ...at, instance }];
        const ref = resolver.kindOf(write.value);
        return ref && ref.member === undefined ? [{ ...at, client: { sdk: ref.sdk, kind: ref.kind, throttled: mail.sends.isThrottled(ref) } }] : [];
      });
    } catch {
      return []; // a file that cannot be read hangs nothing we know of
    }
  }, () => []); // middleware that hangs what a file importing it hangs: a cycle, nothing more to find
}

/** One of the project's own modules, never an installed package nor a file outside the project. */
function projectModule(fromFile: string, specifier: string, root: string): string | null {
  return isProjectSpecifier(fromFile, specifier, root) ? resolveImport(fromFile, specifier, root) : null;
}

/** An export's facts, in its module or through that module's re-exports. */
function lookup(file: string, key: string, budget: number, root: string): { file: string; facts: ExportFacts; key: string } | null {
  // What cannot lead to mail at any budget has no summary worth making.
  if (!mayHaveMail(file, MAX_CHAIN, root)) return null;
  const summary = moduleSummary(file, budget, root);
  const facts = summary.exports.get(key);
  if (facts) return { file, facts, key };
  if (budget === 0) {
    if (summary.reexports.length) cutShort();
    return null;
  }
  const split = key.search(/[.#]/);
  const head = split < 0 ? key : key.slice(0, split);
  const tail = split < 0 ? '' : key.slice(split);
  for (const entry of summary.reexports) {
    if (entry.name !== head && !(entry.name === '*' && head !== 'default')) continue;
    const next = projectModule(file, entry.source, root);
    const found = next && lookup(next, entry.imported === '*' ? key : entry.imported + tail, budget - 1, root);
    if (found) return found;
  }
  return null;
}

/** Spec objects (SDKs, messages, fields) by identity: module constants, the same for the life of the process. */
const specIds = new WeakMap<object, number>();
let nextSpecId = 0;
function specId(spec: object): number {
  let id = specIds.get(spec);
  if (id === undefined) specIds.set(spec, (id = nextSpecId++));
  return id;
}

/** Equal for summaries that answer every question the same. */
function summaryFingerprint(summary: ModuleSummary): string {
  const exports = [...summary.exports].map(([key, f]) => [
    key,
    f.forwards?.map((p) => [p.index, p.path, specId(p.sdk), specId(p.message), specId(p.field), p.fieldName, p.accountDecides]) ?? null,
    f.sender ? [specId(f.sender.sdk), f.sender.batch, f.sender.throttled, f.sender.queued] : null,
    f.returns ? [...f.returns] : null,
    f.client ? [specId(f.client.sdk), f.client.kind, f.client.throttled, f.client.only ? [...f.client.only] : null] : null,
  ]);
  return JSON.stringify([exports, summary.reexports, summary.needs === Infinity ? 'cut' : summary.needs]);
}
