/* global process, console, performance */
// Lints whole applications with a shipped config and prints every report, for reading by hand
// (docs/accuracy.md). Not a test.
//   node bench/scan-apps.js [--config recommended|strict|…] <application folder>…
// For each folder: every JS/TS source file (no node_modules, dist, build, .next, coverage,
// vendor, .git, declaration files, minified or > 500 KB files), linted with the application's
// root as cwd, TypeScript with @typescript-eslint/parser and no type information, JSX on. The
// project's own ESLint config and inline comments are not read. `.js` files that only parse as a
// script are linted as CommonJS. Prints each report as `file:line:column rule message`, then the
// parse failures and crashes (a rule's exception, caught per file and printed with its stack), and
// a table of counts per application. Exits 1 when a rule crashed.
import path from 'node:path';
import { appFiles, eslintForApp, splitBySourceType } from './apps.js';

const args = process.argv.slice(2);
let configName = 'recommended';
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--config') configName = args[++i];
  else if (args[i].startsWith('--config=')) configName = args[i].slice('--config='.length);
  else roots.push(path.resolve(args[i]));
}
if (!roots.length) {
  console.error('usage: node bench/scan-apps.js [--config recommended|strict] <application folder>…');
  process.exit(2);
}

const BATCH = 100;

/** Lints the files in batches; a batch that throws is linted again file by file, so every exception is caught and kept. */
async function lintAll(eslint, files, crashes) {
  const results = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    try {
      results.push(...(await eslint.lintFiles(batch)));
    } catch {
      for (const file of batch) {
        try {
          results.push(...(await eslint.lintFiles([file])));
        } catch (error) {
          crashes.push({ file, error });
        }
      }
    }
  }
  return results;
}

async function scan(root) {
  const started = performance.now();
  const name = path.basename(root);
  const { files, skipped } = appFiles(root);
  const { module, commonjs } = splitBySourceType(files);
  const crashes = [];
  const results = [
    ...(await lintAll(eslintForApp(root, configName), module, crashes)),
    ...(await lintAll(eslintForApp(root, configName, { sourceType: 'commonjs' }), commonjs, crashes)),
  ];
  const reports = [];
  const parseFailures = [];
  const other = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath);
    for (const m of result.messages) {
      const where = `${file}:${m.line ?? 0}:${m.column ?? 0}`;
      if (m.fatal) parseFailures.push(`${where} ${m.message}`);
      else if (m.ruleId?.startsWith('mail/')) reports.push({ where, rule: m.ruleId, message: m.message });
      else other.push(`${where} ${m.ruleId ?? '(eslint)'} ${m.message}`);
    }
  }
  reports.sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }));
  console.log(`\n## ${name} (${configName}): ${files.length} files (${commonjs.length} as CommonJS), ${skipped} skipped (minified or > 500 KB)`);
  for (const r of reports) console.log(`${r.where} ${r.rule} ${r.message}`);
  for (const line of other) console.log(`OTHER ${line}`);
  for (const line of parseFailures) console.log(`PARSE ${line}`);
  for (const { file, error } of crashes) {
    console.log(`CRASH ${path.relative(root, file)}: ${error?.stack ?? error}`);
  }
  const byRule = {};
  for (const r of reports) byRule[r.rule] = (byRule[r.rule] ?? 0) + 1;
  const seconds = (performance.now() - started) / 1000;
  return { name, files: files.length, reports: reports.length, byRule, parse: parseFailures.length, crashes: crashes.length, other: other.length, seconds };
}

const rows = [];
for (const root of roots) rows.push(await scan(root));

console.log(`\n## Summary (${configName})\n`);
console.log('| application | files | reports | by rule | parse failures | crashes | other messages | seconds |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const byRule = Object.entries(r.byRule).map(([rule, n]) => `${rule.replace('mail/', '')} ${n}`).join(', ') || '–';
  console.log(`| ${r.name} | ${r.files} | ${r.reports} | ${byRule} | ${r.parse} | ${r.crashes} | ${r.other} | ${r.seconds.toFixed(0)} |`);
}
const total = (key) => rows.reduce((n, r) => n + r[key], 0);
console.log(`| total | ${total('files')} | ${total('reports')} | | ${total('parse')} | ${total('crashes')} | ${total('other')} | ${total('seconds').toFixed(0)} |`);
if (total('crashes')) process.exitCode = 1;
