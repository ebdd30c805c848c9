/**
 * SARIF 2.1.0 for GitHub code scanning. @microsoft/eslint-formatter-sarif maps only
 * `docs.url`, `docs.description` and `docs.category`; code scanning files a finding as a
 * security alert from `properties.tags` (`security`, `external/cwe/cwe-NNN`),
 * `properties["security-severity"]` and `properties.precision`, which this formatter fills in
 * from the rules' metadata.
 *
 * Usable on its own as an ESLint formatter too:
 * `eslint --format ./node_modules/eslint-plugin-mail/dist/formatters/sarif.js`, or imported as
 * `eslint-plugin-mail/sarif` (ESLint's `--format` reads a name with a slash as a file path, so the
 * subpath serves the Node API, not the command line).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter, Rule } from 'eslint';
import type * as Sarif from 'sarif';
import { repositoryRoot } from '../cli/paths.js';
import plugin from '../index.js';
import { REPO_URL } from '../util/create-rule.js';
import type { MailRuleDocs } from '../util/create-rule.js';

const SRCROOT = '%SRCROOT%';

/**
 * What GitHub ranks an alert by (critical ≥ 9, high ≥ 7, medium ≥ 4), one score a rule, each
 * reasoned like a CVSS base score for the worst case the rule reports.
 */
const SECURITY_SEVERITY: Record<string, string> = {
  // Every recipient of one message receives every other recipient's address: personal data
  // disclosed to outsiders over the network with no attacker effort (C:H, no I/A impact).
  'no-exposed-recipients': '7.5',
  // Anyone who can read the source can send mail as the organisation's verified domain (phishing
  // that passes SPF/DKIM) and read its mail logs; below CodeQL's generic 9.8, as it is no login to the app.
  'no-hardcoded-credentials': '8.8',
  // Credentials and message contents readable or alterable by someone on the network path: needs
  // that position (attack complexity high), like CodeQL's certificate-validation query at 7.5.
  'no-insecure-transport': '7.4',
  // Provider rate limits, suspension and half-sent campaigns: availability of one's own mail, no
  // data exposed and rarely attacker-triggered.
  'no-unbatched-send': '4.3',
  // A request the provider rejects after earlier chunks went out: half-sent mail, no data exposed.
  'respect-provider-limits': '4.3',
};

/**
 * How often a finding is a true positive. Literal settings and literal secrets in a proven SDK
 * call leave no doubt; the recipient and loop rules infer "a data-driven list" from the code.
 */
const PRECISION: Record<string, 'very-high' | 'high'> = {
  'no-exposed-recipients': 'high',
  'no-hardcoded-credentials': 'very-high',
  'no-insecure-transport': 'very-high',
  'no-unbatched-send': 'high',
  // A literal or constant compared with a documented number.
  'respect-provider-limits': 'very-high',
};

export interface SarifOptions {
  /** Paths in the log are relative to this folder, the repository root in CI. */
  root: string;
  /** Metadata of rules outside the plugin that appear in the results (ESLint's `rulesMeta`). */
  rulesMeta?: Record<string, Rule.RuleMetaData>;
}

type RuleMeta = { docs?: Partial<MailRuleDocs> & { url?: string } };

/** The "Why" section of a rule's documentation, shown as the alert's help on GitHub. */
function why(rule: string): string | undefined {
  try {
    const doc = readFileSync(new URL(`../../docs/rules/${rule}.md`, import.meta.url), 'utf8');
    return /^## Why\n([\s\S]*?)(?=^## )/m.exec(doc)?.[1]?.replace(/^<!--.*-->\n/gm, '').trim();
  } catch {
    return undefined;
  }
}

function descriptor(id: string, meta: RuleMeta | undefined): Sarif.ReportingDescriptor {
  const name = id.startsWith('mail/') ? id.slice('mail/'.length) : id;
  const docs = meta?.docs;
  const description = docs?.description ?? id;
  const url = docs?.url;
  const cwes = (docs?.cwe ?? []).map((cwe) => `external/cwe/${cwe.toLowerCase()}`);
  const reason = id.startsWith('mail/') ? why(name) : undefined;
  const more = url ? `\n\nDocumentation: ${url}` : '';
  const severity = id.startsWith('mail/') ? SECURITY_SEVERITY[name] : undefined;
  const precision = id.startsWith('mail/') ? PRECISION[name] : undefined;
  return {
    id,
    name,
    shortDescription: { text: description },
    fullDescription: { text: description },
    ...(url ? { helpUri: url } : {}),
    help: {
      text: `${description}.${more}`,
      markdown: `**${description}**\n\n${reason ? `${reason}\n\n` : ''}${url ? `[Documentation of \`${id}\`](${url})` : ''}`.trim(),
    },
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: [...(cwes.length || severity ? ['security'] : []), ...cwes],
      ...(precision ? { precision } : {}),
      ...(severity ? { 'security-severity': severity } : {}),
    },
  };
}

/** A URI relative to the root (with `%SRCROOT%`), or an absolute file URI for a file outside it. */
function artifactLocation(file: string, root: string): Sarif.ArtifactLocation {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(message: Linter.LintMessage): Sarif.Region {
  // ESLint's lines and columns are 1-based and its endColumn points past the last character,
  // as SARIF's do; JavaScript strings count UTF-16 code units (the run's columnKind).
  return {
    startLine: Math.max(message.line, 1),
    startColumn: Math.max(message.column, 1),
    ...(message.endLine ? { endLine: message.endLine } : {}),
    ...(message.endColumn ? { endColumn: Math.max(message.endColumn, 1) } : {}),
  };
}

const level = (severity: Linter.Severity): Sarif.Result.level => (severity === 2 ? 'error' : 'warning');

/**
 * A file the parser could not read. ESLint words it `Parsing error: …` and marks it `fatal`, as it
 * marks a malformed inline config comment in a file it did lint; mail-lint keeps the words and
 * makes either a warning, shown and counted as one.
 */
export const isParseError = (message: Linter.LintMessage): boolean =>
  message.ruleId === null && message.message.startsWith('Parsing error: ');

/**
 * The key of this tool's fingerprint in `partialFingerprints`. GitHub computes its own
 * `primaryLocationLineHash` at upload and warns when a log carries a different one, so this is a
 * key of our own, versioned as SARIF suggests (a new way of computing it gets a new key).
 */
export const FINGERPRINT_KEY = 'mailLint/v1';

/** ESLint leaves `source` out of a result in some cases (a fixed file): then the file on disk. */
function readSource(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

/** The source text of a message's range: the reported node. */
function reportedText(source: string, lineStarts: readonly number[], message: Linter.LintMessage): string {
  const offset = (line: number, column: number) => (lineStarts[line - 1] ?? source.length) + column - 1;
  const start = offset(message.line, message.column);
  const end = message.endLine ? offset(message.endLine, message.endColumn ?? message.column) : start;
  return source.slice(start, Math.max(start, end));
}

/**
 * A fingerprint that follows a finding across commits when lines move: the rule, the file and a
 * hash of the reported node's source with its whitespace normalised (reindenting or rewrapping
 * does not change it, a different list does), and the occurrence of that same text in the file
 * (`:2` for the second), so two identical findings in one file stay two alerts.
 */
function fingerprinter(filePath: string, source: string | undefined) {
  const text = source ?? readSource(filePath);
  if (text === undefined) return () => undefined;
  const lineStarts = [0, ...[...text.matchAll(/\r\n|\r|\n|\u2028|\u2029/g)].map((m) => m.index + m[0].length)];
  const seen = new Map<string, number>();
  return (message: Linter.LintMessage, ruleId: string, uri: string): Record<string, string> => {
    // Whitespace next to punctuation goes, other runs become one space: `users.map(\n  (u) => u.email\n)`
    // and `users.map((u) => u.email)` are the same code.
    const normalised = reportedText(text, lineStarts, message).replace(/\s*([^\w$\s])\s*/g, '$1').replace(/\s+/g, ' ').trim();
    const hash = createHash('sha256').update(`${ruleId}\0${uri}\0${normalised}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { [FINGERPRINT_KEY]: `${hash}:${occurrence}` };
  };
}

/** The SARIF log of a lint run: mail rules' findings as results, parse errors as notifications. */
export function toSarifLog(results: ESLint.LintResult[], options: SarifOptions): Sarif.Log {
  const root = path.resolve(options.root);
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (id: string, meta: RuleMeta | undefined) => {
    ruleIndex.set(id, rules.push(descriptor(id, meta)) - 1);
  };
  // Every mail rule, found or not, so the alerts' help stays the same from run to run.
  for (const [name, rule] of Object.entries(plugin.rules)) addRule(`mail/${name}`, rule.meta as RuleMeta);

  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const result of results) {
    const artifact = artifactLocation(result.filePath, root);
    const location = (message: Linter.LintMessage): Sarif.Location => ({
      physicalLocation: { artifactLocation: artifact, region: region(message) },
    });
    const fingerprint = fingerprinter(result.filePath, result.source);
    const toResult = (message: Linter.LintMessage, ruleId: string): Sarif.Result => {
      if (!ruleIndex.has(ruleId)) addRule(ruleId, options.rulesMeta?.[ruleId] as RuleMeta | undefined);
      const partialFingerprints = fingerprint(message, ruleId, artifact.uri!);
      return {
        ruleId,
        ruleIndex: ruleIndex.get(ruleId)!,
        level: level(message.severity),
        message: { text: message.message },
        locations: [location(message)],
        ...(partialFingerprints ? { partialFingerprints } : {}),
      };
    };
    // In source order, so that the occurrence numbers do not depend on which findings are suppressed.
    const inOrder = [...result.messages, ...(result.suppressedMessages ?? [])].sort((a, b) => a.line - b.line || a.column - b.column);
    const converted = new Map<Linter.LintMessage, Sarif.Result>();
    for (const message of inOrder) if (message.ruleId && !message.fatal) converted.set(message, toResult(message, message.ruleId));
    for (const message of result.messages) {
      if (message.ruleId && !message.fatal) {
        sarifResults.push(converted.get(message)!);
      } else {
        // Parse errors and ESLint's own notices: the tool could not look, which is no finding.
        notifications.push({
          level: level(message.severity),
          message: { text: message.message },
          locations: [location(message)],
          ...(isParseError(message) ? { descriptor: { id: 'parse-error' } } : {}),
        });
      }
    }
    for (const message of result.suppressedMessages ?? []) {
      if (!message.ruleId) continue;
      sarifResults.push({
        ...converted.get(message)!,
        suppressions: message.suppressions.map((s) => ({
          kind: 'inSource' as const,
          ...(s.justification ? { justification: s.justification } : {}),
        })),
      });
    }
  }

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: plugin.meta.name,
            version: plugin.meta.version,
            semanticVersion: plugin.meta.version,
            informationUri: REPO_URL,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
}

/** ESLint's formatter interface, for `eslint --format <path to this file>`. */
export default function formatSarif(results: ESLint.LintResult[], context?: ESLint.LintResultData): string {
  return JSON.stringify(
    toSarifLog(results, { root: repositoryRoot(context?.cwd ?? process.cwd()), rulesMeta: context?.rulesMeta }),
    null,
    2,
  );
}
