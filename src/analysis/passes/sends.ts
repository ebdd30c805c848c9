import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { sdks } from '../../sdks/index.js';
import { type Collected, collectedOf, objectsWithShapeKey } from '../file/collect.js';
import {
  type AnalysisOptions,
  mailRuleListeners as fileListeners,
  perFile,
  preludeOf,
  projectViewOf,
  sendsIn,
  shapeHintOf,
  stateOf,
  typedHintOf,
} from '../file/state.js';
import { typeServices } from '../file/types.js';
import { TypeInfo } from '../model/type-info.js';
import { type MailAnalysis, MailFile } from './mail-file.js';
import { callersOf, loopCallersOf } from './callers.js';
import { projectLinksOf, projectMailProbe } from './summaries.js';
import { judgeLoopsByCallers } from './loop-callers.js';
import { exportKeysOf } from './exports.js';
import { offerLintedTree } from '../project/modules.js';

/**
 * The mail analysis of the file being linted, shared by every rule: its sends and what they
 * expose (mail-file.ts), with the project's own modules in view (summaries.ts) and, at the field
 * where one of its exports puts a parameter, the callers elsewhere that fill it with lists.
 */

export type { AnalysisOptions } from '../file/state.js';
export { perFile } from '../file/state.js';
export type { FileFacts } from './file-model.js';
export type { MailAnalysis } from './mail-file.js';
export type { Exposure, MailCall } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A rule's listeners: none at all for a file the fast exit rules out (no SDK import, no provider
 * host, no import of a project module that may lead to mail, …), so ESLint calls nothing of the rule for it.
 */
export function mailRuleListeners(context: Context, options: AnalysisOptions, exit: () => void): TSESLint.RuleListener {
  offerLinted(context);
  return fileListeners(context, options, exit, projectMailProbe);
}

/** The linted file's tree, offered once per file to the project layer, for another lint that asks for this module. */
function offerLinted(context: Context): void {
  const { sourceCode } = context;
  if (sourceCode.ast === offered || !sourceCode.scopeManager || !path.isAbsolute(context.filename)) return;
  offered = sourceCode.ast;
  const parser = (context.languageOptions as { parser?: { meta?: { name?: string }; name?: string } } | undefined)?.parser;
  offerLintedTree({
    file: context.filename,
    ast: sourceCode.ast,
    scopeManager: sourceCode.scopeManager,
    visitorKeys: sourceCode.visitorKeys,
    text: sourceCode.text,
    parser: parser?.meta?.name ?? parser?.name,
  });
}
let offered: object | null = null;

/** The mail analysis of the file being linted, computed once per set of options and shared by every rule. */
export function getMailAnalysis(context: Context, options: AnalysisOptions = {}): MailAnalysis {
  const typed = options.typed === true;
  const key = ANALYSIS_KEYS[(options.shapes ? 2 : 0) + (typed ? 1 : 0)]!;
  return perFile(context, key, () => (options.shapes ? analyseShapes(context, typed) : analyse(context, typed)));
}

/** Per-file cache keys: the analyses by `shapes` and `typed`, and the analysis objects behind them by `typed`. */
const ANALYSIS_KEYS = [{}, {}, {}, {}] as const;
const INSTANCE_KEYS = [{}, {}] as const;
const EMPTY_ANALYSIS: MailAnalysis = { calls: [], exposures: [], iterations: null };

/** The sends of the file and what they expose; typed or not. */
function analyse(context: Context, typed: boolean): MailAnalysis {
  const state = stateOf(context);
  const prelude = preludeOf(context, state);
  if (!prelude) return EMPTY_ANALYSIS;
  const types = typed ? typeInfoOf(context) : null;
  if (!sendsIn(prelude) && !(types !== null && typedHintOf(context, prelude))) return EMPTY_ANALYSIS;
  // Asked only of a file that imports a project module that may lead to mail.
  const links = path.isAbsolute(context.filename) && projectViewOf(context, prelude, projectMailProbe) ? projectLinksOf(context, prelude.globalScope) : null;
  const file = new MailFile(context.sourceCode, prelude.globalScope, prelude.roots, types, collectedOf(context, state), links);
  state.results.set(INSTANCE_KEYS[typed ? 1 : 0], file);
  file.run();
  callersElsewhere(context, file);
  judgeLoopsByCallers(file.model, file.sends.calls, exportKeysOf(file.model), (keys) => loopCallersOf(context, keys));
  return file.result();
}

/**
 * An export of this file that puts a parameter in a visible field, called from other modules of
 * the project with data-driven lists: reported here too, at the field, where one change fixes
 * every caller (chapter's `to: this.emailList`). The callers are read as a lint of each reads
 * them, so this report exists exactly when theirs do.
 */
function callersElsewhere(context: Context, file: MailFile): void {
  const keyed = file.callerTargets();
  if (keyed.length === 0) return;
  const uses = callersOf(context, [...new Set(keyed.map(({ key }) => key))]);
  for (const { key, target } of keyed) {
    const matching = uses.filter((u) => u.key === key && u.fieldName === target.fieldName);
    const first = matching[0];
    if (!first) continue;
    const where = `${path.relative(context.cwd, first.file).split(path.sep).join('/')}:${first.line}`;
    file.exposures.exposeCallers(target, { first: where, more: matching.length - 1 });
  }
}

/** The same, plus object literals shaped like a message with no send in view (the `messageShapes` option). */
function analyseShapes(context: Context, typed: boolean): MailAnalysis {
  const base = getMailAnalysis(context, { typed });
  const state = stateOf(context);
  const prelude = preludeOf(context, state);
  if (!prelude) return base;
  const { text } = context.sourceCode;
  if (!shapeHintOf(prelude, text)) return base;
  let file = state.results.get(INSTANCE_KEYS[typed ? 1 : 0]) as MailFile | undefined;
  if (!file) {
    // No sends: only the literals with a `to`/`cc` key matter, found from the tokens; the rest of the
    // collection (calls, for wrappers) is walked for only if a literal forwards a parameter.
    const objects = objectsWithShapeKey(context.sourceCode) ?? collectedOf(context, state).objects;
    if (objects.length === 0) return base;
    const collected: Collected = {
      objects,
      get callNodes() {
        return collectedOf(context, state).callNodes;
      },
      get memberWrites() {
        return collectedOf(context, state).memberWrites;
      },
      get thisWrites() {
        return collectedOf(context, state).thisWrites;
      },
    };
    file = new MailFile(context.sourceCode, prelude.globalScope, prelude.roots, typed ? typeInfoOf(context) : null, collected, null);
  }
  return file.addShapes();
}

function typeInfoOf(context: Context): TypeInfo | null {
  const services = typeServices(context);
  return services ? new TypeInfo(services, sdks) : null;
}
