import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { MessageSpec, RecipientField, SdkSpec, SendSpec } from '../../sdks/index.js';
import { propertyName, scopeAt, unwrap, variableOf } from '../flow/ast.js';
import { functionName } from '../flow/functions.js';
import { soleValue } from '../flow/values.js';
import { kindSpec } from '../model/clients.js';
import type { FieldWrite, Lookup } from '../model/messages.js';
import { isList, type ParamRef } from '../model/recipients.js';
import type { FileModel } from './file-model.js';
import type { ExportFacts, ForwardedParameter, ModuleUse } from './summary-types.js';
import type { Exposure, MailCall } from './types.js';

/**
 * The exposures pass: data-driven recipient lists written into fields every recipient sees, in
 * the messages of the file's sends, in messages created from an SDK's classes, through in-file
 * wrappers, and through the exports of the project's modules (at the call, and at the field of a
 * wrapper its callers in other modules fill).
 */

type Node = TSESTree.Node;

/** A parameter of a function of this file that reaches a visible field. */
export interface WrapperTarget {
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

const DATA_DRIVEN_LIST = { kind: 'data-driven' } as const;

export class Exposures {
  readonly exposures: Exposure[] = [];
  /** Every parameter of a function of this file found to reach a visible field: what a module summary exports. */
  readonly forwarded: WrapperTarget[] = [];
  /** The data-driven lists this file passes to project modules' exports that expose them. */
  readonly moduleUses: ModuleUse[] = [];
  private readonly wrapperSeen = new Set<string>();
  private readonly exposedHolders = new Set<Node>();
  /**
   * Object literals already read as the message of a send, with the send's own context: the
   * messages as the sends gave them, resolved to their literals when first asked (only the shape
   * pass asks, under `strict` or with types).
   */
  private readonly checkedMessages = new Set<Node>();
  private readonly messagesToCheck: Node[] = [];

  constructor(private readonly file: FileModel) {}

  /**
   * Reports the visible fields of one message; `call` is the send, when there is one in view.
   * Returns, by `message.visible`, what each visible field says of whether the message reaches
   * many recipients, for the send to answer that without reading them again (see `VisibleField`).
   */
  checkMessage(sdk: SdkSpec, call: MailCall | null, message: MessageSpec, messageNode: Node, send: SendSpec): VisibleField[] {
    const { reader } = this.file;
    this.messagesToCheck.push(messageNode);
    // Most messages individualise nothing: the set of fields that are, made only when one is.
    let individualFields: ReadonlySet<string> | null = null;
    let accountDecides = false;
    let flagTarget: TSESTree.ObjectExpression | null = null;
    const flag = message.individualFlag;
    const { flagFields, fields } = fieldsOf(message);
    const argIndividual = call !== null && individualByArgument(this.file, call.node, send);
    if (send.individual || argIndividual) individualFields = flagFields;
    if (flag) {
      const state = reader.flag(messageNode, flag.path);
      if (state.state === 'static' && state.value === flag.equals) individualFields = flagFields;
      else if (state.state === 'unknown') individualFields = flagFields; // unknown is silent
      else if (state.state === 'absent' && flag.unsetFix) accountDecides = true;
      flagTarget = flagObject(messageNode, flag.path);
    }
    if (message.individualWhenPresent) {
      const present = reader.read(messageNode, message.individualWhenPresent.path);
      const set = present.writes.filter((w) => !isUndefined(w.value));
      if (set.length || present.forwards.length || !present.complete) {
        individualFields = new Set([...(individualFields ?? []), ...message.individualWhenPresent.fields]);
      }
    }
    const written = new Array<VisibleField>(fields.length).fill(null);
    for (let index = 0; index < fields.length; index++) {
      const { field, key, name } = fields[index]!;
      const fieldName = name ?? `argument ${(send.arg ?? 0) + 1}`;
      if (individualFields?.has(key)) continue;
      const lookup = reader.read(messageNode, field.path);
      let lists = false;
      for (const write of lookup.writes) {
        // Classified first: most writes are no list (one address), and need no exposure built.
        const list = this.file.classifier.classify(write.value);
        if (isList(list)) lists = true;
        if (list.kind !== 'unknown') this.recordWrite({ sdk, call, message, field, fieldName, write, accountDecides, flagTarget }, list);
      }
      written[index] = lists || lookup.writes;
      for (const param of lookup.forwards) {
        this.wrap({ param, sdk, message, field, fieldName, accountDecides });
      }
    }
    return written;
  }

  private recordWrite(found: Omit<Exposure, 'list'>, list = this.file.classifier.classify(found.write.value)): void {
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

  /** For the module's summary, the parameter a data-driven list in a visible field is cut from. */
  private noteParameterBehind(found: Omit<WrapperTarget, 'param'>, value: Node): void {
    const source = this.file.classifier.parameterBehind(value);
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
    const { writes, complete } = this.file.reader.read(list, ['[]', entryType.key]);
    return (
      complete &&
      writes.length > 0 &&
      writes.every((w) => {
        const value = staticValue(this.file, w.value);
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
    // A handler is called by the name it is registered under (`bus.emit('notify', list)`).
    const name = functionName(target.param.fn) ?? this.file.callSites.dispatch.labelOf(target.param.fn);
    if (!name) return [];
    const steps: (WrapperTarget | (() => void))[] = [];
    for (const { call: callNode, offset } of this.file.callSites.invocations(target.param.fn)) {
      const lookup = this.passed(callNode, target.param.index + offset, target.param.path);
      if (!lookup) continue;
      const base = fieldOf(target);
      for (const write of lookup.writes) {
        const list = this.file.classifier.classify(write.value);
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
   * A call of an export of one of the project's modules that puts an argument in a visible field:
   * `sendMessage(team.map((m) => m.email), subject)` reported at the argument, naming the module;
   * `new MailerService({ emailList })` whose constructor does. A parameter of this file passed on
   * is a link in a chain of modules.
   */
  importedForwards(node: TSESTree.CallExpression | TSESTree.NewExpression, found: { facts: ExportFacts; module: string; label: string; file: string; key: string }): void {
    for (const target of found.facts.forwards ?? []) {
      const lookup = this.passed(node, target.index, target.path);
      for (const write of lookup?.writes ?? []) {
        const list = this.file.classifier.classify(write.value);
        if (list.kind === 'parameter') {
          this.wrap({ ...target, param: list.param });
        } else if (list.kind === 'data-driven') {
          this.expose({ ...fieldOf(target), write, list, wrapper: found.label, module: found.module, via: node });
          this.moduleUses.push({ module: found.file, key: found.key, fieldName: target.fieldName, line: write.holder.loc.start.line });
        }
      }
      for (const param of lookup?.forwards ?? []) this.wrap({ ...target, param });
    }
  }

  /**
   * The field where this file's export puts a parameter that callers in other modules fill with
   * data-driven lists (chapter's `to: this.emailList`), reported with the first caller and how
   * many more: one change here fixes every caller.
   */
  exposeCallers(target: WrapperTarget, callers: { readonly first: string; readonly more: number }): void {
    if (!target.write) return;
    this.expose({ ...fieldOf(target), write: target.write, list: DATA_DRIVEN_LIST, flagTarget: target.flagTarget ?? null, callers });
  }

  /** What a call passes at a parameter's position and path; null when a spread hides it. */
  private passed(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, path: readonly string[]): Lookup | null {
    const argument = call.arguments[index];
    if (!argument || call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
    return this.file.reader.read(argument, path);
  }

  /** `params.setTo(list)` on a message builder (MailerSend). */
  setterCall(node: TSESTree.CallExpression, sdk: SdkSpec, messageName: string | undefined, fieldKey: string): void {
    const message = messageName ? sdk.messages[messageName] : undefined;
    const field = message?.visible.find((f) => f.path.join('.') === fieldKey);
    const argument = node.arguments[0];
    if (!message || !field || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
    const write: FieldWrite = { holder: argument, value: unwrap(argument), object: null };
    this.recordWrite({ sdk, call: null, message, field, fieldName: fieldKey, write, accountDecides: false, flagTarget: null });
  }

  /** `email.to = list` on a message object created from an SDK class (Brevo `SendSmtpEmail`). */
  messageFieldWrite(assignment: TSESTree.AssignmentExpression): void {
    const member = assignment.left as TSESTree.MemberExpression;
    const owner = this.file.resolver.kindOf(member.object);
    const spec = owner && kindSpec(owner);
    const message = owner && spec?.message ? owner.sdk.messages[spec.message] : undefined;
    const name = propertyName(member);
    const field = message?.visible.find((f) => f.path.length === 1 && f.path[0] === name);
    if (!owner || !message || !field || name === null) return;
    const write: FieldWrite = { holder: assignment, value: unwrap(assignment.right), object: null };
    this.recordWrite({ sdk: owner.sdk, call: null, message, field, fieldName: name, write, accountDecides: false, flagTarget: null });
  }

  /**
   * The literal is a checked message, or written inside one (`personalizations: list.map((c) => ({ to: c.email }))`):
   * the send's own check covers it, and asking for its contextual type again would only cost.
   */
  insideChecked(object: TSESTree.ObjectExpression): boolean {
    if (this.messagesToCheck.length) for (const messageNode of this.messagesToCheck.splice(0)) this.markChecked(messageNode);
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
      const variable = variableOf(this.file.globalScope, value);
      const init = variable && soleValue(variable);
      if (init) value = unwrap(init);
    }
    this.checkedMessages.add(value);
  }
}

/** `send(msg, true)`; an argument whose value is unknown may be true, so it counts too. */
export function individualByArgument(file: FileModel, node: TSESTree.CallExpression | TSESTree.NewExpression, send: SendSpec): boolean {
  const flagArgument = send.individualArg && node.arguments[send.individualArg.index];
  if (!send.individualArg || !flagArgument) return false;
  const value = staticValue(file, flagArgument);
  return value === null || value.value === send.individualArg.equals;
}

function staticValue(file: FileModel, node: Node): { value: unknown } | null {
  return ASTUtils.getStaticValue(node, scopeAt(file.globalScope, node));
}

/**
 * A message's visible fields as `checkMessage` reads them, made once per message spec: each
 * field's path as a key (`personalizations.[].to`), its name as users write it
 * (`personalizations[].to`; null for the message itself, named by its argument), and the fields
 * the individualising flag covers.
 */
function fieldsOf(message: MessageSpec): {
  readonly flagFields: ReadonlySet<string>;
  readonly fields: readonly { readonly field: RecipientField; readonly key: string; readonly name: string | null }[];
} {
  let known = messageFields.get(message);
  if (!known) {
    const fields = message.visible.map((field) => {
      const key = field.path.join('.');
      return { field, key, name: field.path.length ? key.replaceAll('.[]', '[]') : null };
    });
    known = { flagFields: new Set(message.individualFlag?.fields ?? fields.map((f) => f.key)), fields };
    messageFields.set(message, known);
  }
  return known;
}
const messageFields = new WeakMap<MessageSpec, ReturnType<typeof fieldsOf>>();

/**
 * What a visible field of a message says of whether the message reaches many recipients, as the
 * exposures pass read it: true when a value written there is a list; else its writes, whose
 * values' declared types may still say so; null when a flag individualises the field (the send
 * reads it itself).
 */
export type VisibleField = true | readonly FieldWrite[] | null;

function flagObject(messageNode: Node, path: readonly string[]): TSESTree.ObjectExpression | null {
  let current = unwrap(messageNode);
  for (const key of path.slice(0, -1)) {
    if (current.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const property = current.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p) === key);
    if (!property) return null;
    current = unwrap(property.value);
  }
  return current.type === AST_NODE_TYPES.ObjectExpression ? current : null;
}

function isUndefined(node: Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/** The field a forwarded parameter lands in, as an exposure reached through a wrapper describes it. */
function fieldOf(target: Omit<ForwardedParameter, 'index' | 'path'>): Omit<Exposure, 'write' | 'list'> {
  const { sdk, message, field, fieldName, accountDecides } = target;
  return { sdk, call: null, message, field, fieldName, accountDecides, flagTarget: null };
}
