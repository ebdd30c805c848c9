// No recursion that real or generated code can overflow: chains thousands of levels deep, each
// linted with every rule. ESLint itself (no rules) handles them; a rule must too, and past the
// analysis's one depth budget a value is unknown, so the rules are silent where they cannot see.
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { configFor, notLinted, OPTION_SETS } from './support.js';

const DEPTH = 10_000;
const head = "import nodemailer from 'nodemailer';\nconst transporter = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i + 1)).join('\n');

/** Generated programs, `n` levels deep. */
const programs: Record<string, (n: number) => string> = {
  'chained aliases': (n) => `${head}const a0 = users.map((u) => u.email);\n${lines(n, (i) => `const a${i} = a${i - 1};`)}\ntransporter.sendMail({ to: a${n} });\n`,
  'chained wrapper functions': (n) =>
    `${head}function w0(to) { return transporter.sendMail({ to }); }\n${lines(n, (i) => `function w${i}(to) { return w${i - 1}(to); }`)}\nw${n}(users.map((u) => u.email));\n`,
  'chained factories of a client': (n) =>
    `import nodemailer from 'nodemailer';\nfunction f0() { return nodemailer.createTransport({ ignoreTLS: true, auth: { user: 'u', pass: 'hunter2-secret' } }); }\n${lines(n, (i) => `function f${i}() { return f${i - 1}(); }`)}\nfor (const u of users) f${n}().sendMail({ to: u.email });\n`,
  'a diamond of conditionals': (n) => `${head}const a0 = users.map((u) => u.email);\n${lines(n, (i) => `const a${i} = flag ? a${i - 1} : a${i - 1};`)}\ntransporter.sendMail({ to: a${n} });\n`,
  'chained records': (n) => `${head}const r0 = { to: users.map((u) => u.email) };\n${lines(n, (i) => `const r${i} = { to: r${i - 1}.to };`)}\ntransporter.sendMail(r${n});\n`,
  'chained list elements': (n) => `${head}const l0 = [users.map((u) => u.email)];\n${lines(n, (i) => `const l${i} = [l${i - 1}[0]];`)}\ntransporter.sendMail({ to: l${n}[0] });\n`,
};

const parsers: [string, Linter.LanguageOptions][] = [
  ['espree', { ecmaVersion: 'latest', sourceType: 'module' }],
  ['typescript-eslint', { parser: tsParser }],
];

/** Lints with every rule (or none); a thrown error is the failure this test is about. */
function lint(code: string, languageOptions: Linter.LanguageOptions, withRules: boolean): Linter.LintMessage[] {
  const set = withRules ? OPTION_SETS[0]! : { ...OPTION_SETS[0]!, rules: {} };
  return new Linter({ configType: 'flat' }).verify(code, configFor(set, languageOptions), { filename: 'deep.ts' });
}

describe(`chains ${DEPTH.toLocaleString('en')} levels deep, through every rule`, () => {
  for (const [parserName, languageOptions] of parsers) {
    for (const [name, program] of Object.entries(programs)) {
      it(`${name} (${parserName})`, { timeout: 120_000 }, () => {
        const code = program(DEPTH);
        expect(notLinted(lint(code, languageOptions, false))).toBeUndefined();
        const messages = lint(code, languageOptions, true);
        expect(notLinted(messages)).toBeUndefined();
        // Each rule reported or stayed silent: none stopped the lint.
        expect(messages.every((m) => m.ruleId?.startsWith('mail/'))).toBe(true);
      });
    }

    it(`a member chain in \`to\`, as deep as ESLint itself goes (${parserName})`, { timeout: 120_000 }, () => {
      // ESLint's own traversal recurses on member chains: it stops somewhere between 5,000 and
      // 10,000 levels with its default stack. The rules must go wherever it goes.
      const deepest = [DEPTH, 5_000, 2_500].find((n) => {
        try {
          return notLinted(lint(`${head}transporter.sendMail({ to: a${'.x'.repeat(n)} });\n`, languageOptions, false)) === undefined;
        } catch (error) {
          if (error instanceof RangeError) return false;
          throw error;
        }
      });
      expect(deepest).toBeDefined();
      const messages = lint(`${head}transporter.sendMail({ to: a${'.x'.repeat(deepest!)} });\n`, languageOptions, true);
      expect(notLinted(messages)).toBeUndefined();
    });
  }

  it('the same programs a few levels deep are analysed in full: the budget only stops what is past it', () => {
    for (const name of ['chained aliases', 'a diamond of conditionals', 'chained records', 'chained list elements']) {
      const messages = lint(programs[name]!(5), parsers[0]![1], true).filter((m) => m.ruleId === 'mail/no-exposed-recipients');
      expect(messages, name).toHaveLength(1);
    }
    // Past the budget, unknown: silent.
    expect(lint(programs['chained aliases']!(DEPTH), parsers[0]![1], true).filter((m) => m.ruleId === 'mail/no-exposed-recipients')).toEqual([]);
  });
});
