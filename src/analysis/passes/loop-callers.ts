import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunction, propertyName, unwrap } from '../flow/ast.js';
import type { ParamRef } from '../model/recipients.js';
import type { FileModel } from './file-model.js';
import { within } from './send-calls.js';
import type { LoopUse, ParameterAt } from './summary-types.js';
import type { MailCall } from './types.js';

/**
 * The loop-callers pass: a send's loop over a parameter of its function (`deliver(messages)`
 * sending each) runs as many times as the callers pass elements there. When every caller in view
 * passes one element at most (`deliver([message])`), in this file and, for an export, in the
 * project's modules that import it, the loop is no loop over recipients. A function with no caller
 * in view, or one that is referred to in any other way, is left as it is: reported.
 */

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The parameter a send's loop iterates, when the loop is in that parameter's function. */
export function loopedParameter(file: FileModel, call: MailCall): { readonly loop: Node; readonly param: ParamRef } | null {
  const repeat = file.iterations.perElement(call, []);
  if (!repeat?.collection) return null;
  const param = file.iterations.parameterOf(repeat.collection);
  return param && within(repeat.loop, param.fn) ? { loop: repeat.loop, param } : null;
}

/** Does the call pass one element at most (one object, one address, a list of one) at the parameter? */
export function passesOne(file: FileModel, call: Call, at: ParameterAt): boolean {
  const argument = call.arguments[at.index];
  if (!argument || call.arguments.slice(0, at.index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return false;
  const lookup = file.reader.read(argument, at.path);
  return (
    lookup.complete &&
    lookup.forwards.length === 0 &&
    lookup.writes.length > 0 &&
    lookup.writes.every((write) => {
      const list = file.classifier.classify(write.value);
      return list.kind === 'fixed' && list.count <= 1;
    })
  );
}

/**
 * Marks the loops over a parameter that every caller fills with one element at most, so they are
 * not reported. `elsewhere` gives what the importers of this file pass to its exports (null: not
 * known); `exportKeys` the keys this file's functions are exported under.
 */
export function judgeLoopsByCallers(
  file: FileModel,
  calls: readonly MailCall[],
  exportKeys: ReadonlyMap<FunctionNode, readonly string[]>,
  elsewhere: (keys: readonly string[]) => readonly LoopUse[] | null,
): void {
  const verdicts = new Map<string, boolean>();
  // The sends of one loop share its parameter's answer: the key is spelled once per parameter found.
  const byParam = new Map<ParamRef, boolean>();
  for (const call of calls) {
    if (call.batch || call.queued || call.throttled) continue;
    const looped = loopedParameter(file, call);
    if (!looped) continue;
    const { param } = looped;
    let single = byParam.get(param);
    if (single === undefined) {
      const key = `${param.fn.range.join(':')}#${param.index}.${param.path.join('.')}`;
      single = verdicts.get(key);
      if (single === undefined) verdicts.set(key, (single = everyCallerPassesOne(file, param, exportKeys.get(param.fn) ?? [], elsewhere)));
      byParam.set(param, single);
    }
    if (single) file.iterations.judgeByCallers(looped.loop);
  }
}

function everyCallerPassesOne(
  file: FileModel,
  param: ParamRef,
  keys: readonly string[],
  elsewhere: (keys: readonly string[]) => readonly LoopUse[] | null,
): boolean {
  // A method or a function stored anywhere else may be called from places not in view.
  const fn = param.fn;
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : null;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && !declarator) return false;
  let callers = 0;
  for (const reference of file.callSites.referencesTo(fn)) {
    const parent = reference.parent;
    if (parent === declarator) continue; // `const deliver = …` itself
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference) {
      if (!passesOne(file, parent, param)) return false;
      callers++;
      continue;
    }
    // `export { deliver }`, `module.exports = { deliver }`: named for other modules, whose calls are read below.
    if (!keys.length || !inExportStatement(reference)) return false;
  }
  if (keys.length) {
    const uses = elsewhere(keys);
    if (!uses) return false;
    for (const use of uses) {
      if (!keys.includes(use.key) || use.index !== param.index || use.path.join('.') !== param.path.join('.')) continue;
      if (!use.single) return false;
      callers++;
    }
  }
  return callers > 0;
}

/**
 * The reference is part of a top-level export (`export { deliver }`, `export default deliver`,
 * `module.exports = { deliver }`, `exports.deliver = deliver`), not inside a function there.
 */
function inExportStatement(reference: Node): boolean {
  let node: Node = reference;
  while (node.parent && node.parent.type !== AST_NODE_TYPES.Program) {
    node = node.parent;
    if (isFunction(node)) return false;
  }
  if (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (node.type !== AST_NODE_TYPES.ExpressionStatement || node.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  const target = node.expression.left;
  return target.type === AST_NODE_TYPES.MemberExpression && /^(?:module\.)?exports\b/.test(memberPath(target));
}

function memberPath(node: Node): string {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type === AST_NODE_TYPES.MemberExpression) return `${memberPath(value.object)}.${propertyName(value) ?? '?'}`;
  return '?';
}
