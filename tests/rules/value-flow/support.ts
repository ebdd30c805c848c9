import { cjsTester, jsTester, tsTester } from '../../helpers.js';

/**
 * The three ways the value-flow suites run each case: TypeScript, ESM JavaScript, and CommonJS
 * (the same code with `require()` for its imports and no `export`).
 */
export const flavours = [
  [tsTester, 'TypeScript', (code: string) => code],
  [jsTester, 'ESM JavaScript', (code: string) => code],
  [cjsTester, 'CommonJS', commonJs],
] as const;

/** The CommonJS spelling of an ES module: each import a `require()`, each export a plain declaration. */
export function commonJs(code: string): string {
  return code
    .replace(/^import \* as (\w+) from ('[^']+');$/gm, 'const $1 = require($2);')
    .replace(/^import (\w+) from ('[^']+');$/gm, 'const $1 = require($2);')
    .replace(/^import \{ ([^}]+) \} from ('[^']+');$/gm, (_, names: string, source: string) => `const { ${names.replace(/ as /g, ': ')} } = require(${source});`)
    .replace(/^export (async function|function|const|let|class) /gm, '$1 ');
}
