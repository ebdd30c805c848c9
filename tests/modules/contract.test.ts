// The project layer's cache contract (src/analysis/project/store.ts): a fact cached from other
// files holds only while every file it was read from is unchanged. So, in one process: the same
// reports whatever was linted before; an edit any number of imports away, an edit that keeps the
// size and the modification time, an added caller, a module created, deleted or renamed, and
// `paths` added to a tsconfig are all seen by the next lint.
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCaches } from '../../src/analysis/project/caches.js';
import { statCount } from '../../src/analysis/project/files.js';
import { CHECK_PAUSE_MS } from '../../src/analysis/project/store.js';
import { lint, project } from './project.js';

const EXPOSED = 'mail/no-exposed-recipients';
const GRAPH = path.join(import.meta.dirname, '../fixtures/module-graph');

/** One ESLint instance for a folder, as an editor or a lint worker keeps it. */
function linter(dir: string): (file: string) => Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
  return async (file) => {
    const [result] = await eslint.lintFiles([file]);
    return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  };
}

/** Deterministic shuffles of the files, by a seed. */
function orders(files: readonly string[], count: number): string[][] {
  const all: string[][] = [[...files], [...files].reverse()];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  while (all.length < count) {
    const order = [...files];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    all.push(order);
  }
  return all;
}

describe('the same reports whatever was linted before', () => {
  const dir = project({});
  cpSync(GRAPH, dir, { recursive: true });
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));

  it('an import cycle and a chain, every file alone and in 12 orders, in one process and with fresh ESLint instances', async () => {
    // Each file alone, from cold caches: the reports every order must give.
    const alone = new Map<string, string[]>();
    for (const file of files) {
      clearModuleCaches();
      alone.set(file, await linter(dir)(file));
    }
    // The callers of the cycle and the head of the chain report: the comparison is not between empty lists.
    expect([...alone].filter(([, reports]) => reports.length).map(([file]) => file)).toEqual(['c.js', 'chain-1.js', 'd.js']);
    expect(alone.get('c.js')).toEqual([
      `3:29 ${EXPOSED} \`notify\` (a.js) puts this data-driven list in nodemailer's \`to\`, which every recipient sees. Put the list in \`bcc\`, or send one message per recipient on a pooled transport (\`pool: true\` with a \`rateLimit\`).`,
    ]);
    for (const [index, order] of orders(files, 12).entries()) {
      clearModuleCaches();
      const shared = linter(dir);
      for (const file of order) {
        // Half the orders with one instance (an editor), half with a new one per file (a new `ESLint`).
        const reports = index % 2 ? await linter(dir)(file) : await shared(file);
        expect({ order: order.join(' '), file, reports }).toEqual({ order: order.join(' '), file, reports: alone.get(file) });
      }
    }
  });
});

/** A chain c.js -> b.js -> a.js (-> z.js), where the last module puts its parameter in `to`. */
function chain(extraHop: boolean) {
  const last = `const nodemailer = require('nodemailer');
const transport = nodemailer.createTransport({});
exports.sendMail = (to) => transport.sendMail({ from: 'x@example.com', to, subject: 'Hi', text: '.' });
`;
  return project({
    'package.json': '{ "name": "app" }\n',
    'c.js': `const { relayMail } = require('./b');\nmodule.exports = (users) => relayMail(users.map((u) => u.email));\n`,
    'b.js': `const { sendMail } = require('./a');\nexports.relayMail = (list) => sendMail(list);\n`,
    ...(extraHop
      ? { 'a.js': `const z = require('./z');\nexports.sendMail = (list) => z.sendMail(list);\n`, 'z.js': last }
      : { 'a.js': last }),
  });
}

/** Rewrites a file, then gives it back the modification time it had (the change time still moves). */
function rewrite(file: string, text: string, { keepTimes = false } = {}): void {
  const { atime, mtime } = statSync(file);
  writeFileSync(file, text);
  if (keepTimes) utimesSync(file, atime, mtime);
}

describe('an edit anywhere a fact was read from is seen by the next lint', () => {
  it('two imports away (c.js -> b.js -> a.js), with one ESLint instance and with a new one', async () => {
    const dir = chain(false);
    const shared = linter(dir);
    expect((await shared('c.js')).length).toBe(1);
    const a = path.join(dir, 'a.js');
    rewrite(a, readFileSync(a, 'utf8').replace(' to,', ' bcc: to,'));
    expect(await shared('c.js')).toEqual([]);
    expect(await lint(dir, 'c.js')).toEqual([]);
    rewrite(a, readFileSync(a, 'utf8').replace(' bcc: to,', ' to,'));
    expect((await shared('c.js')).length).toBe(1);
  });

  it('three imports away (c.js -> b.js -> a.js -> z.js)', async () => {
    const dir = chain(true);
    const shared = linter(dir);
    expect((await shared('c.js')).length).toBe(1);
    const z = path.join(dir, 'z.js');
    rewrite(z, readFileSync(z, 'utf8').replace(' to,', ' bcc: to,'));
    expect(await shared('c.js')).toEqual([]);
  });

  it('an edit that keeps the size and the modification time', async () => {
    const dir = chain(false);
    const shared = linter(dir);
    expect((await shared('c.js')).length).toBe(1);
    const a = path.join(dir, 'a.js');
    // The same length: `to` moved to `bcc`, five characters taken from the sender's address.
    const text = readFileSync(a, 'utf8');
    rewrite(a, text.replace('subject', 'Subject'), { keepTimes: true });
    expect((await shared('c.js')).length).toBe(1);
    rewrite(a, text.replace(' to,', ' bcc: to,').replace("'x@example.com'", "'x@ex.com'"), { keepTimes: true });
    expect(statSync(a).size).toBe(Buffer.byteLength(text));
    expect(await shared('c.js')).toEqual([]);
  });

  it('a module created after an import of it was linted, then renamed, then deleted', async () => {
    const dir = chain(false);
    const a = path.join(dir, 'a.js');
    const text = readFileSync(a, 'utf8');
    rmSync(a);
    const shared = linter(dir);
    expect(await shared('c.js')).toEqual([]);
    writeFileSync(a, text);
    expect((await shared('c.js')).length).toBe(1);
    renameSync(a, path.join(dir, 'a2.js'));
    expect(await shared('c.js')).toEqual([]);
    writeFileSync(path.join(dir, 'b.js'), `const { sendMail } = require('./a2');\nexports.relayMail = (list) => sendMail(list);\n`);
    expect((await shared('c.js')).length).toBe(1);
    rmSync(path.join(dir, 'a2.js'));
    expect(await shared('c.js')).toEqual([]);
  });

  it('`paths` added to a tsconfig', async () => {
    const dir = project({
      'src/lib/mail.js': `const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nexports.sendMail = (to) => t.sendMail({ to, subject: 'x', text: '.' });\n`,
      'src/job.js': `const { sendMail } = require('@/lib/mail');\nmodule.exports = (users) => sendMail(users.map((u) => u.email));\n`,
    });
    const shared = linter(dir);
    expect(await shared('src/job.js')).toEqual([]);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true, paths: { '@/*': ['./src/*'] } } }));
    expect((await shared('src/job.js')).length).toBe(1);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true, paths: { '~/*': ['./src/*'] } } }));
    expect(await shared('src/job.js')).toEqual([]);
  });
});

describe("a wrapper's callers report follows its callers and itself", () => {
  /** `announce` puts its list in `field`; `notice` always in `to`, so the file is read for callers either way. */
  const helper = (field: string) => `const nodemailer = require('nodemailer');
const transport = nodemailer.createTransport({});
exports.announce = (list) => transport.sendMail({ from: 'x@example.com', ${field}: list, subject: 'Hi', text: '.' });
exports.notice = (list) => transport.sendMail({ from: 'x@example.com', to: list, subject: 'Hi', text: '.' });
`;
  const caller = `const { announce } = require('./mailer');\nmodule.exports = (users) => announce(users.map((u) => u.email));\n`;

  it('an added caller', async () => {
    const dir = project({ 'package.json': '{ "name": "app" }\n', 'mailer.js': helper('to') });
    const shared = linter(dir);
    expect(await shared('mailer.js')).toEqual([]);
    writeFileSync(path.join(dir, 'job.js'), caller);
    expect((await shared('mailer.js')).map((r) => r.slice(0, 4))).toEqual(['3:74']);
  });

  it('the helper changed while its caller did not (as an editor lints them)', async () => {
    const dir = project({ 'package.json': '{ "name": "app" }\n', 'mailer.js': helper('bcc'), 'job.js': caller });
    const shared = linter(dir);
    expect(await shared('mailer.js')).toEqual([]);
    expect(await shared('job.js')).toEqual([]);
    writeFileSync(path.join(dir, 'mailer.js'), helper('to'));
    expect((await shared('mailer.js')).map((r) => r.slice(0, 4))).toEqual(['3:74']);
    expect((await shared('job.js')).map((r) => r.slice(0, 4))).toEqual(['2:29']);
    writeFileSync(path.join(dir, 'mailer.js'), helper('bcc'));
    expect(await shared('mailer.js')).toEqual([]);
    expect(await shared('job.js')).toEqual([]);
  });
});

describe('one check per run of lints, a new one after a pause or a file linted again', () => {
  /** `count` wrappers that each put their parameter in `to`, each called by its own job with a list. */
  function wrappers(count: number) {
    const files: Record<string, string> = { 'package.json': '{ "name": "app" }\n' };
    for (let i = 0; i < count; i++) {
      files[`mailer-${i}.js`] = `const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nexports.notify = (list) => t.sendMail({ from: 'x@example.com', to: list, subject: 'Hi', text: '.' });\n`;
      files[`job-${i}.js`] = `const { notify } = require('./mailer-${i}');\nmodule.exports = (users) => notify(users.map((u) => u.email));\n`;
    }
    return project(files);
  }

  it("stats each of the project's files about once in a run, not once per lint", async () => {
    const stats: number[] = [];
    for (const count of [20, 80]) {
      const dir = wrappers(count);
      clearModuleCaches();
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
      const before = statCount.value;
      const results = await eslint.lintFiles(['*.js']);
      stats.push(statCount.value - before);
      // Every wrapper reports for its caller, every caller for its list: the index was asked by every lint.
      expect(results.filter((r) => r.messages.length).length).toBe(2 * count);
    }
    // Four times the files: under six times the stats (once per lint, it was about sixteen times).
    expect(stats[1]! / stats[0]!).toBeLessThan(6);
  });

  it('an edit two imports away is seen by a file not linted yet, after a pause', async () => {
    const dir = chain(false);
    writeFileSync(path.join(dir, 'd.js'), `const { relayMail } = require('./b');\nmodule.exports = (users) => relayMail(users.map((u) => u.email));\n`);
    const shared = linter(dir);
    expect((await shared('c.js')).length).toBe(1);
    const a = path.join(dir, 'a.js');
    rewrite(a, readFileSync(a, 'utf8').replace(' to,', ' bcc: to,'));
    await new Promise((resolve) => setTimeout(resolve, CHECK_PAUSE_MS + 50));
    expect(await shared('d.js')).toEqual([]);
  });
});
