// action.yml, the composite GitHub Action. GitHub's runner cannot run here, so this checks that the
// file is a well-formed composite action, then runs its shell steps as the runner would: the build
// in a clone of this repository (the action's folder), mail-lint in a project with a leak, and the
// final check, with `${{ inputs.* }}` and `${{ steps.*.outputs.* }}` filled in as GitHub does.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('action.yml, its steps run locally', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-lint-action-'));
  const actionPath = path.join(scratch, 'action');
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Runs one step's script as the runner does: bash, its env with expressions filled in, GITHUB_OUTPUT collected. */
  function runStep(s: Step, cwd: string, inputs: Record<string, string>, outputs: Record<string, string> = {}) {
    const fill = (text: string) =>
      text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
        const input = /^inputs\.([\w-]+)$/.exec(expression);
        if (input) return inputs[input[1]!] ?? action.inputs[input[1]!]!.default ?? '';
        const output = /^steps\.lint\.outputs\.([\w-]+)$/.exec(expression);
        if (output) return outputs[output[1]!] ?? '';
        if (expression === 'github.action_path') return actionPath;
        throw new Error(`unexpected expression ${expression}`);
      });
    const outputFile = path.join(scratch, `output-${Math.random()}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTION_PATH: actionPath, GITHUB_OUTPUT: outputFile };
    for (const [key, value] of Object.entries(s.env ?? {})) env[key] = fill(value);
    const run = spawnSync('bash', ['-e', '-c', s.run!], { cwd: path.resolve(cwd, fill(s['working-directory'] ?? '.')), env, encoding: 'utf8' });
    const stepOutputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs: stepOutputs };
  }

  const LEAK = `import nodemailer from 'nodemailer';
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
export async function announce(users) {
  await transport.sendMail({ to: users.map((u) => u.email), subject: 'hi', text: 'hi' });
}
`;

  function workspace(name: string, files: Record<string, string>) {
    const dir = path.join(scratch, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  beforeAll(() => {
    // The runner checks the action out at the workflow's ref; a clone of HEAD stands in for it.
    execFileSync('git', ['clone', '-q', root, actionPath]);
    const build = runStep(step('Build mail-lint'), actionPath, {});
    expect(build.status, build.stdout + build.stderr).toBe(0);
  }, 240_000);

  it('builds mail-lint with runtime dependencies only, writes a valid SARIF log, and fails after the upload on findings', () => {
    const dir = workspace('leaking', { 'src/leak.js': LEAK, 'src/view.jsx': 'export const V = () => <b>ok</b>;\n' });
    const lint = runStep(step('Run mail-lint'), dir, {});
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs).toEqual({ 'exit-code': '1', 'sarif-file': path.join(dir, 'mail-lint.sarif') });
    const log = JSON.parse(readFileSync(lint.outputs['sarif-file']!, 'utf8')) as Sarif.Log;
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]!.results!.map((r) => r.ruleId)).toEqual(['mail/no-exposed-recipients']);

    const fail = step('Fail on findings');
    expect(fail.if).toBe("inputs.fail-on-findings == 'true' && steps.lint.outputs.exit-code == '1'");
    const failed = runStep(fail, dir, {}, lint.outputs);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(`::error title=mail-lint::mail-lint found dangerous email code`);
    expect(failed.stdout).toContain(lint.outputs['sarif-file']);
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
    const lint = runStep(step('Run mail-lint'), dir, {
      'working-directory': 'app',
      paths: 'src fixtures',
      // Globs reach mail-lint as they are, not expanded by the shell.
      args: '--ignore-pattern src/leak.* --ignore-pattern fixtures/l*.js',
      'sarif-file': 'out.sarif',
    });
    expect(lint.status, lint.stderr).toBe(0);
    expect(lint.outputs).toEqual({ 'exit-code': '0', 'sarif-file': path.join(dir, 'app/out.sarif') });
  }, 60_000);

  it('stops at once on a usage error, with no log to upload', () => {
    const dir = workspace('usage', { 'a.js': 'export const a = 1;\n' });
    const lint = runStep(step('Run mail-lint'), dir, { args: '--no-such-option' });
    expect(lint.status).toBe(2);
    expect(lint.stderr).toContain("Unknown option '--no-such-option'");
    expect(lint.outputs['exit-code']).toBe('2');
  }, 60_000);
});
