// The pre-commit.com hook (.pre-commit-hooks.yaml) as a user installs it: `pre-commit try-repo` on a
// clone of this repository, which makes pre-commit install the hook from git (npm install, npm pack,
// npm install -g of the tarball) into a temporary store, then run it on a project. Needs `pre-commit` on
// PATH (Debian: `apt-get install pre-commit`) and the npm registry; the install takes about a minute.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPreCommit) {
  console.warn('tests/integration/pre-commit.test.ts: skipped, `pre-commit` is not on PATH (Debian: apt-get install pre-commit)');
}

const LEAK = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function announce(users) {
  await transport.sendMail({ to: users.map((u) => u.email), subject: 'hi', text: 'hi' });
}
`;
const CLEAN = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function announce(users) {
  await transport.sendMail({ to: 'news@example.com', bcc: users.map((u) => u.email), subject: 'hi', text: 'hi' });
}
export const Banner = () => <p>sent</p>;
`;

describe.skipIf(!hasPreCommit)('the pre-commit.com hook, installed by pre-commit from a clone of this repository', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-lint-pre-commit-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // The committed HEAD, as pre-commit would fetch it at a tag.
  const clone = path.join(scratch, 'eslint-plugin-mail');
  const env = { ...process.env, PRE_COMMIT_HOME: path.join(scratch, 'cache'), GIT_CONFIG_NOSYSTEM: '1' };

  function gitProject(name: string, files: Record<string, string>) {
    const dir = path.join(scratch, name);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
    expect(spawnSync('git', ['add', '.'], { cwd: dir }).status).toBe(0);
    return dir;
  }
  const tryRepo = (cwd: string) =>
    spawnSync('pre-commit', ['try-repo', clone, 'mail-lint', '--all-files'], { cwd, env, encoding: 'utf8' });

  it('installs from git and stops on a leaking file', () => {
    expect(spawnSync('git', ['clone', '-q', root, clone]).status).toBe(0);
    const dir = gitProject('leaking', { 'leak.js': LEAK, 'clean.jsx': CLEAN });
    const run = tryRepo(dir);
    const output = run.stdout + run.stderr;
    expect(output, output).toMatch(/mail-lint\.+Failed/);
    expect(output).toContain('leak.js');
    expect(output).toMatch(/4:30 +error +nodemailer shows every address in `to`.*mail\/no-exposed-recipients/);
    expect(output).not.toContain('clean.jsx');
    expect(output).toContain('1 problem (1 error, 0 warnings)');
    expect(run.status).toBe(1);
  }, 300_000);

  it('passes a clean project (try-repo installs the hook again, in its own temporary store)', () => {
    const dir = gitProject('clean', { 'clean.jsx': CLEAN, 'other.ts': 'export const a: number = 1;\n' });
    const run = tryRepo(dir);
    const output = run.stdout + run.stderr;
    expect(output, output).toMatch(/mail-lint\.+Passed/);
    expect(run.status).toBe(0);
  }, 300_000);
});
