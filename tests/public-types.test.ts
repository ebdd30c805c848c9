// The exported option and settings types (src/public-types.ts) against what the rules and the
// settings check accept at run time: every key of each type, all set (`Required<…>`, so tsc
// makes the sample name every key and no other), is a property of the rule's schema and the
// schema has no other; ESLint takes the sample as the rule's options; and settings.mail takes
// the settings sample and names exactly its keys when it meets another. tests/types/options.ts
// checks the same types from the built package with tsc.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { type MailSettings, type RuleOptions } from '../src/index.js';
import { readSettings } from '../src/analysis/file/settings.js';

const everyOption: { [Rule in keyof RuleOptions]: Required<RuleOptions[Rule]> } = {
  'mail/no-exposed-recipients': {
    maxFixedRecipients: 5,
    reportFixedLists: true,
    useTypeInformation: false,
    messageShapes: true,
    messageShapeIgnore: ['**/fixtures/**'],
  },
  'mail/no-hardcoded-credentials': { testFilePatterns: ['e2e/**'], placeholders: ['changeme'], allowedHosts: ['smtp.local'] },
  'mail/no-insecure-transport': { allowedHosts: ['smtp.local'], reportSecureFalse: true },
  'mail/no-unbatched-send': { throttlingFunctions: ['limit'], reportSequentialSmtp: false, useTypeInformation: false },
  'mail/respect-provider-limits': { limits: { resend: { messagesPerCall: 50, recipientsPerMessage: 10 } } },
};

const everySetting: Required<MailSettings> = {
  rootDir: '/repo',
  wrappers: [{ module: './src/mailer', export: 'sendMail', argument: 1, property: 'options.to' }],
  requireTypeInformation: false,
};

describe('the exported types', () => {
  it('name a type for every rule', () => {
    expect(Object.keys(everyOption).sort()).toEqual(Object.keys(plugin.rules).map((r) => `mail/${r}`).sort());
  });

  it.each(Object.entries(everyOption))("%s: the type's keys are the schema's properties, and ESLint takes them", (ruleId, options) => {
    const schema = plugin.rules[ruleId.slice('mail/'.length) as keyof typeof plugin.rules].meta!.schema as { properties: object }[];
    expect(Object.keys(options).sort()).toEqual(Object.keys(schema[0]!.properties).sort());
    const messages = new Linter().verify('export const a = 1;\n', [{ plugins: { mail: plugin }, rules: { [ruleId]: ['error', options] } }], 'a.js');
    expect(messages).toEqual([]);
  });

  it('settings.mail: the type is what the settings check takes, key for key', () => {
    expect(() => readSettings({ mail: everySetting })).not.toThrow();
    // The check names the keys it knows when it meets another: the same keys as the type's.
    let known: string[] = [];
    try {
      readSettings({ mail: { ...everySetting, other: 1 } });
    } catch (error) {
      known = /\(known: ([^)]+)\)/.exec((error as Error).message)![1]!.split(', ');
    }
    expect(known.sort()).toEqual(Object.keys(everySetting).sort());
    const wrapperKeys = Object.keys(everySetting.wrappers[0]!);
    expect(wrapperKeys.sort()).toEqual(['argument', 'export', 'module', 'property']);
  });
});
