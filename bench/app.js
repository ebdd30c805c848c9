/* global console, performance, process */
// The application section of `npm run bench` (BENCH_APP=<folder>): one whole real application
// linted without the plugin (the same parsers and files, no rule) and with its `recommended`
// config, wall time, median of BENCH_RUNS runs (alternating which goes first), with ESLint's
// `stats` on in both, so that the mail/* rules' own time and parse time are summed as in the
// corpus table; then the heap the module-summary caches hold after a lint of the whole application
// (src/analysis/file/modules.ts and passes/sends.ts).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clearModuleCaches } from '../dist/analysis/project/caches.js';
import { appFiles, eslintForApp, splitBySourceType } from './apps.js';

/** `global.gc` under `node --expose-gc`; otherwise the flag is set now and gc taken from a new context. */
function collector() {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The commit of the folder when it is a git work tree, else of the mirror it was extracted from, else null. */
function commitOf(dir) {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return process.env.BENCH_APP_COMMIT ?? null;
  }
}

/** One lint of every file of the application with fresh ESLint instances (one per source type); `config` null is the baseline. */
async function lintOnce(dir, groups, config) {
  if (config) clearModuleCaches(); // each run cold, as one `eslint .` process
  const started = performance.now();
  let reports = 0;
  let fatal = 0;
  let parse = 0;
  let mail = 0;
  for (const [sourceType, files] of Object.entries(groups)) {
    if (!files.length) continue;
    for (const result of await eslintForApp(dir, config, { sourceType, stats: true }).lintFiles(files)) {
      for (const m of result.messages) {
        if (m.fatal) fatal++;
        else if (m.ruleId?.startsWith('mail/')) reports++;
      }
      for (const pass of result.stats?.times.passes ?? []) {
        parse += pass.parse.total;
        for (const [rule, { total }] of Object.entries(pass.rules ?? {})) if (rule.startsWith('mail/')) mail += total;
      }
    }
  }
  return { ms: performance.now() - started, reports, fatal, parse, mail };
}

export async function benchApp(dir, runs) {
  const root = path.resolve(dir);
  const { files } = appFiles(root);
  const groups = splitBySourceType(files);
  console.log(`\napplication: ${path.basename(root)} (${commitOf(root) ?? 'commit unknown: set BENCH_APP_COMMIT'}), ${files.length} files (${groups.commonjs.length} as CommonJS)`);

  // Warm the JIT with both configs first.
  const warm = { module: groups.module.slice(0, 20), commonjs: groups.commonjs.slice(0, 20) };
  await lintOnce(root, warm, null);
  await lintOnce(root, warm, 'recommended');

  const baseline = [];
  const withPlugin = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so that a machine getting busier or quieter favours neither.
    if (i % 2) withPlugin.push(await lintOnce(root, groups, 'recommended'));
    baseline.push(await lintOnce(root, groups, null));
    if (i % 2 === 0) withPlugin.push(await lintOnce(root, groups, 'recommended'));
  }
  const s = (t) => (t / 1000).toFixed(2);
  const base = median(baseline.map((r) => r.ms));
  const mail = median(withPlugin.map((r) => r.ms));
  const fraction = median(withPlugin.map((r) => r.mail / r.parse));
  const sign = mail >= base ? '+' : '';
  console.log(`| run | wall, median of ${runs} | wall, each run | parse (stats), each run | mail/* (stats), each run |\n|---|---|---|---|---|`);
  console.log(`| no rules (parsers only) | ${s(base)} s | ${baseline.map((r) => s(r.ms)).join(', ')} | ${baseline.map((r) => s(r.parse)).join(', ')} | – |`);
  console.log(
    `| mail recommended | ${s(mail)} s (${sign}${(((mail - base) / base) * 100).toFixed(1)} %) | ${withPlugin.map((r) => s(r.ms)).join(', ')} | ` +
      `${withPlugin.map((r) => s(r.parse)).join(', ')} | ${withPlugin.map((r) => s(r.mail)).join(', ')} (median ${(fraction * 100).toFixed(2)} % of parse) |`,
  );
  const last = withPlugin.at(-1);
  console.log(`${last.reports} mail reports, ${last.fatal} parse errors; every run with the plugin starts with the module caches cleared.`);

  // Memory: one ESLint instance lints everything with the caches cold; heap with the caches full,
  // then after clearModuleCaches(), each after full collections, the instance held throughout.
  const gc = collector();
  const settle = () => {
    for (let i = 0; i < 4; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  clearModuleCaches();
  const eslints = Object.fromEntries(Object.keys(groups).map((sourceType) => [sourceType, eslintForApp(root, 'recommended', { sourceType })]));
  for (const [sourceType, eslint] of Object.entries(eslints)) if (groups[sourceType].length) await eslint.lintFiles(groups[sourceType]);
  const full = settle();
  const sizes = clearModuleCaches();
  const empty = settle();
  console.log(
    `heap after the lint: ${mb(full)} with the module caches full, ${mb(empty)} after clearModuleCaches(): ` +
      `${mb(full - empty)} held by ${sizes.modules} cached modules (texts and summaries) and ${sizes.resolved + sizes.unresolved} import specifiers (${sizes.unresolved} unresolved).`,
  );
  void eslints; // held until here, so that only the caches differ between the two measurements
}
