// Bad configuration: every option of every rule is checked by its schema, and ESLint's error
// names the rule and the bad value; an unknown option is named. (ESLint 10 prints neither the
// option's path nor its description for a wrong type or range: see docs/performance.md.)
// `settings.mail` is covered in tests/rules/no-exposed-recipients/settings.test.ts.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { NON_DEFAULT_OPTIONS, RULE_NAMES } from './support.js';

/** For each option, values its schema must reject. */
const BAD_VALUES: Record<(typeof RULE_NAMES)[number], Record<string, unknown[]>> = {
  'no-exposed-recipients': {
    maxFixedRecipients: [0, 1.5, '3', -1],
    reportFixedLists: ['yes', 1],
    useTypeInformation: ['yes', 1],
    messageShapes: ['true', null],
    messageShapeIgnore: ['**/test/**', [''], [1]],
  },
  'no-hardcoded-credentials': {
    testFilePatterns: ['**/*.test.*', [''], [1]],
    placeholders: ['dev-.*', [''], ['a', 'a']],
    allowedHosts: ['localhost', [''], ['a', 'a']],
  },
  'no-insecure-transport': {
    allowedHosts: ['localhost', [''], [42], ['a', 'a']],
    reportSecureFalse: ['no', 0],
  },
  'no-unbatched-send': {
    throttlingFunctions: ['limit', [''], ['a', 'a']],
    reportSequentialSmtp: ['false', 1],
    useTypeInformation: [{}, 'yes'],
  },
  'respect-provider-limits': {
    limits: ['resend', { 'not-a-provider': {} }, { resend: { recipientsPerMessage: 0 } }, { resend: { messagesPerCall: '100' } }, { resend: { other: 1 } }],
  },
};

function lint(rule: string, options: unknown[]): () => void {
  return () => {
    new Linter().verify('export const x = 1;', [{ plugins: { mail: plugin }, rules: { [`mail/${rule}`]: ['error', ...options] } }], 'file.js');
  };
}

it('has bad values for every option of every rule', () => {
  for (const rule of RULE_NAMES) {
    const [schema] = plugin.rules[rule].meta!.schema as [{ properties: Record<string, unknown> }];
    expect(Object.keys(BAD_VALUES[rule]).sort(), rule).toEqual(Object.keys(schema.properties).sort());
  }
});

describe.each(RULE_NAMES)('mail/%s', (rule) => {
  it.each(Object.entries(BAD_VALUES[rule]).flatMap(([option, values]) => values.map((value) => [option, value] as const)))(
    'rejects %s: %j, naming the rule',
    (option, value) => {
      expect(lint(rule, [{ [option]: value }])).toThrow(new RegExp(`Key "mail/${rule}":\\s+Value `));
    },
  );

  it('rejects an unknown option, naming it', () => {
    expect(lint(rule, [{ notAnOption: true }])).toThrow(
      new RegExp(`Key "mail/${rule}":[\\s\\S]*should NOT have additional properties[\\s\\S]*Unexpected property "notAnOption"\\. Expected properties: "`),
    );
  });

  it('rejects options that are not an object, and a second options object', () => {
    expect(lint(rule, ['strict'])).toThrow(`Key "mail/${rule}":\n\tValue "strict" should be object.`);
    expect(lint(rule, [{}, {}])).toThrow(/should NOT have more than 1 items/);
  });

  it('accepts its defaults and its non-default options', () => {
    expect(lint(rule, [])).not.toThrow();
    expect(lint(rule, [{}])).not.toThrow();
    expect(lint(rule, [NON_DEFAULT_OPTIONS[rule]])).not.toThrow();
  });
});
