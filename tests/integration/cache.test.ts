// `eslint --cache`: ESLint keys the cache on the config, which it can only serialise because the
// plugin has `meta.name` and `meta.version`. And the documented limit: a cached file is not
// re-linted when only a module it imports changes, so type-based findings can go stale.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FINDINGS, findings, lint, root, short } from './support.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mail-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--cache', () => {
  it('a second, cached run gives the same results as the first', async () => {
    const cacheLocation = path.join(scratch, 'examples.eslintcache');
    const options = { cache: true, cacheLocation, cacheStrategy: 'content' as const };
    const first = await lint(['examples'], options);
    expect(findings(first).map(short)).toEqual(EXAMPLE_FINDINGS);
    // The cache holds every linted file with its findings...
    const cache = readFileSync(cacheLocation, 'utf8');
    for (const result of first) expect(cache).toContain(result.filePath);
    expect(cache).toContain('mail/no-unbatched-send');
    // ...and the second run reads them back unchanged.
    const second = await lint(['examples'], options);
    expect(second).toEqual(first);
  }, 60_000);

  it('goes stale for type-based findings when only an imported module changes (documented limit)', async () => {
    // A copy of the typed fixture, with the repository's node_modules for the SDK types.
    const project = path.join(scratch, 'typed-project');
    cpSync(path.join(root, 'tests/fixtures/typed-project'), project, { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    writeFileSync(
      path.join(project, 'eslint.config.js'),
      `import mail from ${JSON.stringify(pathToFileURL(path.join(root, 'dist/index.js')).href)};
       import tseslint from 'typescript-eslint';
       export default [
         ...mail.configs['recommended-type-checked'],
         { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser,
           parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
       ];`,
    );
    const cacheLocation = path.join(project, '.eslintcache');
    const run = async (cache: boolean) => {
      const eslint = new ESLint({ cwd: project, cache, cacheLocation, cacheStrategy: 'content' });
      return findings(await eslint.lintFiles(['src']), project).map(short);
    };
    const pooledSend = 'src/jobs/welcome.ts:22 mail/no-unbatched-send';

    // welcome.ts sends once per customer on mailer.ts's `pooled` transport: pooled and
    // rate-limited, so not reported.
    const before = await run(true);
    expect(before).toHaveLength(6);
    expect(before).not.toContain(pooledSend);

    // Take the throttling out of mailer.ts only. welcome.ts is unchanged, so the cache answers
    // for it: the new finding is missed.
    const mailer = path.join(project, 'src/mailer.ts');
    const source = readFileSync(mailer, 'utf8');
    expect(source).toContain('pool: true, rateLimit: 10');
    writeFileSync(mailer, source.replace('pool: true, rateLimit: 10', 'pool: false'));
    expect(existsSync(cacheLocation)).toBe(true);
    expect(await run(true)).toEqual(before);

    // Without the cache the finding is there.
    expect(await run(false)).toEqual([...before, pooledSend].sort());
  }, 120_000);
});
