import type { DefinitionType as Definitions, ScopeType as Scopes } from '@typescript-eslint/scope-manager';

/**
 * The members of typescript-eslint's `DefinitionType` and `ScopeType` enums that the analysis
 * compares with, by value and typed as the enums' members. Importing the enums themselves loads
 * all of @typescript-eslint/scope-manager, with its TypeScript library definitions: about 80 ms
 * at the start of every process and `--concurrency` worker of a JavaScript project, which never
 * parses TypeScript. tests/util/scope-types.test.ts holds each value equal to the enum's.
 */
export const DefinitionType = {
  ClassName: 'ClassName' as Definitions.ClassName,
  FunctionName: 'FunctionName' as Definitions.FunctionName,
  ImportBinding: 'ImportBinding' as Definitions.ImportBinding,
  Parameter: 'Parameter' as Definitions.Parameter,
  Variable: 'Variable' as Definitions.Variable,
} as const;

export const ScopeType = {
  global: 'global' as Scopes.global,
  module: 'module' as Scopes.module,
} as const;
