import { describe, expect, it } from 'vitest';
import { isPlaceholder, toPlaceholderPattern } from '../../src/analysis/model/placeholders.js';

describe('isPlaceholder', () => {
  it.each(['', '   ', 'k', 'xxx', '********', '<your-api-key>', '[api key]', '{{SMTP_PASS}}', '${SMTP_PASS}', '%KEY%', 'changeme', 'CHANGE_ME', 'YOUR_API_KEY', 'your-password-here', 'password', 'secret', 'ab1xxxxcd2'])(
    '%j stands in for a secret',
    (value) => expect(isPlaceholder(value, undefined)).toBe(true),
  );

  it.each(['correct-horse-battery', 'Tr0ub4dor&3', 'SG.abcdefghijklmnop.qrstuvwxyz', 'wJalrXUtnFEMI/K7MDENG'])('%j is a secret', (value) =>
    expect(isPlaceholder(value, undefined)).toBe(false),
  );

  it('checks the value after a known prefix', () => {
    expect(isPlaceholder('SG.xxxxxxxx', 'SG.')).toBe(true);
    expect(isPlaceholder('re_123', 're_')).toBe(true);
    expect(isPlaceholder('xkeysib-<your-key>', 'xkeysib-')).toBe(true);
    expect(isPlaceholder('SG.abcdefghijklmnop', 'SG.')).toBe(false);
  });

  it('takes extra patterns', () => {
    expect(isPlaceholder('dev-only-key', undefined, [toPlaceholderPattern('dev-only-.*')])).toBe(true);
    expect(isPlaceholder('prod-dev-only-key', undefined, [toPlaceholderPattern('dev-only-.*')])).toBe(false);
  });
});

describe('placeholder patterns from the options', () => {
  it('rejects malformed patterns, saying why', () => {
    expect(() => toPlaceholderPattern('(')).toThrow(/^is not a valid regular expression \(Invalid regular expression: .*Unterminated group\)$/);
    expect(() => toPlaceholderPattern('/a/q')).toThrow(/^is not a valid regular expression \(Invalid flags/);
  });
});
