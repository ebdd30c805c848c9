import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { SdkSpec } from '../../sdks/index.js';

/** A creating call in another module's syntax tree (TypeScript's, not ESTree). */
export interface TypedOrigin {
  readonly arguments: readonly ts.Node[];
}

/**
 * A value proven to come from a mail SDK: which SDK, and which kind of value in its graph.
 * With `member`, the value is that method of the kind, not yet called (`transporter.sendMail`,
 * or `createTransport` imported by name).
 */
export interface KindRef {
  readonly sdk: SdkSpec;
  readonly kind: string;
  readonly member?: string;
  /** The call that created the value (`createTransport(options)`), where one is in view. */
  readonly origin?: TSESTree.CallExpression | TSESTree.NewExpression;
  /**
   * For a value placed by its type: the call that created it in another module, or null when
   * that is not in view.
   */
  readonly typedOrigin?: TypedOrigin | null;
  /**
   * For a client exported by another module of the project: whether its own options throttle it
   * (read there), and, for an object that hands only some methods on to the SDK, those methods.
   */
  readonly imported?: { readonly throttled: boolean; readonly only?: ReadonlySet<string> };
}
