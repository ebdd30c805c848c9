// oxlint runs the built plugin through `jsPlugins` (tests/fixtures/oxlint/.oxlintrc.json) and must
// find what ESLint finds with the recommended config: same place, same end, same rule, same
// message. Suggestions are not compared: oxlint's JS plugin host does not support them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configs } from '../../src/index.js';
import { EXAMPLE_FINDINGS, findings, lint, root, short } from './support.js';

const oxlintrc = path.join(root, 'tests/fixtures/oxlint/.oxlintrc.json');
const oxlintBin = path.join(path.dirname(createRequire(import.meta.url).resolve('oxlint/package.json')), 'bin/oxlint');

interface OxlintReport {
  diagnostics: {
    message: string;
    code: string;
    severity: string;
    filename: string;
    labels: { span: { offset: number; length: number; line: number; column: number } }[];
  }[];
  number_of_files: number;
}

function oxlint(...targets: string[]): OxlintReport {
  const run = spawnSync(process.execPath, [oxlintBin, '-c', oxlintrc, '--format', 'json', ...targets], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  return JSON.parse(run.stdout) as OxlintReport;
}

/** oxlint's diagnostics in the form of `findings()`: the span's end turned into line and column. */
function oxlintFindings(report: OxlintReport): string[] {
  return report.diagnostics
    .map(({ message, code, filename, labels }) => {
      const [label] = labels;
      if (!label) return `${filename} ${code} (no location) ${message}`;
      const { offset, length, line, column } = label.span;
      // Spans count UTF-8 bytes.
      const upToEnd = readFileSync(path.join(root, filename)).subarray(0, offset + length).toString('utf8').split('\n');
      const rule = code.replace(/^(\w+)\((.+)\)$/, '$1/$2'); // mail(no-unbatched-send) -> mail/no-unbatched-send
      return `${filename}:${line}:${column}-${upToEnd.length}:${upToEnd.at(-1)!.length + 1} ${rule} ${message}`;
    })
    .sort();
}

describe('oxlint with jsPlugins: ["eslint-plugin-mail"]', () => {
  it('turns on the rules of the recommended config, and nothing of oxlint', () => {
    const config = JSON.parse(readFileSync(oxlintrc, 'utf8')) as { jsPlugins: string[]; rules: Record<string, unknown> };
    expect(config.jsPlugins).toEqual(['eslint-plugin-mail']);
    expect(config.rules).toEqual(configs.recommended[0]!.rules);
  });

  it('reports the same findings as ESLint on examples/', async () => {
    const report = oxlint('examples');
    expect(report.number_of_files).toBe(7);
    const fromOxlint = oxlintFindings(report);
    expect(fromOxlint).toEqual(findings(await lint(['examples'])));
    expect(fromOxlint.map(short)).toEqual(EXAMPLE_FINDINGS);
  }, 60_000);

  it('reports the same findings as ESLint on every rule case, JS and TS', async () => {
    const targets = ['tests/cases', 'tests/fixtures/typed-project', 'tests/fixtures/clean'];
    const fromOxlint = oxlintFindings(oxlint(...targets));
    expect(fromOxlint).toEqual(findings(await lint(targets)));
    // 72 annotated cases (two of them across modules), and the typed fixture's 5 findings without
    // types (two through module summaries: a wrapper's argument, and a loop over sends on an
    // exported transport).
    expect(fromOxlint).toHaveLength(72 + 5);
  }, 60_000);

  it('is the .oxlintrc.json the README shows', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Monorepos, scale and oxlint'), readme.indexOf('## Limitations'));
    const snippet = /```jsonc?\n(\{[^`]*"jsPlugins"[^`]*\})\n```/.exec(section)?.[1];
    expect(snippet, 'the README section shows an .oxlintrc.json').toBeDefined();
    const shown = JSON.parse(snippet!) as Record<string, unknown>;
    const fixture = JSON.parse(readFileSync(oxlintrc, 'utf8')) as Record<string, unknown>;
    expect(shown['jsPlugins']).toEqual(fixture['jsPlugins']);
    expect(shown['rules']).toEqual(fixture['rules']);
  });
});
