import * as eslintUtils from '@eslint-community/eslint-utils';
import type { ASTUtils as TypedASTUtils } from '@typescript-eslint/utils';

/**
 * The eslint-utils functions the analysis uses, with typescript-eslint's TSESTree signatures:
 * `ASTUtils` of @typescript-eslint/utils is these same functions, but that package needs
 * TypeScript at run time, which a JavaScript project should not have to install.
 */
export const ASTUtils = {
  findVariable: eslintUtils.findVariable as unknown as typeof TypedASTUtils.findVariable,
  getPropertyName: eslintUtils.getPropertyName as unknown as typeof TypedASTUtils.getPropertyName,
  getStaticValue: eslintUtils.getStaticValue as unknown as typeof TypedASTUtils.getStaticValue,
  getStringIfConstant: eslintUtils.getStringIfConstant as unknown as typeof TypedASTUtils.getStringIfConstant,
};
