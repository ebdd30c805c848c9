import { AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

const { DefinitionType } = TSESLint.Scope;

/** The value a variable always holds (its only write), or null. */
export function soleValue(variable: TSESLint.Scope.Variable): TSESTree.Expression | null {
  const writes = variable.references.filter((ref) => ref.isWrite());
  if (variable.defs.length !== 1 || writes.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type !== DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.Identifier) return null;
  return (writes[0]!.writeExpr as TSESTree.Expression | null) ?? null;
}
