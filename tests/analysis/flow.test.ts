import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { propertyName, variableOf } from '../../src/analysis/flow/ast.js';
import { enclosingNamedFunction, functionName } from '../../src/analysis/flow/functions.js';
import { assignedValues, elementBinding, filledArray, importedFrom, soleValue, takenFrom } from '../../src/analysis/flow/values.js';
import { parse } from './parse.js';

/** The variable the (last) `probe(name)` names. */
function probed(code: string) {
  const parsed = parse(code);
  const probe = parsed.probes.at(-1) as TSESTree.Identifier;
  const variable = variableOf(parsed.globalScope, probe);
  if (!variable) throw new Error('probe names no variable');
  return { ...parsed, variable, probe };
}

const text = (code: string, node: TSESTree.Node | null | undefined) => (node ? code.slice(...node.range) : null);

describe('flow: loop and callback bindings hold one element', () => {
  it('for…of binds an element of the list it walks', () => {
    const code = 'const addresses = members.map((m) => m.email);\nfor (const address of addresses) probe(address);';
    const { variable } = probed(code);
    const bound = elementBinding(variable);
    expect(text(code, bound?.collection)).toBe('addresses');
    expect(bound?.whole).toBe(true);
    expect(soleValue(variable)).toBeNull();
  });

  it('a destructured loop binding is part of an element', () => {
    const code = 'for (const { email } of users) probe(email);';
    expect(elementBinding(probed(code).variable)?.whole).toBe(false);
  });

  it('array callbacks bind their element parameter, reduce its second', () => {
    for (const [code, collection] of [
      ['users.forEach((u) => probe(u));', 'users'],
      ['users.filter(Boolean).map((u) => probe(u));', 'users.filter(Boolean)'],
      ['list.reduce((acc, u) => probe(u), 0);', 'list'],
      ['Array.from(set, (u) => probe(u));', 'set'],
    ] as const) {
      expect(text(code, elementBinding(probed(code).variable)?.collection)).toBe(collection);
    }
    // The accumulator is no element; a callback of any other call binds nothing.
    expect(elementBinding(probed('list.reduce((acc, u) => probe(acc), 0);').variable)).toBeNull();
    expect(elementBinding(probed('retry((u) => probe(u));').variable)).toBeNull();
  });
});

describe('flow: values a variable is given', () => {
  it('every plain assignment, for a let assigned in branches', () => {
    const code = "let msg = { to: 'a' };\nif (preview) msg = { to: editor };\nprobe(msg);";
    const values = assignedValues(probed(code).variable);
    expect(values?.map((v) => text(code, v))).toEqual(["{ to: 'a' }", '{ to: editor }']);
  });

  it('none when a write is not a plain assignment', () => {
    expect(assignedValues(probed("let to = 'a';\nto += ',b';\nprobe(to);").variable)).toBeNull();
  });
});

describe('flow: arrays filled by push, and what is taken from them', () => {
  it('collects literal elements and pushes, and whether a push repeats', () => {
    const code = "const queue = [first];\nfor (const b of batches) queue.push({ to: b.join(',') });\nprobe(queue);";
    const filled = filledArray(probed(code).variable);
    expect(filled?.values.map((v) => text(code, v))).toEqual(['first', "{ to: b.join(',') }"]);
    expect(filled?.repeats).toBe(true);
  });

  it('a push that runs once does not repeat', () => {
    const filled = filledArray(probed("const to = [];\nto.push('a@x.io');\nprobe(to);").variable);
    expect(filled?.repeats).toBe(false);
  });

  it('shift, pop, at and an index take one element', () => {
    for (const [code, from] of [
      ['probe(queue.shift());', 'queue'],
      ['probe(queue.pop());', 'queue'],
      ['probe(queue.at(0));', 'queue'],
      ['probe(queue[0]);', 'queue'],
      ['probe(this.queue[i]);', 'this.queue'],
    ] as const) {
      const { probes } = parse(code);
      expect(text(code, takenFrom(probes[0]!))).toBe(from);
    }
    expect(takenFrom(parse('probe(queue.length);').probes[0]!)).toBeNull();
  });
});

describe('flow: the in-file call graph', () => {
  it('finds local functions by name, as arrows, and as this.#private methods', () => {
    const code = `function build(list) { return { to: list }; }
const make = (list) => ({ to: list });
class Digest {
  #transport() { return t; }
  run() { probe(this.#transport()); }
}
probe(build(x));
probe(make(x));`;
    const { probes, callSites } = parse(code);
    const [own, built, made] = probes as TSESTree.CallExpression[];
    expect(functionName(callSites.localFunction(own!.callee)!)).toBe('#transport');
    expect(functionName(callSites.localFunction(built!.callee)!)).toBe('build');
    expect(functionName(callSites.localFunction(made!.callee)!)).toBe('make');
  });

  it('has no body to follow for a declared function', () => {
    const { probes, callSites } = parse('declare function getCc(): string;\nprobe(getCc());');
    expect(callSites.localFunction((probes[0] as TSESTree.CallExpression).callee)).toBeNull();
  });

  it('finds the calls of a private method, on this and through callbacks', () => {
    const code = `class Newsletter {
  async #deliverOne(transport, sub) { return transport.sendMail({ to: sub.email }); }
  async run(subs) { await Promise.allSettled(subs.map((s) => this.#deliverOne(t, s))); }
}`;
    const { ast, callSites } = parse(code);
    const cls = ast.body[0] as TSESTree.ClassDeclaration;
    const method = cls.body.body[0] as TSESTree.MethodDefinition;
    expect(propertyName(method)).toBe('#deliverOne');
    const calls = callSites.callsOf(method.value as TSESTree.FunctionExpression);
    expect(calls.map((c) => text(code, c))).toEqual(['this.#deliverOne(t, s)']);
    const send = (method.value.body!.body[0] as TSESTree.ReturnStatement).argument!;
    expect(enclosingNamedFunction(send)).toBe(method.value);
  });

  it('knows the module a binding comes from', () => {
    const { probes, globalScope } = parse("import { chunk } from 'lodash';\nconst _ = require('lodash');\nprobe(chunk);\nprobe(_);");
    expect(probes.map((p) => importedFrom(globalScope, p as TSESTree.Identifier))).toEqual(['lodash', 'lodash']);
    expect(probes[0]!.type).toBe(AST_NODE_TYPES.Identifier);
  });
});

describe('model: recipient lists through the flow', () => {
  const DATA_DRIVEN = { kind: 'data-driven' };
  const UNKNOWN = { kind: 'unknown' };
  const classify = (code: string) => {
    const { probes, classifier } = parse(code);
    return classifier.classify(probes.at(-1)!);
  };

  it('an element of a derived list is one address, not the list', () => {
    expect(classify('const a = members.filter((m) => m.active).map((m) => m.email);\nfor (const address of a) probe(address);')).toEqual(UNKNOWN);
    expect(classify('for (const e of new Set(users.map((u) => u.email))) probe(e);')).toEqual(UNKNOWN);
    expect(classify('users.map((u) => u.email).forEach((address) => probe(address));')).toEqual(UNKNOWN);
  });

  it('an element of a list of lists is a list: chunks, by lodash or by a local helper that slices', () => {
    expect(classify("import { chunk } from 'lodash';\nfor (const batch of chunk(users.map((u) => u.email), 1000)) probe(batch);")).toEqual(DATA_DRIVEN);
    expect(classify("import _ from 'lodash';\n_.chunk(emails.filter(Boolean), 50).forEach((group) => probe(group));")).toEqual(DATA_DRIVEN);
    const local = `function chunks(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
for (const batch of chunks(customers.map((c) => c.email), 1000)) probe(batch.join(','));`;
    expect(classify(local)).toEqual(DATA_DRIVEN);
    // A chunk of a list the code spells out stays fixed.
    expect(classify("import { chunk } from 'lodash';\nfor (const b of chunk(['a@x.io', 'b@x.io'], 1)) probe(b);")).toEqual({ kind: 'fixed', count: 2 });
  });

  it('what a local function returns, its parameters bound at the call', () => {
    expect(classify('function emailsOf(users) { return users.map((u) => u.email); }\nprobe(emailsOf(db.users));')).toEqual(DATA_DRIVEN);
    expect(classify("const admins = () => ['a@x.io', 'b@x.io'];\nprobe(admins());")).toEqual({ kind: 'fixed', count: 2 });
    expect(classify("function same(list) { return list; }\nprobe(same('ops@x.io'));")).toEqual({ kind: 'fixed', count: 1 });
  });

  it('one element taken from a queue of addresses', () => {
    expect(classify("const queue = [];\nfor (const u of users) queue.push(u.email);\nprobe(queue.shift());")).toEqual(UNKNOWN);
  });
});
