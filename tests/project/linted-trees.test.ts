// A module linted just before another file asks for it (x.spec.js after x.js) is not parsed a
// second time: the project layer takes ESLint's own tree, only where it is the tree it would
// make itself and only while the text on disk is the text ESLint linted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCaches } from '../../src/analysis/project/caches.js';
import { parseCount } from '../../src/analysis/project/modules.js';
import { CHECK_PAUSE_MS } from '../../src/analysis/project/store.js';
import { project } from '../modules/project.js';

const sender = (module: 'esm' | 'cjs') =>
  module === 'esm'
    ? `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const notify = (list) => t.sendMail({ from: 'x@example.com', to: list, subject: 'Hi', text: '.' });\n`
    : `const nodemailer = require('nodemailer');\nconst t = nodemailer.createTransport({});\nexports.notify = (list) => t.sendMail({ from: 'x@example.com', to: list, subject: 'Hi', text: '.' });\n`;
const caller = (module: 'esm' | 'cjs', from: string) =>
  module === 'esm'
    ? `import { notify } from '${from}';\nexport default (users) => notify(users.map((u) => u.email));\n`
    : `const { notify } = require('${from}');\nmodule.exports = (users) => notify(users.map((u) => u.email));\n`;

/** Lints the files one after another with one ESLint instance; the parses of other modules each lint made, and the report lines. */
async function lintInOrder(dir: string, files: string[], config: Linter.Config[]): Promise<{ parses: number[]; reports: string[][] }> {
  clearModuleCaches();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  const parses: number[] = [];
  const reports: string[][] = [];
  for (const file of files) {
    const before = parseCount.value;
    const [result] = await eslint.lintFiles([file]);
    parses.push(parseCount.value - before);
    reports.push(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`));
  }
  return { parses, reports };
}

const TS: Linter.Config = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };

describe("the linted file's tree, reused by the next lint", () => {
  it('JavaScript modules: the sender is not parsed again for its caller', async () => {
    const dir = project({ 'package.json': '{ "name": "app", "type": "module" }\n', 'mailer.js': sender('esm'), 'job.js': caller('esm', './mailer.js') });
    const { parses, reports } = await lintInOrder(dir, ['mailer.js', 'job.js'], plugin.configs.recommended);
    // The sender's lint reads its caller for the callers report (one parse: job.js), which asks the
    // sender's summary: made from ESLint's tree of the sender. The caller's lint then parses nothing.
    expect(parses).toEqual([1, 0]);
    expect(reports).toEqual([['3:69 mail/no-exposed-recipients'], ['2:27 mail/no-exposed-recipients']]);
    // The same reports from cold caches, the caller alone.
    const alone = await lintInOrder(dir, ['job.js'], plugin.configs.recommended);
    expect(alone.parses[0]).toBeGreaterThan(0);
    expect(alone.reports[0]).toEqual(reports[1]);
  });

  it('TypeScript with typescript-eslint: the same', async () => {
    const dir = project({ 'package.json': '{ "name": "app" }\n', 'mailer.ts': sender('esm'), 'job.ts': caller('esm', './mailer') });
    const { parses, reports } = await lintInOrder(dir, ['mailer.ts', 'job.ts'], [...plugin.configs.recommended, TS]);
    expect(parses).toEqual([1, 0]);
    expect(reports).toEqual([['3:69 mail/no-exposed-recipients'], ['2:27 mail/no-exposed-recipients']]);
  });

  it('CommonJS linted as a script (not the tree the layer makes): parsed again, with the same reports', async () => {
    const dir = project({ 'package.json': '{ "name": "app" }\n', 'mailer.cjs': sender('cjs'), 'job.cjs': caller('cjs', './mailer.cjs') });
    const { parses, reports } = await lintInOrder(dir, ['mailer.cjs', 'job.cjs'], plugin.configs.recommended);
    expect(parses).toEqual([2, 0]);
    expect(reports).toEqual([['3:64 mail/no-exposed-recipients'], ['2:29 mail/no-exposed-recipients']]);
  });

  it('the file changed on disk after its lint: its text is parsed, not the linted tree', async () => {
    const dir = project({ 'package.json': '{ "name": "app", "type": "module" }\n', 'mailer.js': sender('esm'), 'job.js': caller('esm', './mailer.js') });
    clearModuleCaches();
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
    await eslint.lintFiles(['mailer.js']);
    writeFileSync(path.join(dir, 'mailer.js'), sender('esm').replace('to: list', 'bcc: list'));
    // A pause, as an edit has before the next lint (store.ts): the next lint checks every file again.
    await new Promise((resolve) => setTimeout(resolve, CHECK_PAUSE_MS + 50));
    const before = parseCount.value;
    const [result] = await eslint.lintFiles(['job.js']);
    expect(parseCount.value - before).toBe(1);
    expect(result!.messages).toEqual([]);
  });
});
