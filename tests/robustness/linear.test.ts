// Linear work on send-heavy files (issue 22): each file's references and each loop's sends are
// read once, so the analysis's work grows with the file, not with its square. Work is counted,
// not timed (timings belong in `bench/linear.js`): the value queries the rules ask, and the loop
// bodies read for a pause, on generated files of n and 4n sends.
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValueFlow } from '../../src/analysis/flow/sources.js';
import { IterationAnalysis } from '../../src/analysis/passes/iterations.js';
import { configFor, OPTION_SETS } from './support.js';
import { sendHeavy } from '../../bench/send-heavy.js';

const languageOptions: Linter.LanguageOptions = { ecmaVersion: 'latest', sourceType: 'module' };

/** Counted calls while linting `code` with every rule. */
function work(code: string): { queries: number; timerChecks: number; reports: number } {
  const queries = vi.spyOn(ValueFlow.prototype, 'sources');
  const timerChecks = vi.spyOn(IterationAnalysis.prototype as unknown as { isTimer: (node: unknown) => boolean }, 'isTimer');
  const messages = new Linter({ configType: 'flat' }).verify(code, configFor(OPTION_SETS[0]!, languageOptions), { filename: 'sends.js' });
  const counts = { queries: queries.mock.calls.length, timerChecks: timerChecks.mock.calls.length, reports: messages.length };
  vi.restoreAllMocks();
  return counts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('work grows linearly with the number of sends', () => {
  for (const shape of ['loop', 'flat'] as const) {
    it(`${shape === 'loop' ? 'sends in one loop' : 'sends at the top level'}: 4x the sends, at most 4.5x the work`, () => {
      const small = work(sendHeavy(shape, 200));
      const large = work(sendHeavy(shape, 800));
      // The same findings per send at both sizes: the analysis did not give up on the large one.
      expect(large.reports).toBe(small.reports * 4);
      if (shape === 'loop') expect(small.reports).toBeGreaterThanOrEqual(200);
      expect(large.queries).toBeLessThanOrEqual(small.queries * 4.5);
      expect(large.timerChecks).toBeLessThanOrEqual(Math.max(small.timerChecks, 1) * 4.5);
    });
  }
});

describe('work grows linearly with writes that read the value they replace', () => {
  // `list = list.concat(more)` written n times: each write's value is read through `list` again,
  // n ways at every level of the depth budget unless each expression is answered once
  // (dittofeed's messaging.ts did not finish in minutes).
  const program = (n: number) =>
    "import nodemailer from 'nodemailer';\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com' });\n" +
    `export async function send(users, extra) {\n  let list = users.map((u) => u.email);\n${Array.from({ length: n }, (_, i) => `  if (extra.a${i}) list = list.concat(extra.a${i});\n`).join('')}` +
    "  await transport.sendMail({ to: list.slice(0, 50).join(','), subject: 'Hi' });\n}\n";
  it('a list concatenated to itself n times: 4x the writes, at most 4.5x the work', { timeout: 60_000 }, () => {
    const small = work(program(8));
    const large = work(program(32));
    expect(small.reports).toBeGreaterThan(0);
    expect(large.reports).toBe(small.reports);
    expect(large.queries).toBeLessThanOrEqual(small.queries * 4.5);
  });
});


describe('a variable that spreads its earlier value into its next one (`conf = { ...conf, auth }`)', () => {
  /** Transport options reassigned `n` times, each spreading the value before it (wiki.js's mail.js, three times). */
  const options = (n: number) =>
    "import nodemailer from 'nodemailer';\nlet conf = { host: 'smtp.example.com', tls: { rejectUnauthorized: false } };\n" +
    Array.from({ length: n }, (_, i) => `if (process.env.OPT_${i}) conf = { ...conf, name${i}: 'x' };\n`).join('') +
    'export const transport = nodemailer.createTransport(conf);\n';

  /** Calls of the field walk while linting `code`, and the insecure-transport reports. */
  function walks(code: string): { walks: number; reports: string[] } {
    const walk = vi.spyOn(ValueFlow.prototype as unknown as { walk: (...args: unknown[]) => void }, 'walk');
    const messages = new Linter({ configType: 'flat' }).verify(code, configFor(OPTION_SETS[0]!, languageOptions), { filename: 'mail.js' });
    const counts = { walks: walk.mock.calls.length, reports: messages.filter((m) => m.ruleId === 'mail/no-insecure-transport').map((m) => `${m.line}:${m.column}`) };
    vi.restoreAllMocks();
    return counts;
  }

  it('4x the reassignments, at most 4.5x the walks; the literal option is still read through all of them', () => {
    const small = walks(options(10));
    const large = walks(options(40));
    expect(small.reports).toEqual(['2:47']);
    expect(large.reports).toEqual(['2:47']);
    expect(large.walks).toBeLessThanOrEqual(small.walks * 4.5);
  });
});

describe('a list written from itself (`list = list.filter(…)`, `list = [...list, x]`), then looped over, mapped and joined', () => {
  // Postmark, whose `To` takes at most 50 addresses (respect-provider-limits sizes the list). Each
  // write's value is read through the earlier ones: asked again inside its own answer, the
  // elements multiplied at every level until spreading them overflowed the stack (NodeBB's
  // posts/queue.js), and a list's size took 2^40 steps (a generated program). Asked again, a
  // value written from itself adds nothing (ValueFlow.asking).
  const rewrites = {
    filter: (i: number) => `  if (filter.a${i}) list = list.filter((u) => u.a${i});\n`,
    spread: (i: number) => `  if (filter.a${i}) list = [...list, { email: 'ops${i}@example.com' }];\n`,
  };
  const body = (rewrite: (i: number) => string, n: number) =>
    `  let list = (await db.users()).filter(Boolean);\n${Array.from({ length: n }, (_, i) => rewrite(i)).join('')}` +
    "  for (const u of list) await client.sendEmail({ From: 'news@example.com', To: u.email, Subject: 'Hi' });\n" +
    "  await client.sendEmail({ From: 'news@example.com', To: list.map((u) => u.email).join(','), Subject: 'Hi' });\n";
  const forms = {
    'JS module': (b: string) => `import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');\nexport async function send(db, filter) {\n${b}}\n`,
    TypeScript: (b: string) =>
      `import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');\nexport async function send(db: { users(): Promise<{ email: string }[]> }, filter: Record<string, boolean>): Promise<void> {\n${b}}\n`,
    CommonJS: (b: string) => `const postmark = require('postmark');\nconst client = new postmark.ServerClient('token');\nexports.send = async function (db, filter) {\n${b}};\n`,
  };

  function queries(form: keyof typeof forms, rewrite: keyof typeof rewrites, n: number): { queries: number; reports: string[] } {
    const calls = vi.spyOn(ValueFlow.prototype, 'sources');
    const options: Linter.LanguageOptions =
      form === 'TypeScript' ? { ...languageOptions, parser: tsParser } : form === 'CommonJS' ? { ...languageOptions, sourceType: 'commonjs' } : languageOptions;
    const code = forms[form](body(rewrites[rewrite], n));
    const messages = new Linter({ configType: 'flat' }).verify(code, configFor(OPTION_SETS[0]!, options), { filename: form === 'TypeScript' ? 'send.ts' : 'send.js' });
    const counts = { queries: calls.mock.calls.length, reports: messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`) };
    vi.restoreAllMocks();
    return counts;
  }

  for (const form of Object.keys(forms) as (keyof typeof forms)[]) {
    for (const rewrite of Object.keys(rewrites) as (keyof typeof rewrites)[]) {
      it(`${form}, ${rewrite}: both sends reported at 10 and 40 writes, with at most 4.5x the value queries`, () => {
        const small = queries(form, rewrite, 10);
        const large = queries(form, rewrite, 40);
        const line = (n: number, offset: number) => 4 + 1 + n + offset;
        for (const [n, run] of [[10, small], [40, large]] as const) {
          expect(run.reports).toEqual([`${line(n, 0)}:31 mail/no-unbatched-send`, `${line(n, 1)}:54 mail/no-exposed-recipients`]);
        }
        expect(large.queries).toBeLessThanOrEqual(small.queries * 4.5);
      });
    }
  }
});
