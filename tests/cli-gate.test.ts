import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { FINGERPRINT_KEY } from '../src/formatters/sarif.js';
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
    // mail-lint reports a file it cannot parse as a warning: it does not fail the run.
    expect(notes[0]).toMatchObject({ level: 'warning', descriptor: { id: 'parse-error' } });
    expect(notes[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^file:\/\/.*bad\.js$/);
    expect(brokenLog.runs[0]!.results!.map((r) => r.ruleId)).toEqual(['mail/no-exposed-recipients']);
    expect(sarifValidator()(brokenLog)).toBe(true);
  });

  it("docs/suppressing.md's example: the finding is a suppressed result, with the comment's reason as its justification", () => {
    const example = /```js\n([\s\S]*?)```/.exec(readFileSync(path.join(root, 'docs/suppressing.md'), 'utf8'))![1]!;
    const dir = project('suppressing-doc', {
      'board.js': `import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\nexport async function board(founders, text) {\n${example}}\n`,
    });
    const run = mailLint(['--format', 'sarif', dir]);
    expect(run.status).toBe(0);
    const [result, ...rest] = (JSON.parse(run.stdout) as Sarif.Log).runs[0]!.results!;
    expect(rest).toEqual([]);
    expect(result).toMatchObject({
      ruleId: 'mail/no-exposed-recipients',
      suppressions: [{ kind: 'inSource', justification: 'the three founders, who know each other' }],
      partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{32}:1$/) },
    });
    // Without the comment the same code is a finding.
    expect(mailLint([project('suppressing-doc-bare', { 'board.js': readFileSync(path.join(dir, 'board.js'), 'utf8').replace(/^\/\/ eslint-disable.*\n/m, '') })]).status).toBe(1);
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

describe('mail-lint --format sarif: fingerprints', () => {
  /** The file's name and its findings' fingerprints, after writing `files` into the folder `name` (the same folder for versions of a file). */
  const fingerprints = (name: string, files: Record<string, string>) =>
    (JSON.parse(mailLint(['--format', 'sarif', project(name, files)]).stdout) as Sarif.Log).runs[0]!.results!.map(
      (r) => `${r.locations![0]!.physicalLocation!.artifactLocation!.uri!.replace(/^.*\//, '')} ${r.partialFingerprints![FINGERPRINT_KEY]!}`,
    ).sort();

  it('follow a finding when lines move and the code is reindented or rewrapped, and tell different findings apart', () => {
    const [before] = fingerprints('fp', { 'leak.ts': LEAK });
    expect(before).toMatch(/^leak\.ts [0-9a-f]{32}:1$/);
    const moved = LEAK.replace('export async', '// a comment\n\n\nexport async').replace(
      '{ to: users.map((u) => u.email), subject',
      '{\n      to: users.map(\n        (u) => u.email\n      ),\n      subject',
    );
    expect(moved).not.toBe(LEAK);
    expect(fingerprints('fp', { 'leak.ts': moved })).toEqual([before]);
    // Another list, another file: another fingerprint.
    const other = fingerprints('fp', { 'leak.ts': LEAK.replace('u.email', 'u.address') });
    expect(other).toHaveLength(1);
    expect(other).not.toEqual([before]);
    expect(fingerprints('fp-other-file', { 'leak.ts': LEAK })).not.toEqual([before]);
  });

  it('number the same finding twice in one file, and fingerprint suppressed findings too', () => {
    const twice = LEAK + LEAK.slice(LEAK.indexOf('export')).replace('announce', 'again');
    const [first, second] = fingerprints('fp-twice', { 'leak.ts': twice });
    expect(first!.replace(/:1$/, ':2')).toBe(second);
    const suppressed = twice.replace('  await transport', '  // eslint-disable-next-line mail/no-exposed-recipients -- internal\n  await transport');
    expect(fingerprints('fp-twice', { 'leak.ts': suppressed })).toEqual([first, second]);
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

  it('--output-file into a folder that cannot be made fails with exit 2 instead of hanging', () => {
    // Node's mkdirSync({ recursive: true }) loops for ever on such a path under /proc (Linux).
    const file = '/proc/self/no-such-folder/deep/mail-lint.sarif';
    const run = spawnSync(process.execPath, [cli, 'examples', '-f', 'sarif', '--output-file', file], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^mail-lint: cannot write \/proc\/self\/no-such-folder\/deep\/mail-lint\.sarif: ENOENT/m);
    // An output path whose folder is a file is refused the same way.
    const blocker = path.join(scratch, 'a-file');
    writeFileSync(blocker, '');
    const underFile = mailLint(['examples', '-f', 'sarif', '--output-file', path.join(blocker, 'out/report.sarif')]);
    expect(underFile.status).toBe(2);
    expect(underFile.stderr).toMatch(/cannot write .*a-file\/out\/report\.sarif: ENOTDIR/);
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
    [['--ignore-pattern'], /argument missing/],
    [['--ignore-pattern', ' '], /'--ignore-pattern' needs a non-empty value/],
    [['--config', 'a.json', '-c', 'b.json'], /'--config' is given more than once/],
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
    for (const option of ['--format', '--output-file', '--max-warnings', '--quiet', '--type-check', '--progress', '--no-progress', '--config', '--ignore-pattern']) {
      expect(help).toContain(option);
    }
  });
});

interface Finding {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; severity: number; message: string }[];
}

/** `relative/path:line rule` for each message, FATAL for a parse error, sorted. */
function findingsOf(stdout: string, base: string): string[] {
  return (JSON.parse(stdout) as Finding[])
    .flatMap((r) => r.messages.map((m) => `${path.relative(base, r.filePath)}:${m.line} ${m.ruleId ?? 'FATAL'}`))
    .sort();
}

const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
const hasGit = git(os.tmpdir(), '--version').status === 0;

/** LEAK in plain JavaScript, with a React component next to it. */
const JSX_LEAK = `${LEAK.replace('(users: { email: string }[])', '(users)')}
export const Banner = ({ text }) => <p className="banner">{text}</p>;
`;

describe('mail-lint on real project layouts', () => {
  it('parses JSX in .js, .mjs, .cjs and .jsx files', () => {
    const dir = project('jsx', {
      'src/a.js': JSX_LEAK,
      'src/b.mjs': JSX_LEAK,
      'src/c.cjs': JSX_LEAK.replace("import nodemailer from 'nodemailer';", "const nodemailer = require('nodemailer');").replaceAll('export ', ''),
      'src/d.jsx': JSX_LEAK,
    });
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout, dir)).toEqual(
      ['src/a.js', 'src/b.mjs', 'src/c.cjs', 'src/d.jsx'].map((f) => `${f}:4 mail/no-exposed-recipients`),
    );
    expect(run.status).toBe(1);
  });

  it('reports a file it cannot parse once, as a warning counted on stderr, without failing the run', () => {
    const dir = project('unparsable', { 'a.js': 'const = ;\n', 'b.ts': 'let x: = 1;\n', 'c.js': 'export const ok = <b>fine</b>;\n' });
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as Finding[];
    expect(findingsOf(run.stdout, dir)).toEqual(['a.js:1 FATAL', 'b.ts:1 FATAL']);
    for (const m of results.flatMap((r) => r.messages)) {
      // A warning, shown and counted as one: ESLint's `fatal` would make formatters print "error".
      expect(m).toMatchObject({ severity: 1, message: expect.stringMatching(/^Parsing error: /) });
      expect(m.fatal).toBeUndefined();
    }
    const stylish = mailLint(['.'], dir).stdout;
    expect(stylish).toMatch(/1:\d+ +warning +Parsing error: /);
    expect(stylish).not.toMatch(/ error +Parsing error/);
    expect(stylish).toContain('(0 errors, 2 warnings)');
    expect(run.stderr).toBe('mail-lint: 2 files could not be parsed and were not checked: a.js, b.ts\n');
    // They do not count against --max-warnings: they say nothing about the code's mail.
    expect(mailLint(['--max-warnings', '0', '.'], dir).status).toBe(0);
    // A finding elsewhere still fails the run.
    writeFileSync(path.join(dir, 'leak.ts'), LEAK);
    const withLeak = mailLint(['-f', 'json', '.'], dir);
    expect(withLeak.status).toBe(1);
    expect(withLeak.stderr).toContain('2 files could not be parsed');
  });

  it("lints a file with an ESLint 10 `/* eslint-env */` comment, with no notice about it (issue 21, item 4)", () => {
    const dir = project('eslint-env', { 'a.js': `/* eslint-env node, mocha */\n${JSX_LEAK}` });
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(['a.js:5 mail/no-exposed-recipients']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('parses a CommonJS .js file with a top-level `return` as CommonJS, typed or not, and .js modules as modules', () => {
    const commonJs = `'use strict';
const nodemailer = require('nodemailer');
if (require.main !== module) return;
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
module.exports = (users) => transport.sendMail({ to: users.map((u) => u.email) });
`;
    const dir = project('commonjs-return', {
      'bin/send.js': commonJs,
      'src/esm.js': JSX_LEAK,
      'src/broken.js': 'return const = ;\n',
      'jsconfig.json': JSON.stringify({ compilerOptions: { checkJs: false }, include: ['bin', 'src'] }),
    });
    for (const args of [[], ['--type-check']]) {
      const run = mailLint(['-f', 'json', ...args, '.'], dir);
      expect(findingsOf(run.stdout, dir), args.join(' ')).toEqual([
        'bin/send.js:5 mail/no-exposed-recipients',
        'src/broken.js:1 FATAL',
        'src/esm.js:4 mail/no-exposed-recipients',
      ]);
      expect(run.stderr, args.join(' ')).toContain('1 file could not be parsed and was not checked: src/broken.js\n');
    }
  }, 60_000);

  it("replaces ESLint's .eslintignore warning, which points at an eslint.config.js mail-lint never reads, with what mail-lint does", () => {
    const dir = project('eslintignore', { '.eslintignore': 'legacy/\n', 'legacy/leak.js': JSX_LEAK });
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(run.stderr).not.toContain('eslint.config.js');
    expect(run.stderr).not.toContain('ESLintIgnoreWarning');
    expect(run.stderr).toBe(
      'mail-lint: .eslintignore is not read (mail-lint reads no ESLint configuration); to skip files, list them in "ignores" under package.json\'s "mail-lint" key, or pass --ignore-pattern\n',
    );
    expect(findingsOf(run.stdout, dir)).toEqual(['legacy/leak.js:4 mail/no-exposed-recipients']);
  });

  it('skips build output, and --ignore-pattern (repeatable) skips more', () => {
    const dir = project('build-output', Object.fromEntries(
      ['src', 'dist', 'build', 'out', '.next/server', 'coverage/lcov', 'node_modules/pkg', 'packages/a/dist', 'legacy', 'vendor']
        .map((folder) => [`${folder}/leak.ts`, LEAK]),
    ));
    expect(findingsOf(mailLint(['-f', 'json', '.'], dir).stdout, dir)).toEqual([
      'legacy/leak.ts:4 mail/no-exposed-recipients',
      'src/leak.ts:4 mail/no-exposed-recipients',
      'vendor/leak.ts:4 mail/no-exposed-recipients',
    ]);
    const ignored = mailLint(['-f', 'json', '--ignore-pattern', 'legacy/', '--ignore-pattern', '**/vendor/*.ts', '.'], dir);
    expect(findingsOf(ignored.stdout, dir)).toEqual(['src/leak.ts:4 mail/no-exposed-recipients']);
  });

  it.skipIf(!hasGit)("honours the repository's .gitignore files (nested ones and negations too)", () => {
    const dir = project('gitignored', {
      '.gitignore': 'generated/\n*.local.ts\n!keep.local.ts\n',
      'src/leak.ts': LEAK,
      'src/leak.local.ts': LEAK,
      'src/keep.local.ts': LEAK,
      'generated/leak.ts': LEAK,
      'app/.gitignore': '/tmp-*\n',
      'app/tmp-leak.ts': LEAK,
      'app/sub/tmp-leak.ts': LEAK,
    });
    expect(git(dir, 'init', '-q').status).toBe(0);
    const expected = [
      'app/sub/tmp-leak.ts:4 mail/no-exposed-recipients',
      'src/keep.local.ts:4 mail/no-exposed-recipients',
      'src/leak.ts:4 mail/no-exposed-recipients',
    ];
    expect(findingsOf(mailLint(['-f', 'json', '.'], dir).stdout, dir)).toEqual(expected);
    // From a subfolder: git answers for the paths under it.
    expect(findingsOf(mailLint(['-f', 'json', '.'], path.join(dir, 'app')).stdout, dir)).toEqual([expected[0]]);
  });

  it.skipIf(!hasGit || process.platform === 'win32')("runs no command the linted repository configures (core.fsmonitor)", () => {
    const dir = project('fsmonitor', { '.gitignore': 'generated/\n', 'src/leak.ts': LEAK, 'generated/leak.ts': LEAK });
    const marker = path.join(scratch, 'fsmonitor-ran');
    const hook = path.join(scratch, 'fsmonitor-hook.sh');
    writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
    expect(git(dir, 'init', '-q').status).toBe(0);
    expect(git(dir, 'add', '.').status).toBe(0);
    expect(git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init').status).toBe(0);
    expect(git(dir, 'config', 'core.fsmonitor', hook).status).toBe(0);
    // The set-up is live: git itself runs the hook when it lists the ignored files.
    git(dir, 'ls-files', '--others', '--ignored', '--exclude-standard', '--directory');
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(existsSync(marker)).toBe(false);
    // git was still asked: its ignored folder is skipped.
    expect(findingsOf(run.stdout, dir)).toEqual(['src/leak.ts:4 mail/no-exposed-recipients']);
  });

  it('reads .gitignore itself outside a git repository', () => {
    // The scratch folder sits in the system temp folder, outside any git work tree.
    const dir = project('gitignore-no-git', {
      '.gitignore': '# generated code\ngenerated/\n/top.ts\n*.local.ts\n',
      'src/leak.ts': LEAK,
      'src/top.ts': LEAK,
      'top.ts': LEAK,
      'src/x.local.ts': LEAK,
      'src/generated/leak.ts': LEAK,
    });
    expect(findingsOf(mailLint(['-f', 'json', '.'], dir).stdout, dir)).toEqual([
      'src/leak.ts:4 mail/no-exposed-recipients',
      'src/top.ts:4 mail/no-exposed-recipients',
    ]);
  });
});

/** A send to a fixed list of three addresses, through the project's own wrapper, and an insecure local transport. */
const CONFIGURABLE = {
  'src/mailer.ts': `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export function notify(message: { to: string[]; subject: string }) {
  return transport.sendMail({ ...message, bcc: message.to, to: 'me@example.com' });
}
`,
  'src/jobs/team.ts': `import nodemailer from 'nodemailer';
import { notify } from '../mailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function team(users: { email: string }[]) {
  await transport.sendMail({ to: ['a@example.com', 'b@example.com', 'c@example.com'], subject: 'hi', text: 'hi' });
  await notify({ to: users.map((u) => u.email), subject: 'hi' });
}
`,
};

describe('mail-lint settings from the project', () => {
  const settings = {
    rules: { 'no-exposed-recipients': { maxFixedRecipients: 2 } },
    settings: { wrappers: [{ module: './src/mailer', export: 'notify', property: 'to' }] },
  };

  it('has no findings without settings (the wrapper is in another module, the list is fixed)', () => {
    const dir = project('settings-none', { ...CONFIGURABLE, 'package.json': '{ "name": "app" }\n' });
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('reads rule options and settings from a "mail-lint" key in package.json, also when run from a subfolder', () => {
    const dir = project('settings-package', {
      ...CONFIGURABLE,
      'package.json': JSON.stringify({ name: 'app', 'mail-lint': { ...settings, ignores: ['src/ignored/'] } }),
      'src/ignored/leak.ts': LEAK,
    });
    const expected = ['src/jobs/team.ts:5 mail/no-exposed-recipients', 'src/jobs/team.ts:6 mail/no-exposed-recipients'];
    const run = mailLint(['-f', 'json', '.'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(expected);
    expect(run.status).toBe(1);
    // The wrapper's path and the ignores are relative to package.json, wherever mail-lint starts.
    expect(findingsOf(mailLint(['-f', 'json', 'jobs'], path.join(dir, 'src')).stdout, dir)).toEqual(expected);
    expect(findingsOf(mailLint(['-f', 'json', '.'], path.join(dir, 'src/jobs')).stdout, dir)).toEqual(expected);
  });

  it('--config takes a JSON file instead, and "off" turns a rule off', () => {
    const dir = project('settings-file', {
      ...CONFIGURABLE,
      'package.json': JSON.stringify({ name: 'app', 'mail-lint': { rules: { 'no-exposed-recipients': 'off' } } }),
      'config/mail-lint.json': JSON.stringify({ settings: { wrappers: [{ module: '../src/mailer', export: 'notify', property: 'to' }] } }),
    });
    expect(findingsOf(mailLint(['-f', 'json', '.'], dir).stdout, dir)).toEqual([]);
    expect(findingsOf(mailLint(['-f', 'json', '--config', 'config/mail-lint.json', '.'], dir).stdout, dir)).toEqual([
      'src/jobs/team.ts:6 mail/no-exposed-recipients',
    ]);
  });

  it('resolves a relative rootDir from the folder of the --config file, as its other paths', () => {
    const secret = "import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');\n";
    const dir = project('settings-rootdir', {
      'config/mail-lint.json': JSON.stringify({
        settings: { rootDir: '..' },
        rules: { 'no-hardcoded-credentials': { testFilePatterns: ['fixtures/**'] } },
      }),
      'fixtures/key.ts': secret,
      'src/key.ts': secret,
    });
    const run = mailLint(['-f', 'json', '--config', 'config/mail-lint.json', '.'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(['src/key.ts:2 mail/no-hardcoded-credentials']);
  });

  it.each([
    [{ rule: {} }, /package\.json#mail-lint: rule is not a mail-lint setting \(known: rules, settings, ignores\)/],
    [{ rules: { 'no-such-rule': 'error' } }, /rules\["no-such-rule"\] is not a rule of eslint-plugin-mail/],
    [{ rules: { 'no-exposed-recipients': 'on' } }, /rules\["no-exposed-recipients"\] must be "off", "warn", "error"/],
    [{ rules: { 'no-insecure-transport': { allowedHost: ['mailhog'] } } }, /Unexpected property "allowedHost".*\(rules and settings from package\.json#mail-lint\)/],
    [{ settings: { wrapper: [] } }, /settings\.mail\.wrapper is not a setting of this plugin/],
    [{ ignores: 'dist' }, /package\.json#mail-lint: ignores must be an array of glob patterns/],
    [{ ignores: ['dist/', ''] }, /package\.json#mail-lint: ignores\[1\] must be a non-empty glob pattern/],
    ['strict', /package\.json#mail-lint: must be an object/],
    [{ rules: [] }, /package\.json#mail-lint: rules must be an object of rule names and their settings/],
    [{ rules: { 'mail/no-unbatched-send': ['warn', {}, {}] } }, /rules\["mail\/no-unbatched-send"\] must be "off", "warn", "error", an options object, or \[severity, options\]/],
    [{ settings: [] }, /package\.json#mail-lint: settings must be an object \(the plugin's settings\.mail\)/],
    // Issue 22, item 6: a rootDir that names no folder, and a malformed pattern, stop the run.
    [{ settings: { rootDir: 'no-such-folder' } }, /settings\.mail\.rootDir ".*no-such-folder" names nothing at .*no-such-folder; it must name a folder/],
    [{ rules: { 'no-hardcoded-credentials': { testFilePatterns: ['**/*.{test,spec'] } } }, /mail\/no-hardcoded-credentials option testFilePatterns\[0\]: "\*\*\/\*\.\{test,spec" is not a valid glob \(Missing closing: "\}"/],
    [{ rules: { 'no-exposed-recipients': { messageShapes: true, messageShapeIgnore: ['/(/'] } } }, /mail\/no-exposed-recipients option messageShapeIgnore\[0\]: "\/\(\/" is not a valid regular expression/],
    [{ rules: { 'mail/no-unbatched-send': ['warn', 1] } }, /rules\["mail\/no-unbatched-send"\] must be "off", "warn", "error", an options object, or \[severity, options\]/],
    [[], /package\.json#mail-lint: must be an object/],
  ])('exits 2 on a mistake in the project settings: %j', (config, message) => {
    const dir = project(`settings-bad-${JSON.stringify(config).replace(/\W+/g, '-')}`, {
      ...CONFIGURABLE,
      'package.json': JSON.stringify({ name: 'app', 'mail-lint': config }),
    });
    const run = mailLint(['.'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 when the --config file is missing or not JSON', () => {
    const dir = project('settings-missing', { 'a.ts': 'export const a = 1;\n', 'bad.json': '{ rules: }' });
    expect(mailLint(['--config', 'nope.json', '.'], dir).stderr).toMatch(/--config: no file nope\.json/);
    const bad = mailLint(['--config', 'bad.json', '.'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: cannot read it as JSON/);
  });
});

describe('mail-lint --type-check in a monorepo', () => {
  /**
   * Per-package tsconfig.json and jsconfig.json, none at the root; a config file and a script
   * outside every `include`. The packages find nodemailer's types through a link to this
   * repository's node_modules.
   */
  const monorepo = (name: string) => {
    const dir = project(name, {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/api/tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] },
        include: ['src'],
      }),
      // Only type information shows that this literal is a nodemailer message (its return type);
      // the list is data-driven by its own source (a field of each record), not by an annotation.
      'packages/api/src/messages.ts': `import type { SendMailOptions } from 'nodemailer';
export function digest(users: { email: string }[], html: string): SendMailOptions {
  return { to: users.map((u) => u.email), subject: 'Your weekly digest', html };
}
`,
      'packages/api/vitest.config.mts': "export default { test: { include: ['src/**/*.test.ts'] } };\n",
      'packages/api/scripts/seed.ts': LEAK,
      'packages/web/jsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', checkJs: true, skipLibCheck: true, types: [] },
        include: ['src'],
      }),
      // JavaScript with JSX, typed through jsconfig.json: the list's type comes from another module.
      'packages/web/src/mail.js': `import nodemailer from 'nodemailer';
import { recipients } from './lists.js';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function send() {
  await transport.sendMail({ to: recipients(), subject: 'hi', text: 'hi' });
}
export const View = () => <p>sent</p>;
`,
      'packages/web/src/lists.js': '/** @returns {string[]} */\nexport function recipients() {\n  return globalThis.list;\n}\n',
    });
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return dir;
  };

  it('finds each file\'s nearest tsconfig.json or jsconfig.json, and lints files outside them without types', () => {
    const dir = monorepo('monorepo');
    const untyped = mailLint(['-f', 'json', '.'], dir);
    expect(findingsOf(untyped.stdout, dir)).toEqual(['packages/api/scripts/seed.ts:4 mail/no-exposed-recipients']);

    const typed = mailLint(['-f', 'json', '--type-check', '.'], dir);
    expect(findingsOf(typed.stdout, dir)).toEqual([
      'packages/api/scripts/seed.ts:4 mail/no-exposed-recipients',
      'packages/api/src/messages.ts:3 mail/no-exposed-recipients',
      'packages/web/src/mail.js:5 mail/no-exposed-recipients',
    ]);
    expect(typed.status).toBe(1);
    expect(typed.stderr).toBe('mail-lint: 2 files in no tsconfig.json or jsconfig.json project linted without type information\n');
  }, 60_000);

  it('mail-lint --type-check packages/api, from the root and from inside the package', () => {
    const dir = monorepo('monorepo-api');
    const expected = ['packages/api/scripts/seed.ts:4 mail/no-exposed-recipients', 'packages/api/src/messages.ts:3 mail/no-exposed-recipients'];
    expect(findingsOf(mailLint(['-f', 'json', '--type-check', 'packages/api'], dir).stdout, dir)).toEqual(expected);
    expect(findingsOf(mailLint(['-f', 'json', '--type-check', '.'], path.join(dir, 'packages/api')).stdout, dir)).toEqual(expected);
  }, 60_000);

  it('lints without types, and says so, where no tsconfig.json or jsconfig.json exists at all', () => {
    const dir = project('no-tsconfig', { 'a.ts': LEAK, 'b.js': 'export const b = <i>b</i>;\n' });
    const run = mailLint(['-f', 'json', '--type-check', '.'], dir);
    expect(findingsOf(run.stdout, dir)).toEqual(['a.ts:4 mail/no-exposed-recipients']);
    expect(run.stderr).toBe('mail-lint: 2 files in no tsconfig.json or jsconfig.json project linted without type information\n');
    expect(run.status).toBe(1);
  }, 60_000);
});
