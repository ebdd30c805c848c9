import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  HOST_NEEDLES,
  httpClientRoots,
  mentionsHost,
  mentionsPattern,
  RECIPIENT_KEY_HINT,
  SEND_HINT,
  SHAPE_KEY_HINT,
  SHAPE_KEYS_ARE_RECIPIENT_KEYS,
  SHAPE_TO_HINT,
  throttlerRoots,
} from '../../sdks/indexes.js';
import type { ModuleRoot } from '../../sdks/index.js';
import { collectNode, type Collected, type MutableCollected } from './collect.js';
import { dynamicImports, findModuleRoots, mailModules, requireCalls, type RequireCall } from './imports.js';
import { typeServices } from './types.js';

/**
 * The per-file lifecycle, shared by every rule and every set of options: the fast exit (which
 * imports reach an SDK, whether a provider host is named), the node collection during ESLint's
 * own traversal, and the cache of per-file results. No analysis of values happens here.
 */

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What a rule asks the analysis to do beyond the import-proven default. */
export interface AnalysisOptions {
  /** Use type information where the parser provides it (the `*-type-checked` configs). */
  readonly typed?: boolean;
  /** Check object literals shaped like a message even with no send in view (`strict`). */
  readonly shapes?: boolean;
}


/** `require`, or a needle of the provider hosts (`api.`, `mandrillapp.com`): a file with none skips both checks. Plain string searches, faster than one alternation. */
const TEXT_NEEDLES = ['require', ...HOST_NEEDLES];

/**
 * What is known of one file, shared by every rule and every set of options: the module roots and
 * text checks of the fast exit, the nodes of the one pass over the file, the analyses made.
 */
export interface FileState {
  prelude?: Prelude | null;
  collected?: Collected;
  /** Filled by the node listeners of `collectDuringTraversal` while ESLint walks the file. */
  collecting?: MutableCollected;
  /** Whether a listener collects the object literals too (only the `shapes` and `typed` analyses read them). */
  collectingObjects?: boolean;
  /** Per-file results of the passes (sends, security, …), by key. */
  readonly results: Map<unknown, unknown>;
}

/** The fast exit's findings: which imports reach an SDK, a throttler or an HTTP client, and whether a provider host is named. */
export interface Prelude {
  readonly globalScope: TSESLint.Scope.Scope;
  readonly roots: ReadonlyMap<Node, ModuleRoot>;
  /** An SDK (or a wrapper declared in settings) is imported, or a provider's API host is named: sends are possible. */
  readonly sdk: boolean;
  /** The file's `require()` calls of modules (empty when its text has no `require`). */
  readonly requires: readonly RequireCall[];
  /** An import of the project's own modules may lead to a send (the passes' probe, asked once). */
  projectMail?: boolean;
  /** An import of the project's own modules may lead to mail of any kind, a message builder's included: a file that sends needs a view of the project. */
  projectView?: boolean;
  /** Computed when the `shapes` option first asks. */
  shapeHint?: boolean;
  /** Computed when the `typed` option first asks: the parser has types, and the text a recipient key or a send method. */
  typedHint?: boolean;
  /** Whether the text writes a recipient field (`RECIPIENT_KEY_HINT`), once the typed hint has asked. */
  recipientKey?: boolean;
}

/**
 * What the probe and a module summary are for. `sends`: may a file with no send of its own send
 * through one of its imports (the fast exit, and the chain check of modules that import no SDK);
 * a summary for it keeps the facts of sends, clients and parameters put in visible fields, and a
 * module that could only build messages (no SDK import, no dispatch to an SDK's action, no import
 * of a module that sends) is not parsed for it. `all`: may an import say anything of mail, a
 * message builder's returned message included (whether a file that sends needs a view of the
 * project, and that view).
 */
export type ProbePurpose = 'all' | 'sends';

/**
 * Asked, at most once per file and purpose: may one of the file's imports of the project's own
 * modules lead to mail? The passes answer it from the project's modules; this layer only keeps
 * the answer.
 */
export type ProjectProbe = (context: Context, prelude: Prelude, purpose: ProbePurpose) => boolean;

/** Sends are possible: an SDK import, a provider host, or (once asked) a project module with mail. */
export function sendsIn(prelude: Prelude): boolean {
  return prelude.sdk || prelude.projectMail === true;
}

/** The probe's answer for the fast exit, asked at most once per file. */
export function projectMailOf(context: Context, prelude: Prelude, probe: ProjectProbe): boolean {
  return (prelude.projectMail ??= probe(context, prelude, 'sends'));
}

/** Whether the file's view of the project is worth making: an import may lead to a send or a message builder. */
export function projectViewOf(context: Context, prelude: Prelude, probe: ProjectProbe): boolean {
  return (prelude.projectView ??= prelude.projectMail === true || probe(context, prelude, 'all'));
}

const states = new WeakMap<TSESTree.Program, FileState>();

/**
 * The file being linted, ahead of the WeakMap: every rule asks for it in create() and again at
 * Program:exit, one file after another, and a comparison is cheaper than a WeakMap lookup.
 */
let current: { readonly program: TSESTree.Program; readonly state: FileState } | null = null;

/** A result computed once per file, by `key` (one per kind of result and set of options). */
export function perFile<T>(context: Context, key: unknown, compute: () => T): T {
  const { results } = stateOf(context);
  if (!results.has(key)) results.set(key, compute());
  return results.get(key) as T;
}

export function stateOf(context: Context): FileState {
  const program = context.sourceCode.ast;
  if (current?.program === program) return current.state;
  let state = states.get(program);
  if (!state) states.set(program, (state = { results: new Map() }));
  current = { program, state };
  return state;
}

/**
 * A rule's listeners: the node collection (see below) and `exit` at `Program:exit`. A file the
 * fast exit rules out (no SDK import, no provider host; with `shapes`, no message-shaped text;
 * with `typed`, no recipient key or send method in the text) gets none at all, so ESLint calls
 * nothing of the rule for it: most files a project lints send no mail.
 */
export function mailRuleListeners(context: Context, options: AnalysisOptions, exit: () => void, probe: ProjectProbe): TSESLint.RuleListener {
  const state = stateOf(context);
  const prelude = preludeOf(context, state);
  if (!prelude || !mayHaveFindings(context, prelude, options, probe)) return {};
  return { ...collectDuringTraversal(context, state, prelude, options), 'Program:exit': exit };
}

/** The fast exit: whether the analysis with these options can find anything in the file. */
function mayHaveFindings(context: Context, prelude: Prelude, options: AnalysisOptions, probe: ProjectProbe): boolean {
  if (prelude.sdk || projectMailOf(context, prelude, probe)) return true;
  // Typed first: its recipient-key check, when it fails, also rules out message-shaped literals.
  if (options.typed === true && typedHintOf(context, prelude)) return true;
  return options.shapes === true && shapeHintOf(prelude, context.sourceCode.text);
}

/**
 * Node listeners that collect the calls, object literals and member writes the analysis needs
 * during ESLint's own traversal, so the analysis walks no tree of its own. Given to the first
 * rule that needs them for the file. Without them (a host that asks for an analysis outside a
 * rule's traversal) the analysis walks the tree itself.
 */
function collectDuringTraversal(context: Context, state: FileState, prelude: Prelude, options: AnalysisOptions): TSESLint.RuleListener {
  const listeners: TSESLint.RuleListener = {};
  if (!state.collecting && !state.collected) {
    // Files with sends, or typed candidates. A file that only has message-shaped literals is walked
    // on demand instead: measured on dependency code, listeners cost more there than the walk.
    const needed = sendsIn(prelude) || (options.typed === true && typedHintOf(context, prelude));
    if (!needed) return listeners;
    const collecting: MutableCollected = { callNodes: [], objects: [], memberWrites: [], thisWrites: new Map() };
    state.collecting = collecting;
    const collect = (node: Node) => collectNode(collecting, node);
    Object.assign(listeners, { CallExpression: collect, NewExpression: collect, AssignmentExpression: collect });
  }
  // The object literals, for the first rule whose options read them: a file of sends has one per message.
  const { collecting } = state;
  if (collecting && !state.collectingObjects && (options.shapes === true || options.typed === true)) {
    state.collectingObjects = true;
    listeners.ObjectExpression = (node: TSESTree.ObjectExpression) => collecting.objects.push(node);
  }
  return listeners;
}

export function preludeOf(context: Context, state: FileState): Prelude | null {
  if (state.prelude !== undefined) return state.prelude;
  const { sourceCode } = context;
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return (state.prelude = null);
  const { text } = sourceCode;
  // One scan for `require` and the provider hosts' needles rules both out in most module files;
  // where it finds one, each is checked on its own (the `require()` lookup reads the unresolved
  // references, which are many).
  const either = TEXT_NEEDLES.some((needle) => text.includes(needle));
  const required = either && text.includes('require') ? requireCalls(globalScope) : [];
  const modules = mailModules(context, required);
  // `await import('nodemailer')`: read as `require()`'s value is.
  const dynamic = dynamicImports(sourceCode.ast, text, (specifier) => modules.has(specifier) || throttlerRoots.has(specifier) || httpClientRoots.has(specifier));
  const requires = dynamic.length ? [...required, ...dynamic] : required;
  const roots = findModuleRoots(sourceCode.ast, requires, modules);
  // The common case, a file with no mail code, costs a scan of its imports and one of its text.
  const rawCalls = either && mentionsHost(text);
  // A dispatch to an action an SDK registers (`seneca.act({ role: 'mail', cmd: 'send' })`) needs no import.
  const sdk = roots.size > 0 || rawCalls || mentionsPattern(text);
  // Throttlers always (a typed client may be throttled in a file that imports no SDK); HTTP clients with a provider host.
  for (const known of rawCalls ? [throttlerRoots, httpClientRoots] : [throttlerRoots]) {
    for (const [node, root] of findModuleRoots(sourceCode.ast, requires, known)) roots.set(node, root);
  }
  return (state.prelude = { globalScope, roots, sdk, requires });
}

/** Types, and a recipient key or a send method in the text: a typed client or message may be there. */
export function typedHintOf(context: Context, prelude: Prelude): boolean {
  if (prelude.typedHint === undefined) {
    const { text } = context.sourceCode;
    prelude.typedHint =
      typeServices(context) !== null && ((prelude.recipientKey = RECIPIENT_KEY_HINT.test(text)) || SEND_HINT.test(text));
  }
  return prelude.typedHint;
}

export function shapeHintOf(prelude: Prelude, text: string): boolean {
  // A `to`/`cc` key is a recipient key: a text the typed hint found none in has no shape either.
  const noKey = SHAPE_KEYS_ARE_RECIPIENT_KEYS && prelude.recipientKey === false;
  return (prelude.shapeHint ??= !noKey && SHAPE_TO_HINT.test(text) && SHAPE_KEY_HINT.test(text));
}
