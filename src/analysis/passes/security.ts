import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { InsecureSetting, OptionSet, PathSegment, SdkSpec, SecretField, SetupCall } from '../../sdks/index.js';
import { SETUP_METHODS } from '../../sdks/indexes.js';
import { isFunction, memberChain, propertyName, unwrap, scopeAt } from '../flow/ast.js';
import { isGlobal } from '../flow/globals.js';
import { onlyOutsideProduction } from '../flow/guards.js';
import { MAX_DEPTH, type ValueFlow } from '../flow/sources.js';
import { perFile } from '../file/state.js';
import { type FileFacts, getMailAnalysis } from './sends.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * A setting proven to weaken the transport of a mail client. `hosts` are the servers the
 * options name when the code spells them out (null: unknown); a local development host there
 * makes the finding moot, and the rule decides which hosts count as local.
 */
export type TransportFinding =
  | {
      readonly type: 'setting';
      readonly node: Node;
      readonly sdk: SdkSpec;
      readonly setting: InsecureSetting;
      /** The setting as users write it: `tls.rejectUnauthorized: false`. */
      readonly text: string;
      readonly hosts: readonly string[] | null;
    }
  | {
      /** `smtp://user:pass@host`: credentials sent over a connection that may stay unencrypted. */
      readonly type: 'smtpUrl';
      readonly node: Node;
      readonly sdk: SdkSpec;
      readonly hosts: readonly string[];
    }
  | {
      /** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` in a file that configures or sends mail. */
      readonly type: 'env';
      readonly node: Node;
    };

/** A literal string in a credential position of a mail SDK. The value stays here: messages never show it. */
export interface SecretFinding {
  /** The string literal (or template literal) holding the secret. */
  readonly node: Node;
  readonly sdk: SdkSpec;
  readonly field: SecretField;
  /** The secret itself, for the placeholder check; never reported. */
  readonly value: string;
  /** `process.env.X || 'literal'`: the expression the literal stands in for (`process.env.X`), as source text. */
  readonly fallbackFor: string | null;
  readonly hosts: readonly string[] | null;
}

export interface SecurityAnalysis {
  readonly transport: readonly TransportFinding[];
  readonly secrets: readonly SecretFinding[];
}

const EMPTY: SecurityAnalysis = { transport: [], secrets: [] };
const SECURITY = {};
const TLS_VERSIONS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** The transport and credential findings of the file being linted, computed once and shared by both rules. */
export function getSecurityAnalysis(context: Context): SecurityAnalysis {
  return perFile(context, SECURITY, () => {
    const mail = getMailAnalysis(context);
    const globalScope = context.sourceCode.scopeManager?.globalScope;
    return mail.file && globalScope ? new SecurityPass(context.sourceCode, globalScope, mail.file).run(mail.calls) : EMPTY;
  });
}

class SecurityPass {
  private readonly transport: TransportFinding[] = [];
  private readonly secrets: SecretFinding[] = [];
  private readonly seen = new Set<string>();
  private readonly flow: ValueFlow;
  private setupFound = false;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly file: FileFacts,
  ) {
    this.flow = file.reader.flow;
  }

  run(sends: readonly { node: CallNode; sdk: SdkSpec; spec: { arg?: number } | null }[]): SecurityAnalysis {
    for (const node of this.file.callNodes) this.setupCall(node);
    for (const assignment of this.file.memberWrites) this.secretWrite(assignment);
    for (const send of sends) this.messageSettings(send);
    if (sends.length || this.setupFound) {
      for (const assignment of this.file.memberWrites) this.envWrite(assignment);
    }
    const byPosition = (a: { node: Node }, b: { node: Node }) => a.node.range[0] - b.node.range[0];
    // A transport set up only outside production (a local mail catcher in development) is no risk.
    const transport = this.transport.filter((finding) => !onlyOutsideProduction(finding.node, this.flow));
    return { transport: transport.sort(byPosition), secrets: this.secrets.sort(byPosition) };
  }

  /** `createTransport(options)`, `new ServerClient(token, options)`, `sgMail.setApiKey(key)`, … */
  private setupCall(node: CallNode): void {
    // `list.map(…)`, `transporter.sendMail(…)`: a method no SDK is set up through is no setup.
    const callee = unwrap(node.callee);
    if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && !SETUP_METHODS.has(propertyName(callee) ?? '')) return;
    const match = this.setupOf(node);
    if (!match) return;
    this.setupFound = true;
    const { sdk, setup } = match;
    for (const { arg, path, options } of setup.args) {
      const args = node.arguments.slice(0, arg + 1);
      const argument = node.arguments[arg];
      if (!argument || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) continue;
      for (const value of this.valuesAt(argument, path ?? [])) this.optionSet(sdk, options, value);
    }
  }

  private setupOf(node: CallNode): { sdk: SdkSpec; setup: SetupCall } | null {
    const { resolver } = this.file;
    const find = (ref: { sdk: SdkSpec; kind: string } | null, via: string) => {
      const setup = ref?.sdk.security?.setups.find((s) => s.kind === ref.kind && s.via === via);
      return ref && setup ? { sdk: ref.sdk, setup } : null;
    };
    const callee = unwrap(node.callee);
    const ref = resolver.kindOf(callee);
    if (node.type === AST_NODE_TYPES.NewExpression) return ref && ref.member === undefined ? find(ref, 'new') : null;
    if (ref) return find(ref, ref.member ?? 'call');
    // Methods that configure rather than return a value are not in the kinds graph: `sgMail.setApiKey(key)`.
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = propertyName(callee);
    const owner = resolver.kindOf(callee.object);
    return name !== null && owner && owner.member === undefined ? find(owner, name) : null;
  }

  /** What one options value holds: insecure settings, an SMTP URL, secrets. */
  private optionSet(sdk: SdkSpec, options: OptionSet, value: Node): void {
    const { reader } = this.file;
    const hosts = options.host ? this.hostsAt(value, options.host) : null;
    if (options.url) {
      const { strings, only } = this.staticStrings(value);
      for (const url of strings) this.smtpUrl(sdk, url.node, url.value);
      if (only) return;
    }
    for (const setting of options.insecure ?? []) this.setting(sdk, setting, value, hosts);
    for (const field of options.secrets ?? []) {
      if (field.path.length === 0) {
        this.secretValue(sdk, field, value, hosts);
        continue;
      }
      const special = field.path.findIndex((s) => s === '(0)' || s === '()');
      if (special >= 0) {
        for (const inner of this.valuesAt(value, field.path)) this.secretValue(sdk, field, inner, hosts);
        continue;
      }
      for (const write of reader.read(value, field.path).writes) this.secretValue(sdk, field, write.value, hosts);
    }
  }

  private setting(sdk: SdkSpec, setting: InsecureSetting, options: Node, hosts: readonly string[] | null): void {
    const { reader } = this.file;
    for (const guard of setting.unless ?? []) {
      const state = reader.flag(options, guard.path);
      // An unknown guard may be on: unknown is silent.
      if (state.state === 'unknown' || (state.state === 'static' && guard.equals.includes(state.value))) return;
    }
    for (const write of reader.read(options, setting.path).writes) {
      const value = this.staticValue(write.value);
      if (!value) continue;
      let found = false;
      let findingHosts = hosts;
      const { when } = setting;
      if ('equals' in when) found = when.equals.includes(value.value);
      else if ('tlsBelow' in when) {
        const index = typeof value.value === 'string' ? TLS_VERSIONS.indexOf(value.value) : -1;
        found = index >= 0 && index < TLS_VERSIONS.indexOf(when.tlsBelow);
      } else if (typeof value.value === 'string' && /^http:\/\//i.test(value.value)) {
        const host = hostOf(value.value);
        found = host !== null;
        findingHosts = host === null ? null : [host];
      }
      if (!found) continue;
      const key = setting.path.map((s) => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : `'${s}'`)).join('.');
      const node = write.holder.type === AST_NODE_TYPES.Property || write.holder.type === AST_NODE_TYPES.AssignmentExpression
        ? write.holder
        : write.value;
      if (!this.once(node, key)) continue;
      const text = `${key}: ${typeof value.value === 'string' ? `'${value.value}'` : String(value.value)}`;
      this.transport.push({ type: 'setting', node, sdk, setting, text, hosts: findingHosts });
    }
  }

  /** `smtp://user:pass@host`: plain SMTP with credentials, and the password itself. */
  private smtpUrl(sdk: SdkSpec, node: Node, url: string): void {
    const parsed = parseUrl(url);
    if (!parsed || !/^smtps?:$/i.test(parsed.protocol)) return;
    const host = normaliseHost(parsed.hostname);
    const password = safeDecode(parsed.password);
    if (!password) return;
    if (parsed.protocol.toLowerCase() === 'smtp:' && this.once(node, 'smtp-url')) {
      this.transport.push({ type: 'smtpUrl', node, sdk, hosts: [host] });
    }
    this.pushSecret({ node, sdk, field: { path: [], name: 'password in the SMTP URL' }, value: password, fallbackFor: null, hosts: [host] });
  }

  /** Mailgun `'o:skip-verification': true` in the message of a send. */
  private messageSettings(send: { node: CallNode; sdk: SdkSpec; spec: { arg?: number } | null }): void {
    const settings = send.sdk.security?.messageSettings;
    const message = send.spec && send.node.arguments[send.spec.arg ?? 0];
    if (!settings || !message || message.type === AST_NODE_TYPES.SpreadElement) return;
    for (const setting of settings) this.setting(send.sdk, setting, message, null);
  }

  /** `ApiClient.instance.authentications['api-key'].apiKey = key` on a value of an SDK kind. */
  private secretWrite(assignment: TSESTree.AssignmentExpression): void {
    if (assignment.operator !== '=') return;
    const names: string[] = [];
    let current: Node = assignment.left;
    const bases: { base: Node; path: string[] }[] = [];
    // A deeper chain is unknown, as in every walk over values.
    for (let depth = 0; depth < MAX_DEPTH && current.type === AST_NODE_TYPES.MemberExpression; depth++) {
      const name = propertyName(current);
      if (name === null) return;
      names.unshift(name);
      current = unwrap(current.object);
      bases.push({ base: current, path: [...names] });
    }
    for (const { base, path } of bases) {
      const ref = this.file.resolver.kindOf(base);
      const writes = ref && ref.member === undefined ? ref.sdk.security?.secretWrites : undefined;
      const spec = writes?.find((w) => w.kind === ref!.kind && samePath(w.path, path));
      if (ref && spec) {
        this.setupFound = true;
        this.secretValue(ref.sdk, spec.secret, assignment.right, null);
        return;
      }
    }
  }

  /** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` (or `0`), with the real `process`. */
  private envWrite(assignment: TSESTree.AssignmentExpression): void {
    const left = assignment.left;
    if (assignment.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression) return;
    if (propertyName(left) !== 'NODE_TLS_REJECT_UNAUTHORIZED') return;
    const env = unwrap(left.object);
    if (env.type !== AST_NODE_TYPES.MemberExpression || propertyName(env) !== 'env') return;
    if (!isGlobal(this.globalScope, env.object, 'process')) return; // a local `process`
    const value = this.staticValue(assignment.right);
    if (!value || String(value.value) !== '0') return;
    if (this.once(assignment, 'env')) this.transport.push({ type: 'env', node: assignment });
  }

  /** Every literal string a credential position can hold, through constants, fallbacks and config objects. */
  private secretValue(sdk: SdkSpec, field: SecretField, node: Node, hosts: readonly string[] | null): void {
    for (const source of this.flow.sources(node)) {
      const text = source.kind === 'value' && source.path.length === 0 ? literalText(source.node) : null;
      if (text === null) continue;
      const fallbackFor = source.fallbackFor ? this.fallbackName(source.fallbackFor) : null;
      this.literalSecret(sdk, field, source.node, text, hosts, fallbackFor);
    }
  }

  private literalSecret(
    sdk: SdkSpec,
    field: SecretField,
    node: Node,
    value: string,
    hosts: readonly string[] | null,
    fallbackFor: string | null,
  ): void {
    let secret = value;
    if (field.connectionKey) {
      const part = value
        .split(';')
        .map((p) => p.trim())
        .find((p) => p.toLowerCase().startsWith(`${field.connectionKey!.toLowerCase()}=`));
      if (!part) return;
      secret = part.slice(field.connectionKey.length + 1);
    }
    this.pushSecret({ node, sdk, field, value: secret, fallbackFor, hosts });
  }

  /** How a message names what a literal fallback stands in for: `process.env.KEY`, never text holding a literal. */
  private fallbackName(node: Node): string | null {
    const value = unwrap(node);
    const plain = value.type === AST_NODE_TYPES.Identifier || (value.type === AST_NODE_TYPES.MemberExpression && memberChain(value));
    return plain ? this.sourceCode.getText(value) : null;
  }

  private pushSecret(finding: SecretFinding): void {
    if (this.once(finding.node, `secret:${finding.field.name}`)) this.secrets.push(finding);
  }

  /** The values at a path, stepping into function results (`'()'`) and first arguments (`'(0)'`). */
  private valuesAt(node: Node, path: readonly PathSegment[]): Node[] {
    return this.flow.within<Node[]>([], () => {
      const special = path.findIndex((s) => s === '()' || s === '(0)');
      const head = special < 0 ? path : path.slice(0, special);
      const values = head.length ? this.file.reader.read(node, head).writes.map((w) => w.value) : [unwrap(node)];
      if (special < 0) return values;
      const rest = path.slice(special + 1);
      const out: Node[] = [];
      for (const value of values) {
        for (const target of this.callables(value)) {
          if (path[special] === '()') {
            if (isFunction(target)) for (const returned of this.flow.returnsOf(target)) out.push(...this.valuesAt(returned, rest));
          } else if (target.type === AST_NODE_TYPES.NewExpression || target.type === AST_NODE_TYPES.CallExpression) {
            const first = target.arguments[0];
            if (first && first.type !== AST_NODE_TYPES.SpreadElement) out.push(...this.valuesAt(first, rest));
          }
        }
      }
      return out;
    });
  }

  /** A call, `new` or function as written, or what a name holds. */
  private callables(node: Node): Node[] {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.NewExpression || isFunction(value)) return [value];
    return this.flow.sources(value).flatMap((s) => (s.kind === 'value' && s.path.length === 0 ? [s.node] : []));
  }

  /** The server named at `path`, when the code spells it out; null when unknown or unset. */
  private hostsAt(options: Node, path: readonly PathSegment[]): string[] | null {
    const state = this.file.reader.flag(options, path);
    return state.state === 'static' && typeof state.value === 'string' ? [normaliseHost(state.value)] : null;
  }

  /** The strings the options can be (a connection URL, possibly through a constant), and whether they are nothing else. */
  private staticStrings(node: Node): { readonly strings: { node: Node; value: string }[]; readonly only: boolean } {
    const sources = this.flow.sources(node);
    const strings = sources.flatMap((s) => {
      const text = s.kind === 'value' && s.path.length === 0 ? literalText(s.node) : null;
      return text === null ? [] : [{ node: s.node, value: text }];
    });
    return { strings, only: strings.length > 0 && strings.length === sources.length };
  }

  private staticValue(node: Node): { value: unknown } | null {
    return ASTUtils.getStaticValue(node, scopeAt(this.globalScope, node));
  }

  private once(node: Node, key: string): boolean {
    const id = `${node.range[0]}:${node.range[1]}:${key}`;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return true;
  }
}

/** The text of a string literal, or of a template literal with no interpolation; null for anything else. */
function literalText(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : null;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? '';
  return null;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The host of an absolute URL, or null. */
export function hostOf(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed?.hostname ? normaliseHost(parsed.hostname) : null;
}

/** `Host`, `host:port`, `[::1]:25` or a URL, as a bare lower-case host name. */
function normaliseHost(host: string): string {
  const text = host.trim().toLowerCase();
  if (text.includes('://')) return hostOf(text) ?? text;
  return text
    .replace(/^([^:[\]]+):\d+$/, '$1')
    .replace(/^\[(.*)\](?::\d+)?$/, '$1')
    .replace(/\.$/, '');
}

/** Hosts of local development mail servers and catchers, where plain connections are normal. */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1', '0.0.0.0', 'mailhog', 'mailpit', 'maildev', 'mailcatcher', 'smtp4dev'];

/** Whether every given host is a local development host (`allowed` adds names, `*.suffix` for a domain). */
export function allLocal(hosts: readonly string[] | null, allowed: readonly string[] = []): boolean {
  if (!hosts || hosts.length === 0) return false;
  return hosts.every((raw) => {
    const host = normaliseHost(raw);
    if (LOCAL_HOSTS.includes(host) || host.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(host)) return true;
    return allowed.some((entry) => {
      const name = normaliseHost(entry);
      return name.startsWith('*.') ? host.endsWith(name.slice(1)) : host === name;
    });
  });
}
