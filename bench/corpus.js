// The benchmark's corpora, written under bench/.corpus/ (gitignored, and deleted after the run:
// ESLint lints nothing under node_modules, even with `ignore: false`):
//  (a) no mail code: every JS/TS source file of node_modules (sorted; no .d.ts, nothing over
//      200 KB, nothing minified), and for the typed run the TypeScript sources of ajv and
//      ajv-formats with a generated tsconfig;
//  (b) mail-heavy: copies of examples/src and tests/cases with every declared identifier renamed.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const OUT = path.join(ROOT, 'bench', '.corpus');
const SOURCE = /\.(?:js|cjs|mjs|ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** Every JS/TS source file under node_modules, as paths from the repository root, sorted. */
export function dependencyFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.bin' || entry.name === '.cache') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) found.push(full);
    }
  };
  walk(path.join(ROOT, 'node_modules'));
  return found
    .map((file) => path.relative(ROOT, file))
    .sort()
    .filter((file) => {
      const { size } = statSync(path.join(ROOT, file));
      if (size === 0 || size > 200 * 1024) return false;
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      return text.length / (text.split('\n').length || 1) < 1000;
    });
}

/** The source type a JavaScript file parses as (`.js`: module, else CommonJS), or null. */
export function sourceTypeOf(file, code) {
  if (/\.[cm]?tsx?$/.test(file)) return 'module';
  const candidates = file.endsWith('.mjs') ? ['module'] : file.endsWith('.cjs') ? ['commonjs'] : ['module', 'commonjs'];
  for (const sourceType of candidates) {
    try {
      espree.parse(code, {
        ecmaVersion: 'latest',
        sourceType: sourceType === 'commonjs' ? 'script' : 'module',
        ecmaFeatures: { globalReturn: sourceType === 'commonjs' },
      });
      return sourceType;
    } catch {
      // Try the next one.
    }
  }
  return null;
}

/**
 * Corpus (a), untyped: the dependency files copied to <OUT>/deps/<sourceType>/… (the folder tells
 * the config which source type to use).
 */
export function buildDependencyCorpus(limit) {
  const dir = path.join(OUT, 'deps');
  rmSync(dir, { recursive: true, force: true });
  const all = dependencyFiles();
  const step = limit && limit < all.length ? all.length / limit : 1;
  const chosen = step === 1 ? all : Array.from({ length: limit }, (_, i) => all[Math.floor(i * step)]);
  const files = [];
  let skipped = 0;
  for (const file of chosen) {
    const code = readFileSync(path.join(ROOT, file), 'utf8');
    const sourceType = sourceTypeOf(file, code);
    if (!sourceType || (file.match(/\.[cm]?tsx?$/) && !parsesAsTs(file, code))) {
      skipped++;
      continue;
    }
    const target = path.join(dir, sourceType, file.replaceAll('node_modules/', 'nm/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
    files.push(target);
  }
  return { files, skipped, available: all.length };
}

function parsesAsTs(file, code) {
  try {
    tsParser.parseForESLint(code, { filePath: file, sourceType: 'module' });
    return true;
  } catch {
    return false;
  }
}

/** Corpus (a), typed: ajv's and ajv-formats' TypeScript sources, with a tsconfig of their own. */
export function buildTypedDependencyCorpus() {
  const dir = path.join(OUT, 'typed-deps');
  rmSync(dir, { recursive: true, force: true });
  for (const [from, to] of [
    ['node_modules/ajv/lib', 'ajv'],
    ['node_modules/ajv-formats/src', 'ajv-formats'],
  ]) {
    if (existsSync(path.join(ROOT, from))) cpSync(path.join(ROOT, from), path.join(dir, to), { recursive: true });
  }
  writeTsconfig(dir);
  return { dir, files: listSources(dir) };
}

/** Corpus (b): `copies` renamed copies of each file of examples/src and tests/cases, with a tsconfig. */
export function buildMailCorpus(copies) {
  const dir = path.join(OUT, 'mail');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = ['examples/src', 'tests/cases'].flatMap((d) =>
    readdirSync(path.join(ROOT, d))
      .filter((f) => SOURCE.test(f))
      .map((f) => path.join(d, f)),
  );
  let renamed = 0;
  const files = [];
  for (let i = 0; i < copies; i++) {
    for (const source of sources) {
      const code = readFileSync(path.join(ROOT, source), 'utf8');
      const copy = renameIdentifiers(source, code, `_${i}`);
      if (copy !== code) renamed++;
      const ext = path.extname(source);
      const target = path.join(dir, `${path.basename(source, ext)}-${path.basename(path.dirname(source))}-${i}${ext}`);
      writeFileSync(target, `// Generated by bench/corpus.js from ${source} (copy ${i}).\n${copy}`);
      files.push(target);
    }
  }
  writeTsconfig(dir);
  return { dir, files, sources, renamed };
}

function writeTsconfig(dir) {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      allowJs: true,
      checkJs: false,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(ROOT, 'node_modules/@types')],
    },
    include: ['**/*'],
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
}

function listSources(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !DECLARATION.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Renames every declared identifier (`name` → `name<suffix>`) with typescript-eslint's scope
 * analysis, keeping shorthand properties, import and export specifiers correct. Module names,
 * property names and globals are untouched, so the mail analysis sees the same program.
 */
export function renameIdentifiers(file, code, suffix) {
  let result;
  try {
    result = tsParser.parseForESLint(code, { filePath: file, sourceType: 'module', range: true });
  } catch {
    return code;
  }
  setParents(result.ast, result.visitorKeys);
  const edits = new Map();
  for (const scope of result.scopeManager.scopes) {
    for (const variable of scope.variables) {
      if (!variable.defs.length || variable.defs.some((d) => d.type === 'ImplicitGlobalVariable' || d.type === 'TSEnumMemberName')) continue;
      const ids = [...variable.defs.map((d) => d.name), ...variable.references.map((r) => r.identifier)];
      for (const id of ids) {
        if (id?.type !== 'Identifier' || edits.has(id.range[0])) continue;
        // Only the name: an identifier's range also covers its type annotation (`list: string[]`).
        edits.set(id.range[0], { range: [id.range[0], id.range[0] + id.name.length], text: replacement(id, `${id.name}${suffix}`) });
      }
    }
  }
  let out = code;
  for (const { range, text } of [...edits.values()].sort((a, b) => b.range[0] - a.range[0])) {
    out = out.slice(0, range[0]) + text + out.slice(range[1]);
  }
  return out;
}

/** The parser leaves `parent` to ESLint's traversal: set it the same way. */
function setParents(node, keys, parent = null) {
  node.parent = parent;
  for (const key of keys[node.type] ?? []) {
    const value = node[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child.type === 'string') setParents(child, keys, node);
    }
  }
}

function replacement(id, name) {
  const parent = id.parent;
  const property = parent?.type === 'AssignmentPattern' && parent.left === id ? parent.parent : parent;
  if (property?.type === 'Property' && property.shorthand) return `${id.name}: ${name}`;
  if (parent?.type === 'ImportSpecifier' && parent.imported.range[0] === parent.local.range[0]) return `${id.name} as ${name}`;
  if (parent?.type === 'ExportSpecifier' && parent.exported.range[0] === parent.local.range[0]) return `${name} as ${id.name}`;
  return name;
}
