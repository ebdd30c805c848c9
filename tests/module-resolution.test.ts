// The project's own modules imported through path aliases (tsconfig/jsconfig `paths`, `baseUrl`,
// with `extends`) and workspace packages (`workspaces`, pnpm-workspace.yaml, node_modules links):
// followed like relative imports. An installed third-party package is never followed.
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProjectSpecifier, resolveImport } from '../src/analysis/project/resolve.js';
import { lint, project } from './modules/project.js';

/** A folder link, as npm, yarn and pnpm workspaces make them in node_modules. */
function link(dir: string, from: string, to: string): void {
  mkdirSync(path.dirname(path.join(dir, from)), { recursive: true });
  symlinkSync(path.relative(path.dirname(path.join(dir, from)), path.join(dir, to)), path.join(dir, from), 'dir');
}

const exposed = (module: string, name = 'sendMessage', sdk = "nodemailer's `to`") =>
  `\`${name}\` (${module}) puts this data-driven list in ${sdk}, which every recipient sees. Put the list in \`bcc\`, or send one message per recipient on a pooled transport (\`pool: true\` with a \`rateLimit\`).`;

/** A wrapper that puts its first parameter in nodemailer's `to`. */
const wrapperEsm = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export function sendMessage(to, subject) {
  return transport.sendMail({ from: 'app@x.io', to, subject, text: '.' });
}
`;
const wrapperTs = wrapperEsm.replace('sendMessage(to, subject)', 'sendMessage(to: string | string[], subject: string)');

describe('path aliases', () => {
  it('jsconfig.json `@/*` in a plain-JS ESM project: a list reported at the argument, one address silent', async () => {
    const dir = project({
      'jsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'src/lib/email/send.js': wrapperEsm,
      'src/jobs/notify.js': `import { sendMessage } from '@/lib/email/send';
export async function notify(users, owner) {
  await sendMessage(users.map((u) => u.email), 'News');
  await sendMessage(owner.email, 'News');
}
`,
    });
    expect(await lint(dir, 'src/jobs/notify.js')).toEqual([
      { line: 3, column: 9, endLine: 3, endColumn: 46, rule: 'mail/no-exposed-recipients', message: exposed('src/lib/email/send.js') },
    ]);
  });

  it('jsconfig.json `@/*` with CommonJS `require`, a folder index', async () => {
    const dir = project({
      'jsconfig.json': '{ // comments and trailing commas, as editors write them\n "compilerOptions": { "paths": { "@/*": ["./src/*"], }, }, }\n',
      'src/mail/index.js': `const nodemailer = require('nodemailer');
const transport = nodemailer.createTransport({});
exports.sendMessage = (to, subject) => transport.sendMail({ to, subject, text: '.' });
`,
      'src/job.js': `const { sendMessage } = require('@/mail');
module.exports = async (team, email) => {
  await sendMessage(team.map((m) => m.email), 'Hi');
  await sendMessage(email, 'Hi');
};
`,
    });
    expect(await lint(dir, 'src/job.js')).toEqual([
      { line: 3, column: 9, endLine: 3, endColumn: 45, rule: 'mail/no-exposed-recipients', message: exposed('src/mail/index.js') },
    ]);
  });

  it('tsconfig.json `extends` with `baseUrl` and `paths`, and a `baseUrl` import; one address silent', async () => {
    const dir = project({
      // baseUrl is relative to the config that declares it: `..` from config/.
      'config/tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '..', paths: { '~mail/*': ['src/server/mail/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: './config/tsconfig.base.json', compilerOptions: { strict: true } }),
      'src/server/mail/resend.ts': wrapperTs,
      'src/app/announce.ts': `import { sendMessage } from '~mail/resend';
import * as mail from 'src/server/mail/resend.js';
export async function announce(users: { email: string }[], owner: string) {
  await sendMessage(users.map((u) => u.email), 'News');
  await mail.sendMessage(users.map((u) => u.email), 'News');
  await sendMessage(owner, 'News');
  await mail.sendMessage([owner], 'News');
}
`,
    });
    expect(await lint(dir, 'src/app/announce.ts')).toEqual([
      { line: 4, column: 9, endLine: 4, endColumn: 46, rule: 'mail/no-exposed-recipients', message: exposed('src/server/mail/resend.ts') },
      { line: 5, column: 9, endLine: 5, endColumn: 51, rule: 'mail/no-exposed-recipients', message: exposed('src/server/mail/resend.ts', 'mail.sendMessage') },
    ]);
  });

  it('sees a change of the aliased module on the next lint in the same process', async () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'src/lib/mailer.ts': wrapperTs.replace("from: 'app@x.io', to,", "from: 'app@x.io', to: 'app@x.io', bcc: to,"),
      'src/job.ts': "import { sendMessage } from '@/lib/mailer';\nexport const run = (users: { email: string }[]) => sendMessage(users.map((u) => u.email), 'Hi');\n",
    });
    expect(await lint(dir, 'src/job.ts')).toEqual([]);
    const mailer = path.join(dir, 'src/lib/mailer.ts');
    writeFileSync(mailer, wrapperTs);
    // A later modification time, as an editor's save gives it.
    const later = new Date(Date.now() + 5_000);
    utimesSync(mailer, later, later);
    expect((await lint(dir, 'src/job.ts')).map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['2:52 mail/no-exposed-recipients']);
  });
});

/** packages/emails exports the wrapper; packages/app calls it. */
function workspace(extra: Record<string, string>, manifest: object = { name: '@acme/emails', exports: { '.': { types: './src/index.ts', default: './dist/index.js' } } }) {
  return project({
    'packages/emails/package.json': JSON.stringify(manifest),
    'packages/emails/src/index.ts': wrapperTs,
    'packages/app/package.json': JSON.stringify({ name: '@acme/app', dependencies: { '@acme/emails': '*' } }),
    'packages/app/src/notify.ts': `import { sendMessage } from '@acme/emails';
export async function notify(users: { email: string }[], owner: string) {
  await sendMessage(users.map((u) => u.email), 'Update');
  await sendMessage(owner, 'Update');
}
`,
    ...extra,
  });
}
const workspaceFinding = { line: 3, column: 9, endLine: 3, endColumn: 46, rule: 'mail/no-exposed-recipients', message: exposed('packages/emails/src/index.ts') };

describe('tsconfig `references` (a solution-style tsconfig.json, as Vite writes it)', () => {
  const job = (specifier: string) =>
    `import { sendMessage } from '${specifier}';\nexport async function notify(users: { email: string }[], owner: { email: string }) {\n  await sendMessage(users.map((u) => u.email), 'News');\n  await sendMessage(owner.email, 'News');\n}\n`;
  const at = (module: string) => [{ line: 3, column: 9, endLine: 3, endColumn: 46, rule: 'mail/no-exposed-recipients', message: exposed(module) }];

  it('`paths` in a referenced tsconfig.server.json, and in a referenced folder', async () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.server.json' }, { path: './worker' }] }),
      'tsconfig.app.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } }, include: ['src'] }),
      'tsconfig.server.json': JSON.stringify({ compilerOptions: { paths: { '@server/*': ['./server/*'] } }, include: ['server'] }),
      'worker/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '~w/*': ['./lib/*'] } } }),
      'server/mail.ts': wrapperTs,
      'server/jobs/notify.ts': job('@server/mail'),
      'worker/lib/mail.ts': wrapperTs,
      'worker/job.ts': job('~w/mail'),
    });
    expect(await lint(dir, 'server/jobs/notify.ts')).toEqual(at('server/mail.ts'));
    expect(await lint(dir, 'worker/job.ts')).toEqual(at('worker/lib/mail.ts'));
  });

  it('an alias no config defines stays unknown', async () => {
    const dir = project({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './missing.json' }] }),
      'tsconfig.app.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'server/mail.ts': wrapperTs,
      'server/jobs/notify.ts': job('@server/mail'),
    });
    expect(await lint(dir, 'server/jobs/notify.ts')).toEqual([]);
  });
});

describe('package.json `imports` (`#mail`, `#lib/*`)', () => {
  const job = (specifier: string, cjs = false) =>
    cjs
      ? `const { sendMessage } = require('${specifier}');\nmodule.exports = async (users, owner) => {\n  await sendMessage(users.map((u) => u.email), 'News');\n  await sendMessage(owner.email, 'News');\n};\n`
      : `import { sendMessage } from '${specifier}';\nexport async function notify(users, owner) {\n  await sendMessage(users.map((u) => u.email), 'News');\n  await sendMessage(owner.email, 'News');\n}\n`;
  const at = (module: string, endColumn = 46) => [{ line: 3, column: 9, endLine: 3, endColumn, rule: 'mail/no-exposed-recipients', message: exposed(module) }];

  it('ESM: an exact key and a `#lib/*` pattern, with conditions; one address silent', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', type: 'module', imports: { '#mail': { types: './src/mail.d.ts', import: './src/mail.js' }, '#lib/*': './src/lib/*.js' } }),
      'src/mail.js': wrapperEsm,
      'src/lib/send.js': wrapperEsm,
      'src/jobs/a.js': job('#mail'),
      'src/jobs/b.js': job('#lib/send'),
    });
    expect(await lint(dir, 'src/jobs/a.js')).toEqual(at('src/mail.js'));
    expect(await lint(dir, 'src/jobs/b.js')).toEqual(at('src/lib/send.js'));
  });

  it('TypeScript: `#lib/*` pointing at the .ts sources', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', imports: { '#lib/*': './src/lib/*' } }),
      'src/lib/send.ts': wrapperTs,
      'src/jobs/notify.ts': job('#lib/send.js').replace('(users, owner)', '(users: { email: string }[], owner: { email: string })'),
    });
    expect(await lint(dir, 'src/jobs/notify.ts')).toEqual(at('src/lib/send.ts'));
  });

  it('CommonJS: `require("#mail")`; the nearest package.json is the one read', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'root', imports: { '#mail': './elsewhere.js' } }),
      'server/package.json': JSON.stringify({ name: 'server', imports: { '#mail': './mail/index.js' } }),
      'server/mail/index.js': `const nodemailer = require('nodemailer');\nconst transport = nodemailer.createTransport({});\nexports.sendMessage = (to, subject) => transport.sendMail({ to, subject, text: '.' });\n`,
      'server/job.js': job('#mail', true),
    });
    expect(await lint(dir, 'server/job.js')).toEqual(at('server/mail/index.js'));
  });

  it('a key that maps to another package, or no key: silent', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', type: 'module', imports: { '#mail': 'some-mail-package' } }),
      'src/job.js': job('#mail'),
      'src/other.js': job('#nothing'),
    });
    expect(await lint(dir, 'src/job.js')).toEqual([]);
    expect(await lint(dir, 'src/other.js')).toEqual([]);
  });
});

describe('workspace packages', () => {
  it('root `workspaces: ["packages/*"]`, `exports` with a `types` condition at the .ts source: reported at the argument', async () => {
    const dir = workspace({ 'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }) });
    expect(await lint(dir, 'packages/app/src/notify.ts')).toEqual([workspaceFinding]);
  });

  it('pnpm-workspace.yaml, a package with `main` only', async () => {
    const dir = workspace(
      { 'package.json': JSON.stringify({ name: 'acme', private: true }), 'pnpm-workspace.yaml': "packages:\n  - 'packages/*' # every package\n  - '!**/test/**'\ncatalog:\n  react: ^19\n" },
      { name: '@acme/emails', main: './src/index.ts' },
    );
    expect(await lint(dir, 'packages/app/src/notify.ts')).toEqual([workspaceFinding]);
  });

  it('a node_modules link to a package of the project, with no `workspaces` field; a subpath export', async () => {
    const dir = workspace({ 'package.json': JSON.stringify({ name: 'acme', private: true }) }, { name: '@acme/emails', exports: { './send': { import: './src/index.ts' } } });
    link(dir, 'node_modules/@acme/emails', 'packages/emails');
    writeFileSync(path.join(dir, 'packages/app/src/notify.ts'), "import { sendMessage } from '@acme/emails/send';\nexport const run = (users: { email: string }[], one: string) => [sendMessage(users.map((u) => u.email), 'Hi'), sendMessage(one, 'Hi')];\n");
    expect(await lint(dir, 'packages/app/src/notify.ts')).toEqual([
      { line: 2, column: 66, endLine: 2, endColumn: 103, rule: 'mail/no-exposed-recipients', message: exposed('packages/emails/src/index.ts') },
    ]);
  });

  it("yarn's `workspaces: { packages }`, a `types` entry at a .d.ts file gives way to `import`", async () => {
    const dir = workspace(
      { 'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: { packages: ['packages/**'] } }), 'packages/emails/dist/index.d.ts': 'export declare function sendMessage(to: string | string[], subject: string): Promise<unknown>;\n' },
      { name: '@acme/emails', exports: { '.': { types: './dist/index.d.ts', import: './src/index.ts' } } },
    );
    expect(await lint(dir, 'packages/app/src/notify.ts')).toEqual([workspaceFinding]);
  });

  it('one address, or an unknown package name, stays silent', async () => {
    const dir = workspace({ 'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }) });
    writeFileSync(path.join(dir, 'packages/app/src/notify.ts'), "import { sendMessage } from '@acme/emails';\nimport { sendMessage as other } from '@acme/other';\nexport const run = (users: { email: string }[], one: string) => [sendMessage(one, 'Hi'), other(users.map((u) => u.email), 'Hi')];\n");
    expect(await lint(dir, 'packages/app/src/notify.ts')).toEqual([]);
  });
});

describe('installed third-party packages are never followed', () => {
  const thirdParty = {
    'node_modules/@acme/mailer/package.json': JSON.stringify({ name: '@acme/mailer', exports: { '.': { import: './index.js' } } }),
    'node_modules/@acme/mailer/index.js': wrapperEsm,
  };
  const caller = "import { sendMessage } from '@acme/mailer';\nexport const run = (users) => sendMessage(users.map((u) => u.email), 'Hi');\n";

  it('a package in node_modules with the same export name: silent', async () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'app', workspaces: ['packages/*'] }), 'src/job.js': caller, ...thirdParty });
    expect(await lint(dir, 'src/job.js')).toEqual([]);
    expect(isProjectSpecifier(path.join(dir, 'src/job.js'), '@acme/mailer', dir)).toBe(false);
    expect(resolveImport(path.join(dir, 'src/job.js'), '@acme/mailer', dir)).toBeNull();
  });

  it('nor through a path alias or a relative path into node_modules, nor a pnpm link into its store', async () => {
    const dir = project({
      'jsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@mailer': ['./node_modules/@acme/mailer/index.js'] } } }),
      'src/a.js': caller.replace("'@acme/mailer'", "'@mailer'"),
      'src/b.js': caller.replace("'@acme/mailer'", "'../node_modules/@acme/mailer/index.js'"),
      'src/c.js': caller.replace("'@acme/mailer'", "'@acme/linked'"),
      'node_modules/.pnpm/@acme+linked@1.0.0/node_modules/@acme/linked/package.json': JSON.stringify({ name: '@acme/linked', main: 'index.js' }),
      'node_modules/.pnpm/@acme+linked@1.0.0/node_modules/@acme/linked/index.js': wrapperEsm,
      ...thirdParty,
    });
    link(dir, 'node_modules/@acme/linked', 'node_modules/.pnpm/@acme+linked@1.0.0/node_modules/@acme/linked');
    for (const file of ['src/a.js', 'src/b.js', 'src/c.js']) expect(await lint(dir, file)).toEqual([]);
    expect(isProjectSpecifier(path.join(dir, 'src/c.js'), '@acme/linked', dir)).toBe(false);
  });

  it('nor a link to a folder outside the project (an `npm link`ed checkout)', async () => {
    const elsewhere = project({ 'package.json': JSON.stringify({ name: '@acme/mailer', main: 'index.js' }), 'index.js': wrapperEsm });
    const dir = project({ 'package.json': JSON.stringify({ name: 'app' }), 'src/job.js': caller });
    mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    symlinkSync(elsewhere, path.join(dir, 'node_modules/@acme/mailer'), 'dir');
    expect(await lint(dir, 'src/job.js')).toEqual([]);
    expect(isProjectSpecifier(path.join(dir, 'src/job.js'), '@acme/mailer', dir)).toBe(false);
  });

  it('a file importing only real packages is not a project import', () => {
    const dir = project({ 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }), 'src/lib/x.ts': '' });
    const from = path.join(dir, 'src/app.ts');
    expect(['react', 'lodash/chunk', 'node:fs', '@types/node'].map((s) => isProjectSpecifier(from, s, dir))).toEqual([false, false, false, false]);
    expect(['./x', '@/lib/x', 'src/lib/x'].map((s) => isProjectSpecifier(from, s, dir))).toEqual([true, true, true]);
    expect(resolveImport(from, '@/lib/x', dir)).toBe(path.join(dir, 'src/lib/x.ts'));
  });
});
