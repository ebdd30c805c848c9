// Fuzzing: random programs from eslump, linted with every rule and every option set; no rule may
// throw, and every suggestion must be safe. Each program is linted as generated, and again with a
// mail prelude whose sends take the program's own expressions as recipients, clients and options,
// so the mail analysis (not only its fast exit) sees random code.
// FUZZ_PROGRAMS=n (default 300; `npm run test:fuzz` runs 5,000), FUZZ_SEED=s to reproduce a run,
// ROBUSTNESS_DUMP=file to write the failures in full.
import { Linter } from 'eslint';
import { generateRandomJS } from 'eslump';
import { expect, it } from 'vitest';
import { checkSuggestions, configFor, dumpFailures, envCount, languageFor, notLinted, OPTION_SETS, parseJs, seededRandom } from './support.js';

const COUNT = envCount('FUZZ_PROGRAMS', 300);
const SEED = envCount('FUZZ_SEED', 20261127);

interface Program {
  readonly index: number;
  readonly filename: string;
  readonly code: string;
}

/** eslump draws from Math.random: swap in a seeded generator while it runs. */
function generate(random: () => number, sourceType: 'module' | 'script'): string {
  const original = Math.random;
  Math.random = random;
  try {
    return generateRandomJS({ sourceType, maxDepth: 5, comments: random() < 0.3, whitespace: random() < 0.3 });
  } finally {
    Math.random = original;
  }
}

/** Up to `n` expressions of the program, as source text, for the mail trailer to use. */
function expressionsOf(code: string, sourceType: 'module' | 'script', n: number): string[] {
  let ast: { body: unknown[] };
  try {
    ast = parseJs(code, { ecmaVersion: 'latest', sourceType, range: true }) as { body: unknown[] };
  } catch {
    return [];
  }
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (found.length >= n || !node || typeof node !== 'object') return;
    const { type, range } = node as { type?: string; range?: [number, number] };
    if (typeof type === 'string' && range && /Expression$|^Identifier$|^Literal$/.test(type) && type !== 'YieldExpression' && type !== 'AwaitExpression') {
      const text = code.slice(range[0], range[1]);
      if (!/\b(?:yield|await|super|arguments|new\.target|import\.meta)\b/.test(text)) found.push(text);
    }
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null && value !== (node as { parent?: unknown }).parent) visit(value);
  };
  for (const statement of ast.body) visit(statement);
  return found;
}

/** The program with mail code around it: imports, a transport, and sends fed with its expressions. */
function withMail(code: string, sourceType: 'module' | 'script', pickOne: () => string): string {
  const load =
    sourceType === 'module'
      ? "import __nodemailer from 'nodemailer';\nimport __sg from '@sendgrid/mail';\nimport { Resend as __Resend } from 'resend';\n"
      : "const __nodemailer = require('nodemailer');\nconst __sg = require('@sendgrid/mail');\nconst { Resend: __Resend } = require('resend');\n";
  const e = () => `(${pickOne()})`;
  return `${code}\n;${load}
const __t = __nodemailer.createTransport({ host: ${e()}, secure: ${e()}, ignoreTLS: ${e()}, tls: { rejectUnauthorized: ${e()} }, auth: { user: 'u', pass: ${e()} } });
__sg.setApiKey(${e()});
const __r = new __Resend(${e()});
for (const __u of ${e()}) { __t.sendMail({ to: ${e()}.map((__v) => __v.email), cc: [...${e()}], subject: 's', text: 't' }); }
${e()}.forEach((__u) => __sg.send({ to: ${e()}.filter(Boolean), from: 'a@x.io', subject: 's', html: 'h', isMultiple: ${e()} }));
Promise.all(${e()}.map((__u) => __r.emails.send({ to: ${e()}, from: 'a@x.io', subject: 's', html: 'h' })));
const __msg = { to: ${e()}, subject: 's', html: 'h', from: 'a@x.io' };
function __send(__to) { return __t.sendMail({ to: __to, bcc: ${e()}, subject: 's' }); }
for (let __i = 0; __i < ${e()}.length; __i++) __send(${e()});
`;
}

function programs(): Program[] {
  const random = seededRandom(SEED);
  const out: Program[] = [];
  for (let index = 0; index < COUNT; index++) {
    const sourceType = random() < 0.7 ? 'module' : 'script';
    const code = generate(random, sourceType);
    const expressions = expressionsOf(code, sourceType, 12);
    const pickOne = () => (expressions.length ? expressions[Math.floor(random() * expressions.length)]! : 'x');
    const ext = sourceType === 'module' ? 'mjs' : 'cjs';
    out.push({ index, filename: `fuzz/program-${index}.${ext}`, code });
    out.push({ index, filename: `fuzz/program-${index}-mail.${ext}`, code: withMail(code, sourceType, pickOne) });
    // The same mail program through @typescript-eslint/parser, which parses code espree rejects.
    out.push({ index, filename: `fuzz/program-${index}-mail.ts`, code: withMail(code, sourceType, pickOne) });
  }
  return out;
}

it(`lints ${COUNT} random programs (seed ${SEED}) with every rule and option set: no crash, safe suggestions`, { timeout: 1_800_000 }, () => {
  const linter = new Linter();
  const crashes: string[] = [];
  const unsafe: string[] = [];
  let linted = 0;
  let unparsed = 0;
  let reports = 0;
  let suggestions = 0;
  const byRule = new Map<string, number>();
  for (const { index, filename, code } of programs()) {
    const languageOptions = languageFor(filename, code);
    if (!languageOptions) {
      unparsed++;
      continue;
    }
    linted++;
    for (const set of OPTION_SETS) {
      const config = configFor(set, languageOptions);
      try {
        const messages = linter.verify(code, config, filename);
        const problem = notLinted(messages);
        if (problem) throw new Error(`not linted: ${problem.message}`);
        reports += messages.length;
        for (const m of messages) byRule.set(m.ruleId ?? 'fatal', (byRule.get(m.ruleId ?? 'fatal') ?? 0) + 1);
        const exposedOptions = (set.rules['mail/no-exposed-recipients'] as [string, { useTypeInformation?: boolean; messageShapes?: boolean }?])[1] ?? {};
        const checked = checkSuggestions(linter, code, config, filename, messages, {
          typed: exposedOptions.useTypeInformation === true,
          shapes: exposedOptions.messageShapes === true,
        });
        suggestions += checked.checked;
        unsafe.push(...checked.problems);
      } catch (error) {
        crashes.push(`program ${index} (seed ${SEED}) ${filename} [${set.name}]: ${(error as Error).stack ?? String(error)}\n${code}`);
      }
    }
  }
  console.info(
    `fuzz: ${COUNT} programs (seed ${SEED}), ${linted} variants linted, ${unparsed} did not parse, ` +
      `${reports} reports (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}), ${suggestions} suggestions checked, ${crashes.length} crashes, ${unsafe.length} unsafe suggestions`,
  );
  dumpFailures([...crashes, ...unsafe]);
  expect(crashes).toEqual([]);
  expect(unsafe).toEqual([]);
  expect(linted).toBeGreaterThan(COUNT / 2);
});
