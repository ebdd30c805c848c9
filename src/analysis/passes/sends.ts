import path from 'node:path';
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { messageShape, messageShapeKeys } from '../../sdks/message-shape.js';
import { sdks, type MessageSpec, type ModuleRoot, type RecipientField, type SdkSpec, type SendSpec } from '../../sdks/index.js';
import { CALLEE_NAMES, MESSAGE_PATHS, RECIPIENT_KEYS, recipientPaths } from '../../sdks/indexes.js';
import { type Collected, collectedOf, objectsWithShapeKey } from '../file/collect.js';
import { type AnalysisOptions, perFile, preludeOf, projectMailOf, shapeHintOf, stateOf, typedHintOf } from '../file/state.js';
import { typeServices } from '../file/types.js';
import { type FunctionNode, propertyName, returnedExpressions, unwrap, variableOf, scopeAt, thisClass } from '../flow/ast.js';
import { CallSites, enclosingNamedFunction, exportedValues, exportKeys, functionName, objectMethods, passesParamsOn } from '../flow/functions.js';
import {
  callerUses,
  type ExportedClient,
  type ExportedSender,
  type ExportFacts,
  type ForwardedParameter,
  type Mode,
  type ModuleUse,
  ProjectLinks,
  setModuleAnalyser,
} from './summaries.js';
import { ValueFlow } from '../flow/sources.js';
import { isFunctionValue, soleValue } from '../flow/values.js';
import { moduleFile } from '../file/modules.js';
import { importersOf } from '../file/importers.js';
import { iteratesWithin } from '../flow/loops.js';
import { type KindRef, kindSpec, ValueResolver } from '../model/clients.js';
import { HttpSends } from '../model/http.js';
import { type FieldWrite, type Lookup, MessageReader } from '../model/messages.js';
import type { ReturnedField } from '../model/project.js';
import { type ParamRef, RecipientClassifier, type RecipientList } from '../model/recipients.js';
import { TypeInfo } from '../model/type-info.js';
import { IterationAnalysis } from './iterations.js';
import { own } from '../../util/own.js';

export type { AnalysisOptions } from '../file/state.js';
export { mailRuleListeners, perFile } from '../file/state.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call proven to send mail, or to build a message that will be sent. */
export interface MailCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly sdk: SdkSpec;
  /** How the user wrote it: `sendMail`, `new SendEmailCommand`, or an in-file wrapper's name. */
  readonly method: string;
  readonly spec: SendSpec | null;
  /** Set when the call goes through a function of this file that sends mail. */
  readonly wrapper?: string;
  /**
   * One call reaches many recipients: a batch API, a send split per recipient by the provider,
   * or a recipient list. Such a call in a loop is one call per chunk, not per recipient.
   */
  readonly batch: boolean;
  /** The client queues and throttles its sends (a pooled nodemailer transport with a `rateLimit`). */
  readonly throttled: boolean;
  /** The call hands the message to a job queue instead of sending it. */
  readonly queued: boolean;
  /** An array of messages sent as one request each, all at once (SendGrid `send([...])`). */
  readonly parallelArray: Node | null;
  /** The wrapper is passed by name to this call rather than called (`users.map(sendWelcome)`). */
  readonly callback?: TSESTree.Identifier;
}

type MutableMailCall = { -readonly [K in keyof MailCall]: MailCall[K] };


/** A recipient list written into a field that every recipient of the message sees. */
export interface Exposure {
  readonly sdk: SdkSpec;
  /**
   * The SDK call it belongs to; null when the list is written into a message object or builder,
   * or reaches the SDK through an in-file wrapper.
   */
  readonly call: MailCall | null;
  readonly message: MessageSpec;
  readonly field: RecipientField;
  /** The field as users write it: `to`, `Destination.ToAddresses`, `personalizations[].to`. */
  readonly fieldName: string;
  readonly write: FieldWrite;
  readonly list: Extract<RecipientList, { kind: 'data-driven' | 'fixed' }>;
  /** Mandrill: the flag that would individualise the send is unset, so an account setting decides. */
  readonly accountDecides: boolean;
  /** The message object a flag suggestion can be inserted into (`isMultiple: true`). */
  readonly flagTarget: TSESTree.ObjectExpression | null;
  /** An in-file wrapper the list went through before reaching the SDK. */
  readonly wrapper?: string;
  /** The project module the wrapper is exported from, relative to the working directory. */
  readonly module?: string;
  /** The call of that module's export the list is passed to. */
  readonly via?: TSESTree.CallExpression | TSESTree.NewExpression;
  /** Reported where this file's export puts its parameter: the callers in other modules that pass data-driven lists. */
  readonly callers?: { readonly first: string; readonly more: number };
}

export interface MailAnalysis {
  /** Every send in the file: SDK calls, and calls of in-file functions that send. */
  readonly calls: readonly MailCall[];
  readonly exposures: readonly Exposure[];
  /** Whether a call runs once per element of a collection, and how (see iteration.ts). */
  readonly iterations: IterationAnalysis | null;
  /** The file's resolver and the nodes it was built from, for analyses beyond sends (security.ts). Absent on the fast exit. */
  readonly file?: FileFacts;
}

/** What one pass over the file collected: every call and `new`, every member write, and the resolver over them. */
export interface FileFacts {
  readonly resolver: ValueResolver;
  readonly reader: MessageReader;
  readonly callNodes: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[];
  readonly memberWrites: readonly TSESTree.AssignmentExpression[];
}

/** The mail analysis of the file being linted, computed once per set of options and shared by every rule. */
export function getMailAnalysis(context: Context, options: AnalysisOptions = {}): MailAnalysis {
  const typed = options.typed === true;
  const key = ANALYSIS_KEYS[(options.shapes ? 2 : 0) + (typed ? 1 : 0)]!;
  return perFile(context, key, () => (options.shapes ? analyseShapes(context, typed) : analyse(context, typed)));
}

/** Per-file cache keys: the analyses by `shapes` and `typed`, and the analysis objects behind them by `typed`. */
const ANALYSIS_KEYS = [{}, {}, {}, {}] as const;
const INSTANCE_KEYS = [{}, {}] as const;
const httpSends = new HttpSends();
const EMPTY_ANALYSIS: MailAnalysis = { calls: [], exposures: [], iterations: null };


/** The sends of the file and what they expose; typed or not. */
function analyse(context: Context, typed: boolean): MailAnalysis {
  const state = stateOf(context);
  const prelude = preludeOf(context, state);
  if (!prelude) return EMPTY_ANALYSIS;
  const types = typed ? typeInfoOf(context) : null;
  if (!prelude.sends && !(types !== null && typedHintOf(context, prelude))) return EMPTY_ANALYSIS;
  const file = new FileAnalysis(context.sourceCode, prelude.globalScope, prelude.roots, types, collectedOf(context, state), {
    filename: context.filename,
    cwd: context.cwd,
    // Asked only of a file that imports a project module with mail in its summary.
    links: path.isAbsolute(context.filename) && projectMailOf(context, prelude) ? new ProjectLinks(prelude.globalScope, context.filename, context.cwd, 0) : null,
    mode: 'lint',
  });
  state.results.set(INSTANCE_KEYS[typed ? 1 : 0], file);
  return file.run();
}

/** The same, plus object literals shaped like a message with no send in view (the `messageShapes` option). */
function analyseShapes(context: Context, typed: boolean): MailAnalysis {
  const base = getMailAnalysis(context, { typed });
  const state = stateOf(context);
  const prelude = preludeOf(context, state);
  if (!prelude) return base;
  const { text } = context.sourceCode;
  if (!shapeHintOf(prelude, text)) return base;
  let file = state.results.get(INSTANCE_KEYS[typed ? 1 : 0]) as FileAnalysis | undefined;
  if (!file) {
    // No sends: only the literals with a `to`/`cc` key matter, found from the tokens; the rest of the
    // collection (calls, for wrappers) is walked for only if a literal forwards a parameter.
    const objects = objectsWithShapeKey(context.sourceCode) ?? collectedOf(context, state).objects;
    if (objects.length === 0) return base;
    const collected: Collected = {
      objects,
      get callNodes() {
        return collectedOf(context, state).callNodes;
      },
      get memberWrites() {
        return collectedOf(context, state).memberWrites;
      },
      get thisWrites() {
        return collectedOf(context, state).thisWrites;
      },
    };
    file = new FileAnalysis(context.sourceCode, prelude.globalScope, prelude.roots, typed ? typeInfoOf(context) : null, collected);
  }
  return file.addShapes();
}

function typeInfoOf(context: Context): TypeInfo | null {
  const services = typeServices(context);
  return services ? new TypeInfo(services, sdks) : null;
}

interface WrapperTarget {
  readonly param: ParamRef;
  readonly sdk: SdkSpec;
  readonly message: MessageSpec;
  readonly field: RecipientField;
  readonly fieldName: string;
  readonly accountDecides: boolean;
  /** Where this file writes the parameter into the field: a report there names callers in other modules. */
  readonly write?: FieldWrite;
  readonly flagTarget?: TSESTree.ObjectExpression | null;
}

class FileAnalysis {
  private readonly links: ProjectLinks | null;
  private readonly resolver: ValueResolver;
  private readonly classifier: RecipientClassifier;
  private readonly reader: MessageReader;
  private readonly iterations: IterationAnalysis;
  private readonly callSites: CallSites;
  private readonly calls: MailCall[] = [];
  private readonly exposures: Exposure[] = [];
  private readonly collected: Collected;
  /** What the security pass reads; the node lists through getters, so a shape check alone never walks the file. */
  private readonly facts: FileFacts;
  private readonly wrapperSeen = new Set<string>();
  /** Every parameter of a function of this file found to reach a visible field: what a module summary exports. */
  readonly forwarded: WrapperTarget[] = [];
  /** How many imports or requires of mail modules the file has: a module with none sends nothing itself. */
  readonly sdkImports: number;
  /** The data-driven lists this file passes to project modules' exports that expose them. */
  readonly moduleUses: ModuleUse[] = [];
  private readonly exposedHolders = new Set<Node>();
  private readonly callByNode = new Map<Node, MailCall>();
  /** Object literals already read as the message of a send, with the send's own context. */
  private readonly checkedMessages = new Set<Node>();
  /** Set once the message-shape check has run: it runs once, after the sends. */
  private shapesChecked = false;
  private ran = false;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly globalScope: TSESLint.Scope.Scope,
    roots: ReadonlyMap<Node, ModuleRoot>,
    private readonly types: TypeInfo | null,
    collected: Collected,
    /**
     * The file's path and the working directory, and its view of the project's own modules; absent
     * when other modules are not read (the shape check alone). `mode`: the linted file, a module
     * summarised for another file's lint, or a caller of the linted file's exports read for it.
     */
    private readonly where: { readonly filename: string; readonly cwd: string; readonly links: ProjectLinks | null; readonly mode: Mode } | null = null,
  ) {
    this.collected = collected;
    this.links = where?.links ?? null;
    // The node lists are read through `collected` when used: a shape check alone may never need them.
    this.callSites = new CallSites(globalScope, sourceCode.scopeManager!, () => collected.callNodes);
    const thisWrites = { get: (cls: ClassNode) => collected.thisWrites.get(cls) };
    this.sdkImports = roots.size;
    const flow = new ValueFlow(globalScope, this.callSites, thisWrites);
    this.resolver = new ValueResolver(flow, roots, types, this.links);
    this.classifier = new RecipientClassifier(flow, types);
    this.reader = new MessageReader(flow, this.links);
    this.facts = {
      resolver: this.resolver,
      reader: this.reader,
      get callNodes() {
        return collected.callNodes;
      },
      get memberWrites() {
        return collected.memberWrites;
      },
    };
    this.iterations = new IterationAnalysis(this.resolver, this.classifier, this.reader);
  }

  /** The sends of the file, what their messages expose, and messages typed as an SDK's (with types). */
  run(): MailAnalysis {
    for (const node of this.collected.callNodes) this.mailCall(node);
    for (const assignment of this.collected.memberWrites) this.messageFieldWrite(assignment);
    if (this.links) for (const node of this.collected.callNodes) this.importedCall(this.links, node);
    if (this.types) this.messageObjects(false);
    this.senderWrappers();
    if (this.where?.mode === 'lint') this.callersElsewhere(this.where.filename);
    this.ran = true;
    return this.result();
  }

  /** Adds the object literals shaped like a message with no send in view; after `run`, if the file has sends. */
  addShapes(): MailAnalysis {
    if (!this.shapesChecked) {
      this.shapesChecked = true;
      this.messageObjects(true);
    }
    return this.result();
  }

  private result(): MailAnalysis {
    return {
      calls: this.calls,
      exposures: [...this.exposures],
      iterations: this.iterations,
      file: this.facts,
    };
  }

  private mailCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    // `list.map(…)`, `console.log(…)`: a method no SDK or HTTP client has is no send.
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !CALLEE_NAMES.has(propertyName(callee) ?? '')) return;
    const target = this.resolver.kindOf(node.callee);
    const spec = target && target.sdk.kinds[target.kind];
    if (!target || !spec) {
      if (node.type === AST_NODE_TYPES.CallExpression) this.httpCall(node);
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
        this.setterCall(node, target.sdk, spec.message, setterField);
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
    const found = httpSends.match(node, this.resolver, this.globalScope);
    if (!found) return;
    const { message, batch, bulk } = found.endpoint;
    const send: SendSpec = { message, ...(batch ? { batch } : {}), ...(bulk ? { bulk } : {}) };
    this.send(node, found.sdk, send, found.method, found.body, false);
  }

  private send(
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    sdk: SdkSpec,
    send: SendSpec,
    method: string,
    argument: Node | undefined,
    throttled: boolean,
  ): void {
    const message = sdk.messages[send.message];
    const usable = message && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : null;
    const batch = usable && (send.batch ?? (send.acceptsArray && isArrayValue(usable) ? ['[]'] : undefined));
    const messages = !usable ? [] : batch ? this.reader.read(usable, batch).writes.map((w) => w.value) : [usable];
    // Whether one call reaches many recipients matters only for a send in a loop: worked out on demand.
    const known = Boolean(send.batch || send.individual || send.bulk) || this.individualByArgument(node, send);
    let reaches: boolean | undefined;
    const reachesMany = () => (reaches ??= messages.some((m) => message !== undefined && this.reachesMany(message, m)));
    const call: MutableMailCall = {
      node,
      sdk,
      method,
      spec: send,
      get batch() {
        return known || reachesMany();
      },
      throttled,
      queued: Boolean(send.queued),
      parallelArray: null,
    };
    this.calls.push(call);
    this.callByNode.set(node, call);
    if (!usable || !message) return;
    if (send.acceptsArray && isArrayValue(usable) && this.classifier.classify(usable).kind !== 'fixed') {
      call.parallelArray = usable;
    }
    for (const messageNode of messages) this.checkMessage(sdk, call, message, messageNode, send);
  }

  /** `send(msg, true)`; an argument whose value is unknown may be true, so it counts too. */
  private individualByArgument(node: TSESTree.CallExpression | TSESTree.NewExpression, send: SendSpec): boolean {
    const flagArgument = send.individualArg && node.arguments[send.individualArg.index];
    if (!send.individualArg || !flagArgument) return false;
    const value = this.staticValue(flagArgument);
    return value === null || value.value === send.individualArg.equals;
  }

  /**
   * Object literals that are messages with no send in view: typed as an SDK's message
   * (`const mail: SendMailOptions = {…}`, an argument of a wrapper typed so), and with `shapes`,
   * any literal with a recipient field, a subject and a body.
   */
  private messageObjects(shapes: boolean): void {
    for (const object of this.collected.objects) {
      if (this.insideChecked(object) || !hasRecipientKey(object) || this.passedToLocalFunction(object)) continue;
      // `run` has checked the typed messages already; the shape pass after it asks no type query again.
      const typed = shapes && this.ran ? null : this.types?.messageOf(object);
      const found =
        typed ?? (shapes && isMessageShaped(object) && !copiesReceived(object) && this.leaves(object, 0) ? { sdk: messageShape, message: 'shape' } : null);
      const message = found && found.sdk.messages[found.message];
      if (!found || !message) continue;
      this.checkMessage(found.sdk, null, message, object, { message: found.message });
    }
  }

  /**
   * Whether a message-shaped literal goes anywhere a send can take it from: returned, passed to a
   * call (a queue, a job, a send the analysis cannot resolve), pushed, exported, or held by a
   * variable that is. A literal only stored or compared where it is written is sent by no one.
   */
  private leaves(node: Node, depth: number): boolean {
    const parent = node.parent;
    if (!parent || depth > 4) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.arguments.includes(node as TSESTree.CallExpressionArgument);
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        return this.leaves(parent, depth + 1);
      case AST_NODE_TYPES.Property:
        return parent.value === node && this.leaves(parent.parent, depth + 1);
      case AST_NODE_TYPES.AssignmentExpression: {
        // `module.exports = {…}`, `exports.digest = {…}`, `this.queue = …` leave; a local write is followed below.
        const left = parent.left;
        if (left.type === AST_NODE_TYPES.MemberExpression) return true;
        return left.type === AST_NODE_TYPES.Identifier && this.variableLeaves(left, depth);
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
        return parent.id.type === AST_NODE_TYPES.Identifier && this.variableLeaves(parent.id, depth);
      default:
        return false;
    }
  }

  private variableLeaves(identifier: TSESTree.Identifier, depth: number): boolean {
    const variable = variableOf(this.globalScope, identifier);
    return (
      variable?.references.some((ref) => ref.isRead() && ref.identifier !== identifier && this.leaves(ref.identifier, depth + 1)) ?? false
    );
  }

  /** Reports the visible fields of one message; `call` is the send, when there is one in view. */
  private checkMessage(
    sdk: SdkSpec,
    call: MutableMailCall | null,
    message: MessageSpec,
    messageNode: Node,
    send: SendSpec,
  ): void {
    this.markChecked(messageNode);
    const individualFields = new Set<string>();
    let accountDecides = false;
    let flagTarget: TSESTree.ObjectExpression | null = null;
    const flag = message.individualFlag;
    const flagFields = flag?.fields ?? message.visible.map((f) => f.path.join('.'));
    const argIndividual = call !== null && this.individualByArgument(call.node, send);
    if (send.individual || argIndividual) flagFields.forEach((f) => individualFields.add(f));
    if (flag) {
      const state = this.reader.flag(messageNode, flag.path);
      if (state.state === 'static' && state.value === flag.equals) flagFields.forEach((f) => individualFields.add(f));
      else if (state.state === 'unknown') flagFields.forEach((f) => individualFields.add(f)); // unknown is silent
      else if (state.state === 'absent' && flag.unsetFix) accountDecides = true;
      flagTarget = this.flagObject(messageNode, flag.path);
    }
    if (message.individualWhenPresent) {
      const present = this.reader.read(messageNode, message.individualWhenPresent.path);
      const set = present.writes.filter((w) => !isUndefined(w.value));
      if (set.length || present.forwards.length || !present.complete) {
        message.individualWhenPresent.fields.forEach((f) => individualFields.add(f));
      }
    }
    for (const field of message.visible) {
      const fieldName = field.path.length
        ? field.path.join('.').replaceAll('.[]', '[]')
        : `argument ${(send.arg ?? 0) + 1}`;
      if (individualFields.has(field.path.join('.'))) continue;
      const lookup = this.reader.read(messageNode, field.path);
      for (const write of lookup.writes) {
        this.recordWrite({ sdk, call, message, field, fieldName, write, accountDecides, flagTarget });
      }
      for (const param of lookup.forwards) {
        this.wrap({ param, sdk, message, field, fieldName, accountDecides });
      }
    }
  }

  /**
   * Does one message reach a list of recipients: a list in any recipient field, visible or hidden
   * (`bcc`), or a list of per-recipient entries (`personalizations`, `messageVersions`,
   * `Messages`, `recipients`)? Then a loop around the send is a loop over chunks.
   */
  private reachesMany(message: MessageSpec, messageNode: Node): boolean {
    return recipientPaths(message).some((path) =>
      this.reader.read(messageNode, path).writes.some((w) => isList(this.classifier.classify(w.value)) || this.classifier.declaresList(w.value)),
    );
  }

  private recordWrite(found: Omit<Exposure, 'list'>): void {
    const list = this.classifier.classify(found.write.value);
    if (list.kind === 'parameter') {
      const { sdk, message, field, fieldName, accountDecides, write, flagTarget } = found;
      this.wrap({ param: list.param, sdk, message, field, fieldName, accountDecides, write, flagTarget });
      return;
    }
    if (list.kind !== 'data-driven' && list.kind !== 'fixed') return;
    if (list.kind === 'fixed' && list.count < 2) return;
    if (found.field.entryType && this.allEntriesHidden(found.write.value, found.field.entryType)) return;
    const builder = found.write.builder;
    // Through a message builder of another module: named, as a helper that puts the list there.
    this.expose(builder && !found.wrapper ? { ...found, list, wrapper: builder.name, module: builder.module, via: builder.call } : { ...found, list });
    // A module's own chunking of a parameter (`recipients.slice(i, i + 50)` in `to`) is reported
    // here; its summary also says where that parameter goes, for the callers in other modules.
    if (list.kind === 'data-driven') this.noteParameterBehind(found, found.write.value);
  }

  /** In a module's summary, the parameter a data-driven list in a visible field is cut from. */
  private noteParameterBehind(found: Omit<WrapperTarget, 'param'>, value: Node): void {
    const source = this.where?.mode === 'summary' ? this.classifier.parameterBehind(value) : null;
    if (!source) return;
    const { sdk, message, field, fieldName, accountDecides } = found;
    this.forwarded.push({ param: source, sdk, message, field, fieldName, accountDecides });
  }

  /**
   * One report per written field: a list assigned to `email.to` is found both as a write to a
   * message object and in the send that takes it.
   */
  private expose(exposure: Exposure): void {
    if (this.exposedHolders.has(exposure.write.holder)) return;
    this.exposedHolders.add(exposure.write.holder);
    this.exposures.push(exposure);
  }

  /** Mandrill-style entries that each say `type: 'bcc'` are hidden from the others. */
  private allEntriesHidden(list: Node, entryType: NonNullable<RecipientField['entryType']>): boolean {
    const { writes, complete } = this.reader.read(list, ['[]', entryType.key]);
    return (
      complete &&
      writes.length > 0 &&
      writes.every((w) => {
        const value = this.staticValue(w.value);
        return value !== null && entryType.hidden.includes(value.value);
      })
    );
  }

  /** A function of this file forwards a parameter into a visible field: its callers are checked too. */
  private wrap(first: WrapperTarget): void {
    // A stack of steps in the order a recursion would take them: a chain of thousands of
    // wrappers (generated code) must not overflow the stack.
    const steps: (WrapperTarget | (() => void))[] = [first];
    while (steps.length) {
      const step = steps.pop()!;
      if (typeof step === 'function') step();
      else steps.push(...this.wrapSteps(step).reverse());
    }
  }

  private wrapSteps(target: WrapperTarget): (WrapperTarget | (() => void))[] {
    const key = `${target.param.fn.range.join(':')}#${target.param.index}.${target.param.path.join('.')}#${target.fieldName}`;
    if (this.wrapperSeen.has(key)) return [];
    this.wrapperSeen.add(key);
    this.forwarded.push(target);
    const name = functionName(target.param.fn);
    if (!name) return [];
    const steps: (WrapperTarget | (() => void))[] = [];
    for (const callNode of this.callSites.callsOf(target.param.fn)) {
      const lookup = this.passed(callNode, target.param.index, target.param.path);
      if (!lookup) continue;
      const base = fieldOf(target);
      for (const write of lookup.writes) {
        const list = this.classifier.classify(write.value);
        if (list.kind === 'parameter') {
          steps.push({ ...base, param: list.param, write: target.write, flagTarget: target.flagTarget });
        } else if (list.kind === 'data-driven' || (list.kind === 'fixed' && list.count > 1)) {
          steps.push(() => {
            this.expose({ ...base, write, list, wrapper: name });
            if (list.kind === 'data-driven') this.noteParameterBehind(base, write.value);
          });
        }
      }
      for (const param of lookup.forwards) steps.push({ ...base, param, write: target.write, flagTarget: target.flagTarget });
    }
    return steps;
  }

  /**
   * An export of this file that puts a parameter in a visible field, called from other modules
   * of the project with data-driven lists: reported here too, at the field, where one change
   * fixes every caller (chapter's `to: this.emailList`). The callers are read as a lint of each
   * reads them (see callerUses), so this report exists exactly when theirs do.
   */
  private callersElsewhere(filename: string): void {
    const targets = this.forwarded.filter((t) => t.write);
    if (targets.length === 0) return;
    const keys = exportKeys(exportedValues(this.sourceCode.ast, this.globalScope), (cls) => this.localClass(cls));
    const keyed = targets.flatMap((t) => keys.get(t.param.fn)?.map((key) => ({ key, target: t })) ?? []);
    const self = keyed.length ? moduleFile(filename) : null;
    if (!self) return;
    const uses = importersOf(self).flatMap((file) => callerUses(file).filter((u) => u.module === self.path).map((u) => ({ ...u, file: file.path })));
    for (const { key, target } of keyed) {
      const matching = uses.filter((u) => u.key === key && u.fieldName === target.fieldName);
      const first = matching[0];
      if (!first || !target.write) continue;
      const where = `${path.relative(this.where!.cwd, first.file).split(path.sep).join('/')}:${first.line}`;
      this.expose({
        ...fieldOf(target),
        write: target.write,
        list: DATA_DRIVEN_LIST,
        flagTarget: target.flagTarget ?? null,
        callers: { first: where, more: matching.length - 1 },
      });
    }
  }

  /**
   * A call of an export of one of the project's modules, as its summary describes it:
   * `sendMessage(team.map((m) => m.email), subject)` where `sendMessage` puts that argument in a
   * visible field (reported here, at the argument), `new MailerService({ emailList })` whose
   * constructor does, and `await deliver(user)` where `deliver` sends (a send, for the loop checks).
   */
  private importedCall(links: ProjectLinks, node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (this.callByNode.has(node)) return; // an SDK call already, through an exported client
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const found = links.facts(node.type === AST_NODE_TYPES.NewExpression ? node : callee);
    if (!found) return;
    const { facts, module, label } = found;
    for (const target of facts.forwards ?? []) {
      const lookup = this.passed(node, target.index, target.path);
      for (const write of lookup?.writes ?? []) {
        const list = this.classifier.classify(write.value);
        if (list.kind === 'parameter') {
          // A module that hands its own parameter on: a link in a chain of modules.
          this.wrap({ ...target, param: list.param });
        } else if (list.kind === 'data-driven') {
          this.expose({ ...fieldOf(target), write, list, wrapper: label, module, via: node });
          this.moduleUses.push({ module: found.file.path, key: found.key, fieldName: target.fieldName, line: write.holder.loc.start.line });
        }
      }
      for (const param of lookup?.forwards ?? []) this.wrap({ ...target, param });
    }
    const sender = facts.sender;
    if (sender) {
      // `sendBulk(chunk)`: an argument that is itself a list of recipients makes one call reach many.
      const carriesList = node.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && isList(this.classifier.classify(a)));
      const call: MailCall = {
        node,
        sdk: sender.sdk,
        method: label,
        spec: null,
        wrapper: label,
        batch: sender.batch || carriesList,
        throttled: sender.throttled,
        queued: sender.queued,
        parallelArray: null,
      };
      this.calls.push(call);
      this.callByNode.set(node, call);
    }
  }

  /**
   * What this module's exports do with mail, for the summary other files read: the parameters
   * each puts in a visible field, whether it sends, the client it is, and (with `builds`) where
   * the fields of the message it returns come from.
   */
  exportFacts(builds: boolean): Map<string, ExportFacts> {
    const exported = exportedValues(this.sourceCode.ast, this.globalScope);
    const facts = new Map<string, ExportFacts>();
    for (const [name, value] of exported) {
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        const client = this.proxiedClient(objectMethods(value));
        if (client) facts.set(name, { client });
      }
      const ref = this.resolver.kindOf(value);
      const spec = ref && kindSpec(ref);
      if (ref && spec && !facts.has(name) && (spec.sends || spec.props || spec.methods)) {
        facts.set(name, { client: { sdk: ref.sdk, kind: ref.kind, throttled: this.isThrottled(ref) } });
      }
    }
    const forwards = new Map<FunctionNode, ForwardedParameter[]>();
    for (const target of this.forwarded) {
      const list = forwards.get(target.param.fn) ?? [];
      const { index, path: fieldPath } = target.param;
      const { sdk, message, field, fieldName, accountDecides } = target;
      list.push({ index, path: fieldPath, sdk, message, field, fieldName, accountDecides });
      forwards.set(target.param.fn, list);
    }
    for (const [fn, keys] of exportKeys(exported, (id) => this.localClass(id))) for (const key of keys) {
      const entry: ExportFacts = facts.get(key) ?? {};
      const forwarded = forwards.get(fn);
      if (forwarded?.length) entry.forwards = forwarded;
      const sender = this.senderFacts(fn);
      if (sender) entry.sender = sender;
      const returns = builds ? this.returnedFields(fn) : null;
      if (returns) entry.returns = returns;
      if (Object.keys(entry).length) facts.set(key, entry);
    }
    return facts;
  }

  /** The sends inside an exported function, as one: a call of it sends with their SDK. */
  private senderFacts(fn: FunctionNode): ExportedSender | null {
    const inner = this.calls.filter((c) => within(c.node, fn));
    return inner.length ? { sdk: inner[0]!.sdk, ...this.asOneSend(fn, inner) } : null;
  }

  /**
   * A function's sends, as one send where it is called: a batch when it loops over its own sends
   * or each reaches many; throttled when each is; queued when each is, or when the function hands
   * messages to a queue of the module (`queue.push(message)`) that something else drains at its
   * own pace (HGNRest's emailSender, whose workers pause after every send).
   */
  private asOneSend(fn: FunctionNode, inner: readonly MailCall[]): Pick<MailCall, 'batch' | 'throttled' | 'queued'> {
    const loopsItself = inner.some((c) => this.iterations.perElement(c, []) !== null || iteratesWithin(c.node, fn));
    return {
      batch: loopsItself || inner.every((c) => c.batch),
      throttled: inner.every((c) => c.throttled),
      queued: inner.every((c) => c.queued) || this.enqueues(fn),
    };
  }

  /** Does the function push onto an array of the module (not one of its own)? */
  private enqueues(fn: FunctionNode): boolean {
    return this.collected.callNodes.some((node) => {
      if (!within(node, fn) || node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
      const name = propertyName(callee);
      if (name !== 'push' && name !== 'unshift') return false;
      const scope = variableOf(this.globalScope, callee.object)?.scope.type;
      return scope === TSESLint.Scope.ScopeType.module || scope === TSESLint.Scope.ScopeType.global;
    });
  }

  /**
   * An exported object whose methods hand all their arguments, unchanged, to the same-named
   * method of one SDK client (`send: (...args) => sgMail.send(...args)`): that client, for those methods.
   */
  private proxiedClient(methods: ReadonlyMap<string, FunctionNode>): ExportedClient | null {
    let client: ExportedClient | null = null;
    const only = new Set<string>();
    for (const [name, fn] of methods) {
      const call = this.calls.find((c) => c.spec && c.node.type === AST_NODE_TYPES.CallExpression && within(c.node, fn));
      if (!call || !passesParamsOn(fn, call.node)) continue;
      const ref = this.resolver.kindOf(call.node.callee);
      if (!ref || ref.member !== name || (client && (client.sdk !== ref.sdk || client.kind !== ref.kind))) return null;
      client = { sdk: ref.sdk, kind: ref.kind, throttled: this.isThrottled(ref) };
      only.add(name);
    }
    return client && { ...client, only };
  }

  /**
   * A builder's returned message: for each recipient field and flag of any SDK, the parameters it
   * comes from. Null when no field comes from a parameter: then the call is no builder to follow.
   */
  private returnedFields(fn: FunctionNode): Map<string, ReturnedField> | null {
    const returned = returnedExpressions(fn);
    if (returned.length === 0) return null;
    const fields = new Map<string, ReturnedField>();
    let fromParams = false;
    for (const fieldPath of MESSAGE_PATHS) {
      const params: { index: number; path: readonly string[] }[] = [];
      let complete = true;
      let found = false;
      for (const expression of returned) {
        const lookup = this.reader.read(expression, fieldPath);
        if (!lookup.complete) complete = false;
        const sources = [...lookup.forwards, ...lookup.writes.map((w) => this.classifier.classify(w.value))];
        for (const source of sources) {
          found = true;
          const param = 'fn' in source ? source : source.kind === 'parameter' ? source.param : null;
          if (param?.fn === fn) params.push({ index: param.index, path: param.path });
          else complete = false; // written in the builder itself: not visible from the caller's file
        }
      }
      if (params.length) fromParams = true;
      if (found || !complete) fields.set(fieldPath.join('.'), { params, complete });
    }
    return fromParams ? fields : null;
  }

  private localClass(identifier: TSESTree.Identifier): ClassNode | null {
    const def = variableOf(this.globalScope, identifier)?.defs[0];
    if (def?.type === DefinitionType.ClassName && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
    return null;
  }

  /** What a call passes at a parameter's position and path; null when a spread hides it. */
  private passed(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, path: readonly string[]): Lookup | null {
    const argument = call.arguments[index];
    if (!argument || call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
    return this.reader.read(argument, path);
  }

  /** `params.setTo(list)` on a message builder (MailerSend). */
  private setterCall(node: TSESTree.CallExpression, sdk: SdkSpec, messageName: string | undefined, fieldKey: string): void {
    const message = messageName ? sdk.messages[messageName] : undefined;
    const field = message?.visible.find((f) => f.path.join('.') === fieldKey);
    const argument = node.arguments[0];
    if (!message || !field || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
    const write: FieldWrite = { holder: argument, value: unwrap(argument), object: null };
    this.recordWrite({ sdk, call: null, message, field, fieldName: fieldKey, write, accountDecides: false, flagTarget: null });
  }

  /** `email.to = list` on a message object created from an SDK class (Brevo `SendSmtpEmail`). */
  private messageFieldWrite(assignment: TSESTree.AssignmentExpression): void {
    const member = assignment.left as TSESTree.MemberExpression;
    const owner = this.resolver.kindOf(member.object);
    const spec = owner && kindSpec(owner);
    const message = owner && spec?.message ? owner.sdk.messages[spec.message] : undefined;
    const name = propertyName(member);
    const field = message?.visible.find((f) => f.path.length === 1 && f.path[0] === name);
    if (!owner || !message || !field || name === null) return;

    const write: FieldWrite = { holder: assignment, value: unwrap(assignment.right), object: null };
    this.recordWrite({ sdk: owner.sdk, call: null, message, field, fieldName: name, write, accountDecides: false, flagTarget: null });
  }

  private flagObject(messageNode: Node, path: readonly string[]): TSESTree.ObjectExpression | null {
    let current = unwrap(messageNode);
    for (const key of path.slice(0, -1)) {
      if (current.type !== AST_NODE_TYPES.ObjectExpression) return null;
      const property = current.properties.find(
        (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p) === key,
      );
      if (!property) return null;
      current = unwrap(property.value);
    }
    return current.type === AST_NODE_TYPES.ObjectExpression ? current : null;
  }

  /**
   * An argument of a function defined in this file: the in-file wrapper analysis follows it to the
   * send, with the send's own flags (`sendMultiple`), so the type alone does not decide.
   */
  private passedToLocalFunction(object: TSESTree.ObjectExpression): boolean {
    const call = object.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((a) => a === object)) return false;
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const def = variableOf(this.globalScope, callee)?.defs[0];
      return def?.type === DefinitionType.FunctionName || (def?.type === DefinitionType.Variable && isFunctionValue(def.node.init));
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = propertyName(callee);
      return thisClass(callee)?.body.body.some((m) => m.type === AST_NODE_TYPES.MethodDefinition && propertyName(m) === name) ?? false;
    }
    return false;
  }

  /**
   * The literal is a checked message, or written inside one (`personalizations: list.map((c) => ({ to: c.email }))`):
   * the send's own check covers it, and asking for its contextual type again would only cost.
   */
  private insideChecked(object: TSESTree.ObjectExpression): boolean {
    if (this.checkedMessages.size === 0) return false;
    for (let node: Node | undefined = object; node && node.type !== AST_NODE_TYPES.Program; node = node.parent) {
      if (this.checkedMessages.has(node)) return true;
    }
    return false;
  }

  /** Remembers the object literal a message expression holds, so it is not checked again on its own. */
  private markChecked(messageNode: Node): void {
    let value = unwrap(messageNode);
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(this.globalScope, value);
      const init = variable && soleValue(variable);
      if (init) value = unwrap(init);
    }
    this.checkedMessages.add(value);
  }

  /** The client was created with options that queue and throttle its sends. */
  private isThrottled(target: KindRef, depth = 0): boolean {
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
    const byOptions = condition.options.every(({ path, equals }) => {
      const state = this.reader.flag(options, path);
      if (state.state !== 'static') return false;
      return equals === undefined ? state.value !== undefined && state.value !== false : state.value === equals;
    });
    if (byOptions || !condition.via || depth > 2) return byOptions;
    return this.reader.read(options, condition.via).writes.some((write) => {
      const inner = this.resolver.kindOf(write.value);
      return inner !== null && this.isThrottled(inner, depth + 1);
    });
  }

  /**
   * Functions of this file that send mail are sends too, where they are called: a loop over
   * `sendWelcome(user)` sends one message per user. Followed a few calls deep.
   */
  private senderWrappers(): void {
    let frontier: MailCall[] = [...this.calls];
    for (let depth = 0; depth < 4 && frontier.length; depth++) {
      const byFunction = new Map<FunctionNode, MailCall[]>();
      for (const call of frontier) {
        const fn = enclosingNamedFunction(call.node);
        if (fn) byFunction.set(fn, [...(byFunction.get(fn) ?? []), call]);
      }
      const next: MailCall[] = [];
      for (const [fn, inner] of byFunction) {
        const name = functionName(fn);
        if (!name) continue;
        const asOne = this.asOneSend(fn, inner);
        const uses: [TSESTree.CallExpression, TSESTree.Identifier | undefined][] = [
          ...this.callSites.callsOf(fn).map((c): [TSESTree.CallExpression, undefined] => [c, undefined]),
          ...this.callSites.passedAsCallback(fn),
        ];
        for (const [callNode, callback] of uses) {
          if (this.callByNode.has(callNode)) continue;
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
          this.calls.push(call);
          this.callByNode.set(callNode, call);
          next.push(call);
        }
      }
      frontier = next;
    }
  }

  private staticValue(node: Node): { value: unknown } | null {
    return ASTUtils.getStaticValue(node, scopeAt(this.globalScope, node));
  }
}

/** The node lies inside the function (nested functions included). */
function within(node: Node, fn: FunctionNode): boolean {
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

function isUndefined(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

function hasRecipientKey(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((p) => {
    if (p.type !== AST_NODE_TYPES.Property) return false;
    const nested = RECIPIENT_KEYS.get(propertyName(p) ?? '');
    // `message: 'Invalid input'` is no `message: { to }`: a text or a function holds no recipient field.
    return nested !== undefined && !(nested && isScalarValue(p.value));
  });
}

function isScalarValue(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * Every `to`/`cc` of the literal copies the same field of another object (`to: original.to`,
 * `cc: mail.headers.cc`): a relay or a provider adapter passing on what it was given, whose
 * list was decided where that message was built.
 */
function copiesReceived(object: TSESTree.ObjectExpression): boolean {
  const fields = object.properties.filter(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && ['to', 'cc'].includes(propertyName(p) ?? ''),
  );
  return (
    fields.length > 0 &&
    fields.every((p) => {
      const value = unwrap(p.value);
      const name = value.type === AST_NODE_TYPES.MemberExpression ? propertyName(value) : null;
      return name !== null && name.toLowerCase() === propertyName(p);
    })
  );
}

/** A recipient key and at least two other message keys: `{ to, subject, html }`. */
function isMessageShaped(object: TSESTree.ObjectExpression): boolean {
  const keys = object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [propertyName(p)] : []));
  return keys.some((k) => k === 'to' || k === 'cc') && keys.filter((k) => k !== null && messageShapeKeys.has(k)).length >= 2;
}

function isList(list: RecipientList): boolean {
  return list.kind === 'data-driven' || (list.kind === 'fixed' && list.count > 1);
}

function calleeName(callee: Node): string {
  const value = unwrap(callee);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) return propertyName(value) ?? 'call';
  return 'call';
}


/** The field a forwarded parameter lands in, as an exposure reached through a wrapper describes it. */
function fieldOf(target: Omit<ForwardedParameter, 'index' | 'path'>): Omit<Exposure, 'write' | 'list'> {
  const { sdk, message, field, fieldName, accountDecides } = target;
  return { sdk, call: null, message, field, fieldName, accountDecides, flagTarget: null };
}

const DATA_DRIVEN_LIST = { kind: 'data-driven' } as const;

setModuleAnalyser((sourceCode, globalScope, roots, collected, where) => new FileAnalysis(sourceCode, globalScope, roots, null, collected, where));
