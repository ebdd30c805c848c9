// Issue 21, item 3: mail-lint's SARIF passes Microsoft's own validator, `sarif-multitool validate`
// (@microsoft/sarif-multitool, a .NET program shipped through npm), as well as the JSON schema
// (tests/sarif-schema.ts). The validator is installed from the registry into a temporary folder;
// where it cannot be installed or run (no network, a platform it does not ship for), the tests
// skip and say why.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../sarif-schema.js';
import { root, tempProject } from './support.js';

const VERSION = '5.7.0';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-sarif-multitool-'));
const onExit: string[] = [scratch];
afterAll(() => onExit.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The validator's command, or why there is none. */
let multitool: { bin: string } | { unavailable: string };

beforeAll(() => {
  const tool = path.join(scratch, 'tool');
  mkdirSync(tool);
  writeFileSync(path.join(tool, 'package.json'), '{ "private": true }\n');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', `@microsoft/sarif-multitool@${VERSION}`], { cwd: tool, encoding: 'utf8' });
  if (install.status !== 0) {
    multitool = { unavailable: `npm could not install @microsoft/sarif-multitool: ${install.stderr.trim().split('\n').at(-1)}` };
    return;
  }
  const bin = path.join(tool, 'node_modules/.bin/sarif-multitool');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  multitool = version.status === 0 ? { bin } : { unavailable: `sarif-multitool does not run here: ${(version.stderr || version.stdout).trim().split('\n')[0]}` };
}, 240_000);

/** Every result of `sarif-multitool validate` on the logs, as `file: level ruleId arguments`. */
function validate(logs: Record<string, Sarif.Log>): string[] {
  if (!('bin' in multitool)) throw new Error(multitool.unavailable);
  const dir = mkdtempSync(path.join(scratch, 'logs-'));
  for (const [name, log] of Object.entries(logs)) writeFileSync(path.join(dir, `${name}.sarif`), JSON.stringify(log, null, 2));
  const output = path.join(dir, 'validation.json');
  execFileSync(multitool.bin, ['validate', ...Object.keys(logs).map((name) => path.join(dir, `${name}.sarif`)), '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
  });
  const validation = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  return (validation.runs[0]!.results ?? []).map(
    (r) =>
      `${path.basename(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?')}: ${r.level ?? 'warning'} ${r.ruleId} ${(r.message.arguments ?? []).join(' | ')}`,
  );
}

const mailLint = (cwd: string, ...args: string[]) =>
  JSON.parse(spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--format', 'sarif', ...args], { cwd, encoding: 'utf8' }).stdout) as Sarif.Log;

describe('SARIF and Microsoft’s validator', () => {
  it('finds an inverted range in a log (SARIF1007), so a clean answer means something', (context) => {
    if ('unavailable' in multitool) return context.skip(multitool.unavailable);
    const log = mailLint(root, 'examples');
    const region = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!;
    region.endLine = region.startLine! - 1;
    expect(validate({ inverted: log })).toEqual([expect.stringMatching(/^inverted\.sarif: error SARIF1007 /)]);
  }, 120_000);

  it('passes mail-lint’s logs of the examples, the annotated cases, the typed fixture (typed), a cross-module report, parse errors and suppressions', (context) => {
    if ('unavailable' in multitool) return context.skip(multitool.unavailable);
    const crossModule = tempProject({
      'package.json': '{ "type": "module" }\n',
      'mailer.js': `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport const deliver = (message) => t.sendMail(message);\n`,
      'job.js': `import { deliver } from './mailer.js';\nexport async function announce(users) {\n  const message = {\n    to: users.map((u) => u.email),\n  };\n  await deliver(message);\n}\n`,
      'bad.js': 'const = ;\n',
      'quiet.js': `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\n// eslint-disable-next-line mail/no-exposed-recipients -- one internal list\nexport const all = (users) => t.sendMail({ to: users.map((u) => u.email) });\n`,
    }, 'mail-sarif-cross-module-');
    onExit.push(crossModule);
    const logs = {
      examples: mailLint(root, 'examples'),
      cases: mailLint(path.join(root, 'tests/cases'), '.'),
      typed: mailLint(path.join(root, 'tests/fixtures/typed-project'), '--type-check', 'src'),
      'cross-module': mailLint(crossModule, '.'),
    };
    const schema = sarifValidator();
    for (const [name, log] of Object.entries(logs)) {
      expect(schema(log), `${name}: ${JSON.stringify(schema.errors)}`).toBe(true);
      expect(log.runs[0]!.results!.length, name).toBeGreaterThan(0);
    }
    expect(logs['cross-module'].runs[0]!.results!.some((r) => r.suppressions?.length)).toBe(true);
    expect(logs['cross-module'].runs[0]!.invocations![0]!.toolExecutionNotifications).toHaveLength(1);
    expect(validate(logs)).toEqual([]);
  }, 240_000);

  it('passes the log of ESLint itself with the formatter', (context) => {
    if ('unavailable' in multitool) return context.skip(multitool.unavailable);
    const eslint = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--config', path.join(root, 'tests/fixtures/eslint-config/eslint.config.js'), '-f', './dist/formatters/sarif.js', 'examples'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(validate({ eslint: JSON.parse(eslint.stdout) as Sarif.Log })).toEqual([]);
  }, 120_000);
});
