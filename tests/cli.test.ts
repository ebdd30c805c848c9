import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli.js');

function mailLint(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean }[];
}

describe('mail-lint (built dist/cli.js)', () => {
  it('reports the leaks in examples/ and nothing on the correct versions', () => {
    const { status, stdout } = mailLint('examples', '--format', 'json');
    expect(status).toBe(1);
    const findings = (JSON.parse(stdout) as JsonResult[]).flatMap((r) =>
      r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}`),
    );
    expect(findings.sort()).toEqual([
      'examples/src/announcements.ts:25 mail/no-exposed-recipients',
      'examples/src/price-alerts.js:19 mail/no-exposed-recipients',
      'examples/src/renewals.ts:20 mail/no-unbatched-send',
    ]);
  });

  it('exits 0 on code with no findings', () => {
    const { status, stdout } = mailLint('tests/fixtures/clean');
    expect(status).toBe(0);
    expect(stdout).toBe('');
  });

  it('prints the stylish report by default, naming the rule and the fix', () => {
    const { stdout } = mailLint('examples/src/announcements.ts');
    expect(stdout).toContain('mail/no-exposed-recipients');
    expect(stdout).toContain("nodemailer shows every address in `to` to every recipient");
    expect(stdout).toContain('Put the list in `bcc`');
  });

  it('exits 2 with a message on usage errors', () => {
    const unknownFlag = mailLint('--bogus');
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--bogus'/);
    expect(unknownFlag.stderr).toContain('Usage: mail-lint');

    const missing = mailLint('does-not-exist');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No files matching 'does-not-exist'/);

    const formatter = mailLint('examples', '--format', 'no-such-formatter');
    expect(formatter.status).toBe(2);
    expect(formatter.stderr).toMatch(/no formatter named "no-such-formatter"/);
  });

  it('prints help and version', () => {
    expect(mailLint('--help').stdout).toMatch(/^Usage: mail-lint/);
    expect(mailLint('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
