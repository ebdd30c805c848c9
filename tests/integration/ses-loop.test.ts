// Issue 21, item 1: a per-recipient SES loop (`Destination: { ToAddresses: [e] }` in a loop) is
// reported in every config, with and without type information, in TypeScript and JavaScript, for
// @aws-sdk/client-ses and client-sesv2, whether the SDK is installed or not (installed: from the
// registry, for real; skipped when npm cannot reach it).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { InstallUnavailable, root, tempProject } from './support.js';

const loop = (module: string, typed: boolean) => `import { SESClient, SendEmailCommand } from '${module}';
const ses = new SESClient({});
export async function notify(list${typed ? ': string[]' : ''}) {
  for (const e of list) await ses.send(new SendEmailCommand({ FromEmailAddress: 'a@example.com', Destination: { ToAddresses: [e] } }));
}
`;

const FILES = {
  'package.json': '{ "type": "module", "private": true }\n',
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, allowJs: true },
    include: ['src'],
  }),
  'src/ses.ts': loop('@aws-sdk/client-ses', true),
  'src/sesv2.ts': loop('@aws-sdk/client-sesv2', true),
  'src/ses-plain.js': loop('@aws-sdk/client-ses', false),
  'src/sesv2-plain.js': loop('@aws-sdk/client-sesv2', false),
  ...Object.fromEntries(
    ['recommended', 'strict', 'recommended-type-checked', 'strict-type-checked'].map((name) => [
      `${name}.config.js`,
      `import mail from 'eslint-plugin-mail';
import tsParser from '@typescript-eslint/parser';
export default [
  ...mail.configs['${name}'],
  ${name.endsWith('type-checked') ? `{ files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },` : ''}
];
`,
    ]),
  ),
};

/** The loop's send, in each of the four files. */
const EXPECTED = ['src/ses-plain.js:4', 'src/ses.ts:4', 'src/sesv2-plain.js:4', 'src/sesv2.ts:4'].map((at) => `${at} mail/no-unbatched-send`);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(installed: boolean): string | null {
  try {
    const dir = tempProject(FILES, 'mail-ses-', { install: installed ? ['@aws-sdk/client-ses', '@aws-sdk/client-sesv2'] : [] });
    dirs.push(dir);
    return dir;
  } catch (error) {
    if (error instanceof InstallUnavailable) return null;
    throw error;
  }
}

describe.each([
  ['not installed', false],
  ['installed', true],
])('the per-recipient SES loop, the SDK %s', (_, installed) => {
  // Made once: undefined until then, null when the install failed.
  let dir: string | null | undefined;
  const ready = () => (dir === undefined ? (dir = project(installed)) : dir);

  it.for(['recommended', 'strict', 'recommended-type-checked', 'strict-type-checked'])('is reported by the %s config', { timeout: 180_000 }, async (name, context) => {
    const cwd = ready();
    if (!cwd) return context.skip('npm could not install the AWS SDK');
    const eslint = new ESLint({ cwd, overrideConfigFile: path.join(cwd, `${name}.config.js`) });
    const results = await eslint.lintFiles(['src']);
    const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`));
    expect(found.sort()).toEqual(EXPECTED);
  });

  it.for([[], ['--type-check']])('is reported by mail-lint %j', { timeout: 180_000 }, (args, context) => {
    const cwd = ready();
    if (!cwd) return context.skip('npm could not install the AWS SDK');
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'json', ...args, 'src'], { cwd, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const results = JSON.parse(output) as ESLint.LintResult[];
    const found = results.flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`));
    expect(found.sort()).toEqual(EXPECTED);
  });
});
