import { parseForESLint } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CallSites } from '../../src/analysis/flow/functions.js';
import { ValueFlow } from '../../src/analysis/flow/sources.js';
import { RecipientClassifier } from '../../src/analysis/model/recipients.js';

/** Parses code the way ESLint hands it to a rule, for the analysis layers' own tests. */

type Node = TSESTree.Node;

/** Sets `parent` on every node, as ESLint does while it traverses (the parser does not). */
function linkParents(node: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, parent?: Node): void {
  (node as { parent?: Node }).parent = parent;
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
        linkParents(child as Node, visitorKeys, node);
      }
    }
  }
}

export interface Parsed {
  readonly ast: TSESTree.Program;
  /** The argument of every `probe(…)` call, in source order. */
  readonly probes: Node[];
  readonly classifier: RecipientClassifier;
  readonly globalScope: TSESLint.Scope.Scope;
  readonly callSites: CallSites;
  /** The file's value query, over the call graph (no class writes). */
  readonly flow: ValueFlow;
  /** Every call and `new` of the file, in source order. */
  readonly calls: (TSESTree.CallExpression | TSESTree.NewExpression)[];
}

/** Parses `code` and finds the expressions marked by `probe(expression)`. */
export function parse(code: string): Parsed {
  const { ast, scopeManager, visitorKeys } = parseForESLint(code, { range: true, loc: true, sourceType: 'module' });
  const program = ast as TSESTree.Program;
  linkParents(program, visitorKeys);
  const probes: Node[] = [];
  const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  const visit = (node: Node): void => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === 'probe' &&
      node.arguments[0]
    ) {
      probes.push(node.arguments[0]);
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as Node);
      }
    }
  };
  visit(program);
  probes.sort((a, b) => a.range[0] - b.range[0]);
  const globalScope = scopeManager.globalScope as unknown as TSESLint.Scope.Scope;
  const callSites = new CallSites(globalScope, scopeManager, () => calls);
  const flow = new ValueFlow(globalScope, callSites);
  return { ast: program, probes, globalScope, callSites, calls, flow, classifier: new RecipientClassifier(flow) };
}

