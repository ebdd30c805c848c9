import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DefinitionType as Definitions, ScopeType as Scopes } from '@typescript-eslint/scope-manager';
import { describe, expect, it } from 'vitest';
import { DefinitionType, ScopeType } from '../../src/util/scope-types.js';

const SRC = path.join(import.meta.dirname, '../../src');

function* sourceFiles(dir: string): Iterable<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

describe('scope-types', () => {
  it('gives each member the value of typescript-eslint’s enum member of the same name', () => {
    for (const [name, value] of Object.entries(DefinitionType)) expect(value).toBe(Definitions[name as keyof typeof Definitions]);
    for (const [name, value] of Object.entries(ScopeType)) expect(value).toBe(Scopes[name as keyof typeof Scopes]);
    expect(Object.keys(DefinitionType).length).toBeGreaterThan(0);
  });

  it('leaves src/ importing only types from @typescript-eslint/scope-manager, so loading the plugin does not load it', () => {
    const importers: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      // `import { X } from '…scope-manager'` loads the package; `import type` is erased.
      if (/^import\s+(?!type\b)[^;]*from\s+'@typescript-eslint\/scope-manager'/m.test(text)) importers.push(path.relative(SRC, file));
    }
    expect(importers).toEqual([]);
  });
});
