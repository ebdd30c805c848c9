// npm's `prepare` script: builds dist/ with TypeScript. A checkout installed without its
// devDependencies has no TypeScript (or no @types/node): pre-commit installs a hook's repository
// with `npm install --dev --prod` (devDependencies left out by some npm versions), and the GitHub
// Action runs `npm ci --omit=dev`. Then this installs the two packages the build needs, at the
// versions package.json asks for, into a temporary folder (an install into the project would
// obey --omit=dev and skip them), and emits dist/ without type checking (--noCheck: the other
// type packages are missing too; CI checks the types). Plain JavaScript: it runs before any build.
//
// A release tag carries dist/ built by the release workflow, marked by dist/.prebuilt: then there
// is nothing to build, and the Action and pre-commit install without TypeScript's build.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args) =>
  execFileSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

const installed = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

if (existsSync(path.join(root, 'dist/.prebuilt'))) {
  process.stderr.write('eslint-plugin-mail: dist/ is prebuilt (a release); nothing to build\n');
} else if (installed('typescript') && installed('@types/node')) {
  run(npm, ['run', 'build']);
} else {
  const { devDependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const tools = mkdtempSync(path.join(os.tmpdir(), 'eslint-plugin-mail-build-'));
  try {
    process.stderr.write('eslint-plugin-mail: no TypeScript in node_modules; installing it to build dist/\n');
    run(npm, [
      'install',
      '--prefix',
      tools,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      `typescript@${devDependencies.typescript}`,
      `@types/node@${devDependencies['@types/node']}`,
    ]);
    const modules = path.join(tools, 'node_modules');
    run(process.execPath, [
      path.join(modules, 'typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--noCheck',
      '--typeRoots',
      path.join(modules, '@types'),
    ]);
    chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  } finally {
    rmSync(tools, { recursive: true, force: true });
  }
}
