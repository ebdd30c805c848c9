// The project layer keeps the syntax trees of the modules it parsed last, bounded by the size of
// their texts: a module summarised at several budgets in one run (its importers at different
// distances from the linted files) is parsed once, and the kept trees stay bounded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearModuleCaches } from '../../src/analysis/project/caches.js';
import { parseCount, parseModule } from '../../src/analysis/project/modules.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mail-parsed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function module(name: string, chars: number): string {
  const file = path.join(dir, name);
  const line = `export const ${name.replace(/\W/g, '_')} = 1;\n`;
  writeFileSync(file, line + '// padding\n'.repeat(Math.max(0, Math.ceil((chars - line.length) / 11))));
  return file;
}

describe('parsed modules', () => {
  it('keeps more than four small modules: the first is not parsed again after eight others', () => {
    clearModuleCaches();
    const files = Array.from({ length: 9 }, (_, i) => module(`small${i}.js`, 2_000));
    for (const file of files) expect(parseModule(file)).not.toBeNull();
    const before = parseCount.value;
    expect(parseModule(files[0]!)).not.toBeNull();
    expect(parseCount.value).toBe(before);
  });

  it('is bounded by the size of the texts: past a megabyte of source, the module used longest ago is parsed again', () => {
    clearModuleCaches();
    const files = Array.from({ length: 5 }, (_, i) => module(`large${i}.js`, 300_000));
    for (const file of files) parseModule(file);
    const before = parseCount.value;
    parseModule(files[4]!); // used last: kept
    expect(parseCount.value).toBe(before);
    parseModule(files[0]!); // 1.5 MB parsed after it: dropped
    expect(parseCount.value).toBe(before + 1);
  });
});
