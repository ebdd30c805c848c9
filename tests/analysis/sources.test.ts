import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isGlobal, isGlobalMember } from '../../src/analysis/flow/globals.js';
import { MAX_DEPTH, type Source, ValueFlow } from '../../src/analysis/flow/sources.js';
import { parse } from './parse.js';

/** The sources of the (last) probe, each as `kind text` with its path and what it falls back for. */
function sourcesOf(code: string, flowOf = (parsed: ReturnType<typeof parse>) => parsed.flow): string[] {
  const parsed = parse(code);
  return flowOf(parsed).sources(parsed.probes.at(-1)!).map((s) => show(code, s));
}

function show(code: string, source: Source): string {
  const text = code.slice(...source.node.range);
  const path = 'path' in source && source.path.length ? ` .${source.path.join('.')}` : '';
  const extra =
    source.kind === 'parameter'
      ? ` #${source.index}`
      : source.kind === 'import'
        ? ` from ${source.module} ${source.name}`
        : '';
  const fallback = source.fallbackFor ? ` || ${code.slice(...source.fallbackFor.range)}` : '';
  return `${source.kind} ${text}${extra}${path}${fallback}`;
}

describe('flow/sources: what an expression can evaluate to', () => {
  it('every value a variable is given, through aliases', () => {
    expect(sourcesOf("let a = 'x';\nif (c) a = other;\nconst b = a;\nprobe(b);")).toEqual(["value 'x'", 'value other']);
  });

  it('conditionals, logical expressions and what changes no value', () => {
    expect(sourcesOf('probe(c ? first : second);')).toEqual(['value first', 'value second']);
    expect(sourcesOf("probe(process.env.KEY || 'dev');")).toEqual(['value process .env.KEY', "value 'dev' || process.env.KEY"]);
    // `a && b` is `b`, or a falsy `a` no one reads a value from.
    expect(sourcesOf('probe(enabled && client);')).toEqual(['value client']);
    expect(sourcesOf('probe((list as string[])!);')).toEqual(['value list']);
    // The same value twice is one source.
    expect(sourcesOf('const team = [a];\nprobe(c ? team : team);')).toEqual(['value [a]']);
  });

  it('records: a property, a destructured part, a spread, a later write', () => {
    expect(sourcesOf('const config = { admins: list };\nprobe(config.admins);')).toEqual(['value list']);
    expect(sourcesOf('const { mail: { to } } = { mail: { to: list } };\nprobe(to);')).toEqual(['value list']);
    expect(sourcesOf('const base = { to: a };\nconst msg = { ...base, cc: b };\nprobe(msg.to);')).toEqual(['value a']);
    expect(sourcesOf('const msg = { to: a };\nmsg.to = b;\nprobe(msg.to);')).toEqual(['value a', 'value b']);
    // A property of something not in view: that value, and the path still to read.
    expect(sourcesOf('probe(settings.mail.to);')).toEqual(['value settings .mail.to']);
  });

  it("local functions' returns, their parameters bound to the call's arguments", () => {
    expect(sourcesOf('function same(x) { return x; }\nprobe(same(list));')).toEqual(['value list']);
    expect(sourcesOf('function pick(o) { return o.to; }\nprobe(pick({ to: list }));')).toEqual(['value list']);
    expect(sourcesOf("function or(x = 'none') { return x; }\nprobe(or());")).toEqual(["value 'none'"]);
    // Unbound, a parameter is whatever callers pass.
    expect(sourcesOf('function f(a, { to }) { probe(to); }')).toEqual(['parameter to #1 .to']);
  });

  it('class fields, this.x writes and parameter properties', () => {
    const parsed = parse('class A {\n  list = a;\n  constructor(private mail: M) {}\n  run() { probe(this.list); probe(this.mail); }\n}');
    const cls = parsed.ast.body[0] as TSESTree.ClassDeclaration;
    const right = (parsed.ast.body[0] as TSESTree.ClassDeclaration).body.body[0] as TSESTree.PropertyDefinition;
    const flow = new ValueFlow(parsed.globalScope, parsed.callSites, { get: (c) => (c === cls ? new Map([['list', [right.value!]]]) : undefined) });
    const [list, mail] = parsed.probes.map((p) => flow.sources(p));
    expect(list!.map((s) => s.kind)).toEqual(['value']);
    expect(list![0]!.through).toEqual([{ kind: 'field', cls, name: 'list' }]);
    expect(mail!.map((s) => s.kind)).toEqual(['parameter']);
  });

  it('elements: loop and callback bindings, queues, list elements', () => {
    expect(sourcesOf('for (const t of [a, b]) probe(t);')).toEqual(['value a', 'value b']);
    expect(sourcesOf('const q = [];\nq.push(message);\nprobe(q.shift());')).toEqual(['value message']);
    expect(sourcesOf('const lists = [[a], ...more];\nprobe(lists[0]);')).toEqual(['value [a]', 'element more']);
    expect(sourcesOf('users.map((u) => ({ to: u })).forEach((m) => probe(m));')).toEqual(['value { to: u }']);
    // An element of a list not in view.
    expect(sourcesOf('users.forEach((u) => probe(u));')).toEqual(['element users']);
  });

  it('imports and require(): the module and the export', () => {
    expect(sourcesOf("import { send as deliver } from './mailer.js';\nprobe(deliver);")).toEqual(['import deliver from ./mailer.js send']);
    expect(sourcesOf("import * as mail from './mailer.js';\nprobe(mail.client);")).toEqual(['import mail from ./mailer.js * .client']);
    expect(sourcesOf("const { client } = require('./mailer');\nprobe(client);")).toEqual(["import require('./mailer') from ./mailer default .client"]);
    // A local `require` is no import.
    expect(sourcesOf("function load(require) { probe(require('./mailer')); }")).toEqual(["value require('./mailer')"]);
  });

  it('a value defined through itself, and past the depth budget, is unknown', () => {
    // `x` asked again inside its own answer (the `x` of `x || b`) is unknown.
    expect(sourcesOf('let x = a;\nx = x || b;\nprobe(x);')).toEqual(['value a', 'unknown x', 'value b || x']);
    const chain = `const a0 = list;\n${Array.from({ length: MAX_DEPTH + 5 }, (_, i) => `const a${i + 1} = a${i};`).join('\n')}\nprobe(a${MAX_DEPTH + 5});`;
    expect(sourcesOf(chain)).toEqual([`unknown a${MAX_DEPTH + 5 - MAX_DEPTH}`]);
    expect(sourcesOf(`const a0 = list;\n${Array.from({ length: 10 }, (_, i) => `const a${i + 1} = a${i};`).join('\n')}\nprobe(a10);`)).toEqual(['value list']);
  });

  it("the arguments the file's calls pass for a parameter", () => {
    const parsed = parse('function notify(transport) { probe(transport); }\nnotify(a);\nnotify(b);');
    const [parameter] = parsed.flow.sources(parsed.probes[0]!);
    expect(parameter?.kind).toBe('parameter');
    const args = parameter?.kind === 'parameter' ? parsed.flow.callArguments(parameter) : null;
    expect(args?.map((a) => (a as TSESTree.Identifier).name)).toEqual(['a', 'b']);
  });

  it('reads a field where it was written, as written', () => {
    const code = "const msg = { to: list, ...extra };\nmsg.cc = admins;\nprobe(msg);";
    const parsed = parse(code);
    const read = (path: string[]) =>
      parsed.flow.read(parsed.probes[0]!, path).map((e) => (e.kind === 'write' ? `write ${code.slice(...e.holder.range)}` : show(code, e)));
    // A spread after `to` may override it: what it holds is read first, and it is not in view.
    expect(read(['to'])).toEqual(['value extra .to', 'write to: list']);
    expect(read(['cc'])).toEqual(['value extra .cc', 'write msg.cc = admins']);
  });
});

describe('flow/globals: the real built-ins', () => {
  it('a name no enclosing scope defines', () => {
    const { probes, globalScope } = parse("import { Array } from './throttled.js';\nprobe(Array);\nfunction f(Set) { probe(Set); }\nprobe(Promise);\nprobe(JSON.stringify);");
    expect(isGlobal(globalScope, probes[0], 'Array')).toBe(false);
    expect(isGlobal(globalScope, probes[1], 'Set')).toBe(false);
    expect(isGlobal(globalScope, probes[2], 'Promise')).toBe(true);
    expect(isGlobal(globalScope, probes[2], 'process')).toBe(false);
    expect(isGlobalMember(globalScope, probes[3], 'JSON', 'stringify')).toBe(true);
  });
});
