// Shared by the integration tests: they lint through config files and the built package, as a
// user's project does, so `npm run build` must have run (`npm test` builds first).
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
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
 * `eslint-plugin-mail` linking to the built package. Returns its folder; remove it when done.
 */
export function tempProject(files: Record<string, string>, prefix = 'mail-project-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (!entry.startsWith('.')) symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry), 'dir');
  }
  symlinkSync(root, path.join(modules, 'eslint-plugin-mail'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
