// Whole applications for bench/scan-apps.js and the application section of bench/run.js: the
// source files of an application folder, and an ESLint instance that lints them as the shipped
// configs would in that project (cwd = the application's root; no type information).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import * as espree from 'espree';
import plugin from '../dist/index.js';

/** Folders never linted: installed, built or generated code. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.next', 'coverage', 'vendor', '.git']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const MAX_BYTES = 500 * 1024;

/**
 * Every JS/TS source file of the application, as absolute paths, sorted: no declaration files,
 * nothing minified (`.min.js`, or a first 2 KB without a line break), nothing over 500 KB.
 */
export function appFiles(root) {
  const files = [];
  let skipped = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        if (/[.-]min\.[cm]?js$/.test(entry.name) || statSync(full).size > MAX_BYTES || looksMinified(full)) skipped++;
        else files.push(full);
      }
    }
  };
  walk(root);
  return { files, skipped };
}

function looksMinified(file) {
  const head = readFileSync(file, 'utf8').slice(0, 2048);
  return head.length === 2048 && !head.includes('\n');
}

/**
 * Splits JavaScript files by the source type they parse as: a `.js`/`.jsx` file that is no
 * module but parses as a script (a `return` at top level, `with`, octal escapes) is CommonJS, as
 * its project runs it. Everything else (TypeScript, `.mjs`, files that parse as neither) is linted
 * as ESLint's defaults have it, and a parse error is reported.
 */
export function splitBySourceType(files) {
  const module = [];
  const commonjs = [];
  for (const file of files) {
    if (file.endsWith('.cjs')) commonjs.push(file);
    else if (!/\.jsx?$/.test(file)) module.push(file);
    else (parses(file, 'module') || !parses(file, 'script') ? module : commonjs).push(file);
  }
  return { module, commonjs };
}

function parses(file, sourceType) {
  try {
    espree.parse(readFileSync(file, 'utf8'), {
      ecmaVersion: 'latest',
      sourceType,
      ecmaFeatures: { jsx: true, globalReturn: sourceType === 'script' },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * ESLint for one application folder: the shipped config `configName` (or, for null, the same
 * parser settings with no rule at all: the baseline), plus `rules` if given, with the application's root as cwd. The
 * project's own ESLint config, ignore files and inline comments (`eslint-disable`) are not read.
 */
export function eslintForApp(root, configName, { sourceType = 'module', stats = false, rules = null } = {}) {
  const config = configName ? plugin.configs[configName] : null;
  if (configName && !config) throw new Error(`unknown config ${configName}: one of ${Object.keys(plugin.configs).join(', ')}`);
  // The baseline: the recommended config's objects (files, JSX, the TypeScript parser) without rules and plugins.
  const parsing = plugin.configs.recommended.map((object) => {
    const copy = { ...object };
    delete copy.rules;
    delete copy.plugins;
    return copy;
  });
  return new ESLint({
    cwd: root,
    stats,
    ignore: false,
    overrideConfigFile: true,
    allowInlineConfig: false,
    overrideConfig: [
      ...(config ?? parsing),
      {
        files: ['**/*.{js,mjs,cjs,jsx}'],
        languageOptions: { ecmaVersion: 'latest', sourceType },
      },
      ...(rules ? [{ files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], rules }] : []),
    ],
  });
}
