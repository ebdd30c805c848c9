// Shared by the integration tests: they lint through config files and the built package, as a
// user's project does, so `npm run build` must have run (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';

export const root = path.resolve(import.meta.dirname, '../..');

/** recommended, plus @typescript-eslint/parser for TypeScript; imports the plugin by package name. */
export const configFile = path.join(root, 'tests/fixtures/eslint-config/eslint.config.js');

/** What two runs must agree on, one line a finding: place, rule and message. */
export function findings(results: ESLint.LintResult[], base = root): string[] {
  return results
    .flatMap((result) =>
      result.messages.map(
        (m) =>
          `${path.relative(base, result.filePath)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ` +
          `${m.ruleId ?? `FATAL`} ${m.message}`,
      ),
    )
    .sort();
}

/** Lints from the repository root with the fixture config and any other options. */
export async function lint(targets: string[], options: ESLint.Options = {}): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: configFile, ...options });
  return eslint.lintFiles(targets);
}

/** Whether the ESLint in use is at least `wanted` (major.minor.patch). */
export function eslintAtLeast(wanted: string): boolean {
  const [a = 0, b = 0, c = 0] = ESLint.version.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = wanted.split('.').map(Number);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
}

/** The findings of mail-lint's examples with the recommended config (tests/cli.test.ts checks them too). */
export const EXAMPLE_FINDINGS = [
  'examples/src/announcements.ts:25 mail/no-exposed-recipients',
  'examples/src/price-alerts.js:19 mail/no-exposed-recipients',
  'examples/src/renewals.ts:20 mail/no-unbatched-send',
];

/** `file:line rule`, to compare with EXAMPLE_FINDINGS. */
export const short = (finding: string) => finding.replace(/:(\d+):\d+-\S+ (\S+) .*$/s, ':$1 $2');

/**
 * A temporary project outside the repository, as a user's: the given files, and a node_modules
 * whose entries link to the repository's (the SDKs, typescript-eslint, ESLint) plus
 * `eslint-plugin-mail` linking to the built package. `install` names packages to install from the
 * registry first, for real (the project's own node_modules then holds them, and the links fill in
 * the rest); when npm cannot install them (no network), it throws an `InstallUnavailable`.
 * Returns its folder; remove it when done.
 */
export function tempProject(files: Record<string, string>, prefix = 'mail-project-', { install = [] as readonly string[] } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  if (install.length) {
    // Before the links: npm prunes what package.json does not name.
    const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', ...install], { cwd: dir, encoding: 'utf8' });
    if (npm.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new InstallUnavailable(`npm install ${install.join(' ')}: ${(npm.stderr || npm.error?.message || '').trim().split('\n').at(-1)}`);
    }
  }
  linkModules(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules/eslint-plugin-mail'), 'dir');
  return dir;
}

/** The registry could not be reached (or refused the packages): a test that needs them skips. */
export class InstallUnavailable extends Error {}

/** Links each entry of `from` into `to` that `to` lacks; inside a scope (`@types/…`), package by package. */
function linkModules(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry.startsWith('.')) continue;
    const target = path.join(to, entry);
    if (!existsSync(target)) symlinkSync(path.join(from, entry), target, 'dir');
    else if (entry.startsWith('@')) linkModules(path.join(from, entry), target);
  }
}
