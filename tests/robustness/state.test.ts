// No state across files: rules run in worker threads and long-lived editor sessions, so a file's
// results must not depend on what was linted before it. The same files, linted in one process in
// different orders, with one Linter and with a fresh Linter per file, give identical results.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import { configFor, dependencyFiles, describeMessage, languageFor, OPTION_SETS, pick, ROOT } from './support.js';

const mailFiles = ['examples/src', 'tests/cases'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.[cm]?[jt]sx?$/.test(f))
    .map((f) => `${dir}/${f}`),
);
// Unrelated real code, linted under a name outside node_modules (which ESLint always ignores).
const unrelated = pick(dependencyFiles(), 40).map((file) => ({ file, name: `corpus/${file.replaceAll('node_modules/', 'nm/')}` }));

function lintAll(order: readonly { file: string; name: string }[], linter: () => Linter): Map<string, string[]> {
  const results = new Map<string, string[]>();
  for (const { file, name } of order) {
    const code = readFileSync(path.join(ROOT, file), 'utf8');
    const languageOptions = languageFor(file, code);
    if (!languageOptions) continue;
    const lines = OPTION_SETS.flatMap((set) =>
      linter().verify(code, configFor(set, languageOptions), path.join(ROOT, name)).map((m) => `[${set.name}] ${describeMessage(m)}`),
    );
    results.set(name, lines);
  }
  return results;
}

const only = (results: Map<string, string[]>) => Object.fromEntries(mailFiles.map((f) => [f, results.get(f)]));

it('gives identical results whatever the order, with one Linter or a fresh one per file', () => {
  const files = mailFiles.map((file) => ({ file, name: file }));
  const shared = new Linter();
  const forward = lintAll(files, () => shared);
  const backward = lintAll([...files].reverse(), () => shared);
  const mixed = Array.from({ length: Math.max(unrelated.length, files.length) }, (_, i) => [unrelated[i], files[i]]);
  const interleaved = lintAll(mixed.flat().filter((entry) => entry !== undefined), () => shared);
  const fresh = lintAll([...files].reverse(), () => new Linter());
  const twice = lintAll([...files, ...files], () => shared);

  // The mail files do report: the comparison is not between empty lists.
  expect([...forward.values()].flat().length).toBeGreaterThan(10);
  expect(only(backward)).toEqual(only(forward));
  expect(only(interleaved)).toEqual(only(forward));
  expect(only(fresh)).toEqual(only(forward));
  expect(only(twice)).toEqual(only(forward));
});
