import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { MESSAGE_PATHS } from '../../sdks/indexes.js';
import { type FunctionNode, returnedExpressions, variableOf } from '../flow/ast.js';
import { patternKey } from '../flow/dispatch.js';
import { exportedValues, exportKeys, objectMethods, passesParamsOn } from '../flow/functions.js';
import { kindSpec } from '../model/clients.js';
import type { ReturnedField } from '../model/project.js';
import type { Exposures } from './exposures.js';
import type { FileModel } from './file-model.js';
import { type SendCalls, within } from './send-calls.js';
import { loopedParameter } from './loop-callers.js';
import { DISPATCH_KEY, type ExportedClient, type ExportedSender, type ExportFacts, type ForwardedParameter, type ParameterAt } from './summary-types.js';

/**
 * The export-facts pass: what a module's exports do with mail, for the summary other files read
 * (summary-types.ts): the parameters each puts in a visible field, whether it sends, the client it
 * is, and (with `builds`) where the fields of the message it returns come from.
 */


type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export function exportFacts(file: FileModel, sends: SendCalls, exposures: Exposures, builds: boolean): Map<string, ExportFacts> {
  const exported = exportedValues(file.sourceCode.ast, file.globalScope);
  const facts = new Map<string, ExportFacts>();
  for (const [name, values] of exported) {
    // A variable given several functions exports each; a client is one value.
    const value = values[0]!;
    if (values.length > 1) continue;
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const client = proxiedClient(file, sends, objectMethods(value, file.globalScope));
      if (client) facts.set(name, { client });
    }
    const ref = file.resolver.kindOf(value);
    const spec = ref && kindSpec(ref);
    if (ref && spec && !facts.has(name) && (spec.sends || spec.props || spec.methods)) {
      facts.set(name, { client: { sdk: ref.sdk, kind: ref.kind, throttled: sends.isThrottled(ref) } });
    }
  }
  // A handler registered under a literal pattern on a message bus: other modules of the process dispatch to it by that pattern.
  for (const { fields, handler } of file.callSites.dispatch.literalPatterns()) {
    const sender = handler && sends.senderFacts(handler);
    if (sender) facts.set(`${DISPATCH_KEY}${patternKey(fields)}`, { sender });
  }
  const forwards = new Map<FunctionNode, ForwardedParameter[]>();
  for (const target of exposures.forwarded) {
    const list = forwards.get(target.param.fn) ?? [];
    const { index, path: fieldPath } = target.param;
    const { sdk, message, field, fieldName, accountDecides } = target;
    list.push({ index, path: fieldPath, sdk, message, field, fieldName, accountDecides });
    forwards.set(target.param.fn, list);
  }
  for (const [fn, keys] of exportKeys(exported, (id) => localClass(file, id), file.globalScope)) {
    for (const key of keys) {
      const entry: ExportFacts = facts.get(key) ?? {};
      const forwarded = forwards.get(fn);
      if (forwarded?.length) entry.forwards = forwarded;
      const sender = sends.senderFacts(fn);
      if (sender) entry.sender = withLoops(file, sends, fn, sender);
      const returns = builds ? returnedFields(file, fn) : null;
      if (returns) entry.returns = returns;
      if (Object.keys(entry).length) facts.set(key, entry);
    }
  }
  return facts;
}

/** The parameters the function's own loops send to element by element: its callers in other modules say how many they pass. */
function withLoops(file: FileModel, sends: SendCalls, fn: FunctionNode, sender: ExportedSender): ExportedSender {
  const loops: ParameterAt[] = [];
  for (const call of sends.calls) {
    if (!within(call.node, fn) || call.batch || call.queued || call.throttled) continue;
    const param = loopedParameter(file, call)?.param;
    if (param?.fn === fn && !loops.some((l) => l.index === param.index && l.path.join('.') === param.path.join('.'))) {
      loops.push({ index: param.index, path: param.path });
    }
  }
  return loops.length ? { ...sender, loops } : sender;
}

/** The keys other modules reach this file's functions by, for the exports among `fns`. */
export function exportKeysOf(file: FileModel): Map<FunctionNode, string[]> {
  return exportKeys(exportedValues(file.sourceCode.ast, file.globalScope), (id) => localClass(file, id), file.globalScope);
}

/**
 * An exported object whose methods hand all their arguments, unchanged, to the same-named
 * method of one SDK client (`send: (...args) => sgMail.send(...args)`): that client, for those methods.
 */
function proxiedClient(file: FileModel, sends: SendCalls, methods: ReadonlyMap<string, FunctionNode>): ExportedClient | null {
  let client: ExportedClient | null = null;
  const only = new Set<string>();
  for (const [name, fn] of methods) {
    const call = sends.calls.find((c) => c.spec && c.node.type === AST_NODE_TYPES.CallExpression && within(c.node, fn));
    if (!call || !passesParamsOn(fn, call.node)) continue;
    const ref = file.resolver.kindOf(call.node.callee);
    if (!ref || ref.member !== name || (client && (client.sdk !== ref.sdk || client.kind !== ref.kind))) return null;
    client = { sdk: ref.sdk, kind: ref.kind, throttled: sends.isThrottled(ref) };
    only.add(name);
  }
  return client && { ...client, only };
}

/**
 * A builder's returned message: for each recipient field and flag of any SDK, the parameters it
 * comes from. Null when no field comes from a parameter: then the call is no builder to follow.
 */
function returnedFields(file: FileModel, fn: FunctionNode): Map<string, ReturnedField> | null {
  const returned = returnedExpressions(fn);
  if (returned.length === 0) return null;
  const fields = new Map<string, ReturnedField>();
  let fromParams = false;
  for (const fieldPath of MESSAGE_PATHS) {
    const params: { index: number; path: readonly string[] }[] = [];
    let complete = true;
    let found = false;
    for (const expression of returned) {
      const lookup = file.reader.read(expression, fieldPath);
      if (!lookup.complete) complete = false;
      const sources = [...lookup.forwards, ...lookup.writes.map((w) => file.classifier.classify(w.value))];
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

function localClass(file: FileModel, identifier: TSESTree.Identifier): ClassNode | null {
  const def = variableOf(file.globalScope, identifier)?.defs[0];
  if (def?.type === DefinitionType.ClassName && def.node.type === AST_NODE_TYPES.ClassDeclaration) return def.node;
  return null;
}
