import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The type checker and node map, when the file was parsed with type information; else null. */
export function typeServices(context: Context): Pick<ParserServicesWithTypeInformation, 'program' | 'esTreeNodeToTSNodeMap'> | null {
  // getParserServices() throws without the TypeScript parser (espree, oxlint): read it directly.
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  return { program: services.program, esTreeNodeToTSNodeMap: services.esTreeNodeToTSNodeMap };
}

