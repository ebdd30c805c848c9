// action.yml, the composite GitHub Action. GitHub's runner cannot run here, so this checks that the
// file is a well-formed composite action, then runs its shell steps as the runner would, with
// `${{ inputs.* }}` and `${{ steps.*.outputs.* }}` filled in as GitHub does: the install at a
// release tag made by the release workflow's script (prebuilt, nothing built) and at any other ref
// (built on install), mail-lint with the documented inputs (quoted args, absolute and relative
// sarif-file), and the final check.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../sarif-schema.js';
import { root } from './support.js';

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = yaml.load(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;
const expressions = (text: string) => [...text.matchAll(/\$\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!);

describe('action.yml', () => {
  it('is a composite action whose expressions name only its own inputs and steps', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.name).toBe('mail-lint');
    expect(action.description.length).toBeLessThan(200);
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    const everything = JSON.stringify(action);
    for (const expression of expressions(everything)) {
      for (const [, kind, name, rest] of expression.matchAll(/\b(inputs|steps|github)\.([\w-]+)(\.[\w.-]+)?/g)) {
        if (kind === 'inputs') expect(action.inputs, expression).toHaveProperty([name!]);
        if (kind === 'steps') {
          expect(ids.has(name), expression).toBe(true);
          expect(rest).toMatch(/^\.outputs\./);
        }
        if (kind === 'github') expect(['action_path']).toContain(name);
      }
    }
    for (const s of action.runs.steps) {
      // A composite action's run steps must name their shell; no input is pasted into a script.
      if (s.run) {
        expect(s.shell, s.name).toBe('bash');
        expect(expressions(s.run), s.name).toEqual([]);
      }
    }
    expect(step('Upload to code scanning').uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(step('Upload to code scanning').with).toEqual({
      sarif_file: '${{ steps.lint.outputs.sarif-file }}',
      category: '${{ inputs.category }}',
    });
  });
});

interface Workflow {
  on: { workflow_dispatch: { inputs: Record<string, { required?: boolean }> } };
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
}
const release = yaml.load(readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const releaseStep = (name: string) => release.jobs['release']!.steps.find((s) => s.name === name || s.run === name)!;

describe('the release workflow', () => {
  it('runs by hand with a version, tests before it tags, publishes with provenance, and moves the major tag', () => {
    expect(release.on.workflow_dispatch.inputs['version']!.required).toBe(true);
    const job = release.jobs['release']!;
    expect(job.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const runs = job.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (text: string) => runs.findIndex((r) => r.includes(text));
    expect(at('node scripts/release.js check "$VERSION"')).toBeGreaterThan(-1);
    expect(at('npm test')).toBeGreaterThan(at('npm ci'));
    expect(at('node scripts/release.js tag "$VERSION"')).toBeGreaterThan(at('npm test'));
    expect(at('npm publish --provenance --access public')).toBeGreaterThan(at('node scripts/release.js tag'));
    expect(at('git push --force origin "refs/tags/v${VERSION%%.*}"')).toBeGreaterThan(at('npm publish'));
    expect(at('node scripts/release.js notes "$VERSION"')).toBeGreaterThan(at('git push'));
    expect(releaseStep('Publish to npm').env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });
});

describe("the Action's documented workflow", () => {
  it('is the same in docs/ci.md and docs/examples/, grants upload permission, and passes only inputs the action has', () => {
    const example = readFileSync(path.join(root, 'docs/examples/github-mail-lint-action.yml'), 'utf8');
    const docs = readFileSync(path.join(root, 'docs/ci.md'), 'utf8');
    const fenced = /## The GitHub Action[\s\S]*?```yaml\n([\s\S]*?)```/.exec(docs)![1]!;
    expect(example.replace(/^#.*\n/gm, '')).toBe(fenced);
    const workflow = yaml.load(example) as {
      jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    const job = workflow.jobs['mail-lint']!;
    expect(job.permissions['security-events']).toBe('write');
    const uses = job.steps.find((s) => s.uses?.startsWith('eslint-plugin-mail/eslint-plugin-mail@'))!;
    for (const input of Object.keys(uses.with ?? {})) expect(action.inputs).toHaveProperty([input]);
  });
});

/** Runs one step's script as the runner does: bash, its env with expressions filled in, GITHUB_OUTPUT collected. */
function runStep(s: Step, cwd: string, actionPath: string, inputs: Record<string, string>, outputs: Record<string, string> = {}) {
  const fill = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return inputs[input[1]!] ?? action.inputs[input[1]!]!.default ?? '';
      const output = /^steps\.lint\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return outputs[output[1]!] ?? '';
      if (expression === 'github.action_path') return actionPath;
      throw new Error(`unexpected expression ${expression}`);
    });
  const outputFile = path.join(os.tmpdir(), `mail-lint-action-output-${process.pid}-${Math.random()}`);
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile };
  for (const [key, value] of Object.entries(s.env ?? {})) env[key] = fill(value);
  // GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`.
  const started = performance.now();
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], {
    cwd: path.resolve(cwd, fill(s['working-directory'] ?? '.')),
    env,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  const stepOutputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  rmSync(outputFile);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs: stepOutputs, seconds };
}

const LEAK = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function announce(users) {
  await transport.sendMail({ to: users.map((u) => u.email), subject: 'hi', text: 'hi' });
}
`;

/** The action as the runner gets it at a ref: the files of that commit, without .git. */
function checkoutAction(repository: string, ref: string, into: string): void {
  mkdirSync(into, { recursive: true });
  execFileSync('bash', ['-c', `git -C "${repository}" archive "${ref}" | tar -x -C "${into}"`]);
}

describe('action.yml at a release tag', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-lint-action-'));
  const actionPath = path.join(scratch, 'action');
  const clone = path.join(scratch, 'release');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function workspace(name: string, files: Record<string, string>) {
    const dir = path.join(scratch, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }
  const lintStep = (dir: string, inputs: Record<string, string>) => runStep(step('Run mail-lint'), dir, actionPath, inputs);

  let install: ReturnType<typeof runStep>;
  let releaseCommit = '';
  beforeAll(() => {
    // The release workflow's steps, on a clone of HEAD: the CHANGELOG section, the build, then
    // scripts/release.js tag, which commits dist/ on top and tags it (pushing is left out).
    execFileSync('git', ['clone', '-q', root, clone]);
    const git = (...args: string[]) => execFileSync('git', ['-C', clone, '-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { encoding: 'utf8' });
    const node = (...args: string[]) => execFileSync(process.execPath, args, { cwd: clone, encoding: 'utf8' });
    node('scripts/release.js', 'changelog', version, '2030-01-01');
    git('commit', '-qam', `Release ${version}`);
    releaseCommit = git('rev-parse', 'HEAD').trim();
    // The workflow's own steps, as its runner runs them; `npm test` builds dist/ there.
    const workflowStep = (name: string) => {
      const run = releaseStep(name).run!;
      return execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run], { cwd: clone, encoding: 'utf8', env: { ...process.env, VERSION: version } });
    };
    workflowStep('Check the version');
    symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    execFileSync('npm', ['run', 'build'], { cwd: clone, stdio: 'ignore' });
    expect(workflowStep('Commit dist/ and tag the release')).toContain(`v${version} and v${version.split('.')[0]} at`);
    checkoutAction(clone, `v${version}`, actionPath);
    install = runStep(step('Install mail-lint'), actionPath, actionPath, {});
  }, 240_000);

  it('tags a commit that carries dist/ on top of the release commit, and moves the major tag to it', () => {
    const git = (...args: string[]) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8' }).trim();
    const tagged = git('rev-parse', `v${version}^{commit}`);
    expect(git('rev-parse', `v${version.split('.')[0]}`)).toBe(tagged);
    expect(git('rev-parse', `${tagged}^`)).toBe(releaseCommit);
    expect(git('diff', '--name-only', `${tagged}^`, tagged).split('\n')).toEqual(expect.arrayContaining(['dist/.prebuilt', 'dist/cli.js', 'dist/index.js']));
    expect(git('diff', '--name-only', `${tagged}^`, tagged).split('\n').every((file) => file.startsWith('dist/'))).toBe(true);
    // A second release of the same version is refused.
    const again = spawnSync(process.execPath, ['scripts/release.js', 'check', version], { cwd: clone, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`the tag v${version} exists already`);
  });

  it('installs the prebuilt mail-lint without building it', () => {
    expect(install.status, install.stdout + install.stderr).toBe(0);
    expect(install.stderr).toContain('dist/ is prebuilt (a release); nothing to build');
    expect(install.stderr).not.toContain('installing it to build');
    console.info(`action install at a release tag: ${install.seconds.toFixed(1)} s`);
  });

  it('writes a valid SARIF log with the default inputs, and fails after the upload on findings', () => {
    const dir = workspace('leaking', { 'src/leak.js': LEAK, 'src/view.jsx': 'export const V = () => <b>ok</b>;\n' });
    const lint = lintStep(dir, {});
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs).toEqual({ 'exit-code': '1', 'sarif-file': path.join(dir, 'mail-lint.sarif') });
    const log = JSON.parse(readFileSync(lint.outputs['sarif-file']!, 'utf8')) as Sarif.Log;
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]!.results!.map((r) => r.ruleId)).toEqual(['mail/no-exposed-recipients']);

    const fail = step('Fail on findings');
    expect(fail.if).toBe("inputs.fail-on-findings == 'true' && steps.lint.outputs.exit-code == '1'");
    const failed = runStep(fail, dir, actionPath, {}, lint.outputs);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(`::error title=mail-lint::mail-lint found dangerous email code`);
    expect(failed.stdout).toContain(lint.outputs['sarif-file']);
  }, 60_000);

  it("takes the documented args as a shell would: --ignore-pattern 'fixtures/**' ignores the fixtures", () => {
    const documented = /--ignore-pattern '[^']+'/.exec(action.inputs['args']!.description)![0];
    expect(documented).toBe("--ignore-pattern 'fixtures/**'");
    const dir = workspace('quoted', { 'src/ok.js': 'export const ok = 1;\n', 'fixtures/deep/leak.js': LEAK });
    const lint = lintStep(dir, { args: documented });
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs['exit-code']).toBe('0');
    // Without the option the fixture is reported: the quotes did their work, not a missing file.
    expect(lintStep(dir, {}).outputs['exit-code']).toBe('1');
  }, 60_000);

  it('keeps a quoted word with spaces whole, and expands nothing', () => {
    const dir = workspace('spaces', {
      'legacy code/leak.js': LEAK,
      'legacy code/ok.js': 'export const ok = 1;\n',
      'src/ok.js': 'export const ok = 1;\n',
      'mail lint.json': JSON.stringify({ ignores: ['vendor/'] }),
    });
    const lint = lintStep(dir, { paths: `src "legacy code"`, args: `--ignore-pattern "legacy code/leak.js" --config 'mail lint.json' --max-warnings $HOME` });
    // `$HOME` reaches mail-lint as it is, not expanded: a usage error.
    expect(lint.status).toBe(2);
    expect(lint.stderr).toContain('$HOME');
    const ok = lintStep(dir, { paths: `src "legacy code"`, args: `--ignore-pattern "legacy code/leak.js" --config 'mail lint.json'` });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.outputs['exit-code']).toBe('0');
  }, 60_000);

  it('stops with an error on an unmatched quote', () => {
    const dir = workspace('unmatched', { 'a.js': 'export const a = 1;\n' });
    const lint = lintStep(dir, { args: "--ignore-pattern 'fixtures/**" });
    expect(lint.status).toBe(2);
    expect(lint.stdout).toContain('::error title=mail-lint::cannot split the input into words');
  }, 60_000);

  it('writes the log to an absolute sarif-file as it is, and to a relative one under the working directory', () => {
    const dir = workspace('sarif', { 'app/src/leak.js': LEAK, 'app/package.json': '{ "name": "app" }\n' });
    const absolute = path.join(scratch, 'reports', 'absolute.sarif');
    const lint = lintStep(dir, { 'working-directory': 'app', 'sarif-file': absolute });
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs).toEqual({ 'exit-code': '1', 'sarif-file': absolute });
    expect(sarifValidator()(JSON.parse(readFileSync(absolute, 'utf8')))).toBe(true);
    const relative = lintStep(dir, { 'working-directory': 'app', 'sarif-file': 'reports/mail.sarif' });
    expect(relative.outputs).toEqual({ 'exit-code': '1', 'sarif-file': path.join(dir, 'app/reports/mail.sarif') });
    expect(sarifValidator()(JSON.parse(readFileSync(path.join(dir, 'app/reports/mail.sarif'), 'utf8')))).toBe(true);
  }, 60_000);

  it('passes paths, args and the working directory through; a clean run reports exit code 0', () => {
    const dir = workspace('inputs', {
      'app/package.json': JSON.stringify({ name: 'app', 'mail-lint': { ignores: ['legacy/'] } }),
      'app/legacy/leak.js': LEAK,
      'app/src/leak.js': LEAK,
      'app/src/ok.js': 'export const ok = 1;\n',
      'app/fixtures/leak.js': LEAK,
      'app/fixtures/ok.js': 'export const ok = 1;\n',
    });
    const lint = lintStep(dir, {
      'working-directory': 'app',
      paths: 'src fixtures',
      // Globs reach mail-lint as they are, not expanded by the shell.
      args: '--ignore-pattern src/leak.* --ignore-pattern fixtures/l*.js',
      'sarif-file': 'out.sarif',
    });
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs).toEqual({ 'exit-code': '0', 'sarif-file': path.join(dir, 'app/out.sarif') });
  }, 60_000);

  it('runs the documented --type-check', () => {
    const dir = workspace('typed', {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', noEmit: true }, include: ['src'] }),
      'src/leak.ts': LEAK.replace('(users)', '(users: { email: string }[])'),
    });
    const lint = lintStep(dir, { args: '--type-check' });
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs['exit-code']).toBe('1');
  }, 120_000);

  it('stops at once on a usage error, with no log to upload', () => {
    const dir = workspace('usage', { 'a.js': 'export const a = 1;\n' });
    const lint = lintStep(dir, { args: '--no-such-option' });
    expect(lint.status).toBe(2);
    expect(lint.stderr).toContain("Unknown option '--no-such-option'");
    expect(lint.outputs['exit-code']).toBe('2');
  }, 60_000);
});

describe('action.yml at any other ref', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-lint-action-ref-'));
  const actionPath = path.join(scratch, 'action');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('builds mail-lint on install, with runtime dependencies only', () => {
    checkoutAction(root, 'HEAD', actionPath);
    const install = runStep(step('Install mail-lint'), actionPath, actionPath, {});
    expect(install.status, install.stdout + install.stderr).toBe(0);
    expect(install.stderr).toContain('installing it to build dist/');
    console.info(`action install at an unreleased ref: ${install.seconds.toFixed(1)} s`);
    const dir = path.join(scratch, 'project');
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, 'src/leak.js'), LEAK);
    const lint = runStep(step('Run mail-lint'), dir, actionPath, {});
    expect(lint.outputs['exit-code']).toBe('1');
  }, 300_000);
});
