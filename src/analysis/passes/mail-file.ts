import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleRoot } from '../../sdks/index.js';
import type { Collected } from '../file/collect.js';
import { unwrap } from '../flow/ast.js';
import type { TypeInfo } from '../model/type-info.js';
import { exportFacts, exportKeysOf } from './exports.js';
import { Exposures, type WrapperTarget } from './exposures.js';
import { type FileFacts, FileModel, type ProjectView } from './file-model.js';
import type { IterationAnalysis } from './iterations.js';
import { SendCalls } from './send-calls.js';
import { messageObjects } from './shapes.js';
import { passesOne } from './loop-callers.js';
import type { ExportFacts, LoopUse } from './summary-types.js';
import type { Exposure, MailCall } from './types.js';

/**
 * The mail passes of one file, run in order over one model of it (file-model.ts): the sends and
 * the messages they take, member writes to SDK message objects, calls of the project's modules'
 * exports, typed messages, and the file's own functions that send. The same for the linted file,
 * a module summarised for it (plus its export facts) and a caller of its exports read for it.
 */

type Node = TSESTree.Node;

export interface MailAnalysis {
  /** Every send in the file: SDK calls, and calls of in-file functions that send. */
  readonly calls: readonly MailCall[];
  readonly exposures: readonly Exposure[];
  /** Whether a call runs once per element of a collection, and how (see iterations.ts). */
  readonly iterations: IterationAnalysis | null;
  /** The file's resolver and the nodes it was built from, for analyses beyond sends (security.ts). Absent on the fast exit. */
  readonly file?: FileFacts;
}

export class MailFile {
  readonly model: FileModel;
  readonly exposures: Exposures;
  readonly sends: SendCalls;
  /** What this file passes to the project's exports that loop over a parameter with their sends. */
  readonly loopUses: LoopUse[] = [];
  private ran = false;
  private shapesChecked = false;

  constructor(
    sourceCode: Readonly<TSESLint.SourceCode>,
    globalScope: TSESLint.Scope.Scope,
    roots: ReadonlyMap<Node, ModuleRoot>,
    types: TypeInfo | null,
    collected: Collected,
    links: ProjectView | null,
  ) {
    this.model = new FileModel(sourceCode, globalScope, roots, types, collected, links);
    this.exposures = new Exposures(this.model);
    this.sends = new SendCalls(this.model, this.exposures);
  }

  /** How many imports or requires of mail modules the file has: a module with none sends nothing itself. */
  get sdkImports(): number {
    return this.model.roots.size;
  }

  /** The sends of the file, what their messages expose, and messages typed as an SDK's (with types). */
  run(): MailAnalysis {
    const { collected, links, types } = this.model;
    for (const node of collected.callNodes) this.sends.mailCall(node);
    for (const assignment of collected.memberWrites) this.exposures.messageFieldWrite(assignment);
    if (links) for (const node of collected.callNodes) this.importedCall(links, node);
    if (types) messageObjects(this.model, this.exposures, false, false);
    this.sends.senderWrappers();
    this.ran = true;
    return this.result();
  }

  /** Adds the object literals shaped like a message with no send in view; after `run`, if the file has sends. */
  addShapes(): MailAnalysis {
    if (!this.shapesChecked) {
      this.shapesChecked = true;
      messageObjects(this.model, this.exposures, true, this.ran);
    }
    return this.result();
  }

  /** What this module's exports do with mail, for its summary; after `run` when it sends. */
  exportFacts(builds: boolean): Map<string, ExportFacts> {
    return exportFacts(this.model, this.sends, this.exposures, builds);
  }

  /** The exports of this file that put a parameter in a visible field this file writes: where callers elsewhere are reported. */
  callerTargets(): { readonly key: string; readonly target: WrapperTarget }[] {
    const targets = this.exposures.forwarded.filter((t) => t.write);
    if (targets.length === 0) return [];
    const keys = exportKeysOf(this.model);
    return targets.flatMap((target) => keys.get(target.param.fn)?.map((key) => ({ key, target })) ?? []);
  }

  result(): MailAnalysis {
    return { calls: this.sends.calls, exposures: [...this.exposures.exposures], iterations: this.model.iterations, file: this.model.facts };
  }

  /**
   * A call of an export of one of the project's modules, as its summary describes it: it puts an
   * argument in a visible field (the exposures pass), or it sends (a send, for the loop checks).
   */
  private importedCall(links: ProjectView, node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (this.sends.isCall(node)) return; // an SDK call already, through an exported client
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const found = links.facts(node.type === AST_NODE_TYPES.NewExpression ? node : callee);
    if (found) {
      this.exposures.importedForwards(node, found);
      if (found.facts.sender) this.sends.importedSender(node, found.facts.sender, found.label);
      for (const at of found.facts.sender?.loops ?? []) {
        this.loopUses.push({ module: found.file, key: found.key, index: at.index, path: at.path, single: passesOne(this.model, node, at) });
      }
      return;
    }
    // `seneca.act({ cmd: 'send_email', … })` where the handler of that pattern is a project module's
    // export that sends (`seneca.add({ cmd: 'send_email' }, require('./send'))`): a send.
    const { dispatch } = this.model.callSites;
    const handlers = dispatch.handlersOf(node);
    for (const { handler, label } of handlers) {
      const registered = links.facts(handler);
      if (registered?.facts.sender) {
        this.sends.importedSender(node, registered.facts.sender, label);
        return;
      }
    }
    // No handler in the file: one another module of the process registers on the same bus.
    const fields = handlers.length === 0 ? dispatch.fieldsOf(node) : null;
    const registered = fields && links.dispatched(fields);
    if (registered?.facts.sender) {
      this.sends.importedSender(node, registered.facts.sender, registered.label);
      return;
    }
    // `workplaces.map(mailer.sendEmail)`: an export that sends, passed by name, sends where the call runs it.
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    for (const argument of node.arguments) {
      if (argument.type !== AST_NODE_TYPES.Identifier && argument.type !== AST_NODE_TYPES.MemberExpression) continue;
      const passed = links.facts(argument);
      if (passed?.facts.sender) {
        this.sends.importedSender(node, passed.facts.sender, passed.label, argument);
        return;
      }
    }
  }
}
