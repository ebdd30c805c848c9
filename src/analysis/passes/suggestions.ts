/**
 * Suggestions that keep every recipient. "Move the list to bcc" and "add `isMultiple: true`"
 * change a message the code goes on to use: a `bcc` written later, or a spread after the change,
 * would undo it, and a `bcc` already set would be overwritten. A suggestion is offered only where
 * the message can be followed from the change to the send and nothing on the way can write the
 * field it touches; an existing `bcc` is merged with the list in the form the provider takes.
 * Otherwise there is no suggestion, and the report stays.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { IndividualFlag, RecipientField } from '../../sdks/index.js';
import { propertyName, variableOf } from '../flow/ast.js';
import type { MessageReader } from '../model/messages.js';

type Node = TSESTree.Node;
type Fix = TSESLint.ReportFixFunction;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the checks read: the file's message reader, its scopes, and the calls proven to send mail. */
export interface SuggestionFacts {
  readonly sourceCode: SourceCode;
  readonly globalScope: TSESLint.Scope.Scope;
  readonly reader: MessageReader;
  /** Calls and `new` expressions that send or build a message that is sent: where a message ends. */
  readonly sends: ReadonlySet<Node>;
}

/** How far a message is followed from the change to its send. */
const MAX_STEPS = 8;

/** Wrappers that leave the value as it is: `x as T`, `x!`, `await x`, `x satisfies T`. */
function isTransparent(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

/** The node whose value is `node`'s, past transparent wrappers, and its parent. */
function outer(node: Node): { node: Node; parent: Node | undefined } {
  let current = node;
  while (current.parent && isTransparent(current.parent)) current = current.parent;
  return { node: current, parent: current.parent };
}

/** A key written by a property: its static name, or undefined when it cannot be known (`[key]: v`). */
function keyOf(property: TSESTree.Property): string | undefined {
  return propertyName(property) ?? undefined;
}

/** Can the spread `...value` bring `key` into the object? Unless the reader proves it holds no such key, yes. */
function spreadMayHold(facts: SuggestionFacts, spread: TSESTree.SpreadElement, key: string): boolean {
  if (spread.argument.type === AST_NODE_TYPES.NewExpression) return true; // an instance's own fields are not read
  const { writes, forwards, complete } = facts.reader.read(spread.argument, [key]);
  return !complete || writes.length > 0 || forwards.length > 0;
}

/** Does anything in `object` after `index` write `key`: a property of that name, a computed one, or a spread that may hold it? */
function writtenAfter(facts: SuggestionFacts, object: TSESTree.ObjectExpression, index: number, key: string): boolean {
  return object.properties.slice(index + 1).some((p) =>
    p.type === AST_NODE_TYPES.SpreadElement ? spreadMayHold(facts, p, key) : keyOf(p) === undefined || keyOf(p) === key,
  );
}

/** Is `prefix` the start of `path`? */
const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.every((key, i) => path[i] === key);

/**
 * Whether the object `node` evaluates to reaches a send with nothing on the way that could write
 * `target` (a path from that object: the field the fix writes, or an object holding it) after
 * `node` is evaluated: no later property or spread over it in an enclosing literal, no write
 * through a variable that holds it, and no call but the send that could change it.
 * `earlier(write)` says whether a write through a variable certainly happens before the change.
 */
function reachesSend(
  facts: SuggestionFacts,
  start: Node,
  target: readonly string[],
  earlier: (write: Node) => boolean,
  steps = 0,
): boolean {
  if (steps > MAX_STEPS) return false;
  const { node, parent } = outer(start);
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      const key = keyOf(parent);
      if (parent.value !== node || object?.type !== AST_NODE_TYPES.ObjectExpression || key === undefined || parent.kind !== 'init') return false;
      if (writtenAfter(facts, object, object.properties.indexOf(parent), key)) return false;
      return reachesSend(facts, object, [key, ...target], earlier, steps + 1);
    }
    case AST_NODE_TYPES.SpreadElement: {
      // `{ ...base, bcc }`: the spread copies `base`'s keys, and what comes after it wins.
      const object = parent.parent;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
      if (writtenAfter(facts, object, object.properties.indexOf(parent), target[0]!)) return false;
      return reachesSend(facts, object, target, earlier, steps + 1);
    }
    case AST_NODE_TYPES.ArrayExpression:
      // An array of messages (a batch, `personalizations`): each element is one message.
      return reachesSend(facts, parent, ['[]', ...target], earlier, steps + 1);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.callee === node || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
      if (facts.sends.has(parent)) return true;
      // `JSON.stringify(message)`: the request body is the text of the message as it is now.
      const callee = parent.callee;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'JSON' &&
        propertyName(callee) === 'stringify' &&
        parent.arguments[0] === node &&
        !variableOf(facts.globalScope, callee.object)?.defs.length
      );
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node && reachesSend(facts, parent, target, earlier, steps + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return reachesSend(facts, parent, target, earlier, steps + 1);
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ReturnStatement: {
      // `users.map((u) => ({ to: u.email, cc }))`: each returned message is an element of the result.
      const fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent.body === node ? parent : null;
      const call = fn?.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (!['map', 'flatMap'].includes(propertyName(call.callee) ?? '')) return false;
      return reachesSend(facts, call, ['[]', ...target], earlier, steps + 1);
    }
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== node || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = variableOf(facts.globalScope, parent.id);
      return variable !== null && variableReachesSend(facts, variable, target, earlier, steps + 1);
    }
    default:
      return false;
  }
}

/** The function a `return` belongs to, if it is a function expression (a callback). */
function enclosingFunction(node: Node): Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) return current;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return null;
  }
  return null;
}

/** The keys of a member chain read from `identifier` (`msg.Destination.BccAddresses`), its outermost node, and whether every key is known. */
function memberChain(identifier: TSESTree.Identifier): { keys: string[]; top: Node; known: boolean } {
  const keys: string[] = [];
  let top: Node = identifier;
  for (;;) {
    const { node, parent } = outer(top);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return { keys, top: node, known: true };
    const key = propertyName(parent);
    if (key === null) return { keys, top: parent, known: false };
    keys.push(key);
    top = parent;
  }
}

/** Is `node` written to: the left of an assignment, the operand of `++`/`delete`, a `for…in/of` target? */
function isWritten(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === node;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete';
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === node;
    default:
      return false;
  }
}

/**
 * A variable that holds the message (or an object on the way to the changed one): given its value
 * once, and used only in ways that keep `target` as the change leaves it, each read reaching a send.
 */
function variableReachesSend(
  facts: SuggestionFacts,
  variable: TSESLint.Scope.Variable,
  target: readonly string[],
  earlier: (write: Node) => boolean,
  steps: number,
): boolean {
  if (variable.references.filter((r) => r.isWrite()).length !== 1 || variable.defs.length !== 1) return false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.identifier.type !== AST_NODE_TYPES.Identifier) return false; // `<Message />`
    const { keys, top, known } = memberChain(reference.identifier);
    if (keys.length === 0 && known) {
      // The message itself: passed to the send, spread, or put in a batch.
      if (!reachesSend(facts, reference.identifier, target, earlier, steps + 1)) return false;
      continue;
    }
    const related = startsWith(keys, target.slice(0, keys.length)) || startsWith(target, keys);
    if (!related) continue; // `msg.subject = …`, `msg.to.length`
    if (!known) return false; // `msg[key] = …` may be the field
    if (isWritten(top)) {
      // A write of the field or of an object holding it: only one that certainly comes first.
      if (keys.length > target.length || !earlier(top)) return false;
      continue;
    }
    // Reading the field itself (`msg.bcc.push(admin)` adds to the list it holds then) keeps it;
    // reading an object on the way hands it to code that may change it.
    if (keys.length < target.length) return false;
  }
  return true;
}

/** The statement of a write, and the list of statements it is in. */
function statementOf(node: Node): { statement: Node; body: readonly Node[] } | null {
  const { node: expression, parent } = outer(node.parent?.type === AST_NODE_TYPES.AssignmentExpression ? node.parent : node);
  if (parent?.type !== AST_NODE_TYPES.ExpressionStatement || parent.expression !== expression) return null;
  const block = parent.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program) return null;
  return { statement: parent, body: block.body };
}

/** `write` is a statement before `change`'s in the same block: it runs first, every time. */
function runsBefore(write: Node, change: Node): boolean {
  const a = statementOf(write);
  const b = statementOf(change);
  return a !== null && b !== null && a.body === b.body && a.body.indexOf(a.statement) < b.body.indexOf(b.statement);
}

const never = () => false;

/** Source text that can stand as an array element: only a comma expression needs parentheses. */
function elementText(sourceCode: SourceCode, node: Node): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/** Operands that bind tighter than `??` and are no `||`/`&&`, which `??` may not be mixed with. */
const PRIMARY = new Set<string>([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
]);

/** `value ?? []`: an unset value counts as no address. */
function orNone(sourceCode: SourceCode, node: Node): string {
  const text = sourceCode.getText(node);
  return `${PRIMARY.has(node.type) ? text : `(${text})`} ?? []`;
}

/** An expression that is never null or undefined: `bcc: ['audit@x.com']`, `bcc: 'audit@x.com'`. */
function isDefined(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrayExpression ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string')
  );
}

/**
 * The text of a bcc holding both the addresses already there and the list, in the form the
 * provider takes: `[existing, list].flat()` for an array (a string or a nested array becomes
 * elements, as providers that take either read them), `[existing, list].filter(Boolean).join(', ')`
 * for one comma-separated string. An existing value that may be unset counts as none.
 */
function mergedText(form: RecipientField['bccForm'], existing: string, list: string): string | null {
  if (form === 'array') return `[${existing}, ${list}].flat()`;
  if (form === 'comma-separated') return `[${existing}, ${list}].filter(Boolean).join(', ')`;
  return null;
}

/** An array literal's elements as they would stand in another array (`'a', ...b`), or the value as one element. */
function elementsText(sourceCode: SourceCode, node: Node): string {
  if (node.type !== AST_NODE_TYPES.ArrayExpression || node.elements.some((e) => e === null)) return elementText(sourceCode, node);
  return node.elements.map((e) => elementText(sourceCode, e!)).join(', ');
}

/** Removes a property from its object literal with the comma that separates it from the next (or the previous). */
function removeProperty(sourceCode: SourceCode, property: Node): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return (fixer) => fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property);
  return (fixer) => fixer.removeRange([before?.value === ',' ? before.range[0] : property.range[0], property.range[1]]);
}

/**
 * "Move the list to bcc" for the write `holder` of a recipient field (`to: list` in an object
 * literal, `msg.to = list`), or null when the result could lose a recipient.
 */
export function bccSuggestion(facts: SuggestionFacts, holder: Node, field: RecipientField): Fix | null {
  const bcc = field.bcc;
  if (!bcc || field.required) return null;
  if (holder.type === AST_NODE_TYPES.Property) return literalMove(facts, holder, bcc, field.bccForm);
  if (holder.type === AST_NODE_TYPES.AssignmentExpression) return assignmentMove(facts, holder, bcc, field.bccForm);
  return null;
}

/** `{ to: list }` → `{ bcc: list }`, or `{ to: list, bcc: admins }` → `{ bcc: [admins, list].flat() }`. */
function literalMove(facts: SuggestionFacts, holder: TSESTree.Property, bcc: string, form: RecipientField['bccForm']): Fix | null {
  const object = holder.parent;
  const key = keyOf(holder);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || key === undefined || holder.computed || holder.kind !== 'init') return null;
  // Every other write of the field or of bcc in the literal is in view: no spread may hold either.
  for (const p of object.properties) {
    if (p.type === AST_NODE_TYPES.SpreadElement ? spreadMayHold(facts, p, key) || spreadMayHold(facts, p, bcc) : keyOf(p) === undefined) return null;
  }
  const existing = object.properties.filter((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && keyOf(p) === bcc);
  // Nothing after the literal is made may write bcc: the literal is the message, or on its way to the send.
  if (existing.length > 1 || !reachesSend(facts, object, [bcc], never)) return null;
  const { sourceCode } = facts;
  const [current] = existing;
  if (!current) {
    if (holder.shorthand) return (fixer) => fixer.replaceText(holder, `${bcc}: ${sourceCode.getText(holder.value)}`);
    const text = holder.key.type === AST_NODE_TYPES.Literal ? JSON.stringify(bcc) : bcc;
    return (fixer) => fixer.replaceText(holder.key, text);
  }
  if (current.kind !== 'init' || current.method || current.value.type === AST_NODE_TYPES.AssignmentPattern) return null;
  const value = current.value as TSESTree.Expression;
  let merged: string | null = null;
  if (form === 'comma-separated') merged = mergedText(form, elementText(sourceCode, value), elementText(sourceCode, holder.value));
  else if (form === 'array' && value.type === AST_NODE_TYPES.ArrayExpression && value.elements.length === 0) merged = sourceCode.getText(holder.value);
  else if (form === 'array') {
    const kept = isDefined(value) ? elementsText(sourceCode, value) : orNone(sourceCode, value);
    merged = mergedText(form, kept, elementsText(sourceCode, holder.value));
  }
  if (merged === null) return null;
  const remove = removeProperty(sourceCode, holder);
  const write = current.shorthand ? (fixer: TSESLint.RuleFixer) => fixer.replaceText(current, `${bcc}: ${merged}`) : (fixer: TSESLint.RuleFixer) => fixer.replaceText(value, merged);
  return (fixer) => [remove(fixer), write(fixer)];
}

/** `msg.to = list` → `msg.bcc = list`, or `msg.bcc = [msg.bcc ?? [], list].flat()` when bcc may be set by then. */
function assignmentMove(facts: SuggestionFacts, holder: TSESTree.AssignmentExpression, bcc: string, form: RecipientField['bccForm']): Fix | null {
  const member = holder.left;
  if (holder.operator !== '=' || member.type !== AST_NODE_TYPES.MemberExpression || member.computed || member.optional) return null;
  // The object written is a variable or a chain of known keys from one: `msg`, `params.Destination`.
  const path: string[] = [];
  let base: Node = member.object;
  while (base.type === AST_NODE_TYPES.MemberExpression && !base.computed) {
    path.unshift(propertyName(base)!);
    base = base.object;
  }
  if (base.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(facts.globalScope, base);
  if (!variable) return null;
  const target = [...path, bcc];
  // Writes of bcc before this one are kept by reading bcc here; none may come after it.
  if (!variableReachesSend(facts, variable, target, (write) => runsBefore(write, holder), 0)) return null;
  const { sourceCode } = facts;
  const objectText = sourceCode.getText(member.object);
  const init = variable.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? variable.defs[0].node.init : null;
  const setBefore =
    !init ||
    variable.references.some((r) => {
      if (r.identifier.type !== AST_NODE_TYPES.Identifier) return false;
      const { keys, top } = memberChain(r.identifier);
      return isWritten(top) && startsWith(target, keys) && keys.length > 0;
    }) ||
    (() => {
      const found = facts.reader.read(init, target);
      return !found.complete || found.writes.length > 0 || found.forwards.length > 0;
    })();
  const list = elementText(sourceCode, holder.right);
  if (!setBefore) return (fixer) => fixer.replaceText(member.property, bcc);
  const current = `${objectText}.${bcc}`;
  const merged = mergedText(form, form === 'comma-separated' ? current : `${current} ?? []`, list);
  return merged === null ? null : (fixer) => fixer.replaceText(holder, `${current} = ${merged}`);
}

/**
 * The flag that individualises a send (`isMultiple: true`), set in the message literal `object`
 * that the send takes, or null when something could undo it or the provider would refuse the
 * flagged message (a conflicting field). It goes first in the literal, replaces an existing
 * property that nothing overrides, or goes last when a spread or a later property may set it.
 */
export function flagSuggestion(facts: SuggestionFacts, object: TSESTree.ObjectExpression, flag: IndividualFlag): Fix | null {
  const key = flag.path.at(-1);
  if (key === undefined || key === '[]') return null;
  // The literal must be the value at the flag's path: each enclosing property the last write of its key.
  let message: Node = object;
  for (let i = flag.path.length - 2; i >= 0; i--) {
    const { node, parent } = outer(message);
    const holder = parent?.type === AST_NODE_TYPES.Property && parent.value === node ? parent : null;
    const enclosing = holder?.parent;
    if (!holder || enclosing?.type !== AST_NODE_TYPES.ObjectExpression || keyOf(holder) !== flag.path[i]) return null;
    if (writtenAfter(facts, enclosing, enclosing.properties.indexOf(holder), flag.path[i]!)) return null;
    message = enclosing;
  }
  for (const conflict of flag.conflicts ?? []) {
    const found = facts.reader.read(message, conflict);
    if (!found.complete || found.writes.length > 0 || found.forwards.length > 0) return null;
  }
  const { sourceCode } = facts;
  const text = flag.suggestion;
  const properties = object.properties;
  const writes = (p: TSESTree.ObjectLiteralElement) =>
    p.type === AST_NODE_TYPES.SpreadElement ? spreadMayHold(facts, p, key) : keyOf(p) === undefined || keyOf(p) === key;
  let lastWrite = properties.length - 1;
  while (lastWrite >= 0 && !writes(properties[lastWrite]!)) lastWrite--;
  if (lastWrite < 0) {
    const first = properties[0];
    if (first) return (fixer) => fixer.insertTextBefore(first, `${text}, `);
    return sourceCode.getText(object) === '{}' ? (fixer) => fixer.replaceText(object, `{ ${text} }`) : null;
  }
  const last = properties[lastWrite]!;
  if (last.type === AST_NODE_TYPES.Property && keyOf(last) === key) return (fixer) => fixer.replaceText(last, text);
  // A spread may set it: the flag goes after everything. A property of that name before the spread
  // would then be written twice, which TypeScript refuses: no suggestion.
  if (properties.some((p) => p.type === AST_NODE_TYPES.Property && keyOf(p) === key)) return null;
  const end = properties.at(-1)!;
  return (fixer) => fixer.insertTextAfter(end, `, ${text}`);
}
