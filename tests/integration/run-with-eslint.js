#!/usr/bin/env node
// `npm run test:eslint9`: the whole test suite against another ESLint (default 9.15.0, the lowest
// the peer range allows). Installs it into a temporary folder, never the repository's node_modules,
// and preloads eslint-from.js so every `eslint` the tests load comes from there.
// Usage: node tests/integration/run-with-eslint.js [version] [vitest arguments...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const [version = '9.15.0', ...vitestArgs] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), `eslint-${version}-`));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, options) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (error) throw error;
  return status ?? 1;
}

let status;
try {
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  status = run(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', `eslint@${version}`], { cwd: dir });
  if (status === 0) {
    const preload = pathToFileURL(path.join(root, 'tests/integration/eslint-from.js')).href;
    status = run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...vitestArgs], {
      cwd: root,
      env: {
        ...process.env,
        MAIL_ESLINT_DIR: dir,
        MAIL_EXPECT_ESLINT: version,
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${JSON.stringify(preload)}`.trim(),
      },
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = status;
