import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The analysis in layers: each imports only from layers before it in this order, so a new
 * JavaScript form is learned once in `flow/` and every pass sees it. `file/` collects nodes with
 * the AST helpers of `flow/`, so it comes after it.
 */
const ORDER = ['util', 'sdks', 'flow', 'file', 'project', 'model', 'passes', 'rules'] as const;
const SRC = path.join(import.meta.dirname, '../../src');

function layerOf(file: string): number {
  const relative = path.relative(SRC, file).split(path.sep);
  const name = relative[0] === 'analysis' ? relative[1] : relative[0];
  return ORDER.indexOf(name as (typeof ORDER)[number]);
}

function* sourceFiles(dir: string): Iterable<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

const IMPORT = /^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms;

describe('analysis layers', () => {
  const files = [...sourceFiles(path.join(SRC, 'analysis')), ...sourceFiles(path.join(SRC, 'rules')), ...sourceFiles(path.join(SRC, 'sdks'))];

  it('has no analysis module over 600 lines (issue 19: split by the data it produces)', () => {
    const long = [...sourceFiles(path.join(SRC, 'analysis'))]
      .map((file) => [path.relative(SRC, file), readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 600);
    expect(long).toEqual([]);
  });

  it('has every analysis module in a layer', () => {
    const loose = files.filter((f) => layerOf(f) < 0);
    expect(loose).toEqual([]);
  });

  it.each(files.map((f) => [path.relative(SRC, f), f]))('%s imports only from earlier layers', (_name, file) => {
    const own = layerOf(file);
    const wrong: string[] = [];
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), specifier!);
      const layer = layerOf(target);
      if (layer > own) wrong.push(`${specifier} (${ORDER[layer]})`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles between analysis modules, not even through imports of types only', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) {
      // Type-only imports are erased at build time, but a cycle through them still ties two
      // modules' designs together: none either.
      const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(([, s]) => path.resolve(path.dirname(file), s!.replace(/\.js$/, '.ts')));
      graph.set(file, targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
