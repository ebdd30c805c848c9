// Types only add. Every rule runs on the whole test corpus twice, without type information and
// with it (@typescript-eslint/parser and TypeScript's project service on every file, as
// `mail-lint --type-check` runs, and `useTypeInformation: true` on the rules that take it); the
// typed run must report everything the untyped run reports: the same files, lines and rules.
//
// The corpus: every case of the rule tests (recorded from tests/rules, see rule-cases.ts), each
// written as a file of its own, and the multi-file corpora as they are on disk: the annotated
// cases (tests/cases), the examples, and the typed fixture project. All of it is one TypeScript
// project in a temporary folder, whose node_modules is this repository's.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import plugin from '../src/index.js';
import { FILES } from '../src/configs.js';
import { dumpFailures } from './robustness/support.js';
import { runsForward } from './ranges.js';
import { caseFilename, importRuleTests, ruleCases, TESTER_LANGUAGE, type RecordedRun, type RuleCase } from './rule-cases.js';

const recorded = vi.hoisted(() => [] as RecordedRun[]);
vi.mock('./helpers.js', async (importOriginal) =>
  (await import('./rule-cases.js')).recordingTesters(await importOriginal<typeof import('./helpers.js')>(), recorded),
);

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-typed-superset-'));
// Some thousand folders: removing them may take longer than a hook's default 10 s on a busy machine.
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 60_000);

/** The rules that take `useTypeInformation`, read from their option schemas. */
const TYPED_RULES = new Set(
  Object.entries(plugin.rules)
    .filter(([, rule]) => JSON.stringify(rule.meta?.schema).includes('"useTypeInformation"'))
    .map(([name]) => name),
);

/** Every rule; `own` gives one rule its options (a case's), and `useTypeInformation` is set to `typed` wherever a rule takes it. */
function rules(typed: boolean, own?: { rule: string; options: readonly unknown[] }): Linter.RulesRecord {
  return Object.fromEntries(
    Object.keys(plugin.rules).map((name) => {
      const base = (own?.rule === name ? (own.options[0] as object | undefined) : undefined) ?? {};
      const options = TYPED_RULES.has(name) ? { ...base, useTypeInformation: typed } : base;
      return [`mail/${name}`, ['error', options, ...(own?.rule === name ? own.options.slice(1) : [])] as Linter.RuleEntry];
    }),
  );
}

/** The typed run parses every file with @typescript-eslint/parser and the project service, as `mail-lint --type-check`. */
const typedLanguage = (language: Linter.LanguageOptions, jsx: boolean): Linter.LanguageOptions => ({
  ...(language.sourceType ? { sourceType: language.sourceType } : {}),
  parser: tsParser,
  parserOptions: { projectService: true, tsconfigRootDir: scratch, ecmaFeatures: { jsx } },
});

type Finding = string;
const finding = (file: string, m: Linter.LintMessage): Finding =>
  m.fatal ? `${file}: not linted (${m.message})` : `${file}:${m.line} ${m.ruleId}`;
/** Reports whose range ends before it starts (issue 21, item 3), in either run. */
const backwards = (file: string, messages: readonly Linter.LintMessage[]) =>
  messages.filter((m) => !runsForward(m)).map((m) => `${file}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`);

/** What the untyped run reports and the typed run does not, with the untyped message for each; and files the typed run could not lint. */
function missing(untyped: readonly [Finding, string][], typed: readonly Finding[]): string[] {
  const found = new Set(typed);
  const before = new Set(untyped.map(([key]) => key));
  return [
    ...untyped.filter(([key]) => !found.has(key)).map(([key, message]) => `${key}: ${message}`),
    ...typed.filter((key) => key.includes(': not linted') && !before.has(key)),
  ];
}

const ruleCaseDir = path.join(scratch, 'rules');
/** The multi-file corpora: where they are, and their folder in the scratch project. */
const CORPORA = [
  ['tests/cases', 'cases'],
  ['examples', 'examples'],
  ['tests/fixtures/typed-project', 'typed-project'],
] as const;
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
let cases: (RuleCase & { file: string; dir: string })[] = [];

beforeAll(async () => {
  await importRuleTests();
  symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  // One program for the whole corpus: JavaScript too, every file a module of its own (two cases
  // declaring the same name must not meet in a global scope), packages resolved as a bundler does.
  writeFileSync(
    path.join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'preserve',
        moduleResolution: 'bundler',
        moduleDetection: 'force',
        allowJs: true,
        checkJs: false,
        jsx: 'preserve',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['**/*'],
      exclude: ['node_modules', 'typed-project'],
    }),
  );
  cases = ruleCases(recorded).map((test, i) => {
    const dir = path.join(ruleCaseDir, String(i));
    const name = caseFilename(test);
    const file = path.join(dir, path.isAbsolute(name) ? path.basename(name) : name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, test.code);
    return { ...test, file, dir };
  });
  // TypeScript leaves a .js file out of a program that has the .ts file of the same name: such
  // twins (tests/cases has three) go to a folder of their own, `<corpus>.twins`.
  for (const [from, to] of CORPORA) {
    const source = path.join(root, from);
    const twin = (file: string) => /\.[cm]?jsx?$/.test(file) && TS_EXTENSIONS.some((ext) => existsSync(file.replace(/\.[cm]?jsx?$/, ext)));
    cpSync(source, path.join(scratch, to), { recursive: true, filter: (file) => !twin(file) });
    for (const file of readdirSync(source, { recursive: true, encoding: 'utf8' })) {
      if (!twin(path.join(source, file))) continue;
      mkdirSync(path.dirname(path.join(scratch, `${to}.twins`, file)), { recursive: true });
      copyFileSync(path.join(source, file), path.join(scratch, `${to}.twins`, file));
    }
  }
}, 120_000);

describe('type information only adds findings', () => {
  it('on every case of the rule tests', { timeout: 600_000 }, () => {
    expect(cases.length).toBeGreaterThan(1000);
    const misses: string[] = [];
    let reported = 0;
    let untypedRuns = 0;
    const reversed: string[] = [];
    for (const test of cases) {
      const linter = new Linter({ cwd: test.dir });
      const language = { ...TESTER_LANGUAGE[test.tester], ...test.languageOptions };
      const jsx = Boolean(language.parserOptions?.ecmaFeatures?.jsx) || /\.[jt]sx$/.test(test.file);
      const run = (typed: boolean) =>
        linter.verify(
          test.code,
          [
            {
              files: FILES,
              plugins: { mail: plugin },
              rules: rules(typed, { rule: test.rule, options: test.options ?? [] }),
              settings: test.settings ?? {},
              languageOptions: typed ? typedLanguage(language, jsx) : language,
            },
          ],
          test.file,
        );
      const name = `${test.suite} (${test.kind}) ${path.relative(scratch, test.file)}`;
      const untypedMessages = run(false);
      const untyped = untypedMessages.map((m): [Finding, string] => [finding(name, m), m.message]);
      // A case that does not parse with its own parser (a test of a parse error) proves nothing here.
      if (untyped.some(([key]) => key.includes(': not linted'))) continue;
      reported += untyped.length;
      const typedMessages = run(true);
      const typed = typedMessages.map((m) => finding(name, m));
      reversed.push(...backwards(name, [...untypedMessages, ...typedMessages]));
      if (!(linter.getSourceCode()?.parserServices as { program?: unknown } | undefined)?.program) untypedRuns++;
      misses.push(...missing(untyped, typed).map((miss) => `${miss}\n${test.code}`));
    }
    console.info(`typed superset: ${cases.length} rule-test cases, ${reported} untyped findings, ${misses.length} missed with types`);
    expect(untypedRuns).toBe(0);
    expect(reversed).toEqual([]);
    dumpFailures(misses);
    expect(reported).toBeGreaterThan(500);
    expect(misses).toEqual([]);
  });

  it.each(CORPORA.map(([from, to]) => [from, to]))('on %s, with the recommended and the strict configs', { timeout: 300_000 }, async (_, dir) => {
    let added = 0;
    const folders = [dir, `${dir}.twins`].filter((folder) => existsSync(path.join(scratch, folder)));
    let reported = 0;
    for (const config of ['recommended', 'strict'] as const) {
      const lint = async (typed: boolean) => {
        const eslint = new ESLint({
          cwd: scratch,
          overrideConfigFile: true,
          overrideConfig: typed
            ? [
                ...plugin.configs[`${config}-type-checked`],
                { files: FILES, languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: scratch } } },
              ]
            : [...plugin.configs[config], { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } }],
        });
        const results = await eslint.lintFiles(folders);
        // A twin is named by its place in the corpus.
        const name = (file: string) => path.relative(scratch, file).replace(/^[^/]+\.twins\//, `${dir}/`);
        expect(results.flatMap((r) => backwards(name(r.filePath), r.messages))).toEqual([]);
        return results.flatMap((r) => r.messages.map((m) => [finding(name(r.filePath), m), m.message] as [Finding, string]));
      };
      const untyped = await lint(false);
      const typed = (await lint(true)).map(([key]) => key);
      reported += untyped.length;
      added += typed.length - untyped.length;
      expect(untyped.filter(([key]) => key.includes(': not linted'))).toEqual([]);
      expect(missing(untyped, typed), config).toEqual([]);
    }
    expect(reported).toBeGreaterThan(0);
    // The fixture project's cross-module cases (`// expect-typed:`) show that the typed run had types.
    if (dir === 'typed-project') expect(added).toBeGreaterThan(0);
  });
});

it('the corpus holds every rule test case and every file of the multi-file corpora', () => {
  const onDisk = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? onDisk(path.join(dir, e.name)) : 1), 0);
  expect(onDisk(ruleCaseDir)).toBe(cases.length);
  expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(Object.keys(plugin.rules)));
});
