import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const project = path.resolve(import.meta.dirname, 'fixtures/typed-project');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** `file:line rule` for every annotated line: `// expect:` (every config) and `// expect-typed:` (typed only). */
function expectations(typed: boolean): string[] {
  return files(project).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const match = /\/\/ expect(-typed)?: ([\w-]+)/.exec(text);
        if (!match || (match[1] && !typed)) return [];
        return [`${path.relative(project, file)}:${i + 1} mail/${match[2]}`];
      }),
  );
}

function engine(config: Linter.Config[], parserOptions: Linter.ParserOptions, settings: Linter.Config['settings'] = {}): ESLint {
  return new ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [...config, { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions }, settings }],
  });
}

async function findings(eslint: ESLint): Promise<string[]> {
  const results = await eslint.lintFiles(['src']);
  return results.flatMap((r) =>
    r.messages.map((m) => (m.fatal ? `${r.filePath}: ${m.message}` : `${path.relative(project, r.filePath)}:${m.line} ${m.ruleId}`)),
  );
}

describe('type information on a multi-module project', () => {
  let untyped: string[];
  let typed: string[];
  let typedWithoutProgram: string[];

  beforeAll(async () => {
    untyped = await findings(engine(plugin.configs.recommended, {}));
    typed = await findings(engine(plugin.configs['recommended-type-checked'], { projectService: true, tsconfigRootDir: project }));
    // The type-checked config with type information turned off for these files (as with
    // typescript-eslint's disableTypeChecked) falls back to the import-proven analysis.
    typedWithoutProgram = await findings(
      engine(plugin.configs['recommended-type-checked'], {}, { mail: { requireTypeInformation: false } }),
    );
  }, 120_000);

  it('finds the same-file cases without types, and nothing else', () => {
    expect(untyped.sort()).toEqual(expectations(false).sort());
  });

  it('finds the cross-module cases with types, with no false positive', () => {
    expect(typed.sort()).toEqual(expectations(true).sort());
    expect(expectations(true).length).toBeGreaterThan(expectations(false).length);
  });

  it('falls back to the untyped analysis when the parser has no type information and none is required', () => {
    expect(typedWithoutProgram.sort()).toEqual(untyped.sort());
  });

  it('stops with an error naming the config when a type-checked config gets no type information', async () => {
    for (const name of ['recommended-type-checked', 'strict-type-checked'] as const) {
      const run = engine(plugin.configs[name], {}).lintFiles(['src']);
      await expect(run).rejects.toThrow(`mail/${name} needs type information`);
      await expect(engine(plugin.configs[name], {}).lintFiles(['src'])).rejects.toThrow('parserOptions.projectService');
    }
  }, 60_000);
});
