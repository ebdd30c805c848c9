import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ASTUtils } from '../../util/ast-utils.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Endpoint, SdkSpec } from '../../sdks/index.js';
import { FETCH, FORMS, type HttpForm } from '../../sdks/http-clients.js';
import { endpoints } from '../../sdks/indexes.js';
import { propertyName, unwrap, scopeAt } from '../flow/ast.js';
import { isGlobal, isGlobalMember } from '../flow/globals.js';
import type { ValueResolver } from './clients.js';
import { own } from '../../util/own.js';

type Node = TSESTree.Node;

/** A request to a provider's send endpoint: which SDK's message it carries, and the body. */
export interface HttpSend {
  readonly sdk: SdkSpec;
  readonly endpoint: Endpoint;
  readonly method: string;
  readonly body: Node;
}

/** Matches provider endpoints against URLs the code spells out. */
export class HttpSends {
  /** The provider send this call makes, if its client is `fetch` or a known HTTP library and its URL a send endpoint. */
  match(call: TSESTree.CallExpression, resolver: ValueResolver, globalScope: TSESLint.Scope.Scope): HttpSend | null {
    const form = this.formOf(call, resolver, globalScope);
    if (!form) return null;
    const url = argumentAt(call, form.form.url.arg, form.form.url.path ?? []);
    const text = url && urlText(url, globalScope);
    if (text === null || text === undefined) return null;
    const found = endpoints.find((e) => e.pattern.test(text));
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
    if (isGlobal(globalScope, callee, 'fetch')) {
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

/** The URL as far as the code spells it out; an interpolation stands for one unknown segment. */
function urlText(node: Node, globalScope: TSESLint.Scope.Scope): string | null {
  const value = unwrap(node);
  const known = ASTUtils.getStaticValue(value, scopeAt(globalScope, value));
  if (known && typeof known.value === 'string') return known.value;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) {
    return value.quasis.map((q) => q.value.cooked ?? '').join('\u0000');
  }
  if (value.type === AST_NODE_TYPES.NewExpression && isGlobal(globalScope, value.callee, 'URL')) {
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
  if (value.type === AST_NODE_TYPES.CallExpression && isGlobalMember(globalScope, value.callee, 'JSON', 'stringify') && value.arguments[0]) {
    return value.arguments[0];
  }
  if (value.type === AST_NODE_TYPES.NewExpression && isGlobal(globalScope, value.callee, 'URLSearchParams') && value.arguments[0]) {
    return value.arguments[0];
  }
  return value;
}
