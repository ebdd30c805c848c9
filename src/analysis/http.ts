import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Endpoint, ModuleRoot, SdkSpec } from '../sdks/index.js';
import { moduleRoots } from '../sdks/index.js';
import { library } from '../sdks/library.js';
import { propertyName, unwrap, variableOf, scopeAt } from './ast.js';
import type { ValueResolver } from './values.js';
import { own } from '../util/own.js';
import { escapeRegExp } from '../util/regexp.js';

type Node = TSESTree.Node;

/**
 * How the common HTTP clients take a URL and a body. A send through them to a provider's
 * endpoint is a mail call like the SDK's own.
 */
interface HttpForm {
  /** Where the URL is: an argument, or a property of an options argument (`axios({ url })`). */
  readonly url: { readonly arg: number; readonly path?: readonly string[] };
  /** Where the body is; `JSON.stringify(…)` and `new URLSearchParams({…})` are looked through. */
  readonly bodies: readonly { readonly arg: number; readonly path: readonly string[] }[];
}

const FETCH: HttpForm = { url: { arg: 0 }, bodies: [{ arg: 1, path: ['body'] }] };
const WITH_DATA: HttpForm = { url: { arg: 0 }, bodies: [{ arg: 1, path: [] }] };
const WITH_JSON: HttpForm = { url: { arg: 0 }, bodies: [{ arg: 1, path: ['json'] }, { arg: 1, path: ['body'] }] };
const CONFIG: HttpForm = { url: { arg: 0, path: ['url'] }, bodies: [{ arg: 0, path: ['data'] }] };

/** The request methods of the HTTP clients (`axios.post`), besides calling the client itself. */
export const HTTP_METHODS: readonly string[] = ['post', 'put', 'patch', 'request', 'fetch'];

/** Each HTTP client's request forms: `'()'` is calling the client itself (`axios(config)`). */
const FORMS: Readonly<Record<string, Readonly<Record<string, HttpForm>>>> = {
  'node-fetch': { '()': FETCH },
  undici: { '()': FETCH },
  axios: { '()': CONFIG, request: CONFIG, post: WITH_DATA, put: WITH_DATA, patch: WITH_DATA },
  got: { '()': WITH_JSON, post: WITH_JSON, put: WITH_JSON },
  ky: { '()': WITH_JSON, post: WITH_JSON, put: WITH_JSON },
};

/** A client library whose methods (`axios.post`) and whose own calls (`axios(config)`) take requests. */
const client = (id: string, factories: readonly string[] = []): SdkSpec => {
  const methods = Object.fromEntries(
    [...Object.keys(FORMS[id]!).filter((m) => m !== '()'), ...factories].map((m) => [m, 'client']),
  );
  return library(id, { [id]: 'client' }, { client: { props: { default: 'client' }, methods } });
};

/** HTTP client libraries, described like SDKs so the same analysis finds them. */
export const httpClients: readonly SdkSpec[] = [
  library('node-fetch', { 'node-fetch': 'client' }, { client: { props: { default: 'client' } } }),
  library('undici', { undici: 'module' }, { module: { props: { fetch: 'fetch' } }, fetch: {} }),
  client('axios', ['create']),
  client('got', ['extend']),
  client('ky', ['create', 'extend']),
];

export const httpClientRoots: ReadonlyMap<string, ModuleRoot> = moduleRoots(httpClients);

/** A request to a provider's send endpoint: which SDK's message it carries, and the body. */
export interface HttpSend {
  readonly sdk: SdkSpec;
  readonly endpoint: Endpoint;
  readonly method: string;
  readonly body: Node;
}

interface CompiledEndpoint {
  readonly sdk: SdkSpec;
  readonly endpoint: Endpoint;
  readonly pattern: RegExp;
}

/** Matches provider endpoints against URLs the code spells out. */
export class HttpSends {
  private readonly endpoints: CompiledEndpoint[];
  /** Matches any endpoint's host name: a file that mentions none has no raw provider calls. */
  private readonly hostPattern: RegExp;
  /**
   * Plain substrings one of which every host contains (`api.`, else the host itself): a string
   * search for each is about twice as fast as the alternation, and rules out nearly every file.
   */
  readonly hostNeedles: readonly string[];

  constructor(sdks: readonly SdkSpec[]) {
    this.endpoints = sdks.flatMap((sdk) =>
      (sdk.endpoints ?? []).map((endpoint) => ({ sdk, endpoint, pattern: urlPattern(endpoint.url) })),
    );
    const hosts = new Set(this.endpoints.map((e) => new URL(e.endpoint.url.replace(/\{\w+\}/g, 'x')).host));
    this.hostPattern = new RegExp([...hosts].map(escapeRegExp).join('|'));
    this.hostNeedles = [...new Set([...hosts].map((h) => (h.includes('api.') ? 'api.' : h)))];
  }

  /** Whether the text names a provider's API host: a file that names none makes no raw provider call. */
  mentionsHost(text: string): boolean {
    return this.hostNeedles.some((needle) => text.includes(needle)) && this.hostPattern.test(text);
  }

  /** The provider send this call makes, if its client is `fetch` or a known HTTP library and its URL a send endpoint. */
  match(call: TSESTree.CallExpression, resolver: ValueResolver, globalScope: TSESLint.Scope.Scope): HttpSend | null {
    const form = this.formOf(call, resolver, globalScope);
    if (!form) return null;
    const url = argumentAt(call, form.form.url.arg, form.form.url.path ?? []);
    const text = url && urlText(url, globalScope);
    if (text === null || text === undefined) return null;
    const found = this.endpoints.find((e) => e.pattern.test(text));
    if (!found) return null;
    for (const where of form.form.bodies) {
      const body = argumentAt(call, where.arg, where.path);
      if (body) return { sdk: found.sdk, endpoint: found.endpoint, method: form.method, body: lookThrough(body, globalScope) };
    }
    return null;
  }

  private formOf(
    call: TSESTree.CallExpression,
    resolver: ValueResolver,
    globalScope: TSESLint.Scope.Scope,
  ): { form: HttpForm; method: string } | null {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch' && !variableOf(globalScope, callee)?.defs.length) {
      return { form: FETCH, method: 'fetch' };
    }
    const client = resolver.kindOf(callee);
    const forms = client && FORMS[client.sdk.id];
    if (!client || !forms) return null;
    const name = client.member ?? '()';
    const form = client.sdk.id === 'undici' ? (client.kind === 'fetch' ? FETCH : undefined) : own(forms, name);
    return form ? { form, method: client.member ?? client.sdk.id } : null;
  }
}

/** `https://api.mailgun.net/v3/{domain}/messages` → a pattern where `{domain}` is one path segment. */
function urlPattern(url: string): RegExp {
  const escaped = url.split(/\{\w+\}/).map(escapeRegExp).join('[^/?#]+');
  return new RegExp(`^${escaped}/?(?:[?#].*)?$`);
}

/** The URL as far as the code spells it out; an interpolation stands for one unknown segment. */
function urlText(node: Node, globalScope: TSESLint.Scope.Scope): string | null {
  const value = unwrap(node);
  const known = ASTUtils.getStaticValue(value, scopeAt(globalScope, value));
  if (known && typeof known.value === 'string') return known.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    return value.quasis.map((q) => q.value.cooked ?? '').join('\u0000');
  }
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'URL') {
    return value.arguments[0] ? urlText(value.arguments[0], globalScope) : null;
  }
  return null;
}

function argumentAt(call: TSESTree.CallExpression, index: number, path: readonly string[]): Node | null {
  let current: Node | undefined = call.arguments[index];
  if (!current || current.type === AST_NODE_TYPES.SpreadElement) return null;
  for (const key of path) {
    const object: Node = unwrap(current);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const property = object.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p) === key,
    );
    if (!property) return null;
    current = property.value;
  }
  return current;
}

/** `JSON.stringify(message)` and `new URLSearchParams(message)` carry `message`. */
function lookThrough(body: Node, globalScope: TSESLint.Scope.Scope): Node {
  const value = unwrap(body);
  if (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.MemberExpression &&
    value.callee.object.type === AST_NODE_TYPES.Identifier &&
    value.callee.object.name === 'JSON' &&
    propertyName(value.callee) === 'stringify' &&
    !variableOf(globalScope, value.callee.object)?.defs.length &&
    value.arguments[0]
  ) {
    return value.arguments[0];
  }
  if (
    value.type === AST_NODE_TYPES.NewExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === 'URLSearchParams' &&
    !variableOf(globalScope, value.callee)?.defs.length &&
    value.arguments[0]
  ) {
    return value.arguments[0];
  }
  return value;
}
