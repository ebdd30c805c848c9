/* global process, console, performance */
// `npm run bench`: the cost of the mail/* rules as a fraction of parse time, from ESLint's own
// `stats` timings, next to ESLint core's no-unused-vars and eslint-plugin-security's recommended
// rules measured in the same runs. Not a test: it prints a table (see docs/performance.md).
//   BENCH_FILES=n       dependency files in corpus (a), untyped (default: all, about 3,300)
//   BENCH_MAIL_COPIES=n renamed copies of each mail file in corpus (b) (default 40: 440 files)
//   BENCH_RUNS=n        runs per row; the run with the median mail/* fraction is shown (default 3)
//   BENCH_KEEP=1        keep the generated corpora in bench/.corpus/ (deleted otherwise, so that
//                       `eslint .` does not lint them)
//   BENCH_APPS=a,b      also lint whole applications (bench/app.js), each cold in a new process:
//                       mail/* and no-unused-vars as fractions of parse time, median of BENCH_RUNS
//                       runs, peak memory and the project caches' heap (bench/apps-from-mirrors.sh
//                       extracts the two of docs/performance.md)
//   BENCH_CORPORA=0     with BENCH_APPS, skip the two corpora
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import security from 'eslint-plugin-security';
import tsParser from '@typescript-eslint/parser';
import plugin from '../dist/index.js';
import { buildDependencyCorpus, buildMailCorpus, buildTypedDependencyCorpus, OUT, ROOT } from './corpus.js';
import { benchApps } from './app.js';
import { clearModuleCaches } from '../dist/analysis/project/caches.js';

const envNumber = (name, fallback) => (Number.isInteger(Number(process.env[name])) && Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const RUNS = envNumber('BENCH_RUNS', 3);
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** One measured run: the plugin config under test plus both references, with `stats` on. */
function eslintFor(mailConfig, { project } = {}) {
  return new ESLint({
    cwd: ROOT,
    stats: true,
    ignore: false,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: FILES,
        plugins: { mail: plugin, security },
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        rules: { ...mailConfig.rules, 'no-unused-vars': 'error', ...security.configs.recommended.rules },
      },
      { files: [`${path.relative(ROOT, OUT)}/deps/commonjs/**`], languageOptions: { sourceType: 'commonjs' } },
      {
        files: ['**/*.{ts,mts,cts,tsx}'],
        languageOptions: {
          parser: tsParser,
          parserOptions: project ? { project, tsconfigRootDir: path.dirname(project) } : {},
        },
      },
    ],
  });
}

/**
 * Lints the files BENCH_RUNS times and keeps the run whose mail/* fraction is the median: one
 * run's parse and rule times vary by a quarter on a busy machine.
 */
async function measure(name, files, mailConfig, options) {
  // Warm the JIT on 20 files first, so the first files' compile time is not charged to a rule.
  await eslintFor(mailConfig, options).lintFiles(files.slice(0, 20));
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(name, files, mailConfig, options));
  runs.sort((a, b) => a.mail / a.parse - b.mail / b.parse);
  return runs[Math.floor(runs.length / 2)];
}

/** One cold lint of the files with a fresh ESLint instance and empty project caches, summing ESLint's per-file timings: parse, mail/*, no-unused-vars, security/*. */
async function measureOnce(name, files, mailConfig, options) {
  // Cold, as one `eslint .` of CI is: nothing the project layer read in an earlier run is kept.
  clearModuleCaches();
  const started = performance.now();
  const results = await eslintFor(mailConfig, options).lintFiles(files);
  const wall = performance.now() - started;
  const sum = { parse: 0, mail: 0, unused: 0, security: 0 };
  let reports = 0;
  let fatal = 0;
  for (const result of results) {
    for (const m of result.messages) {
      if (m.fatal) {
        fatal++;
        if (fatal <= 3) console.log(`  parse error in ${path.relative(ROOT, result.filePath)}: ${m.message}`);
      }
      else if (m.ruleId?.startsWith('mail/')) reports++;
    }
    for (const pass of result.stats?.times.passes ?? []) {
      sum.parse += pass.parse.total;
      for (const [rule, { total }] of Object.entries(pass.rules ?? {})) {
        if (rule.startsWith('mail/')) sum.mail += total;
        else if (rule === 'no-unused-vars') sum.unused += total;
        else if (rule.startsWith('security/')) sum.security += total;
      }
    }
  }
  const ignored = results.filter((r) => r.messages.some((m) => m.message.startsWith('File ignored'))).length;
  if (ignored) throw new Error(`${ignored} files were ignored by ESLint: the corpus must not be under node_modules`);
  return { name, files: results.length, fatal, reports, wall, ...sum };
}

const pct = (part, whole) => `${((100 * part) / whole).toFixed(2)} %`;
const ms = (n) => `${n.toFixed(0)} ms`;

async function main() {
  const apps = (process.env.BENCH_APPS ?? process.env.BENCH_APP ?? '').split(',').filter(Boolean);
  if (apps.length) {
    await benchApps(apps, RUNS);
    if (process.env.BENCH_CORPORA === '0') return;
  }
  const started = performance.now();
  const deps = buildDependencyCorpus(envNumber('BENCH_FILES', 0));
  const typedDeps = buildTypedDependencyCorpus();
  const mail = buildMailCorpus(envNumber('BENCH_MAIL_COPIES', 40));
  console.log(
    `corpus (a): ${deps.files.length} dependency files (${deps.available} available, ${deps.skipped} do not parse); ` +
      `typed: ${typedDeps.files.length} TypeScript files of ajv and ajv-formats`,
  );
  console.log(`corpus (b): ${mail.files.length} files, ${mail.sources.length} sources × ${mail.files.length / mail.sources.length} renamed copies`);

  const { recommended, strict } = plugin.configs;
  const typed = plugin.configs['strict-type-checked'];
  const runs = [
    ['(a) no mail code', 'untyped', 'recommended', await measure('a', deps.files, recommended)],
    ['(a) no mail code', 'untyped', 'strict', await measure('a', deps.files, strict)],
    ['(a) no mail code', 'typed', 'strict-type-checked', await measure('a', typedDeps.files, typed, { project: path.join(typedDeps.dir, 'tsconfig.json') })],
    ['(b) mail-heavy', 'untyped', 'recommended', await measure('b', mail.files, recommended)],
    ['(b) mail-heavy', 'untyped', 'strict', await measure('b', mail.files, strict)],
    // The typed run takes the TypeScript files of (b): the tsconfig does not type the .js cases.
    ['(b) mail-heavy', 'typed (.ts)', 'strict-type-checked', await measure('b', mail.files.filter((f) => f.endsWith('.ts')), typed, { project: path.join(mail.dir, 'tsconfig.json') })],
  ];

  const header = ['corpus', 'parser', 'mail config', 'files', 'parse', `mail/* (${Object.keys(plugin.rules).length} rules)`, 'no-unused-vars', `security (${Object.keys(security.configs.recommended.rules).length} rules)`, 'mail reports', 'target', 'met'];
  const rows = runs.map(([corpus, parser, config, r]) => {
    const limit = corpus.startsWith('(a)') ? 2 : 10;
    const met = (100 * r.mail) / r.parse <= limit && r.mail < r.unused && r.mail < r.security;
    return [
      corpus,
      parser,
      config,
      String(r.files),
      ms(r.parse),
      `${ms(r.mail)} = ${pct(r.mail, r.parse)}`,
      `${ms(r.unused)} = ${pct(r.unused, r.parse)}`,
      `${ms(r.security)} = ${pct(r.security, r.parse)}`,
      String(r.reports),
      `≤ ${limit} %, < refs`,
      met ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  const fatal = runs.reduce((n, run) => n + run[3].fatal, 0);
  console.log(
    `\nTimes are sums of ESLint's per-file stats (Node ${process.version}, eslint ${ESLint.version}); percentages are of parse time; each row is the median of ${RUNS} runs.` +
      `\nTyped parse time includes building the TypeScript program. ${fatal} parse errors. Corpora generated in ${path.relative(ROOT, OUT)}/.` +
      `\nTotal: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
}

try {
  await main();
} finally {
  if (!process.env.BENCH_KEEP) rmSync(OUT, { recursive: true, force: true });
}
