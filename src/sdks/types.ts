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
  /**
   * Exported message type names → the message shape they describe (`SendMailOptions` → `mail`).
   * With type information, an object literal of such a type is checked where it is written.
   */
  readonly messageTypes?: Readonly<Record<string, string>>;
  /** Other packages that declare this SDK's types (`@sendgrid/helpers` for `@sendgrid/mail`). */
  readonly typePackages?: readonly string[];
  /**
   * The provider's HTTP send endpoints, for code that calls the API with `fetch`, axios, got or ky.
   * `{name}` in a URL stands for one path segment (`https://api.mailgun.net/v3/{domain}/messages`).
   */
  readonly endpoints?: readonly Endpoint[];
  /**
   * Action patterns the library registers on a message bus (Seneca's `seneca.use('mail')` adds
   * `role:mail,cmd:send`): a dispatch whose object has every field, with the same literal value,
   * sends that object as a message (`seneca.act({ role: 'mail', cmd: 'send', to, subject })`).
   */
  readonly patterns?: readonly DispatchPattern[];
  readonly kinds: Readonly<Record<string, KindSpec>>;
  readonly messages: Readonly<Record<string, MessageSpec>>;
  /** `smtp` for libraries that talk SMTP themselves; API clients leave it out. */
  readonly transport?: 'smtp';
  /**
   * What to do instead of one send per recipient in a loop, in one sentence: the provider's batch
   * API and its limit, or for SMTP a pooled, rate-limited transport.
   */
  readonly batching: string;
  /** Where the library takes transport settings and credentials (no-insecure-transport, no-hardcoded-credentials). */
  readonly security?: SecuritySpec;
}

export interface DispatchPattern {
  readonly fields: Readonly<Record<string, string>>;
  /** The message shape of the dispatched object. */
  readonly message: string;
  /** The library's documentation of the pattern. */
  readonly source: string;
}

export interface Endpoint {
  readonly url: string;
  /** The message shape of the request body. */
  readonly message: string;
  /** The body is a batch: `['[]']` for an array of messages. */
  readonly batch?: readonly PathSegment[];
  /** The endpoint is a batch API that gives every `to` entry its own copy (ZeptoMail `/email/batch`). */
  readonly bulk?: boolean;
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
  /** Or: the value at this path is a client that is throttled itself (`transport: createTransport({…})`). */
  readonly via?: readonly PathSegment[];
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
  /** The method is a batch API: one call reaches many recipients, each with a copy of their own. */
  readonly bulk?: boolean;
  /** The call hands the message to a job queue instead of sending it now (NestJS `enqueue`). */
  readonly queued?: boolean;
  /** This method sends a separate copy to every `to` recipient (SendGrid `sendMultiple`). */
  readonly individual?: boolean;
  /** A literal argument that makes the call send separate copies (`send(msg, true)`). */
  readonly individualArg?: { readonly index: number; readonly equals: unknown };
  /** The most messages the provider accepts in the batch (`batch` above) of one call. */
  readonly maxMessages?: Limit;
  /** Message fields the provider does not accept in a call of this method (Resend `batch.send` and `attachments`). */
  readonly unsupported?: readonly UnsupportedField[];
}

/** A hard limit of the provider's API, and the page of the provider's documentation that states it. */
export interface Limit {
  readonly max: number;
  /** The provider's documentation page that states the limit. */
  readonly source: string;
}

export interface UnsupportedField {
  readonly path: readonly PathSegment[];
  /** The provider's documentation page that says so. */
  readonly source: string;
}

/** The limits of one message shape: how many recipients, how many per-recipient entries. */
export interface MessageLimits {
  /**
   * The most addresses one message may hold in these fields, counted together where the provider
   * counts them together (SES: 50 across `ToAddresses`, `CcAddresses` and `BccAddresses`).
   */
  readonly recipients?: readonly (Limit & { readonly fields: readonly (readonly PathSegment[])[] })[];
  /** The most entries of a list inside one message that each make a separate email (Mailjet `Messages`, SendGrid `personalizations`). */
  readonly entries?: readonly (Limit & { readonly path: readonly PathSegment[] })[];
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
  /** Hard limits of the provider on one message (mail/respect-provider-limits). */
  readonly limits?: MessageLimits;
}

export interface RecipientField {
  /** Path from the message object to the field: `['Destination', 'ToAddresses']`. */
  readonly path: readonly PathSegment[];
  /** The field's hidden sibling, offered as a suggestion (`bcc`, `BccAddresses`). */
  readonly bcc?: string;
  /**
   * How the hidden sibling takes several addresses, so that a suggestion can merge a list into a
   * `bcc` that is already set instead of replacing it: an array (of addresses or entries; where a
   * string is taken too, an array is), or one comma-separated string (Postmark, Mailjet's Send API
   * v3). `unknown` where the provider is not known (a message-shaped literal): no merge is
   * suggested. Every field with a `bcc` says it.
   */
  readonly bccForm?: 'array' | 'comma-separated' | 'unknown';
  /**
   * Whether the provider rejects a message without this field (SendGrid, Postmark, Resend and
   * Mailgun need a `to`; SMTP and SES take a message whose only recipients are in bcc). Every
   * field with a `bcc` sibling that is a message's main recipient field says so either way: moving
   * a required field to bcc is never suggested.
   */
  readonly required?: boolean;
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
   * Fields the provider rejects a flagged message with (SendGrid copies `cc` and `bcc` into the
   * personalization of every `to` address and refuses a request that names an address twice):
   * the flag is suggested only for a message proven to have none of them.
   */
  readonly conflicts?: readonly (readonly PathSegment[])[];
  /**
   * When the flag is absent, the provider decides from an account setting the code cannot see
   * (Mandrill). The list is still reported, with this sentence as the fix.
   */
  readonly unsetFix?: string;
}

/**
 * Security data of a library: the calls that configure a client, which of their arguments hold
 * transport settings and secrets, and per-message options that weaken TLS.
 */
export interface SecuritySpec {
  readonly setups: readonly SetupCall[];
  /** Options in the message of every send of this library (Mailgun `'o:skip-verification'`). */
  readonly messageSettings?: readonly InsecureSetting[];
  /**
   * Writes `value.path = secret` on a value of `kind` (sib-api-v3-sdk
   * `ApiClient.instance.authentications['api-key'].apiKey = key`).
   */
  readonly secretWrites?: readonly { readonly kind: string; readonly path: readonly PathSegment[]; readonly secret: SecretField }[];
}

/** A call that configures a client: `createTransport(options)`, `new ServerClient(token, options)`, `sgMail.setApiKey(key)`. */
export interface SetupCall {
  /** The kind of the callee. */
  readonly kind: string;
  /** `new` for `new Value(…)`, `call` for `Value(…)`, otherwise the method name of `value.name(…)`. */
  readonly via: string;
  readonly args: readonly SetupArgument[];
}

export interface SetupArgument {
  readonly arg: number;
  /**
   * Path from the argument to the options (NestJS `['transport']`). `'()'` steps into what a
   * factory function returns (`forRootAsync({ useFactory: () => ({ transport }) })`).
   */
  readonly path?: readonly PathSegment[];
  readonly options: OptionSet;
}

/** What one options value (an object, or a string where `url`/a secret at `[]` allows one) holds. */
export interface OptionSet {
  /** Settings whose static value weakens transport security. */
  readonly insecure?: readonly InsecureSetting[];
  /** Where the options name the server; a local development host there exempts the options. */
  readonly host?: readonly PathSegment[];
  /** The options may be a connection URL instead (`smtp://user:pass@host`). */
  readonly url?: 'smtp';
  /** Secrets: a literal string at one of these paths is a hard-coded credential. */
  readonly secrets?: readonly SecretField[];
}

export interface InsecureSetting {
  readonly path: readonly PathSegment[];
  /** The static values that make it insecure, or a test on the value. */
  readonly when:
    | { readonly equals: readonly unknown[] }
    /** A URL starting with `http://` (to a host that is not local). */
    | { readonly plainHttp: true }
    /** A TLS version name below this one (`TLSv1`, `TLSv1.1` below `TLSv1.2`). */
    | { readonly tlsBelow: string };
  /** Insecure only when none of these settings is statically one of its values (`requireTLS: true`). */
  readonly unless?: readonly { readonly path: readonly PathSegment[]; readonly equals: readonly unknown[] }[];
  /** What the setting does, in a few words, for the message. */
  readonly effect: string;
  readonly cwe: 'CWE-295' | 'CWE-319';
  /** Common and often intended: reported only when the rule's opt-in option is on (`reportSecureFalse`). */
  readonly optIn?: boolean;
}

export interface SecretField {
  /** Path inside the options; `[]` for the argument itself. `'(0)'` steps into argument 1 of a call there. */
  readonly path: readonly PathSegment[];
  /** How users name it in the message: `auth.pass`, `API key`. */
  readonly name: string;
  /** The key's known prefix (`SG.`, `re_`, `xkeysib-`): placeholders are checked without it. */
  readonly prefix?: string;
  /** The value is a connection string whose `key=` part is the secret (Azure `accesskey=`). */
  readonly connectionKey?: string;
}
