// The dependencies' own sources, the real code that the benchmark's corpus (a) and the
// robustness tests lint. Plain JavaScript so that `npm run bench` runs it without a build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE = /\.(?:js|cjs|mjs|ts|tsx|mts|cts)$/;
export const DECLARATION = /\.d\.[cm]?ts$/;
const MAX_BYTES = 200 * 1024;

/**
 * Every JS/TS source file under `<root>/node_modules`, as paths from `root`, sorted: no
 * declaration files, nothing empty or over 200 KB, nothing minified (a line longer than 1,000
 * characters on average).
 */
export function dependencyFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.bin' || entry.name === '.cache') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) found.push(full);
    }
  };
  walk(path.join(root, 'node_modules'));
  return found
    .map((file) => path.relative(root, file))
    .sort()
    .filter((file) => {
      const { size } = statSync(path.join(root, file));
      if (size === 0 || size > MAX_BYTES) return false;
      const text = readFileSync(path.join(root, file), 'utf8');
      return text.length / (text.split('\n').length || 1) < 1000;
    });
}
