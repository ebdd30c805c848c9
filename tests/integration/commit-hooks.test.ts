// husky + lint-staged as the README sets them up, in a fresh project that installs this package from
// its packed tarball (npm pack, as the registry would serve it) with eslint, husky 9 and lint-staged 16
// from the npm registry. The same install also serves the SARIF formatter's documented command line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../sarif-schema.js';
import { root } from './support.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-lint-hooks-'));
const dir = path.join(scratch, 'app');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};
const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });
const commits = () => Number(git('rev-list', '--count', 'HEAD').stdout.trim() || 0);

const LEAK = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function announce(users) {
  await transport.sendMail({ to: users.map((u) => u.email), subject: 'hi', text: 'hi' });
}
`;
const CLEAN = LEAK.replace('to: users.map', "to: 'news@example.com', bcc: users.map");

beforeAll(() => {
  // dist/ is built by `npm test` before vitest runs; packing it as it is keeps the tarball that.
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string }[];
  execFileSync('mkdir', [dir]);
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'app', private: true, type: 'module', 'lint-staged': { '*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}': 'mail-lint' } }, null, 2)}\n`,
  );
  expect(git('init', '-q').status).toBe(0);
  execFileSync(
    npm,
    ['install', '--save-dev', '--no-audit', '--no-fund', path.join(scratch, packed!.filename), 'eslint@^10', 'husky@^9', 'lint-staged@^16'],
    { cwd: dir, stdio: 'pipe' },
  );
  // The README's setup: `npx husky init`, then the hook runs lint-staged.
  execFileSync(npm, ['exec', '--', 'husky', 'init'], { cwd: dir, stdio: 'pipe' });
  writeFileSync(path.join(dir, '.husky/pre-commit'), 'npx lint-staged\n');
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
}, 240_000);

describe('husky + lint-staged running mail-lint on the staged files', () => {
  it('lets a clean commit through', () => {
    writeFileSync(path.join(dir, 'clean.js'), CLEAN);
    git('add', '.');
    const run = git('commit', '-m', 'clean');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(commits()).toBe(1);
  }, 120_000);

  it('stops a commit that adds a leak, naming the file and the rule, and commits nothing', () => {
    writeFileSync(path.join(dir, 'leak.js'), LEAK);
    git('add', 'leak.js');
    const run = git('commit', '-m', 'leak');
    const output = run.stdout + run.stderr;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('leak.js');
    expect(output).toContain('mail/no-exposed-recipients');
    expect(output).toMatch(/husky - pre-commit script failed/);
    expect(commits()).toBe(1);
    // lint-staged restores the index: the leak is still staged, waiting for a fix.
    expect(git('diff', '--cached', '--name-only').stdout.trim()).toBe('leak.js');
  }, 120_000);

  it('lets the commit through once the leak is fixed', () => {
    writeFileSync(path.join(dir, 'leak.js'), CLEAN);
    git('add', 'leak.js');
    const run = git('commit', '-m', 'fixed');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(commits()).toBe(2);
  }, 120_000);
});

describe('a JavaScript-only project (issue 21, item 6)', () => {
  it('installs the plugin without TypeScript or its parser, and lints its JavaScript', () => {
    // eslint, husky, lint-staged and the plugin: none of them needs TypeScript.
    expect(existsSync(path.join(dir, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(path.join(dir, 'node_modules/@typescript-eslint/parser'))).toBe(false);
    writeFileSync(path.join(dir, 'announce.js'), LEAK);
    const run = spawnSync(npm, ['exec', '--', 'mail-lint', 'announce.js'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('mail/no-exposed-recipients');
  }, 120_000);

  it('stops at a TypeScript file with the command that installs the parser', () => {
    writeFileSync(path.join(dir, 'announce.ts'), LEAK);
    const run = spawnSync(npm, ['exec', '--', 'mail-lint', 'announce.ts'], { cwd: dir, encoding: 'utf8' });
    // Not linted, and told so with the command to run; not a finding (mail-lint's notices do not fail the run).
    expect(run.stdout + run.stderr).toContain('npm i -D @typescript-eslint/parser typescript');
    expect(run.stdout).not.toContain('mail/no-exposed-recipients');
    rmSync(path.join(dir, 'announce.ts'), { force: true });
    rmSync(path.join(dir, 'announce.js'), { force: true });
  }, 120_000);
});

describe('the SARIF formatter from the installed package', () => {
  it('eslint -f ./node_modules/eslint-plugin-mail/dist/formatters/sarif.js writes a valid SARIF 2.1.0 log', () => {
    writeFileSync(
      path.join(dir, 'eslint.config.js'),
      "import mail from 'eslint-plugin-mail';\nexport default [...mail.configs.recommended];\n",
    );
    writeFileSync(path.join(dir, 'again.js'), LEAK);
    const run = spawnSync(
      process.execPath,
      ['node_modules/eslint/bin/eslint.js', '-f', './node_modules/eslint-plugin-mail/dist/formatters/sarif.js', 'again.js', 'leak.js'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]!.results!.map((r) => `${r.locations![0]!.physicalLocation!.artifactLocation!.uri} ${r.ruleId}`)).toEqual([
      'again.js mail/no-exposed-recipients',
    ]);
  }, 60_000);

  it('imports as eslint-plugin-mail/sarif', () => {
    const script = "import f from 'eslint-plugin-mail/sarif'; console.log(typeof f, f.name);";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function formatSarif');
    expect(readFileSync(path.join(dir, 'node_modules/eslint-plugin-mail/package.json'), 'utf8')).toContain('"./sarif"');
  });
});
