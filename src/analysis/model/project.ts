import type { TSESTree } from '@typescript-eslint/utils';
import type { PathSegment } from '../../sdks/index.js';
import type { KindRef } from './kinds.js';

/**
 * What the project's own modules say about a value of the linted file, answered from their
 * summaries (passes/sends.ts makes them). The model asks; it never reads another file itself.
 */
export interface ProjectModules {
  /**
   * An SDK client that one of the project's modules exports (`export const resend = new Resend(key)`),
   * or an object of its whose methods hand their arguments to one (`emailClient.send(...args)`).
   */
  clientOf(node: TSESTree.Identifier | TSESTree.MemberExpression): KindRef | null;
  /**
   * A call of a message builder exported by one of the project's modules: where the field at
   * `path` of the message it returns comes from. Null when the call is no such builder.
   */
  returnedField(call: TSESTree.CallExpression, path: readonly PathSegment[]): (ReturnedField & { readonly name: string; readonly module: string }) | null;
}

export interface ReturnedField {
  /** The builder's parameters the field is taken from: the argument at `index`, at `path` inside it. */
  readonly params: readonly { readonly index: number; readonly path: readonly string[] }[];
  /** False when the builder also writes the field from something else, which the linted file cannot see. */
  readonly complete: boolean;
}
