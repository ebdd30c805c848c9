import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { messageShape, messageShapeKeys } from '../../sdks/message-shape.js';
import { RECIPIENT_KEYS } from '../../sdks/indexes.js';
import { copiedField } from '../model/recipients.js';
import { propertyName, thisClass, unwrap, variableOf } from '../flow/ast.js';
import { isFunctionValue } from '../flow/values.js';
import type { Exposures } from './exposures.js';
import type { FileModel } from './file-model.js';

/**
 * The message-shapes pass: object literals that are messages with no send in view, typed as an
 * SDK's message (`const mail: SendMailOptions = {…}`, an argument of a wrapper typed so), and with
 * `shapes` (strict) any literal with a recipient field, a subject and a body that leaves where it
 * is written. Their visible fields go to the exposures pass.
 */


type Node = TSESTree.Node;

/** `typedOnly`: the messages typed as an SDK's; else (the shapes pass, after the sends) the shaped ones, with no type query again. */
export function messageObjects(file: FileModel, exposures: Exposures, shapes: boolean, afterSends: boolean): void {
  for (const object of file.collected.objects) {
    if (exposures.insideChecked(object) || !hasRecipientKey(object) || passedToLocalFunction(file, object)) continue;
    // The sends ran and checked the typed messages already: the shape pass after them asks no type query again.
    const typed = shapes && afterSends ? null : file.types?.messageOf(object);
    const found =
      typed ?? (shapes && isMessageShaped(object) && !copiesReceived(object) && leaves(file, object, 0) ? { sdk: messageShape, message: 'shape' } : null);
    const message = found && found.sdk.messages[found.message];
    if (!found || !message) continue;
    exposures.checkMessage(found.sdk, null, message, object, { message: found.message });
  }
}

/**
 * Whether a message-shaped literal goes anywhere a send can take it from: returned, passed to a
 * call (a queue, a job, a send the analysis cannot resolve), pushed, exported, or held by a
 * variable that is. A literal only stored or compared where it is written is sent by no one.
 */
function leaves(file: FileModel, node: Node, depth: number): boolean {
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
      return leaves(file, parent, depth + 1);
    case AST_NODE_TYPES.Property:
      return parent.value === node && leaves(file, parent.parent, depth + 1);
    case AST_NODE_TYPES.AssignmentExpression: {
      // `module.exports = {…}`, `exports.digest = {…}`, `this.queue = …` leave; a local write is followed below.
      const left = parent.left;
      if (left.type === AST_NODE_TYPES.MemberExpression) return true;
      return left.type === AST_NODE_TYPES.Identifier && variableLeaves(file, left, depth);
    }
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
      return parent.id.type === AST_NODE_TYPES.Identifier && variableLeaves(file, parent.id, depth);
    default:
      return false;
  }
}

function variableLeaves(file: FileModel, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = variableOf(file.globalScope, identifier);
  return variable?.references.some((ref) => ref.isRead() && ref.identifier !== identifier && leaves(file, ref.identifier, depth + 1)) ?? false;
}

/**
 * An argument of a function defined in this file: the in-file wrapper analysis follows it to the
 * send, with the send's own flags (`sendMultiple`), so the type alone does not decide.
 */
function passedToLocalFunction(file: FileModel, object: TSESTree.ObjectExpression): boolean {
  const call = object.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((a) => a === object)) return false;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(file.globalScope, callee)?.defs[0];
    return def?.type === DefinitionType.FunctionName || (def?.type === DefinitionType.Variable && isFunctionValue(def.node.init));
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = propertyName(callee);
    return thisClass(callee)?.body.body.some((m) => m.type === AST_NODE_TYPES.MethodDefinition && propertyName(m) === name) ?? false;
  }
  return false;
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
 * `cc: mail.headers.cc`), as it is or entry by entry (`to: message.to.map(formatAddress).join(', ')`):
 * a relay or a provider adapter passing on what it was given, whose list was decided where that
 * message was built.
 */
function copiesReceived(object: TSESTree.ObjectExpression): boolean {
  const fields = object.properties.filter((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && ['to', 'cc'].includes(propertyName(p) ?? ''));
  return (
    fields.length > 0 &&
    fields.every((p) => {
      const name = copiedField(p.value);
      return name !== null && name.toLowerCase() === propertyName(p);
    })
  );
}

/** A recipient key and at least two other message keys: `{ to, subject, html }`. */
function isMessageShaped(object: TSESTree.ObjectExpression): boolean {
  const keys = object.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [propertyName(p)] : []));
  return keys.some((k) => k === 'to' || k === 'cc') && keys.filter((k) => k !== null && messageShapeKeys.has(k)).length >= 2;
}
