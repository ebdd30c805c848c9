// The project root bounds every read of the project layer: a file reads the files of its
// repository or of the lint's working directory, a loose file outside both its own folder (not the
// disk, as before), and no import, alias or absolute path leads outside the root. ESLint itself
// lints no file outside its working directory, so the loose file is asked of the layer directly.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importersOf } from '../../src/analysis/project/importers.js';
import { resolveImport } from '../../src/analysis/project/resolve.js';
import { projectRoot } from '../../src/analysis/project/root.js';
import { beginLint, CHECK_PAUSE_MS, clearProjectCaches, projectCacheSizes } from '../../src/analysis/project/store.js';
import { lint } from '../modules/project.js';

const base = mkdtempSync(path.join(tmpdir(), 'mail-root-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
    writeFileSync(path.join(base, name), text);
  }
}

const sender = `const nodemailer = require('nodemailer');
const t = nodemailer.createTransport({});
exports.sendMail = (to) => t.sendMail({ to, subject: 'x', text: '.' });
`;
const caller = (specifier: string) => `const { sendMail } = require('${specifier}');\nmodule.exports = (users) => sendMail(users.map((u) => u.email));\n`;

write({
  'app/package.json': '{ "name": "app" }\n',
  'app/src/job.js': caller('../../outside/mailer'),
  'app/src/alias.js': caller('@ext/mailer'),
  'app/src/absolute.js': caller('@abs/mailer'),
  'app/src/inside.js': caller('./mailer'),
  'app/src/mailer.js': sender,
  'app/tsconfig.json': JSON.stringify({ compilerOptions: { allowJs: true, paths: { '@ext/*': ['../outside/*'], '@abs/*': [path.join(base, 'outside/*')] } } }),
  'outside/mailer.js': sender,
  'loose/job.js': caller('../outside/mailer'),
  'loose/mailer.js': sender,
  'loose/neighbour.js': caller('./mailer'),
});
const at = (name: string) => path.join(base, name);

describe('the project root', () => {
  it('is the nearest version-control root (a `.git` folder, or the `.git` file of a worktree), one added seen by the next lint; each folder looked at once', async () => {
    write({ 'repo/a/b/c/one.js': '', 'repo/a/b/d/two.js': '', 'repo/a/e/three.js': '', 'repo/.git': 'gitdir: elsewhere\n' });
    clearProjectCaches();
    beginLint({}, 'test.js');
    const cwd = path.parse(base).root;
    for (const file of ['repo/a/b/c/one.js', 'repo/a/b/d/two.js', 'repo/a/e/three.js']) expect(projectRoot(at(file), cwd)).toBe(at('repo'));
    // repo, a, b, c, d, e: six folders, each asked once for the three files.
    expect(projectCacheSizes()['version-control roots']).toBe(6);
    mkdirSync(at('repo/a/b/.git'));
    await new Promise((resolve) => setTimeout(resolve, CHECK_PAUSE_MS + 50));
    beginLint({}, 'next.js');
    expect(projectRoot(at('repo/a/b/c/one.js'), cwd)).toBe(at('repo/a/b'));
    expect(projectRoot(at('repo/a/e/three.js'), cwd)).toBe(at('repo'));
  });

  it("is the lint's working directory for a file inside it, with no version-control root between", () => {
    beginLint({}, 'test.js');
    expect(projectRoot(at('app/src/job.js'), at('app'))).toBe(at('app'));
  });

  it('is the nearest package.json for a file outside the working directory, and a loose file\'s own folder when there is none', () => {
    beginLint({}, 'test.js');
    expect(projectRoot(at('app/src/job.js'), at('loose'))).toBe(at('app'));
    expect(projectRoot(at('loose/job.js'), at('app'))).toBe(at('loose'));
  });

  it('is never left by a relative import, a `paths` alias that points outside it, or one that points at an absolute path', () => {
    beginLint({}, 'test.js');
    const root = at('app');
    expect(resolveImport(at('app/src/job.js'), '../../outside/mailer', root)).toBeNull();
    expect(resolveImport(at('app/src/alias.js'), '@ext/mailer', root)).toBeNull();
    expect(resolveImport(at('app/src/absolute.js'), '@abs/mailer', root)).toBeNull();
    expect(resolveImport(at('app/src/inside.js'), './mailer', root)).toBe(at('app/src/mailer.js'));
  });

  it("indexes only the root's files for a loose file's callers", () => {
    beginLint({}, 'test.js');
    expect(importersOf(at('loose/mailer.js'), at('loose'))).toEqual([at('loose/neighbour.js')]);
  });

  it('so a lint reports what lies inside the root, and nothing that lies outside it', async () => {
    expect(await lint(at('app'), 'src/job.js')).toEqual([]);
    expect(await lint(at('app'), 'src/alias.js')).toEqual([]);
    expect(await lint(at('app'), 'src/absolute.js')).toEqual([]);
    expect((await lint(at('app'), 'src/inside.js')).map((f) => f.rule)).toEqual(['mail/no-exposed-recipients']);
  });
});
