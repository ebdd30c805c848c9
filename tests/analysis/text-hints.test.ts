// The fast exit's text checks for message-shaped code: a `to`/`cc` key and a message key, each
// where a key of an object literal or type can stand. They may match more than the analysis
// finds; they must never miss a key the analysis could read.
import { describe, expect, it } from 'vitest';
import { SHAPE_KEY_HINT, SHAPE_TO_HINT } from '../../src/sdks/indexes.js';

const keys = [
  '{ to: list }',
  '{to}',
  '{ from, to }',
  "{ 'to': list }",
  '{ "cc": list }',
  'const message = {\n  from: sender,\n  to: list,\n};',
  'const message = {\r\n  to: list\r\n};',
  '{ from: a, // the sender\n  to: b }',
  '{ from: a, /* the sender */ to: b }',
  'interface Message { from: string; to: string[] }',
  'type Message = {\n  to: string;\n};',
  'module.exports = { to }',
];

const notKeys = ["subject: '[[email:welcome-to, Site]]'", "case 'notifications:user-posted-to':", 'send(to, subject)', 'const to = list;', '[to, cc]', 'x.to = list', 'a.to(b)'];

describe('SHAPE_TO_HINT', () => {
  it.each(keys)('matches a key: %j', (text) => expect(SHAPE_TO_HINT.test(text)).toBe(true));
  it.each(notKeys)('does not match what is no key: %j', (text) => expect(SHAPE_TO_HINT.test(text)).toBe(false));
});

describe('SHAPE_KEY_HINT', () => {
  it.each(['{ subject: s }', '{ html }', "{ 'text': t }", 'const m = {\n  from: a,\n};', '{ to, /* body */ template: t }'])('matches a message key: %j', (text) =>
    expect(SHAPE_KEY_HINT.test(text)).toBe(true),
  );
  it.each(["'welcome-from, x'", 'render(html, data)', 'const subject = s;'])('does not match what is no key: %j', (text) => expect(SHAPE_KEY_HINT.test(text)).toBe(false));
});
