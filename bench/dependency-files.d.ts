/** Every JS/TS source file under `<root>/node_modules`, as paths from `root`, sorted (see the .js). */
export function dependencyFiles(root: string): string[];
/** JS and TS source file names. */
export const SOURCE: RegExp;
/** TypeScript declaration file names. */
export const DECLARATION: RegExp;
