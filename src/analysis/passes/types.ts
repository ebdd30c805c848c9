import type { TSESTree } from '@typescript-eslint/utils';
import type { MessageSpec, RecipientField, SdkSpec, SendSpec } from '../../sdks/index.js';
import type { FieldWrite } from '../model/messages.js';
import type { RecipientList } from '../model/recipients.js';

/** What the sends and exposures passes find in a file: plain data the rules report. */

type Node = TSESTree.Node;

/** A call proven to send mail, or to build a message that will be sent. */
export interface MailCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly sdk: SdkSpec;
  /** How the user wrote it: `sendMail`, `new SendEmailCommand`, or an in-file wrapper's name. */
  readonly method: string;
  readonly spec: SendSpec | null;
  /** Set when the call goes through a function of this file that sends mail. */
  readonly wrapper?: string;
  /**
   * One call reaches many recipients: a batch API, a send split per recipient by the provider,
   * or a recipient list. Such a call in a loop is one call per chunk, not per recipient.
   */
  readonly batch: boolean;
  /** The client queues and throttles its sends (a pooled nodemailer transport with a `rateLimit`). */
  readonly throttled: boolean;
  /** The call hands the message to a job queue instead of sending it. */
  readonly queued: boolean;
  /** An array of messages sent as one request each, all at once (SendGrid `send([...])`). */
  readonly parallelArray: Node | null;
  /** The wrapper is passed by name to this call rather than called (`users.map(sendWelcome)`, `users.map(mailer.sendWelcome)`). */
  readonly callback?: TSESTree.Identifier | TSESTree.MemberExpression;
  /**
   * The iteration the call runs in, kept here by the iterations model once found (with no
   * throttling helpers named, before the loop-callers verdicts): the passes and the rules ask it
   * of every send. Undefined until asked.
   */
  iteration?: PerElement | null;
}

/** How a send repeats: once per element of a collection, one after another or all at once (passes/iterations.ts). */
export interface PerElement {
  /** The loop statement, or the call that iterates (`users.forEach(…)`, `pMap(…)`). */
  readonly loop: Node;
  readonly mode: 'sequential' | 'parallel';
  /** What the loop iterates, when it is in view: `users` of `for (const u of users)`, `users.map(…)`. */
  readonly collection: Node | null;
}

export type MutableMailCall = { -readonly [K in keyof MailCall]: MailCall[K] };

/** A recipient list written into a field that every recipient of the message sees. */
export interface Exposure {
  readonly sdk: SdkSpec;
  /**
   * The SDK call it belongs to; null when the list is written into a message object or builder,
   * or reaches the SDK through an in-file wrapper.
   */
  readonly call: MailCall | null;
  readonly message: MessageSpec;
  readonly field: RecipientField;
  /** The field as users write it: `to`, `Destination.ToAddresses`, `personalizations[].to`. */
  readonly fieldName: string;
  readonly write: FieldWrite;
  readonly list: Extract<RecipientList, { kind: 'data-driven' | 'fixed' }>;
  /** Mandrill: the flag that would individualise the send is unset, so an account setting decides. */
  readonly accountDecides: boolean;
  /** The message object a flag suggestion can be inserted into (`isMultiple: true`). */
  readonly flagTarget: TSESTree.ObjectExpression | null;
  /** An in-file wrapper the list went through before reaching the SDK. */
  readonly wrapper?: string;
  /** The project module the wrapper is exported from, relative to the working directory. */
  readonly module?: string;
  /** The call of that module's export the list is passed to. */
  readonly via?: TSESTree.CallExpression | TSESTree.NewExpression;
  /** Reported where this file's export puts its parameter: the callers in other modules that pass data-driven lists. */
  readonly callers?: { readonly first: string; readonly more: number };
}
