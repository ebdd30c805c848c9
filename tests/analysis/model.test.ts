import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { builtinRoots } from '../../src/sdks/indexes.js';
import { findModuleRoots, requireCalls } from '../../src/analysis/file/imports.js';
import { onlyOutsideProduction } from '../../src/analysis/flow/guards.js';
import { dependsOn, repeatsWithin } from '../../src/analysis/flow/loops.js';
import { ValueResolver } from '../../src/analysis/model/clients.js';
import { MessageReader } from '../../src/analysis/model/messages.js';
import { parse } from './parse.js';

const text = (code: string, node: TSESTree.Node) => code.slice(...node.range);

describe('flow/guards: code that only runs outside production', () => {
  const guarded = (code: string) => {
    const { probes, flow } = parse(code);
    return onlyOutsideProduction(probes[0]!, flow);
  };

  it('a branch whose test rules production out', () => {
    expect(guarded("if (process.env.NODE_ENV !== 'production') probe(x);")).toBe(true);
    expect(guarded("if (process.env.NODE_ENV === 'production') {} else { probe(x); }")).toBe(true);
    expect(guarded("const t = config.env === 'development' ? probe(x) : y;")).toBe(true);
    expect(guarded('const t = import.meta.env.DEV && probe(x);')).toBe(true);
    expect(guarded("const isProd = process.env.NODE_ENV === 'production';\nif (!isProd) probe(x);")).toBe(true);
    expect(guarded("function f() {\n  if (process.env.NODE_ENV === 'production') return;\n  probe(x);\n}")).toBe(true);
  });

  it('not a branch that may run in production', () => {
    expect(guarded('probe(x);')).toBe(false);
    expect(guarded("if (process.env.NODE_ENV === 'production') probe(x);")).toBe(false);
    // Not development is not production-free: staging is neither.
    expect(guarded("if (process.env.NODE_ENV !== 'development') probe(x);")).toBe(false);
    expect(guarded("if (process.env.NODE_ENV === 'production') log();\nprobe(x);")).toBe(false);
    expect(guarded('if (isDev()) probe(x);')).toBe(false);
  });
});

describe('flow/loops', () => {
  it('a push in a loop or a callback repeats; one before the loop does not', () => {
    const code = 'function f(list) {\n  probe(a.push(1));\n  for (const x of list) probe(b.push(x));\n  list.forEach((x) => probe(c.push(x)));\n}';
    const { probes, ast } = parse(code);
    const fn = ast.body[0]!;
    expect(probes.map((p) => repeatsWithin(p, fn))).toEqual([false, true, true]);
  });

  it('a send that uses the loop variable depends on the loop; a retry of the same message does not', () => {
    const code = 'for (const u of users) probe(send(u.email));\nfor (let i = 0; i < 3; i++) probe(send(message));';
    const { probes, ast, globalScope } = parse(code);
    expect(dependsOn(probes[0]!, ast.body[0]!, globalScope)).toBe(true);
    expect(dependsOn(probes[1]!, ast.body[1]!, globalScope)).toBe(false);
  });
});

describe('file/imports: module roots', () => {
  it('imports and real require calls of SDK modules, not a local require', () => {
    const code = "import nodemailer from 'nodemailer';\nimport x from 'left-pad';\nconst sg = require('@sendgrid/mail');\nfunction g(require) { return require('resend'); }";
    const { ast, globalScope } = parse(code);
    const requires = requireCalls(globalScope);
    expect(requires.map(([, source]) => source)).toEqual(['@sendgrid/mail']);
    const roots = findModuleRoots(ast, requires, builtinRoots);
    expect([...roots.values()].map((r) => r.sdk.id).sort()).toEqual(['nodemailer', 'sendgrid']);
  });
});

describe('model/clients and model/messages', () => {
  const setup = (code: string) => {
    const parsed = parse(code);
    const requires = requireCalls(parsed.globalScope);
    const roots = findModuleRoots(parsed.ast, requires, builtinRoots);
    const resolver = new ValueResolver(parsed.flow, roots);
    const reader = new MessageReader(parsed.flow);
    return { ...parsed, resolver, reader };
  };

  it('a transport through a private factory and a parameter bound at every call', () => {
    const code = `import nodemailer from 'nodemailer';
class A {
  #transport() { return nodemailer.createTransport({}); }
  run() { probe(this.#transport()); }
}
function notify(t) { probe(t); }
notify(nodemailer.createTransport({}));`;
    const { probes, resolver } = setup(code);
    expect(probes.map((p) => resolver.kindOf(p)?.kind)).toEqual(['transport', 'transport']);
  });

  it('a parameter that one caller binds to something else is unknown', () => {
    const code = "import nodemailer from 'nodemailer';\nfunction notify(t) { probe(t); }\nnotify(nodemailer.createTransport({}));\nnotify(other);";
    const { probes, resolver } = setup(code);
    expect(resolver.kindOf(probes[0]!)).toBeNull();
  });

  it('reads a field through conditionals, local builders, queues and later writes', () => {
    const code = `function build(list) { return { to: list }; }
const queue = [];
queue.push({ to: a });
let msg = { to: b };
msg.to = c;
probe(preview ? { to: d } : build(e));
probe(queue.shift());
probe(msg);`;
    const { probes, reader } = setup(code);
    const values = probes.map((p) => reader.read(p, ['to']).writes.map((w) => text(code, w.value)));
    // `build(e)` returns `{ to: list }`: the parameter is forwarded to build's callers.
    expect(values).toEqual([['d', 'list'], ['a'], ['b', 'c']]);
    expect(reader.read(probes[0]!, ['to']).forwards.map((f) => f.index)).toEqual([]);
  });

  it('an unknown call leaves the message incomplete', () => {
    const { probes, reader } = setup('probe(makeMessage());');
    expect(reader.read(probes[0]!, ['to']).complete).toBe(false);
  });
});
