// A module that could only build messages (no SDK import, no import of a module that sends) is
// parsed only for a file that sends: the fast exit of a file with no send of its own does not
// parse it (a message it returns matters only where a send takes it), and a file that sends
// still follows its builder to the list in `to`.
import { ESLint } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCaches } from '../../src/analysis/project/caches.js';
import { parseCount } from '../../src/analysis/project/modules.js';
import { project } from '../modules/project.js';

type Form = 'esm' | 'ts' | 'cjs';
const ext = (form: Form) => (form === 'ts' ? 'ts' : 'js');

const builder = (form: Form) =>
  form === 'cjs'
    ? `exports.digest = (emails) => ({ to: emails, from: 'news@x.io', subject: 'Digest', text: '.' });\n`
    : `export const digest = (emails${form === 'ts' ? ': string[]' : ''}) => ({ to: emails, from: 'news@x.io', subject: 'Digest', text: '.' });\n`;
// Says mail, imports the builder, sends nothing itself.
const preview = (form: Form) =>
  form === 'cjs'
    ? `const { digest } = require('./digest');\nmodule.exports = (users) => digest(users.map((u) => u.email));\n`
    : `import { digest } from './digest${form === 'ts' ? '' : '.js'}';\nexport const previewMail = (users${form === 'ts' ? ': { email: string }[]' : ''}) => digest(users.map((u) => u.email));\n`;
const sender = (form: Form) =>
  form === 'cjs'
    ? `const sgMail = require('@sendgrid/mail');\nconst { digest } = require('./digest');\nmodule.exports = async (users) => { await sgMail.send(digest(users.map((u) => u.email))); };\n`
    : `import sgMail from '@sendgrid/mail';\nimport { digest } from './digest${form === 'ts' ? '' : '.js'}';\nexport async function run(users${form === 'ts' ? ': { email: string }[]' : ''}) {\n  await sgMail.send(digest(users.map((u) => u.email)));\n}\n`;

async function lintOne(dir: string, file: string): Promise<{ parses: number; reports: string[] }> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended, { files: ['**/*.ts'], languageOptions: { parser: tsParser } }],
  });
  const before = parseCount.value;
  const [result] = await eslint.lintFiles([path.join(dir, file)]);
  return { parses: parseCount.value - before, reports: result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`) };
}

describe.each(['esm', 'ts', 'cjs'] as const)('a message builder module (%s)', (form) => {
  const files = (): Record<string, string> => ({
    'package.json': form === 'cjs' ? '{}' : '{"type":"module"}',
    [`digest.${ext(form)}`]: builder(form),
    [`preview.${ext(form)}`]: preview(form),
    [`send.${ext(form)}`]: sender(form),
  });

  it('is not parsed for the fast exit of a file that sends nothing', async () => {
    clearModuleCaches();
    const dir = project(files());
    expect(await lintOne(dir, `preview.${ext(form)}`)).toEqual({ parses: 0, reports: [] });
  });

  it('is followed from a file that sends: the list in `to` is reported at the builder call', async () => {
    clearModuleCaches();
    const dir = project(files());
    const line = form === 'cjs' ? 3 : 4;
    const column = form === 'cjs' ? 55 : 21;
    expect(await lintOne(dir, `send.${ext(form)}`)).toEqual({ parses: 1, reports: [`${line}:${column} mail/no-exposed-recipients`] });
  });
});
