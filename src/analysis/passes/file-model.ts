import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleRoot } from '../../sdks/index.js';
import type { Collected } from '../file/collect.js';
import { CallSites } from '../flow/functions.js';
import { ValueFlow } from '../flow/sources.js';
import { ValueResolver } from '../model/clients.js';
import { MessageReader } from '../model/messages.js';
import type { ProjectModules } from '../model/project.js';
import { RecipientClassifier } from '../model/recipients.js';
import type { TypeInfo } from '../model/type-info.js';
import { IterationAnalysis } from './iterations.js';
import type { ExportFacts } from './summary-types.js';

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The linted file's view of the project's own modules, as the passes ask it: the model's
 * questions (clients, builders) and which export of which module a callee or `new` names.
 */
export interface ProjectView extends ProjectModules {
  facts(node: Node, instances?: boolean): { facts: ExportFacts; module: string; label: string; file: string; key: string } | null;
  /** The handler another module registers on the message bus for a dispatched object's fields. */
  dispatched(fields: ReadonlyMap<string, string>): { facts: ExportFacts; module: string; label: string; file: string; key: string } | null;
}

/** What one pass over the file collected: every call and `new`, every member write, and the resolver over them. */
export interface FileFacts {
  readonly resolver: ValueResolver;
  readonly reader: MessageReader;
  readonly callNodes: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[];
  readonly memberWrites: readonly TSESTree.AssignmentExpression[];
}

/**
 * One file, as every mail pass reads it: its scopes and collected nodes, and the models of what
 * its values are (clients, messages, recipient lists, iterations) built once over them. The
 * linted file, another module summarised for it, or a caller of its exports read for it: the same
 * model, so each is read exactly as its own lint reads it.
 */
export class FileModel {
  readonly resolver: ValueResolver;
  readonly classifier: RecipientClassifier;
  readonly reader: MessageReader;
  readonly iterations: IterationAnalysis;
  readonly callSites: CallSites;
  /** What the security pass reads; the node lists through getters, so a shape check alone never walks the file. */
  readonly facts: FileFacts;
  readonly thisWrites: { get(cls: ClassNode): ReadonlyMap<string, TSESTree.Expression[]> | undefined };

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly globalScope: TSESLint.Scope.Scope,
    readonly roots: ReadonlyMap<Node, ModuleRoot>,
    readonly types: TypeInfo | null,
    readonly collected: Collected,
    /** The project's own modules; null when other modules are not read (the shape check alone, a module past the chain limit). */
    readonly links: ProjectView | null,
  ) {
    // The node lists are read through `collected` when used: a shape check alone may never need them.
    this.callSites = new CallSites(globalScope, sourceCode.scopeManager!, () => collected.callNodes);
    this.thisWrites = { get: (cls: ClassNode) => collected.thisWrites.get(cls) };
    const flow = new ValueFlow(globalScope, this.callSites, this.thisWrites);
    this.resolver = new ValueResolver(flow, roots, types, links);
    this.classifier = new RecipientClassifier(flow, types);
    this.reader = new MessageReader(flow, links);
    this.facts = {
      resolver: this.resolver,
      reader: this.reader,
      get callNodes() {
        return collected.callNodes;
      },
      get memberWrites() {
        return collected.memberWrites;
      },
    };
    this.iterations = new IterationAnalysis(this.resolver, this.classifier, this.reader);
  }
}
