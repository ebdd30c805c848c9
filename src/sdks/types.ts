/**
 * The shape of the SDK knowledge base. Each provider file under `src/sdks/` is plain data of this
 * shape: which modules it ships, how a client is reached from them, which calls send mail, and
 * where a message keeps its recipients. Nothing in here runs code.
 *
 * A provider is described as a small graph of *kinds*: the value `require('nodemailer')` gives is
 * one kind, the transport `createTransport()` returns is another, and so on. The analysis walks
 * the user's code along that graph (`src/analysis/values.ts`).
 */

/** One step of a property path: a property name, or `'[]'` for "each element of this array". */
export type PathSegment = string;

export interface SdkSpec {
  /** Stable id, used in tests and settings. */
  readonly id: string;
  /** The name users know the library by; it appears in messages. */
  readonly label: string;
  /** Module specifier → the kind of value `require(module)` / a namespace import gives. */
  readonly modules: Readonly<Record<string, string>>;
  /**
   * Exported *type* names that prove a value is of a kind when they annotate a parameter, a
   * field or a variable (`transporter: Transporter`). Exported classes need no entry: an
   * annotation naming a class the module exports means an instance of that class.
   */
  readonly types?: Readonly<Record<string, string>>;
  readonly kinds: Readonly<Record<string, KindSpec>>;
  readonly messages: Readonly<Record<string, MessageSpec>>;
  /** `smtp` for libraries that talk SMTP themselves; API clients leave it out. */
  readonly transport?: 'smtp';
  /**
   * What to do instead of one send per recipient in a loop, in one sentence: the provider's batch
   * API and its limit, or for SMTP a pooled, rate-limited transport.
   */
  readonly batching: string;
}

export interface KindSpec {
  /** `value.name` gives a value of the named kind. */
  readonly props?: Readonly<Record<string, string>>;
  /** `value.name(...)` returns a value of the named kind. */
  readonly methods?: Readonly<Record<string, string>>;
  /** `value(...)` returns a value of the named kind. */
  readonly call?: string;
  /** `new value(...)` returns a value of the named kind. */
  readonly construct?: string;
  /** `value.name(...)` sends mail. */
  readonly sends?: Readonly<Record<string, SendSpec>>;
  /** `value(...)` itself sends mail (a send function, or a wrapper declared in settings). */
  readonly callSend?: SendSpec;
  /** `new value(input)` builds a message from its argument (SES commands, emailjs `Message`). */
  readonly constructSend?: SendSpec;
  /**
   * Values of this kind are messages of the named shape that code fills in after creating them
   * (`email.to = list` on a Brevo `SendSmtpEmail`).
   */
  readonly message?: string;
  /** Builder setters of a `message` kind: `params.setTo(list)` writes the named field. */
  readonly setters?: Readonly<Record<string, string>>;
  /**
   * Values of this kind queue and throttle their sends when the call that created them had these
   * options (nodemailer `createTransport({ pool: true, rateLimit: 10 })`).
   */
  readonly throttledWhen?: ThrottleCondition;
  /** Throttling libraries: calling the value runs its function arguments under a limit (`limit(fn)`). */
  readonly runsBounded?: boolean;
  /** Throttling libraries: methods that run their function arguments under a limit (`queue.add(fn)`). */
  readonly boundedMethods?: readonly string[];
  /** Calling the value iterates a collection with a callback (`pMap(list, fn, options)`). */
  readonly iterates?: IterationSpec;
  /** Methods that iterate a collection with a callback (`async.each(list, fn)`). */
  readonly iteratingMethods?: Readonly<Record<string, IterationSpec>>;
}

export interface IterationSpec {
  readonly collection: number;
  readonly callback: number;
  /** Where a concurrency limit goes; with a static number there, the iteration is bounded. */
  readonly concurrency?: { readonly arg: number; readonly path: readonly PathSegment[] };
  /** One callback at a time, each waiting for the last. */
  readonly sequential?: boolean;
}

export interface ThrottleCondition {
  /** The argument of the creating call that holds the options. */
  readonly arg: number;
  /** Every option must be there; with `equals`, statically equal to it. */
  readonly options: readonly { readonly path: readonly PathSegment[]; readonly equals?: unknown }[];
}

export interface SendSpec {
  /** The message shape this call takes. */
  readonly message: string;
  /** Which argument holds the message (or the batch). Default 0. */
  readonly arg?: number;
  /**
   * The argument is a batch: `'[]'` for an array of messages, or a path such as
   * `['Messages', '[]']` to the messages inside it. Every message is a separate email.
   */
  readonly batch?: readonly PathSegment[];
  /** The argument may also be an array of messages, each sent separately (SendGrid `send([...])`). */
  readonly acceptsArray?: boolean;
  /** The call hands the message to a job queue instead of sending it now (NestJS `enqueue`). */
  readonly queued?: boolean;
  /** This method sends a separate copy to every `to` recipient (SendGrid `sendMultiple`). */
  readonly individual?: boolean;
  /** A literal argument that makes the call send separate copies (`send(msg, true)`). */
  readonly individualArg?: { readonly index: number; readonly equals: unknown };
}

export interface MessageSpec {
  /** Recipient fields that every recipient of the message sees. */
  readonly visible: readonly RecipientField[];
  /**
   * A flag in the message that makes the provider send one copy per recipient. When the flag
   * is statically equal to `equals`, the listed fields are not exposed.
   */
  readonly individualFlag?: IndividualFlag;
  /**
   * A flag whose mere presence makes the listed fields individual (Mailgun
   * `recipient-variables`).
   */
  readonly individualWhenPresent?: { readonly path: readonly PathSegment[]; readonly fields: readonly string[] };
  /** What to do about an exposed list, in one sentence: the message's fix. */
  readonly fix: string;
}

export interface RecipientField {
  /** Path from the message object to the field: `['Destination', 'ToAddresses']`. */
  readonly path: readonly PathSegment[];
  /** The field's hidden sibling, offered as a suggestion (`bcc`, `BccAddresses`). */
  readonly bcc?: string;
  /**
   * Entries of the list that carry their own visibility (Mandrill `{ email, type: 'bcc' }`):
   * when every entry has `key` statically in `hidden`, the list is not exposed.
   */
  readonly entryType?: { readonly key: string; readonly hidden: readonly unknown[] };
}

export interface IndividualFlag {
  readonly path: readonly PathSegment[];
  readonly equals: unknown;
  /** The fields the flag individualises; all visible fields when absent. */
  readonly fields?: readonly string[];
  /** Source text of the property the suggestion inserts or sets (`isMultiple: true`). */
  readonly suggestion: string;
  /**
   * When the flag is absent, the provider decides from an account setting the code cannot see
   * (Mandrill). The list is still reported, with this sentence as the fix.
   */
  readonly unsetFix?: string;
}
