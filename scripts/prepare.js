// npm's `prepare` script: builds dist/ with TypeScript. A checkout installed without its
// devDependencies has no TypeScript: pre-commit installs a hook's repository with
// `npm install --dev --prod` (devDependencies left out by npm 7 and later), and the GitHub Action runs
// `npm ci --omit=dev`. Then this installs the two packages the build needs, at the versions
// package.json asks for, without saving them, and builds. Plain JavaScript, so it runs before any build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => execFileSync(npm, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

const installed = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

const needed = ['typescript', '@types/node'].filter((name) => !installed(name));
if (needed.length) {
  const { devDependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  process.stderr.write(`eslint-plugin-mail: installing ${needed.join(' and ')} to build dist/\n`);
  run([
    'install',
    '--no-save',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    ...needed.map((name) => `${name}@${devDependencies[name]}`),
  ]);
}
run(['run', 'build']);
