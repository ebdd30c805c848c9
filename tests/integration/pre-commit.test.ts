// The pre-commit.com hook (.pre-commit-hooks.yaml) as a user installs it: `pre-commit try-repo` on a
// clone of this repository, which makes pre-commit install the hook from git (npm install, npm pack,
// npm install -g of the tarball) into a temporary store, then run it on a project. Needs `pre-commit` on
// PATH (Debian: `apt-get install pre-commit`) and the npm registry; the install takes about a minute.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES } from '../../src/configs.js';
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

  it('installs from git and stops on a leaking file, .mts and .cts ones too', () => {
    expect(spawnSync('git', ['clone', '-q', root, clone]).status).toBe(0);
    const dir = gitProject('leaking', {
      'leak.js': LEAK,
      'leak.mts': LEAK.replace('(users)', '(users: { email: string }[])'),
      'leak.cts': LEAK.replace('(users)', '(users: { email: string }[])'),
      'clean.jsx': CLEAN,
    });
    const run = tryRepo(dir);
    const output = run.stdout + run.stderr;
    expect(output, output).toMatch(/mail-lint\.+Failed/);
    for (const file of ['leak.js', 'leak.mts', 'leak.cts']) expect(output).toContain(file);
    expect(output).toMatch(/4:30 +error +nodemailer shows every address in `to`.*mail\/no-exposed-recipients/);
    expect(output).not.toContain('clean.jsx');
    expect(output).toContain('3 problems (3 errors, 0 warnings)');
    expect(run.status).toBe(1);
  }, 600_000);

  it('passes a clean project (try-repo installs the hook again, in its own temporary store)', () => {
    const dir = gitProject('clean', { 'clean.jsx': CLEAN, 'other.ts': 'export const a: number = 1;\n' });
    const run = tryRepo(dir);
    const output = run.stdout + run.stderr;
    expect(output, output).toMatch(/mail-lint\.+Passed/);
    expect(run.status).toBe(0);
  }, 600_000);
});

describe('.pre-commit-hooks.yaml', () => {
  it('hands the hook every file extension the configs lint, and nothing else', () => {
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
    const [hook] = yaml.load(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { files: string; types?: string[]; types_or?: string[] }[];
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook!.files);
    for (const ext of ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx']) expect(files.test(`src/a.${ext}`), ext).toBe(true);
    for (const name of ['README.md', 'a.json', 'a.d.ts.map', 'a.tsbuildinfo', 'a.jsonc']) expect(files.test(name), name).toBe(false);
    expect(hook!.types_or).toBeUndefined();
    // Every extension of the configs' FILES glob, `**/*.{js,…}`.
    const globbed = /\{([^}]+)\}/.exec(FILES[0]!)![1]!.split(',');
    expect(globbed.every((ext) => files.test(`a.${ext}`))).toBe(true);
  });

  it('installs the TypeScript parser and TypeScript with the hook, at the ranges package.json gives them', () => {
    // They are optional peers of the plugin (issue 21, item 6): pre-commit installs only the package itself.
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
    const [hook] = yaml.load(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { additional_dependencies?: string[] }[];
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(hook!.additional_dependencies).toEqual([
      `@typescript-eslint/parser@${pkg.peerDependencies['@typescript-eslint/parser']}`,
      `typescript@${pkg.devDependencies['typescript']}`,
    ]);
  });
});
