import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { sarifValidator } from './sarif-schema.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function mailLint(args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const LEAK = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function announce(users: { email: string }[]) {
  await transport.sendMail({ to: users.map((u) => u.email), subject: 'hi', text: 'hi' });
}
`;

describe('mail-lint --format sarif', () => {
  const run = mailLint(['examples', '--format', 'sarif']);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  const sarifRun = log.runs[0]!;
  const rules = sarifRun.tool.driver.rules!;

  it('validates against the SARIF 2.1.0 schema and exits 1 on findings', () => {
    expect(run.status).toBe(1);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator does catch a broken log.
    expect(validate({ ...log, runs: [{ ...sarifRun, results: [{ message: { text: 'x' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('describes every mail rule as a security rule GitHub code scanning ranks', () => {
    expect(sarifRun.tool.driver.name).toBe('eslint-plugin-mail');
    expect(sarifRun.tool.driver.version).toBe(plugin.meta.version);
    expect(rules.map((r) => r.id)).toEqual(Object.keys(plugin.rules).map((name) => `mail/${name}`));
    for (const rule of rules) {
      const docs = (plugin.rules[rule.id.slice(5) as keyof typeof plugin.rules].meta!.docs ?? {}) as {
        url: string;
        description: string;
        cwe: string[];
      };
      expect(rule.helpUri).toBe(docs.url);
      expect(rule.shortDescription!.text).toBe(docs.description);
      expect(rule.help!.text).toContain(docs.url);
      expect(rule.help!.markdown).toContain(`(${docs.url})`);
      expect(rule.properties!.tags).toEqual(['security', ...docs.cwe.map((c) => `external/cwe/${c.toLowerCase()}`)]);
      expect(['high', 'very-high']).toContain(rule.properties!.precision);
      const severity = rule.properties!['security-severity'] as string;
      expect(typeof severity).toBe('string');
      expect(Number(severity)).toBeGreaterThan(0);
      expect(Number(severity)).toBeLessThanOrEqual(10);
    }
    expect(rules.find((r) => r.id === 'mail/no-exposed-recipients')!.properties!.tags).toContain('external/cwe/cwe-201');
    // The help shows the rule doc's "Why" section, without the doc tooling's comments.
    expect(rules[0]!.help!.markdown).toContain('A cryptocurrency exchange');
    expect(rules[0]!.help!.markdown).not.toContain('<!--');
  });

  it('reports findings with repository-relative locations and rule indexes', () => {
    const results = sarifRun.results!;
    expect(results.map((r) => `${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine} ${r.ruleId}`).sort()).toEqual([
      'examples/src/announcements.ts:25 mail/no-exposed-recipients',
      'examples/src/price-alerts.js:19 mail/no-exposed-recipients',
      'examples/src/renewals.ts:20 mail/no-unbatched-send',
    ]);
    for (const result of results) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      const location = result.locations![0]!.physicalLocation!;
      expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(location.region).toMatchObject({ startColumn: expect.any(Number), endLine: expect.any(Number), endColumn: expect.any(Number) });
    }
    expect(sarifRun.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${root}/`);
  });

  it('makes paths relative to the repository root when run from a subfolder', () => {
    const sub = mailLint(['src', '--format', 'sarif'], path.join(root, 'examples'));
    const uris = (JSON.parse(sub.stdout) as Sarif.Log).runs[0]!.results!.map(
      (r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri,
    );
    expect(uris).toContain('examples/src/announcements.ts');
  });

  it('puts parse errors in notifications, not results, and the log still validates', () => {
    const dir = project('broken', { 'bad.js': 'const = ;\n', 'leak.ts': LEAK });
    const broken = mailLint(['--format', 'sarif', dir]);
    expect(broken.status).toBe(1);
    const brokenLog = JSON.parse(broken.stdout) as Sarif.Log;
    const notes = brokenLog.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: 'error', descriptor: { id: 'parse-error' } });
    expect(notes[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^file:\/\/.*bad\.js$/);
    expect(brokenLog.runs[0]!.results!.map((r) => r.ruleId)).toEqual(['mail/no-exposed-recipients']);
    expect(sarifValidator()(brokenLog)).toBe(true);
  });

  it('marks findings under an eslint-disable comment as suppressed in source', () => {
    const dir = project('suppressed', {
      'leak.ts': LEAK.replace('  await transport', '  // eslint-disable-next-line mail/no-exposed-recipients -- one internal address\n  await transport'),
    });
    const suppressed = mailLint(['--format', 'sarif', dir]);
    expect(suppressed.status).toBe(0);
    const [result] = (JSON.parse(suppressed.stdout) as Sarif.Log).runs[0]!.results!;
    expect(result!.suppressions).toEqual([{ kind: 'inSource', justification: 'one internal address' }]);
  });
});

describe('mail-lint options', () => {
  it('--output-file writes the report (creating folders) and leaves stdout empty', () => {
    const file = path.join(scratch, 'out/deep/mail-lint.sarif');
    const run = mailLint(['examples', '-f', 'sarif', '--output-file', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('3 errors, 0 warnings; report written to');
    expect((JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log).runs[0]!.results).toHaveLength(3);
  });

  it('--max-warnings fails on more warnings than allowed, and counts only mail-lint\'s own', () => {
    const dir = project('warnings', {
      'a.ts': [
        '// eslint-disable-next-line mail/no-exposed-recipients',
        'export const a = 1;',
        '// eslint-disable-next-line no-console, @typescript-eslint/no-explicit-any',
        'console.log(a as any);',
        '/* eslint eqeqeq: "error" */',
        'export const b = a == 1;',
        '',
      ].join('\n'),
    });
    const json = mailLint(['-f', 'json', dir]);
    // Only the unused mail directive: the project's comments for its other rules are not ours.
    const messages = (JSON.parse(json.stdout) as { messages: { message: string; line: number }[] }[])[0]!.messages;
    expect(messages.map((m) => m.line)).toEqual([1]);
    expect(messages[0]!.message).toContain("'mail/no-exposed-recipients'");
    expect(json.status).toBe(0);

    expect(mailLint(['--max-warnings', '1', dir]).status).toBe(0);
    const over = mailLint(['--max-warnings', '0', dir]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('too many warnings (1)');
  });

  it('--quiet reports errors only', () => {
    const dir = project('quiet', {
      'a.ts': `// eslint-disable-next-line mail/no-unbatched-send\nexport const a = 1;\n${LEAK}`,
    });
    const loud = JSON.parse(mailLint(['-f', 'json', dir]).stdout) as { messages: unknown[] }[];
    expect(loud[0]!.messages).toHaveLength(2);
    const quiet = mailLint(['-f', 'json', '--quiet', dir]);
    expect(quiet.status).toBe(1);
    expect((JSON.parse(quiet.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId)).toEqual([
      'mail/no-exposed-recipients',
    ]);
  });

  it('--type-check uses the nearest tsconfig.json and finds what only types show', () => {
    const fixture = path.join(root, 'tests/fixtures/typed-project');
    const untyped = mailLint(['-f', 'json', 'src'], fixture);
    const typed = mailLint(['-f', 'json', '--type-check', 'src'], fixture);
    const count = (stdout: string) =>
      (JSON.parse(stdout) as { messages: { fatal?: boolean }[] }[]).flatMap((r) => r.messages).length;
    expect(typed.status).toBe(1);
    expect((JSON.parse(typed.stdout) as { messages: { fatal?: boolean }[] }[]).flatMap((r) => r.messages).some((m) => m.fatal)).toBe(false);
    expect(count(typed.stdout)).toBeGreaterThan(count(untyped.stdout));
  }, 60_000);

  it('--type-check without a tsconfig.json exits 2 with a clear message', () => {
    const dir = project('no-tsconfig', { 'a.js': 'export const a = 1;\n' });
    // The scratch folder sits in the system temp folder, which has no tsconfig.json above it.
    const run = mailLint(['--type-check', '.'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--type-check needs a tsconfig\.json in .*no-tsconfig or a folder above it/);
  });

  it('prints progress on stderr for large trees with --progress, never on stdout', () => {
    const files = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`src/f${i}.js`, `export const v${i} = ${i};\n`]));
    const dir = project('large', files);
    const withProgress = mailLint(['--progress', '-f', 'json', '.'], dir);
    expect(withProgress.status).toBe(0);
    expect(withProgress.stderr).toContain('mail-lint: 500 files linted…');
    expect(withProgress.stderr).toContain('mail-lint: 1000 files linted…');
    expect(withProgress.stderr).toMatch(/mail-lint: 1001 files linted in [\d.]+ s/);
    expect(JSON.parse(withProgress.stdout)).toHaveLength(1001);

    // Not a terminal, not asked for: no progress.
    expect(mailLint(['-f', 'json', '.'], dir).stderr).toBe('');
    expect(mailLint(['--no-progress', '.'], dir).stderr).toBe('');
  }, 60_000);

  it('prints no progress for small trees even when asked', () => {
    expect(mailLint(['--progress', 'tests/fixtures/clean']).stderr).toBe('');
  });

  it.each([
    [['--max-warnings'], /argument missing/],
    [['--max-warnings', 'ten'], /'--max-warnings' takes a whole number of 0 or more, not 'ten'/],
    [['--max-warnings', '-1'], /argument is ambiguous|takes a whole number/],
    [['--max-warnings=1.5'], /takes a whole number/],
    [['--format'], /argument missing/],
    [['--output-file='], /'--output-file' needs a non-empty value/],
    [['--quiet', '--max-warnings', '0'], /'--quiet' and '--max-warnings' contradict each other/],
    [['--progress', '--no-progress'], /'--progress' and '--no-progress' contradict each other/],
    [['-f', 'json', '--format', 'stylish'], /'--format' is given more than once/],
    [['--type-check=yes'], /does not take an argument/],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const run = mailLint(['examples', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const [first, ...rest] = run.stderr.split('\n');
    expect(first).toMatch(/^mail-lint: /);
    expect(first).toMatch(message);
    expect(rest.join('\n')).toContain('Usage: mail-lint');
  });

  it('loads ESLint formatters by name for everything but sarif', () => {
    const compact = mailLint(['examples', '-f', 'json-with-metadata']);
    expect(compact.status).toBe(1);
    expect((JSON.parse(compact.stdout) as { metadata: { rulesMeta: object } }).metadata.rulesMeta).toHaveProperty(
      'mail/no-exposed-recipients',
    );
  });

  it('documents every option in --help', () => {
    const help = mailLint(['--help']).stdout;
    for (const option of ['--format', '--output-file', '--max-warnings', '--quiet', '--type-check', '--progress', '--no-progress']) {
      expect(help).toContain(option);
    }
  });
});
