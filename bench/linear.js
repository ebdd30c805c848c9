/* global process, console */
// `npm run bench:linear`: mail/* time on generated send-heavy files at 1x, 4x and 16x size, each
// linted cold in its own process, with the growth exponent (1 is linear, 2 quadratic), and a loop
// of 100,000 sends against ESLint's own time for the same file (the same lint with no rules). The
// `wrappers` rows lint a file that imports one of n wrappers of another module (its summary is the cost).
// Not a test: it prints a table (see docs/performance.md).
//   BENCH_LINEAR_BASE=n   sends at 1x (default 2,000)
//   BENCH_LINEAR_LARGE=n  sends in the one-loop row (default 100,000)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { sendHeavy, wrapperCaller } from './send-heavy.js';

const SELF = fileURLToPath(import.meta.url);
const envNumber = (name, fallback) => (Number.isInteger(Number(process.env[name])) && Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);

/** In a child: lint one generated file, with the recommended mail rules or with none, and print ESLint's stats. */
async function child(shape, n, withRules) {
  const plugin = (await import('../dist/index.js')).default;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mail-linear-'));
  let file = path.join(dir, 'sends.js');
  writeFileSync(file, sendHeavy(shape, n));
  if (shape === 'wrappers') {
    // The first lint of a file that imports one of n wrappers: the module's summary is the cost.
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
    file = path.join(dir, 'caller.js');
    writeFileSync(file, wrapperCaller('./sends.js'));
  }
  try {
    const eslint = new ESLint({
      cwd: dir,
      stats: true,
      ignore: false,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.recommended,
        { languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
        // ESLint's own time: the same lint with every rule off.
        ...(withRules ? [] : [{ rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`mail/${name}`, 'off'])) }]),
      ],
    });
    const [result] = await eslint.lintFiles([file]);
    let parse = 0, mail = 0, total = 0;
    for (const pass of result.stats.times.passes) {
      parse += pass.parse.total;
      total += pass.total;
      for (const [rule, { total: t }] of Object.entries(pass.rules ?? {})) if (rule.startsWith('mail/')) mail += t;
    }
    process.stdout.write(JSON.stringify({ parse, mail, total, reports: result.messages.length }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(shape, n, withRules) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', SELF, '--child', shape, String(n), withRules ? '1' : '0'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out);
}

async function main() {
  const base = envNumber('BENCH_LINEAR_BASE', 2000);
  const large = envNumber('BENCH_LINEAR_LARGE', 100_000);
  const ms = (t) => `${Math.round(t).toLocaleString('en')} ms`;
  const titles = { loop: 'n sends in one loop (each reported)', flat: 'n sends at the top level', wrappers: 'a file importing one of n send wrappers of one module' };
  for (const shape of ['loop', 'flat', 'wrappers']) {
    console.log(`\n${titles[shape]}`);
    console.log('| sends | parse | mail/* | reports |\n|---:|---:|---:|---:|');
    const rows = [];
    for (const factor of [1, 4, 16]) {
      // A module of wrappers stays under the 512 KB the analysis reads of another module.
      const n = (shape === 'wrappers' ? Math.floor(base / 8) : base) * factor;
      const r = run(shape, n, true);
      rows.push({ n, ...r });
      console.log(`| ${n.toLocaleString('en')} | ${ms(r.parse)} | ${ms(r.mail)} | ${r.reports.toLocaleString('en')} |`);
    }
    const exponent = Math.log(rows[2].mail / rows[0].mail) / Math.log(16);
    console.log(`mail/* grows as n^${exponent.toFixed(2)} from 1x to 16x (1 is linear)`);
  }
  const own = run('loop', large, false);
  const withMail = run('loop', large, true);
  console.log(`\n${large.toLocaleString('en')} sends in one loop: ESLint alone ${ms(own.total)}, with the mail rules ${ms(withMail.total)} (mail/* ${ms(withMail.mail)}, ${((withMail.mail / own.total) * 100).toFixed(0)} % of ESLint's own time), ${withMail.reports.toLocaleString('en')} reports`);
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]), process.argv[5] === '1');
else await main();
