// A TypeScript project as a user sets it up, in a temporary folder with the built package: the
// shipped configs alone parse TypeScript (issue 14, item 5); next to typescript-eslint's typed
// configs, in either order, typed linting keeps working; and the type-checked configs stop with an
// error that names them when type information is missing (item 6). `npm run test:eslint9` runs
// this file against ESLint 9.15 too.
import { rmSync } from 'node:fs';
import { ESLint } from 'eslint';
import { clearCaches } from '@typescript-eslint/parser';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { findings, tempProject } from './support.js';

const SOURCES = {
  'package.json': '{ "type": "module", "private": true }\n',
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, jsx: 'react-jsx' },
    include: ['src'],
  }),
  // TypeScript syntax espree cannot parse (an interface, annotations, `as`), and a leak.
  'src/notify.ts': `import nodemailer from 'nodemailer';

interface Customer { email: string; name?: string }

const transporter = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });

export async function announce(customers: Customer[]): Promise<void> {
  await transporter.sendMail({ from: 'news@example.com', to: customers.map((c) => c.email) as string[], subject: 'News', text: 'Hello' });
}

export function forget(): void {
  transporter.sendMail({ from: 'news@example.com', to: 'one@example.com', subject: 'Hi', text: 'Hi' });
}
`,
  // TSX: JSX and types in one file.
  'src/banner.tsx': `export const Banner = ({ text }: { text: string }) => <p>{text}</p>;\n`,
  // JSX in a .js file, and a leak in it.
  'src/view.js': `import nodemailer from 'nodemailer';

const transporter = nodemailer.createTransport({ host: 'smtp.example.com', port: 587 });

export const View = ({ users }) => <ul>{users.map((u) => <li key={u.email}>{u.email}</li>)}</ul>;

export function send(users) {
  return transporter.sendMail({ from: 'a@example.com', cc: users.map((u) => u.email), subject: 'x', text: 'x' });
}
`,
};

const TYPED = `languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }`;
const CONFIGS = {
  alone: `import mail from 'eslint-plugin-mail';
export default [...mail.configs.recommended];`,
  typescriptEslintFirst: `import mail from 'eslint-plugin-mail';
import tseslint from 'typescript-eslint';
export default [
  ...tseslint.configs.recommendedTypeChecked,
  { ${TYPED} },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  ...mail.configs['recommended-type-checked'],
];`,
  typescriptEslintAfter: `import mail from 'eslint-plugin-mail';
import tseslint from 'typescript-eslint';
export default [
  ...mail.configs['recommended-type-checked'],
  ...tseslint.configs.recommendedTypeChecked,
  { ${TYPED} },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
];`,
  typeCheckedWithoutTypes: `import mail from 'eslint-plugin-mail';
export default [...mail.configs['recommended-type-checked']];`,
};

const projects: string[] = [];
// typescript-eslint keeps, per process, the folders of the config files that loaded its configs,
// to guess tsconfigRootDir; one process linting several projects (this file) must start afresh,
// as a user's run of ESLint does.
beforeEach(() => clearCaches());
afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

async function lintWith(config: string, targets = ['src']): Promise<string[]> {
  const dir = tempProject({ ...SOURCES, 'eslint.config.js': config }, 'mail-ts-project-');
  projects.push(dir);
  const eslint = new ESLint({ cwd: dir });
  return findings(await eslint.lintFiles(targets), dir).map((f) => f.replace(/-\d+:\d+ /, ' ').replace(/ (\S+) .*$/, ' $1'));
}

const LEAKS = ['src/notify.ts:8:58 mail/no-exposed-recipients', 'src/view.js:8:56 mail/no-exposed-recipients'];

describe(`a TypeScript project, ESLint ${ESLint.version}`, () => {
  it('lints .ts, .tsx and JSX in .js with mail.configs.recommended alone, and reports the leaks', async () => {
    expect(await lintWith(CONFIGS.alone)).toEqual(LEAKS);
  }, 60_000);

  for (const order of ['typescriptEslintFirst', 'typescriptEslintAfter'] as const) {
    it(`keeps typescript-eslint's typed linting with projectService (${order})`, async () => {
      const found = await lintWith(CONFIGS[order]);
      expect(found.filter((f) => f.includes('FATAL'))).toEqual([]);
      // A typed rule of typescript-eslint: it throws without type information, and reports here.
      expect(found).toContain('src/notify.ts:12:3 @typescript-eslint/no-floating-promises');
      for (const leak of LEAKS) expect(found).toContain(leak);
    }, 120_000);
  }

  it('stops with an error naming the type-checked config when TypeScript files get no type information', async () => {
    await expect(lintWith(CONFIGS.typeCheckedWithoutTypes)).rejects.toThrow(
      /mail\/recommended-type-checked needs type information, and \S+\.tsx? was parsed without it\. Set `languageOptions\.parserOptions\.projectService/,
    );
  }, 60_000);

  it('lints JavaScript files with the type-checked config and no type information (espree has none to give)', async () => {
    expect(await lintWith(CONFIGS.typeCheckedWithoutTypes, ['src/view.js'])).toEqual([LEAKS[1]]);
  }, 60_000);
});
