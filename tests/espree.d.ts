declare module 'espree' {
  import type { Linter } from 'eslint';
  const parser: Linter.Parser;
  export = parser;
}
