import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DefinitionType } from '../../util/scope-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { classField } from '../flow/ast.js';
import type { Holder } from '../flow/sources.js';

/**
 * What type annotations say of recipient lists, read from the syntax alone (no type checker):
 * a tuple's length, a list type and its elements, the type of a field inside an object type.
 */

const LIST_TYPES = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet']);

/** The type annotation a variable or a field is declared with. */
export function holderAnnotation(holder: Holder): TSESTree.TypeNode | undefined {
  if (holder.kind === 'field') return classField(holder.cls, holder.name).field?.typeAnnotation?.typeAnnotation;
  const def = holder.variable.defs[0];
  return def?.type === DefinitionType.Variable ? def.node.id.typeAnnotation?.typeAnnotation : undefined;
}

/** The length a tuple annotation (`[string, string]`, `readonly [a, b]`) spells out; null for any other type. */
export function tupleLength(type: TSESTree.TypeNode | undefined): number | null {
  if (!type) return null;
  if (type.type === AST_NODE_TYPES.TSTupleType) return type.elementTypes.length;
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.operator === 'readonly') return tupleLength(type.typeAnnotation);
  return null;
}

/** An annotation of a list type: `string[]`, `Array<T>`, `readonly T[]`, `Set<T>`. */
export function isListType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type) return false;
  switch (type.type) {
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
      return true;
    case AST_NODE_TYPES.TSTypeOperator:
      return type.operator === 'readonly' && isListType(type.typeAnnotation);
    case AST_NODE_TYPES.TSTypeReference:
      return type.typeName.type === AST_NODE_TYPES.Identifier && LIST_TYPES.has(type.typeName.name);
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every((t) => isListType(t) || t.type === AST_NODE_TYPES.TSNullKeyword || t.type === AST_NODE_TYPES.TSUndefinedKeyword);
    default:
      return false;
  }
}

/** The element type of a list annotation (`string[][]` → `string[]`), or undefined. */
export function elementType(type: TSESTree.TypeNode | undefined): TSESTree.TypeNode | undefined {
  if (!type) return undefined;
  if (type.type === AST_NODE_TYPES.TSArrayType) return type.elementType;
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.operator === 'readonly') return elementType(type.typeAnnotation);
  if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && LIST_TYPES.has(type.typeName.name)) {
    return type.typeArguments?.params[0];
  }
  return undefined;
}

/** The annotated type of a property path inside an object type literal (`{ to: string[] }`). */
export function memberType(type: TSESTree.TypeNode | undefined, path: readonly string[]): TSESTree.TypeNode | undefined {
  let current = type;
  for (const key of path) {
    if (current?.type !== AST_NODE_TYPES.TSTypeLiteral) return undefined;
    const member = current.members.find(
      (m): m is TSESTree.TSPropertySignature =>
        m.type === AST_NODE_TYPES.TSPropertySignature &&
        ((m.key.type === AST_NODE_TYPES.Identifier && m.key.name === key) ||
          (m.key.type === AST_NODE_TYPES.Literal && m.key.value === key)),
    );
    current = member?.typeAnnotation?.typeAnnotation;
  }
  return current;
}

