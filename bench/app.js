/* global console, process */
// The whole-application rows of `npm run bench` (BENCH_APPS=<folder>[,<folder>…]): each
// application linted cold, in a new process as one `eslint .` of CI is, with the plugin's
// `recommended` config and ESLint's no-unused-vars beside it, ESLint's `stats` on. A row gives
// the mail/* rules' time and no-unused-vars' as fractions of parse time (the median of
// BENCH_RUNS runs), the process's peak memory, and the heap the project layer's caches hold
// after the lint. Run alone (`node bench/app.js <folder>`), it is one such run and prints JSON.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clearModuleCaches } from '../dist/analysis/project/caches.js';
import { appFiles, eslintForApp, splitBySourceType } from './apps.js';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `global.gc` under `node --expose-gc`; otherwise the flag is set now and gc taken from a new context. */
function collector() {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}

/** The commit the folder was extracted at (bench/apps-from-mirrors.sh writes it), or null. */
function commitOf(dir) {
  try {
    return readFileSync(path.join(dir, '.bench-commit'), 'utf8').trim();
  } catch {
    return null;
  }
}

/** One cold lint of the whole application, in this process. */
async function lintOnce(root) {
  const { files } = appFiles(root);
  const groups = splitBySourceType(files);
  let reports = 0;
  let fatal = 0;
  let parse = 0;
  let mail = 0;
  let unused = 0;
  const eslints = [];
  for (const [sourceType, group] of Object.entries(groups)) {
    if (!group.length) continue;
    const eslint = eslintForApp(root, 'recommended', { sourceType, stats: true, rules: { 'no-unused-vars': 'warn' } });
    eslints.push(eslint);
    for (const result of await eslint.lintFiles(group)) {
      for (const m of result.messages) {
        if (m.fatal) fatal++;
        else if (m.ruleId?.startsWith('mail/')) reports++;
      }
      for (const pass of result.stats?.times.passes ?? []) {
        parse += pass.parse.total;
        for (const [rule, { total }] of Object.entries(pass.rules ?? {})) {
          if (rule.startsWith('mail/')) mail += total;
          else if (rule === 'no-unused-vars') unused += total;
        }
      }
    }
  }
  // The heap the caches hold: measured with them full and again after clearing them, the ESLint
  // instances held throughout, after full collections.
  const gc = collector();
  const settle = () => {
    for (let i = 0; i < 4; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  const full = settle();
  const entries = clearModuleCaches();
  const empty = settle();
  void eslints;
  return {
    files: files.length,
    commonjs: groups.commonjs.length,
    reports,
    fatal,
    parse,
    mail,
    unused,
    cacheBytes: full - empty,
    cacheEntries: Object.values(entries).reduce((a, b) => a + b, 0),
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}

/** Each application in BENCH_RUNS new processes; prints a row per application. */
export async function benchApps(dirs, runs) {
  const script = fileURLToPath(import.meta.url);
  const rows = [];
  for (const dir of dirs) {
    const root = path.resolve(dir);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, ['--expose-gc', script, root], { encoding: 'utf8', maxBuffer: 1 << 26 });
      results.push(JSON.parse(out.trim().split('\n').at(-1)));
    }
    const fraction = (key) => median(results.map((r) => r[key] / r.parse));
    const last = results.at(-1);
    rows.push({
      app: `${path.basename(root)}${commitOf(root) ? ` @ ${commitOf(root).slice(0, 10)}` : ''}`,
      files: `${last.files} (${last.commonjs} CommonJS)`,
      parse: `${(median(results.map((r) => r.parse)) / 1000).toFixed(2)} s`,
      mail: `${(fraction('mail') * 100).toFixed(2)} % (${results.map((r) => (r.mail / 1000).toFixed(2)).join(', ')} s)`,
      unused: `${(fraction('unused') * 100).toFixed(2)} %`,
      peak: mb(median(results.map((r) => r.peakRss))),
      caches: `${mb(median(results.map((r) => r.cacheBytes)))} (${last.cacheEntries} entries)`,
      reports: `${last.reports}${last.fatal ? `, ${last.fatal} parse errors` : ''}`,
    });
  }
  const header = { app: 'application', files: 'files', parse: 'parse', mail: `mail/* of parse, median of ${runs}`, unused: 'no-unused-vars', peak: 'peak RSS', caches: 'project caches', reports: 'mail reports' };
  const keys = Object.keys(header);
  const widths = keys.map((k) => Math.max(header[k].length, ...rows.map((r) => r[k].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\nWhole applications, each run cold in a new process (recommended + no-unused-vars, ESLint stats):\n`);
  console.log(line(keys.map((k) => header[k])));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(keys.map((k) => row[k])));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await lintOnce(path.resolve(process.argv[2]));
  console.log(JSON.stringify(result));
}
