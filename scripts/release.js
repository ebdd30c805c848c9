// The release steps, run by .github/workflows/release.yml (and by hand for `changelog`).
// Plain JavaScript: it runs in a fresh checkout before any build.
//
//   node scripts/release.js changelog <version> [date]   CHANGELOG.md: the Unreleased section becomes
//                                                        `## [<version>] - <date>`, under a new empty
//                                                        Unreleased (a maintainer runs this, with
//                                                        `npm version <version> --no-git-tag-version`)
//   node scripts/release.js check <version>              package.json and CHANGELOG.md name the
//                                                        version, and its tag does not exist yet
//   node scripts/release.js notes <version>              prints the version's CHANGELOG section
//   node scripts/release.js tag <version>                commits the built dist/ on top of HEAD
//                                                        (detached), tags it v<version> and moves
//                                                        v<major> to it; the workflow pushes them
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const changelogFile = path.join(root, 'CHANGELOG.md');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

class ReleaseError extends Error {}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

function major(version) {
  const match = SEMVER.exec(version ?? '');
  if (!match) throw new ReleaseError(`"${version}" is not a version (major.minor.patch)`);
  return match[1];
}

/** The changelog as its preamble and its `## ` sections, each a heading and the text under it. */
function sections(text) {
  const parts = text.split(/^(?=## )/m);
  return {
    preamble: parts[0],
    sections: parts.slice(1).map((part) => {
      const end = part.indexOf('\n');
      return { heading: part.slice(0, end), body: part.slice(end + 1) };
    }),
  };
}

/** `### Added` and the like: merges the subsections of `extra` into those of `body`, by name. */
function mergeBodies(body, extra) {
  const split = (text) => {
    const [intro, ...rest] = text.split(/^(?=### )/m);
    return { intro: intro.trim(), subsections: rest.map((s) => ({ name: s.slice(0, s.indexOf('\n')), text: s.slice(s.indexOf('\n') + 1).trim() })) };
  };
  const a = split(body);
  const b = split(extra);
  for (const sub of b.subsections) {
    const same = a.subsections.find((s) => s.name === sub.name);
    if (same) same.text = `${same.text}\n${sub.text}`;
    else a.subsections.push(sub);
  }
  const intro = [a.intro, b.intro].filter(Boolean).join('\n\n');
  return [intro, ...a.subsections.map((s) => `${s.name}\n\n${s.text}`)].filter(Boolean).join('\n\n') + '\n\n';
}

function changelog(version, date = new Date().toISOString().slice(0, 10)) {
  major(version);
  const { preamble, sections: all } = sections(readFileSync(changelogFile, 'utf8'));
  const unreleased = all.find((s) => s.heading.trim() === '## Unreleased');
  if (!unreleased || !unreleased.body.trim()) throw new ReleaseError('CHANGELOG.md has no Unreleased section with changes');
  // A section written ahead for this version (`## [0.1.0] - Unreleased`) joins it.
  const ahead = all.find((s) => s.heading.startsWith(`## [${version}]`));
  const body = ahead ? mergeBodies(unreleased.body, ahead.body) : unreleased.body;
  const rest = all.filter((s) => s !== unreleased && s !== ahead).map((s) => `${s.heading}\n${s.body}`);
  const text = `${preamble}## Unreleased\n\n## [${version}] - ${date}\n\n${body.trim()}\n\n${rest.join('')}`;
  // Link definitions (`[0.1.0]: https://…/releases/tag/v0.1.0`) go at the end, one for this version too.
  const LINK = /^\[[^\]]+\]: .*$/gm;
  const links = new Set(text.match(LINK) ?? []);
  const repository = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).homepage.replace(/#.*$/, '');
  if (![...links].some((l) => l.startsWith(`[${version}]: `))) links.add(`[${version}]: ${repository}/releases/tag/v${version}`);
  writeFileSync(changelogFile, `${text.replace(LINK, '').replace(/\n{3,}/g, '\n\n').trim()}\n\n${[...links].join('\n')}\n`);
}

function notes(version) {
  const found = sections(readFileSync(changelogFile, 'utf8')).sections.find((s) => s.heading.startsWith(`## [${version}] - `));
  if (!found || !found.body.trim()) throw new ReleaseError(`CHANGELOG.md has no section "## [${version}] - <date>"`);
  if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(found.heading.trim())) {
    throw new ReleaseError(`CHANGELOG.md: "${found.heading.trim()}" has no release date (node scripts/release.js changelog ${version})`);
  }
  return found.body.trim() + '\n';
}

function check(version) {
  major(version);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) throw new ReleaseError(`package.json says ${pkg.version}, not ${version} (npm version ${version} --no-git-tag-version)`);
  notes(version);
  if (git('tag', '--list', `v${version}`)) throw new ReleaseError(`the tag v${version} exists already`);
}

function tag(version) {
  check(version);
  if (!existsSync(path.join(root, 'dist/cli.js'))) throw new ReleaseError('dist/ is not built (npm run build)');
  const source = git('rev-parse', 'HEAD');
  if (git('status', '--porcelain', '--untracked-files=no')) throw new ReleaseError('the working tree has changes; a release is built from a commit');
  // dist/ is ignored on every branch; only release tags carry it, marked for scripts/prepare.js.
  writeFileSync(path.join(root, 'dist/.prebuilt'), `${JSON.stringify({ version, source }, null, 2)}\n`);
  git('checkout', '--quiet', '--detach');
  git('add', '--force', 'dist');
  git('commit', '--quiet', '--no-verify', '-m', `Release v${version}\n\ndist/ built from ${source}, so that the Action and pre-commit install it without building.`);
  git('tag', '--annotate', `v${version}`, '-m', `v${version}`);
  // The Action's major tag (`uses: …@v1`) follows the latest release of that major version.
  git('tag', '--force', `v${major(version)}`, `v${version}^{commit}`);
  process.stdout.write(`v${version} and v${major(version)} at ${git('rev-parse', 'HEAD')} (dist/ built from ${source})\n`);
}

const [command, version, date] = process.argv.slice(2);
try {
  if (command === 'changelog') changelog(version, date);
  else if (command === 'check') check(version);
  else if (command === 'notes') process.stdout.write(notes(version));
  else if (command === 'tag') tag(version);
  else throw new ReleaseError('usage: node scripts/release.js changelog|check|notes|tag <version>');
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  process.stderr.write(`release: ${error.message}\n`);
  process.exitCode = 1;
}
