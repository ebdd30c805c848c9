/**
 * The rule docs are part of the specification: every example marked `<!-- incorrect -->` must be
 * reported by its rule, every `<!-- correct -->` example must not, and both must parse. Every rule
 * has a doc, a test and a `docs.url` that points at its doc.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { sdks } from '../src/sdks/index.js';
import { PAGE, renderSdkDocs } from '../tools/sdk-docs.js';

const root = path.resolve(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs', 'rules');
const docFiles = readdirSync(docsDir).filter((f) => f.endsWith('.md'));

type Verdict = 'incorrect' | 'correct';

interface Example {
  readonly verdict: Verdict;
  /** The rule a marker names (`<!-- incorrect: no-unbatched-send -->`); a rule page's own rule when absent. */
  readonly rule: string | undefined;
  readonly lang: 'js' | 'ts';
  readonly code: string;
  /** 1-based line of the opening fence in the doc, for failure messages. */
  readonly line: number;
}

const MARKER = /^<!--\s*(incorrect|correct)(?::\s*([\w-]+))?\s*-->\s*$/;
const FENCE_OPEN = /^```(\w+)\s*$/;

/** The marked examples of a doc. A marker must sit on the line right before a js or ts fence. */
function examples(markdown: string, file: string): Example[] {
  const lines = markdown.split('\n');
  const found: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]!.trim());
    if (!marker) continue;
    const fence = FENCE_OPEN.exec(lines[i + 1] ?? '');
    if (!fence || (fence[1] !== 'js' && fence[1] !== 'ts')) {
      throw new Error(`${file}:${i + 1}: <!-- ${marker[1]} --> must be followed by a \`\`\`js or \`\`\`ts block`);
    }
    const end = lines.findIndex((l, j) => j > i + 1 && l.trim() === '```');
    if (end < 0) throw new Error(`${file}:${i + 2}: unclosed code block`);
    found.push({
      verdict: marker[1] as Verdict,
      rule: marker[2],
      lang: fence[1],
      code: lines.slice(i + 2, end).join('\n'),
      line: i + 2,
    });
    i = end;
  }
  return found;
}

/** One example through ESLint as a user would run it: the plugin's rule at its defaults. */
function lint(example: Example, rule: string): Linter.LintMessage[] {
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.ts'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { mail: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: { [`mail/${rule}`]: 'error' },
    },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  ];
  return linter.verify(example.code, config, { filename: `example.${example.lang}` });
}

describe('rule docs', () => {
  for (const file of docFiles) {
    const rule = file.replace(/\.md$/, '');
    const all = examples(readFileSync(path.join(docsDir, file), 'utf8'), file);

    describe(file, () => {
      it('has incorrect and correct examples', () => {
        expect(all.some((e) => e.verdict === 'incorrect')).toBe(true);
        expect(all.some((e) => e.verdict === 'correct')).toBe(true);
      });

      for (const example of all) {
        it(`${example.verdict} example at line ${example.line} (${example.lang})`, () => {
          const messages = lint(example, example.rule ?? rule);
          const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
          expect(fatal.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
          const reports = messages.filter((m) => m.ruleId === `mail/${example.rule ?? rule}`);
          if (example.verdict === 'incorrect') {
            expect(reports.length, `no report from mail/${example.rule ?? rule} for:\n${example.code}`).toBeGreaterThan(0);
          } else {
            expect(reports.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
          }
        });
      }
    });
  }
});

describe('docs/sdks.md', () => {
  const page = readFileSync(PAGE, 'utf8');
  const all = examples(page, 'docs/sdks.md');

  it('is current: generated from src/sdks/ and tools/sdk-examples/ (run `npm run docs:sdks`)', () => {
    expect(page).toBe(renderSdkDocs(sdks));
  });

  it('has an incorrect and a correct example of each rule for every SDK', () => {
    const sections = page.split(/^## /m).slice(1);
    const providers = sdks.filter((sdk) => sdk.id !== 'message-shape');
    expect(sections.map((section) => section.slice(0, section.indexOf('\n')))).toEqual(providers.map((sdk) => sdk.label));
    for (const section of sections) {
      for (const rule of ['no-exposed-recipients', 'no-unbatched-send']) {
        for (const verdict of ['incorrect', 'correct']) expect(section, `${verdict}: ${rule}`).toContain(`<!-- ${verdict}: ${rule} -->`);
      }
    }
  });

  for (const example of all) {
    it(`${example.verdict} example of ${example.rule} at line ${example.line} (${example.lang})`, () => {
      expect(example.rule && example.rule in rules, `line ${example.line} names no rule`).toBe(true);
      const messages = lint(example, example.rule!);
      const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
      expect(fatal.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      const reports = messages.filter((m) => m.ruleId === `mail/${example.rule}`);
      if (example.verdict === 'incorrect') {
        expect(reports.length, `no report from mail/${example.rule} for:\n${example.code}`).toBeGreaterThan(0);
      } else {
        expect(reports.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      }
    });
  }
});

describe('every rule', () => {
  it('every doc belongs to a rule', () => {
    expect(docFiles.map((f) => f.replace(/\.md$/, '')).filter((name) => !(name in rules))).toEqual([]);
  });

  for (const [name, rule] of Object.entries(rules)) {
    describe(name, () => {
      it('has a doc', () => {
        expect(existsSync(path.join(docsDir, `${name}.md`))).toBe(true);
      });

      it('has a docs.url that points at its doc', () => {
        expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
        // The docs of the installed release, at its tag, not of main.
        expect(rule.meta.docs?.url).toContain(`/blob/v${plugin.meta.version}/docs/rules/`);
      });

      it('has tests', () => {
        const folder = path.join(root, 'tests', 'rules', name);
        const single = path.join(root, 'tests', 'rules', `${name}.test.ts`);
        const hasFolder = existsSync(folder) && readdirSync(folder).some((f) => f.endsWith('.test.ts'));
        expect(hasFolder || existsSync(single)).toBe(true);
      });
    });
  }
});
