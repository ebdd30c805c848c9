import type { MessageSpec, RecipientField, SdkSpec } from '../../sdks/index.js';
import type { ReturnedField } from '../model/project.js';

/**
 * What a module summary says: the facts other files read of one of the project's own modules
 * (passes/exports.ts makes them, passes/summaries.ts keeps them).
 */

/** Where a project module's exported function puts its parameters: `index.path` reaches a visible field. */
export interface ForwardedParameter {
  readonly index: number;
  readonly path: readonly string[];
  readonly sdk: SdkSpec;
  readonly message: MessageSpec;
  readonly field: RecipientField;
  readonly fieldName: string;
  readonly accountDecides: boolean;
}

/** An export that sends mail when called: a call of it is a send, for the loop checks. */
export interface ExportedSender {
  readonly sdk: SdkSpec;
  /** One call reaches many recipients (a batch API, or a loop over its own sends). */
  readonly batch: boolean;
  readonly throttled: boolean;
  readonly queued: boolean;
  /** Parameters whose elements its own loop sends to one by one: what its callers pass there decides the loop. */
  readonly loops?: readonly ParameterAt[];
}

/** A parameter's position, and the path inside it (`{ to }` → `['to']`). */
export interface ParameterAt {
  readonly index: number;
  readonly path: readonly string[];
}

/** An export that is an SDK client, or an object that hands some of its methods' arguments to one. */
export interface ExportedClient {
  readonly sdk: SdkSpec;
  readonly kind: string;
  readonly throttled: boolean;
  readonly only?: ReadonlySet<string>;
}

/**
 * What one export of a project module does, by key: `name` for a function or value, `name.method`
 * for a method of an exported object (or of an exported instance), `Class#new` for a class's
 * constructor and `Class#method` for the methods of its instances.
 */
export interface ExportFacts {
  forwards?: ForwardedParameter[];
  sender?: ExportedSender;
  /** A message builder: where each field of the message it returns comes from, by field path. */
  returns?: ReadonlyMap<string, ReturnedField>;
  client?: ExportedClient;
}

/** The key prefix of a handler registered under a pattern on a message bus (`act:cmd="send",role="mailer"`), reached by dispatch, not by import. */
export const DISPATCH_KEY = 'act:';

/** `export { send } from './mailer'`, `export * from './mailer'` (name `*`): followed at lookup. */
export interface Reexport {
  readonly name: string;
  readonly source: string;
  readonly imported: string;
}

/** A list a file passes to an export of a project module, which puts it in a visible field. */
export interface ModuleUse {
  /** The module's absolute path and the export's key in its summary. */
  readonly module: string;
  readonly key: string;
  readonly fieldName: string;
  readonly line: number;
}

/** What a file passes to an export of a project module that loops over that parameter with its sends. */
export interface LoopUse extends ParameterAt {
  readonly module: string;
  readonly key: string;
  /** One element at most (`deliver([message])`, `notify(user)`): the loop runs once. */
  readonly single: boolean;
}

/** What a caller of the project's modules' exports passes them, read for the modules it calls. */
export interface CallerFacts {
  readonly uses: readonly ModuleUse[];
  readonly loops: readonly LoopUse[];
}
