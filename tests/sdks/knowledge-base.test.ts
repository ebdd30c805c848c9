import { describe, expect, it } from 'vitest';
import { type SdkSpec, type SendSpec, sdks } from '../../src/sdks/index.js';

/** Every send a kind declares, with where it is declared. */
function sendsOf(sdk: SdkSpec): [where: string, send: SendSpec][] {
  const found: [string, SendSpec][] = [];
  for (const [kindName, kind] of Object.entries(sdk.kinds)) {
    for (const [method, send] of Object.entries(kind.sends ?? {})) found.push([`kinds.${kindName}.sends.${method}`, send]);
    if (kind.callSend) found.push([`kinds.${kindName}.callSend`, kind.callSend]);
    if (kind.constructSend) found.push([`kinds.${kindName}.constructSend`, kind.constructSend]);
  }
  // An action the library registers on a message bus sends its dispatched object (seneca-mail).
  for (const [index, pattern] of (sdk.patterns ?? []).entries()) found.push([`patterns.${index}`, { message: pattern.message }]);
  return found;
}

/** The visible fields of a message, as dotted paths (`Destination.ToAddresses`). */
function visiblePaths(sdk: SdkSpec, message: string): Set<string> {
  return new Set(sdk.messages[message]?.visible.map((f) => f.path.join('.')) ?? []);
}

/** The field every recipient is addressed in: `to`, `To`, `ToAddresses`. */
const MAIN_RECIPIENT_FIELD = /^(?:to|To|ToAddresses)$/;

/** What is wrong with one SDK description, one sentence per problem. */
function problems(sdk: SdkSpec): string[] {
  const out: string[] = [];
  const kindExists = (where: string, kind: string) => {
    if (!Object.hasOwn(sdk.kinds, kind)) out.push(`${where} names the kind "${kind}", which is not in kinds`);
  };
  const messageExists = (where: string, message: string) => {
    if (!Object.hasOwn(sdk.messages, message)) out.push(`${where} names the message "${message}", which is not in messages`);
  };

  for (const [module, kind] of Object.entries(sdk.modules)) kindExists(`modules['${module}']`, kind);
  for (const [type, kind] of Object.entries(sdk.types ?? {})) kindExists(`types.${type}`, kind);
  for (const [kindName, kind] of Object.entries(sdk.kinds)) {
    const at = `kinds.${kindName}`;
    for (const [prop, target] of Object.entries(kind.props ?? {})) kindExists(`${at}.props.${prop}`, target);
    for (const [method, target] of Object.entries(kind.methods ?? {})) kindExists(`${at}.methods.${method}`, target);
    if (kind.call !== undefined) kindExists(`${at}.call`, kind.call);
    if (kind.construct !== undefined) kindExists(`${at}.construct`, kind.construct);
    if (kind.message !== undefined) messageExists(`${at}.message`, kind.message);
    if (kind.setters) {
      if (kind.message === undefined) out.push(`${at}.setters needs a message`);
      const visible = visiblePaths(sdk, kind.message ?? '');
      for (const [setter, field] of Object.entries(kind.setters)) {
        if (!visible.has(field)) out.push(`${at}.setters.${setter} writes "${field}", which is not a visible field`);
      }
    }
  }
  for (const [where, send] of sendsOf(sdk)) messageExists(where, send.message);

  for (const [name, message] of Object.entries(sdk.messages)) {
    const at = `messages.${name}`;
    const visible = visiblePaths(sdk, name);
    if (message.visible.length === 0) out.push(`${at} has no visible fields`);
    for (const field of message.visible) {
      const last = field.path.at(-1);
      if (field.path.length === 0) out.push(`${at} has a field with an empty path`);
      if (field.bcc !== undefined && field.bcc === last) {
        out.push(`${at}.${field.path.join('.')} suggests its own key "${field.bcc}" as bcc`);
      }
      if (field.bcc === '') out.push(`${at}.${field.path.join('.')} has an empty bcc`);
      // A suggestion merges a list into a bcc that is set already only in the form the provider takes.
      if (field.bcc !== undefined && field.bccForm === undefined) {
        out.push(`${at}.${field.path.join('.')} does not say how its bcc takes several addresses (bccForm)`);
      }
      // Moving a message's main recipient field to bcc leaves it without one: whether the provider
      // accepts that is a fact about the provider, so the data must say it either way.
      if (field.bcc !== undefined && MAIN_RECIPIENT_FIELD.test(last ?? '') && field.required === undefined) {
        out.push(`${at}.${field.path.join('.')} does not say whether the provider requires it (required: true or false)`);
      }
      // A fix that sends the list to bcc must keep the required field, or the request is refused.
      if (field.required && /\bbcc\b/i.test(message.fix) && !/\bkeep/i.test(message.fix)) {
        out.push(`${at}.fix moves the list to bcc without keeping the required ${field.path.join('.')}`);
      }
    }
    for (const field of message.individualFlag?.fields ?? []) {
      if (!visible.has(field)) out.push(`${at}.individualFlag.fields names "${field}", which is not a visible field`);
    }
    for (const field of message.individualWhenPresent?.fields ?? []) {
      if (!visible.has(field)) out.push(`${at}.individualWhenPresent.fields names "${field}", which is not a visible field`);
    }
    const sentences: [string, string | undefined][] = [
      ['fix', message.fix],
      ['individualFlag.unsetFix', message.individualFlag?.unsetFix],
    ];
    for (const [key, text] of sentences) {
      if (key === 'fix' && (typeof text !== 'string' || text.trim() === '')) out.push(`${at}.fix is empty`);
      else if (typeof text === 'string' && !text.trimEnd().endsWith('.')) out.push(`${at}.${key} does not end with a full stop`);
    }
  }

  if (sendsOf(sdk).length === 0) out.push('no kind sends mail (sends, callSend or constructSend) and no pattern is dispatched');
  for (const [index, pattern] of (sdk.patterns ?? []).entries()) {
    if (Object.keys(pattern.fields).length === 0) out.push(`patterns.${index} has no fields`);
    if (!/^https:\/\//.test(pattern.source)) out.push(`patterns.${index}.source is not a documentation link`);
  }
  if (typeof sdk.batching !== 'string' || !sdk.batching.trimEnd().endsWith('.')) {
    out.push('batching is not a sentence ending in a full stop');
  }
  for (const [name, kind] of Object.entries(sdk.kinds)) {
    if (kind.throttledWhen && kind.throttledWhen.options.length === 0) out.push(`kinds.${name}.throttledWhen has no options`);
  }
  return out;
}

describe('SDK knowledge base', () => {
  it('has SDKs', () => {
    expect(sdks.length).toBeGreaterThan(0);
  });

  describe.each(sdks.map((sdk) => [sdk.id, sdk] as const))('%s', (_id, sdk) => {
    it('is internally consistent', () => {
      expect(problems(sdk)).toEqual([]);
    });

    it('has a label and at least one module', () => {
      expect(sdk.label.trim()).not.toBe('');
      expect(Object.keys(sdk.modules).length).toBeGreaterThan(0);
    });

    it('has a message for every send, with a non-empty fix ending in a full stop', () => {
      const sends = sendsOf(sdk);
      expect(sends.length).toBeGreaterThan(0);
      for (const [, send] of sends) {
        const message = sdk.messages[send.message];
        expect(message).toBeDefined();
        expect(message!.fix.trim().length).toBeGreaterThan(0);
        expect(message!.fix.trimEnd()).toMatch(/\.$/);
      }
    });
  });

  it('has unique ids', () => {
    const ids = sdks.map((sdk) => sdk.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every module specifier to one SDK only', () => {
    const owners = new Map<string, string[]>();
    for (const sdk of sdks) {
      for (const module of Object.keys(sdk.modules)) owners.set(module, [...(owners.get(module) ?? []), sdk.id]);
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });
});

// The checks above would pass on any input if they never found anything: each mistake below must be caught.
describe('the knowledge-base checks themselves', () => {
  const base: SdkSpec = {
    id: 'fixture',
    label: 'Fixture',
    batching: 'Use the fixture batch API.',
    modules: { fixture: 'module' },
    types: { Client: 'client' },
    kinds: {
      module: { props: { Client: 'clientClass' }, methods: { make: 'client' } },
      clientClass: { construct: 'client' },
      client: { sends: { send: { message: 'mail' } } },
      params: { message: 'mail', setters: { setTo: 'to' } },
    },
    messages: {
      mail: {
        visible: [{ path: ['to'], bcc: 'bcc', bccForm: 'array', required: false }, { path: ['cc'] }],
        individualFlag: { path: ['isMultiple'], equals: true, fields: ['to'], suggestion: 'isMultiple: true' },
        individualWhenPresent: { path: ['vars'], fields: ['to'] },
        fix: 'Use bcc.',
      },
    },
  };

  it('accept a consistent SDK', () => {
    expect(problems(base)).toEqual([]);
  });

  const broken: [string, SdkSpec, string][] = [
    ['a module giving a missing kind', { ...base, modules: { fixture: 'nope' } }, `modules['fixture'] names the kind "nope"`],
    ['a type naming a missing kind', { ...base, types: { Client: 'nope' } }, 'types.Client names the kind "nope"'],
    [
      'a prop naming a missing kind',
      { ...base, kinds: { ...base.kinds, module: { props: { Client: 'nope' } } } },
      'kinds.module.props.Client names the kind "nope"',
    ],
    [
      'a method naming a missing kind',
      { ...base, kinds: { ...base.kinds, module: { methods: { make: 'nope' } } } },
      'kinds.module.methods.make names the kind "nope"',
    ],
    ['a call naming a missing kind', { ...base, kinds: { ...base.kinds, module: { call: 'nope' } } }, 'kinds.module.call names the kind "nope"'],
    [
      'a construct naming a missing kind',
      { ...base, kinds: { ...base.kinds, clientClass: { construct: 'nope' } } },
      'kinds.clientClass.construct names the kind "nope"',
    ],
    [
      'a send naming a missing message',
      { ...base, kinds: { ...base.kinds, client: { sends: { send: { message: 'nope' } } } } },
      'kinds.client.sends.send names the message "nope"',
    ],
    [
      'a callSend naming a missing message',
      { ...base, kinds: { ...base.kinds, client: { callSend: { message: 'nope' } } } },
      'kinds.client.callSend names the message "nope"',
    ],
    [
      'a setter writing a field that is not visible',
      { ...base, kinds: { ...base.kinds, params: { message: 'mail', setters: { setBcc: 'bcc' } } } },
      'kinds.params.setters.setBcc writes "bcc"',
    ],
    [
      'a flag individualising an unknown field',
      { ...base, messages: { mail: { ...base.messages['mail']!, individualFlag: { path: ['m'], equals: true, fields: ['To'], suggestion: 'm: true' } } } },
      'messages.mail.individualFlag.fields names "To"',
    ],
    [
      'a present-flag individualising an unknown field',
      { ...base, messages: { mail: { ...base.messages['mail']!, individualWhenPresent: { path: ['v'], fields: ['bcc'] } } } },
      'messages.mail.individualWhenPresent.fields names "bcc"',
    ],
    [
      'a bcc suggestion equal to the field itself',
      { ...base, messages: { mail: { ...base.messages['mail']!, visible: [{ path: ['to'], bcc: 'to', bccForm: 'array', required: false }] } } },
      'messages.mail.to suggests its own key "to"',
    ],
    [
      'a field with a bcc that does not say how the bcc takes several addresses',
      { ...base, messages: { mail: { ...base.messages['mail']!, visible: [{ path: ['to'], bcc: 'bcc', required: false }] } } },
      'messages.mail.to does not say how its bcc takes several addresses (bccForm)',
    ],
    [
      'a main recipient field that does not say whether the provider requires it',
      { ...base, messages: { mail: { ...base.messages['mail']!, visible: [{ path: ['to'], bcc: 'bcc', bccForm: 'array' }] } } },
      'messages.mail.to does not say whether the provider requires it',
    ],
    [
      'a fix that moves a required field to bcc without keeping it',
      { ...base, messages: { mail: { ...base.messages['mail']!, visible: [{ path: ['to'], bcc: 'bcc', bccForm: 'array', required: true }] } } },
      'messages.mail.fix moves the list to bcc without keeping the required to',
    ],
    ['an empty fix', { ...base, messages: { mail: { ...base.messages['mail']!, fix: ' ' } } }, 'messages.mail.fix is empty'],
    [
      'a fix without a full stop',
      { ...base, messages: { mail: { ...base.messages['mail']!, fix: 'Use bcc' } } },
      'messages.mail.fix does not end with a full stop',
    ],
    [
      'an SDK that never sends',
      { ...base, kinds: { ...base.kinds, client: {} } },
      'no kind sends mail',
    ],
  ];

  it.each(broken)('catch %s', (_name, sdk, expected) => {
    const found = problems(sdk);
    expect(found.some((p) => p.startsWith(expected))).toBe(true);
  });
});
