import { describe, expect, it } from 'vitest';
import type { RecipientList } from '../../src/analysis/model/recipients.js';
import { parse } from './parse.js';

/** The classification of the (only, or last) `probe(…)` argument in `code`. */
function classify(code: string): RecipientList {
  const { probes, classifier } = parse(code);
  if (probes.length === 0) throw new Error('no probe(…) in the test code');
  return classifier.classify(probes.at(-1)!);
}

const fixed = (count: number) => ({ kind: 'fixed', count });
const DATA_DRIVEN = { kind: 'data-driven' };
const UNKNOWN = { kind: 'unknown' };

/** A `parameter` result, checked without comparing the function node itself. */
function expectParameter(list: RecipientList, index: number, path: string[]): void {
  expect(list.kind).toBe('parameter');
  if (list.kind !== 'parameter') return;
  expect(list.param.index).toBe(index);
  expect(list.param.path).toEqual(path);
}

describe('RecipientClassifier', () => {
  describe('string literals', () => {
    it.each([
      ["'a@x.io'", 1],
      ["'a@x.io, b@x.io'", 2],
      ["'a@x.io; b@x.io;'", 2],
      ["'a@x.io,,b@x.io, '", 2],
      ["''", 0],
      ["'Ops <ops@x.io>'", 1],
    ])('%s has %i address(es)', (literal, count) => {
      expect(classify(`probe(${literal});`)).toEqual(fixed(count));
    });

    it('a literal that is not a string is unknown', () => {
      expect(classify('probe(42);')).toEqual(UNKNOWN);
      expect(classify('probe(null);')).toEqual(UNKNOWN);
    });

    it('undefined is no address at all', () => {
      expect(classify('probe(undefined);')).toEqual(fixed(0));
    });
  });

  describe('template literals', () => {
    it('without expressions, counts like a string', () => {
      expect(classify('probe(`a@x.io, b@x.io`);')).toEqual(fixed(2));
    });

    it('with unknown expressions, counts the separators around them', () => {
      expect(classify('probe(`${name} <${email}>`);')).toEqual(fixed(1));
      expect(classify('probe(`${a}, ${b}`);')).toEqual(fixed(2));
    });

    it('with a data-driven expression, is data-driven', () => {
      expect(classify("probe(`ops@x.io, ${users.map((u) => u.email).join(', ')}`);")).toEqual(DATA_DRIVEN);
    });

    it('with a parameter, forwards the parameter', () => {
      expectParameter(classify('function f(to) { probe(`${to}`); }'), 0, []);
    });
  });

  describe('array literals', () => {
    it('count their elements', () => {
      expect(classify('probe([]);')).toEqual(fixed(0));
      expect(classify("probe(['a@x.io', 'b@x.io', { email: 'c@x.io' }]);")).toEqual(fixed(3));
      expect(classify("probe(['a@x.io, b@x.io', 'c@x.io']);")).toEqual(fixed(3));
    });

    it('count an element they cannot see as one address', () => {
      expect(classify('probe([someone, other]);')).toEqual(fixed(2));
    });

    it('add up spreads of fixed lists', () => {
      expect(classify("const ops = ['a@x.io', 'b@x.io'];\nprobe([...ops, 'c@x.io', ...['d@x.io']]);")).toEqual(fixed(4));
    });

    it('are data-driven when they spread a list of unseen length', () => {
      expect(classify('probe([...set]);')).toEqual(DATA_DRIVEN);
      expect(classify("probe(['ops@x.io', ...users.map((u) => u.email)]);")).toEqual(DATA_DRIVEN);
    });

    it('are data-driven when an element is itself a data-driven list', () => {
      expect(classify("probe(['ops@x.io', users.map((u) => u.email)]);")).toEqual(DATA_DRIVEN);
    });

    it('with one parameter element, forward the parameter', () => {
      expectParameter(classify('function f(to) { probe([to]); }'), 0, []);
    });
  });

  describe('array methods', () => {
    it.each(['map((u) => u.email)', 'filter(Boolean)', 'flatMap((u) => u.emails)', 'slice(0, 50)', 'concat(more)', 'toSorted()'])(
      '.%s on an unseen value is data-driven',
      (call) => {
        expect(classify(`probe(users.${call});`)).toEqual(DATA_DRIVEN);
      },
    );

    it('.map and .filter keep the count of a fixed list', () => {
      expect(classify("probe(['a@x.io', 'b@x.io'].map((e) => e.trim()));")).toEqual(fixed(2));
      expect(classify("probe(['a@x.io', 'b@x.io'].filter(Boolean));")).toEqual(fixed(2));
    });

    it('.concat, .flat and .flatMap of a fixed list are data-driven', () => {
      expect(classify("probe(['a@x.io'].concat(others));")).toEqual(DATA_DRIVEN);
      expect(classify("probe([['a@x.io']].flat());")).toEqual(DATA_DRIVEN);
    });

    it('.concat of a fixed list with fixed lists is fixed; a list read only through its own earlier value is unknown', () => {
      expect(classify("probe(['a@x.io'].concat(['b@x.io'], 'c@x.io, d@x.io'));")).toEqual(fixed(4));
      expect(classify("let team = ['a@x.io']; if (flag) team = team.concat(['b@x.io']); probe(team);")).toEqual(fixed(2));
      expect(classify("let team = ['a@x.io']; team = team.concat(users.map((u) => u.email)); probe(team);")).toEqual(DATA_DRIVEN);
      expect(classify('let team = load(); team = team.concat(team.slice(1)); probe(team);')).toEqual(UNKNOWN);
    });

    it('.concat and .slice on a string are one string', () => {
      expect(classify("probe('a@x.io'.concat(''));")).toEqual(fixed(1));
      expect(classify('probe(`a@x.io`.slice(0));')).toEqual(fixed(1));
    });

    it("callers' lists joined by spreads are theirs: one parameter forwards, several are unknown (novu, opencouncil)", () => {
      expect(classify('function f(options, overrides) { probe([...options.to, ...overrides.to]); }')).toEqual(UNKNOWN);
      expect(classify('function f(data) { const cc = [data.userEmail]; cc.push(...data.ccEmails); probe(cc); }').kind).toBe('parameter');
      expect(classify('function f(cc) { probe(["ops@x.io", ...cc]); }').kind).toBe('parameter');
      const consultation = 'function f(data) { const { userEmail, ccEmails } = data; const all = [userEmail]; if (ccEmails) all.push(...ccEmails); probe(all); }';
      expect(classify(consultation)).toMatchObject({ kind: 'parameter', param: { index: 0, path: ['ccEmails'] } });
      expect(classify('function f(users) { const cc = ["ops@x.io"]; cc.push(...users.map((u) => u.email)); probe(cc); }')).toEqual(DATA_DRIVEN);
    });

    it('.map on a parameter is data-driven', () => {
      expect(classify('function f(users) { probe(users.map((u) => u.email)); }')).toEqual(DATA_DRIVEN);
    });

    it("a received recipient field's entries turned into addresses stay the caller's (a provider adapter, Payload)", () => {
      const found = classify('function f(message) { probe(message.to.map((a) => a.address)); }');
      expect(found.kind).toBe('parameter');
      expect(classify('function f(cc) { probe(cc.map((a) => (typeof a === "string" ? a : a.address))); }').kind).toBe('parameter');
      // Payload's Resend adapter: a local helper maps each address list of the received message.
      const adapter = `const mapAddresses = (addresses) => addresses.map((a) => (typeof a === 'string' ? a : a.address));
function f(message) { probe(mapAddresses(message.to)); }`;
      expect(classify(adapter).kind).toBe('parameter');
      // Records of people stay data: their address field is read (MailEasy's survey recipients).
      expect(classify('function f(subscribers) { probe(subscribers.map((s) => s.address)); }')).toEqual(DATA_DRIVEN);
      expect(classify('function f({ recipients }) { probe(recipients.map(({ email }) => email)); }')).toEqual(DATA_DRIVEN);
    });

    it('.join keeps what it joins', () => {
      expect(classify("probe(users.map((u) => u.email).join(', '));")).toEqual(DATA_DRIVEN);
      expect(classify("probe(['a@x.io', 'b@x.io'].join(', '));")).toEqual(fixed(2));
    });

    it('.join on a parameter forwards what the caller passes: a joined list is still theirs', () => {
      expectParameter(classify("function f(list) { probe(list.join(',')); }"), 0, []);
      expect(classify("probe(users.map((u) => u.email).join(','));")).toEqual(DATA_DRIVEN);
    });

    it('other methods are unknown', () => {
      expect(classify('probe(user.getEmail());')).toEqual(UNKNOWN);
      expect(classify('probe(getRecipients());')).toEqual(UNKNOWN);
    });
  });

  describe('.split: a delimited string from configuration', () => {
    it('is unknown', () => {
      expect(classify("probe(process.env.ALERTS.split(','));")).toEqual(UNKNOWN);
    });

    it('stays unknown through .map and .filter', () => {
      expect(classify("probe(process.env.ALERTS.split(',').map((s) => s.trim()));")).toEqual(UNKNOWN);
      expect(classify("probe(config.to.split(/[,;]/).filter(Boolean));")).toEqual(UNKNOWN);
    });

    it('stays unknown through a variable', () => {
      expect(classify("const list = process.env.ALERTS.split(',');\nprobe(list);")).toEqual(UNKNOWN);
    });
  });

  describe('Array.from and Object.keys/values/entries', () => {
    it.each(['Array.from(set)', 'Object.keys(byEmail)', 'Object.values(byId)', 'Object.entries(map)'])('%s is data-driven', (call) => {
      expect(classify(`probe(${call});`)).toEqual(DATA_DRIVEN);
    });

    it('Array.from of a fixed list keeps its count', () => {
      expect(classify("probe(Array.from(['a@x.io', 'b@x.io']));")).toEqual(fixed(2));
    });

    it('Array.from of a data-driven list is data-driven', () => {
      expect(classify('probe(Array.from(users.map((u) => u.email)));')).toEqual(DATA_DRIVEN);
    });

    it('Array.from and Object.keys of a parameter build a list from its data', () => {
      expect(classify('function f(list) { probe(Array.from(list)); }')).toEqual(DATA_DRIVEN);
      expect(classify('function f(byEmail) { probe(Object.keys(byEmail)); }')).toEqual(DATA_DRIVEN);
    });

    it('new Set() holds what its source holds', () => {
      expect(classify('function f(users) { probe([...new Set(users.map((u) => u.email))]); }')).toEqual(DATA_DRIVEN);
      expect(classify("probe(new Set(['a@x.io', 'b@x.io']));")).toEqual({ kind: 'fixed', count: 2 });
      expect(classify('probe(new Set());')).toEqual({ kind: 'fixed', count: 0 });
      expect(classify('function f(s: Set<string>) { probe(Array.from(s)); }')).toEqual(DATA_DRIVEN);
    });

    it('a local Array or Object is not the global one', () => {
      expect(classify('const Array = { from: (x) => x };\nprobe(Array.from(set));')).toEqual(UNKNOWN);
      expect(classify('function f(Object) { probe(Object.keys(byEmail)); }')).toEqual(UNKNOWN);
    });
  });

  describe('arrays filled with push', () => {
    it('a push in a for…of loop is data-driven', () => {
      expect(classify('const list = [];\nfor (const u of users) list.push(u.email);\nprobe(list);')).toEqual(DATA_DRIVEN);
    });

    it('a push in a while loop is data-driven', () => {
      expect(classify('const list = [];\nlet i = 0;\nwhile (i < n) { list.push(next()); i++; }\nprobe(list);')).toEqual(DATA_DRIVEN);
    });

    it('a push in a forEach callback is data-driven', () => {
      expect(classify('const list = [];\nusers.forEach((u) => list.push(u.email));\nprobe(list);')).toEqual(DATA_DRIVEN);
    });

    it('an unshift in a loop is data-driven', () => {
      expect(classify('const list = [];\nfor (const u of users) { list.unshift(u.email); }\nprobe(list);')).toEqual(DATA_DRIVEN);
    });

    it('a push of a spread is data-driven', () => {
      expect(classify("const list = [];\nlist.push('ops@x.io', ...others);\nprobe(list);")).toEqual(DATA_DRIVEN);
    });

    it('pushes outside any loop add up to a fixed list', () => {
      expect(classify("const list = [];\nlist.push('a@x.io');\nlist.push('b@x.io', 'c@x.io');\nprobe(list);")).toEqual(fixed(3));
    });

    it('a push in the same loop iteration as the declaration is fixed', () => {
      expect(classify('for (const u of users) {\n  const list = [];\n  list.push(u.email);\n  probe(list);\n}')).toEqual(fixed(1));
    });

    it('an empty array never pushed to is empty', () => {
      expect(classify('const list = [];\nprobe(list);')).toEqual(fixed(0));
    });
  });

  describe('variables', () => {
    it('follow a const to its value', () => {
      expect(classify('const to = users.map((u) => u.email);\nprobe(to);')).toEqual(DATA_DRIVEN);
      expect(classify("const to = 'a@x.io, b@x.io';\nprobe(to);")).toEqual(fixed(2));
    });

    it('follow a let written once', () => {
      expect(classify('let to = [...set];\nprobe(to);')).toEqual(DATA_DRIVEN);
    });

    it('given several values, are data-driven when one of them is', () => {
      expect(classify("let to = 'a@x.io';\nto = users.join(',');\nprobe(to);")).toEqual(DATA_DRIVEN);
      expect(classify("let to;\nif (all) to = users.map((u) => u.email);\nelse to = null;\nprobe(to);")).toEqual(DATA_DRIVEN);
      expect(classify("let to = 'a@x.io';\nto += ',b@x.io';\nprobe(to);")).toEqual(UNKNOWN);
    });

    it('do not take an array annotation as proof, only a tuple', () => {
      expect(classify('const to: string[] = load();\nprobe(to);')).toEqual(UNKNOWN);
      expect(classify('const to: string[] = ["a@x.io"];\nprobe(to);')).toEqual(fixed(1));
      expect(classify('const to: [string, string] = load();\nprobe(to);')).toEqual(fixed(2));
    });

    it('are unknown when undeclared', () => {
      expect(classify('probe(recipients);')).toEqual(UNKNOWN);
    });

    it('see through `as`, `!` and `satisfies`', () => {
      expect(classify('probe((users.map((u) => u.email) as string[])!);')).toEqual(DATA_DRIVEN);
      expect(classify("probe(['a@x.io', 'b@x.io'] satisfies string[]);")).toEqual(fixed(2));
    });
  });

  describe('parameters', () => {
    it('a plain parameter is forwarded, with its index and an empty path', () => {
      const { probes, classifier, ast } = parse('function send(subject, to) { probe(to); }');
      const list = classifier.classify(probes[0]!);
      expectParameter(list, 1, []);
      if (list.kind === 'parameter') expect(list.param.fn).toBe(ast.body[0]);
    });

    it('an arrow function parameter and a default value', () => {
      expectParameter(classify("const send = (to = 'ops@x.io') => probe(to);"), 0, []);
    });

    it('a member of a parameter extends the path', () => {
      expectParameter(classify('function send(options) { probe(options.to); }'), 0, ['to']);
      expectParameter(classify('function send(id, options) { probe(options.message.cc); }'), 1, ['message', 'cc']);
    });

    it('a destructured parameter gives the path to the binding', () => {
      expectParameter(classify('function send({ to, subject }) { probe(to); }'), 0, ['to']);
      expectParameter(classify('function send(a, { message: { to: list } }) { probe(list); }'), 1, ['message', 'to']);
    });

    it('a rest parameter is unknown', () => {
      expect(classify('function send(...to) { probe(to); }')).toEqual(UNKNOWN);
    });

    it('a parameter annotated as a list is still whatever its callers pass', () => {
      expectParameter(classify('function send(to: string[]) { probe(to); }'), 0, []);
      expectParameter(classify('function send(to: Array<string>) { probe(to); }'), 0, []);
      expectParameter(classify('function send(to: readonly string[]) { probe(to); }'), 0, []);
      expectParameter(classify('function send(to: ReadonlyArray<{ email: string }>) { probe(to); }'), 0, []);
    });

    it('a default value that maps records is data-driven: a caller that passes nothing sends it', () => {
      expect(classify('function send(to = users.map((u) => u.email)) { probe(to); }')).toEqual(DATA_DRIVEN);
      expectParameter(classify("function send(to = 'ops@x.io') { probe(to); }"), 0, []);
    });

    it('a parameter annotated as a tuple is fixed', () => {
      expect(classify('function send(to: [string, string, string]) { probe(to); }')).toEqual(fixed(3));
    });

    it('a parameter annotated with something else is forwarded', () => {
      expectParameter(classify('function send(to: string) { probe(to); }'), 0, []);
      expectParameter(classify('function send(to: Recipients) { probe(to); }'), 0, []);
    });

    it('a destructured parameter takes a tuple annotation of its property, and forwards otherwise', () => {
      expectParameter(classify('function send({ to }: { to: string[] }) { probe(to); }'), 0, ['to']);
      expect(classify('function send({ to }: { to: [string] }) { probe(to); }')).toEqual(fixed(1));
      expectParameter(classify('function send({ to }: { to: string }) { probe(to); }'), 0, ['to']);
    });

    it("a constructor parameter property forwards the caller's list", () => {
      expectParameter(classify('class M { constructor(private to: string[]) { probe(to); } }'), 0, []);
    });
  });

  describe('conditional and logical combinations', () => {
    it('a data-driven branch wins', () => {
      expect(classify("probe(all ? users.map((u) => u.email) : 'ops@x.io');")).toEqual(DATA_DRIVEN);
      expect(classify("probe(override || [...set]);")).toEqual(DATA_DRIVEN);
    });

    it('then a parameter', () => {
      expectParameter(classify("function f(to) { probe(to ?? 'ops@x.io'); }"), 0, []);
    });

    it('then the larger fixed list', () => {
      expect(classify("probe(urgent ? 'a@x.io, b@x.io, c@x.io' : 'a@x.io');")).toEqual(fixed(3));
      expect(classify("probe(custom || 'a@x.io, b@x.io');")).toEqual(fixed(2));
    });

    it('unknown on both sides is unknown', () => {
      expect(classify('probe(a ? b : c);')).toEqual(UNKNOWN);
    });

    it('string concatenation is data-driven only with a data-driven side', () => {
      expect(classify("probe('ops@x.io, ' + users.map((u) => u.email).join(', '));")).toEqual(DATA_DRIVEN);
      expect(classify("probe('a@x.io' + ', b@x.io');")).toEqual(UNKNOWN);
    });
  });

  describe('this.field', () => {
    it('a field annotated as a list is unknown: its type says what may be stored, not what is', () => {
      expect(classify('class M {\n  private admins: string[] = [];\n  send() { probe(this.admins); }\n}')).toEqual(UNKNOWN);
      expect(classify('class M {\n  admins!: ReadonlyArray<string>;\n  send() { return () => probe(this.admins); }\n}')).toEqual(UNKNOWN);
    });

    it('a tuple field is fixed', () => {
      expect(classify('class M {\n  pair: [string, string] = ["a", "b"];\n  send() { probe(this.pair); }\n}')).toEqual(fixed(2));
    });

    it('a field without an annotation, or a static one, is unknown', () => {
      expect(classify("class M {\n  admins = ['a@x.io', 'b@x.io'];\n  send() { probe(this.admins); }\n}")).toEqual(UNKNOWN);
      expect(classify('class M {\n  static admins: string[] = [];\n  send() { probe(this.admins); }\n}')).toEqual(UNKNOWN);
    });

    it('this outside a class is unknown', () => {
      expect(classify('function f() { probe(this.admins); }')).toEqual(UNKNOWN);
    });
  });

  describe('address objects', () => {
    it('an object or a constructed value is one address', () => {
      expect(classify("probe({ email: 'a@x.io', name: 'A' });")).toEqual(fixed(1));
      expect(classify("probe(new Recipient('a@x.io'));")).toEqual(fixed(1));
    });
  });

  it('memoises: the same node classifies the same way twice', () => {
    const { probes, classifier } = parse('const to = users.map((u) => u.email);\nprobe(to);');
    const first = classifier.classify(probes[0]!);
    expect(classifier.classify(probes[0]!)).toBe(first);
  });

  it('a variable defined through itself is unknown, not an endless loop', () => {
    expect(classify('var to = to;\nprobe(to);')).toEqual(UNKNOWN);
  });
});
