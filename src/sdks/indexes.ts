/**
 * The one place that turns the SDK data into lookup tables: module roots, member names, recipient
 * keys, provider endpoints, and the text hints of the fast exit. Everything the analysis looks up
 * by a name from `src/sdks` is built here, once per process.
 */
import type { DispatchPattern, Endpoint, MessageSpec, PathSegment, SdkSpec } from './types.js';
import { moduleRoots, sdks } from './index.js';
import { HTTP_METHODS, httpClients } from './http-clients.js';
import { messageShapeKeys } from './message-shape.js';
import { throttlers } from './throttling.js';
import { BUILD_PREFIX_SOURCE, CDN_PREFIX } from '../util/specifiers.js';
import { escapeRegExp } from '../util/regexp.js';

export { builtinRoots } from './index.js';

/** Throttling libraries (p-limit, Bottleneck, …), looked for only in files that send mail. */
export const throttlerRoots = moduleRoots(throttlers);

/** HTTP client libraries, looked for only in files that name a provider's API host. */
export const httpClientRoots = moduleRoots(httpClients);

/** Every member name some SDK kind has: only a value used through one of them may be a client. */
export const CLIENT_MEMBERS: ReadonlySet<string> = new Set(
  sdks.flatMap((sdk) =>
    Object.values(sdk.kinds).flatMap((k) => [
      ...Object.keys(k.props ?? {}),
      ...Object.keys(k.methods ?? {}),
      ...Object.keys(k.sends ?? {}),
      ...Object.keys(k.setters ?? {}),
    ]),
  ),
);

/** The names a send's callee can end in: SDK members, the HTTP clients' request methods, and a bus's dispatch (`act`). */
export const CALLEE_NAMES: ReadonlySet<string> = new Set([...CLIENT_MEMBERS, ...HTTP_METHODS, 'act']);

/** Action patterns SDKs register on a message bus, each field's value as a static key (JSON). */
export const dispatchPatterns: readonly { readonly sdk: SdkSpec; readonly pattern: DispatchPattern; readonly fields: ReadonlyMap<string, string> }[] = sdks.flatMap((sdk) =>
  (sdk.patterns ?? []).map((pattern) => ({ sdk, pattern, fields: new Map(Object.entries(pattern.fields).map(([k, v]) => [k, JSON.stringify(v)])) })),
);

/** Every field of some pattern written with its literal value (`role: 'mail'`, `cmd: "send"`): a text with none dispatches to no SDK. */
const PATTERN_TEXTS: readonly { readonly keys: readonly string[]; readonly fields: readonly RegExp[] }[] = dispatchPatterns.map(({ pattern }) => ({
  keys: Object.keys(pattern.fields),
  fields: Object.entries(pattern.fields).map(([k, v]) => new RegExp(`\\b${escapeRegExp(k)}['"]?\\s*:\\s*['"\`]${escapeRegExp(v)}['"\`]`)),
}));
export function mentionsPattern(text: string): boolean {
  // The keys as plain substrings first: a string search is several times faster than a pattern that starts at a word boundary.
  return text.includes('act') && PATTERN_TEXTS.some(({ keys, fields }) => keys.every((key) => text.includes(key)) && fields.every((field) => field.test(text)));
}

/**
 * The method names SDKs are set up through (`createTransport`, `setApiKey`), and `default` for a
 * factory called through its module object (`mg.default(options)`); `new` and plain calls are resolved.
 */
export const SETUP_METHODS: ReadonlySet<string> = new Set([
  'default',
  ...sdks.flatMap((sdk) => sdk.security?.setups.map((s) => s.via) ?? []).filter((via) => via !== 'new' && via !== 'call'),
]);

/** A provider send endpoint with its URL compiled to a pattern. */
export interface CompiledEndpoint {
  readonly sdk: SdkSpec;
  readonly endpoint: Endpoint;
  readonly pattern: RegExp;
}

/** `https://api.mailgun.net/v3/{domain}/messages` → a pattern where `{domain}` is one path segment. */
function urlPattern(url: string): RegExp {
  const escaped = url.split(/\{\w+\}/).map(escapeRegExp).join('[^/?#]+');
  return new RegExp(`^${escaped}/?(?:[?#].*)?$`);
}

export const endpoints: readonly CompiledEndpoint[] = sdks.flatMap((sdk) =>
  (sdk.endpoints ?? []).map((endpoint) => ({ sdk, endpoint, pattern: urlPattern(endpoint.url) })),
);

const hosts = new Set(endpoints.map((e) => new URL(e.endpoint.url.replace(/\{\w+\}/g, 'x')).host));
/** Matches any endpoint's host name: a file that mentions none has no raw provider calls. */
const HOST_PATTERN = new RegExp([...hosts].map(escapeRegExp).join('|'));
/**
 * Plain substrings one of which every host contains (`api.`, else the host itself): a string
 * search for each is about twice as fast as the alternation, and rules out nearly every file.
 */
export const HOST_NEEDLES: readonly string[] = [...new Set([...hosts].map((h) => (h.includes('api.') ? 'api.' : h)))];

/** Whether the text names a provider's API host: a file that names none makes no raw provider call. */
export function mentionsHost(text: string): boolean {
  return HOST_NEEDLES.some((needle) => text.includes(needle)) && HOST_PATTERN.test(text);
}

/**
 * The first key of every visible recipient field of every SDK (an object without one is no
 * message), and whether every field under that key is nested (`message.to`, `Destination.ToAddresses`).
 */
export const RECIPIENT_KEYS: ReadonlyMap<string, boolean> = (() => {
  const keys = new Map<string, boolean>();
  for (const field of sdks.flatMap((sdk) => Object.values(sdk.messages).flatMap((m) => m.visible))) {
    const key = field.path[0] ?? '';
    keys.set(key, (keys.get(key) ?? true) && field.path.length > 1);
  }
  return keys;
})();

/** The last key of every visible recipient field (`to`, `ToAddresses`, `header_to`). */
export const RECIPIENT_LEAVES: readonly string[] = [
  ...new Set(sdks.flatMap((sdk) => Object.values(sdk.messages).flatMap((m) => m.visible.map((f) => f.path.filter((s) => s !== '[]').at(-1) ?? '')))),
].filter(Boolean);

/**
 * Cheap text checks that let most files skip the analysis. They may match more than they should
 * (the analysis then decides); they must never miss. A recipient field written, as a key (`to:`,
 * `{ to }`, `'To':`) or assigned (`msg.to = …`). A nested field (`message.to`,
 * `Destination.ToAddresses`) is matched by its last key, which any write of a list into it spells
 * out; its first key (`message:`) is in most files that have an error object.
 */
export const RECIPIENT_KEY_HINT = new RegExp(`\\b(?:${RECIPIENT_LEAVES.join('|')})['"]?\\s*[:,}=]`);
/**
 * A key of an object literal or type (`to:`, `{ to }`, `'to':`): after a `{`, a `,` or a `;`, at
 * the start of a line, or after the end of a block comment (a line comment ends a line). A word ending in `to` inside a string (`'welcome-to',`) is no key.
 */
function keyHint(keys: readonly string[]): RegExp {
  return new RegExp(`(?:^|[{,;]|\\*/)\\s*['"]?(?:${keys.join('|')})['"]?\\s*[:,}]`, 'm');
}

/** A `to`/`cc` key and a message key (`subject:`, `html,`): what a message-shaped literal has. */
export const SHAPE_TO_HINT = keyHint(['to', 'cc']);
/** Whatever `SHAPE_TO_HINT` matches, `RECIPIENT_KEY_HINT` matches too (so a miss of the second rules out the first). */
export const SHAPE_KEYS_ARE_RECIPIENT_KEYS = ['to', 'cc'].every((key) => RECIPIENT_LEAVES.includes(key));
export const SHAPE_KEY_HINT = keyHint([...messageShapeKeys]);
/**
 * A call of a method some SDK sends with (`.sendMail(`, `.beginSend(`), for clients known only by
 * type; not `Object.create(`, which is in much code and never a client.
 */
export const SEND_HINT = new RegExp(
  `(?<!\\bObject)\\.(?:${[...new Set(sdks.flatMap((sdk) => Object.values(sdk.kinds).flatMap((k) => Object.keys(k.sends ?? {}))))].join('|')})\\s*\\(`,
);

/**
 * A quoted specifier of an SDK module (`'nodemailer'`, `"@sendgrid/mail"`), also as Deno and the
 * CDNs spell it (`'npm:resend@4'`, `'https://esm.sh/resend@2?target=deno'`, see
 * util/specifiers.ts): a module without one imports no SDK.
 */
export const MODULE_NEEDLE = new RegExp(
  `['"\`](?:npm:/?|${CDN_PREFIX}${BUILD_PREFIX_SOURCE})?(?:${[...builtinRootsMap().keys()].map(escapeRegExp).join('|')})(?:@[^'"\`/\\s]*)?(?:[/?][^'"\`\\s]*)?['"\`]`,
);

function builtinRootsMap() {
  return moduleRoots(sdks);
}

/**
 * The paths of a message that hold its recipients: each visible field, its hidden twin (`bcc`),
 * and the per-recipient list it sits in (`personalizations`, `Messages`). A list in any of them
 * makes one send reach many recipients.
 */
export function recipientPaths(message: MessageSpec): readonly (readonly PathSegment[])[] {
  // Asked for every send in a loop: made once per message, each path once (`to` and `cc` share `bcc`).
  let paths = recipientPathsOf.get(message);
  if (!paths) {
    const byKey = new Map<string, readonly PathSegment[]>();
    for (const field of message.visible) {
      const each = field.path.indexOf('[]');
      for (const path of [field.path, ...(field.bcc ? [[...field.path.slice(0, -1), field.bcc]] : []), ...(each > 0 ? [field.path.slice(0, each)] : [])]) {
        if (!byKey.has(path.join('.'))) byKey.set(path.join('.'), path);
      }
    }
    recipientPathsOf.set(message, (paths = [...byKey.values()]));
  }
  return paths;
}
const recipientPathsOf = new WeakMap<MessageSpec, readonly (readonly PathSegment[])[]>();

/**
 * Every path a send reads from a message, over all SDKs: the recipient paths and the flags that
 * individualise a send. A message builder in another module is summarised for these paths.
 */
export const MESSAGE_PATHS: readonly (readonly PathSegment[])[] = (() => {
  const paths = new Map<string, readonly PathSegment[]>();
  for (const message of sdks.flatMap((sdk) => Object.values(sdk.messages))) {
    const flags = [message.individualFlag?.path, message.individualWhenPresent?.path];
    for (const path of [...recipientPaths(message), ...flags]) if (path?.length) paths.set(path.join('.'), path);
  }
  return [...paths.values()];
})();
