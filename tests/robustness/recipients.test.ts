// The address check of the suggestion tests (recipients.ts) must itself see lost mail: each pair
// below is a message before and after a change, the losing ones from issue 22.
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { FILES } from '../../src/configs.js';
import plugin from '../../src/index.js';
import { changed, deliveriesOf, lostAddresses } from './recipients.js';

const linter = new Linter();
const config: Linter.Config[] = [{ files: FILES, plugins: { mail: plugin }, languageOptions: { parser: tsParser } }];
const NODEMAILER = "import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\n";
const POSTMARK = "import { ServerClient } from 'postmark';\nconst client = new ServerClient('token');\n";

/** The addresses lost from `before` to `after`, and whether anything changed. */
function compare(before: string, after: string) {
  const a = deliveriesOf(linter, before, config, 'file.ts', {});
  const b = deliveriesOf(linter, after, config, 'file.ts', {});
  return { lost: lostAddresses(a, b), changed: changed(a, b), sends: a.length };
}

const fn = (body: string, setup = NODEMAILER) => `${setup}export async function f(list: string[], admins: string[], base: object, flag: boolean) {\n${body}\n}`;

describe('the address check', () => {
  it.each([
    [
      'a later msg.bcc = … overwrites the list moved there',
      fn('  const msg: any = {};\n  msg.to = list;\n  msg.bcc = admins;\n  await t.sendMail(msg);'),
      fn('  const msg: any = {};\n  msg.bcc = list;\n  msg.bcc = admins;\n  await t.sendMail(msg);'),
      ['send 1: #0.to list'],
    ],
    [
      'a bcc in a spread, replaced by the renamed key',
      fn("  const defaults = { bcc: 'audit@x.io' };\n  await t.sendMail({ ...defaults, to: list });"),
      fn("  const defaults = { bcc: 'audit@x.io' };\n  await t.sendMail({ ...defaults, bcc: list });"),
      ['send 1: #0.bcc "audit@x.io"'],
    ],
    [
      'a bcc that may be in a spread of unknown keys',
      fn('  await t.sendMail({ ...base, to: list });'),
      fn('  await t.sendMail({ ...base, bcc: list });'),
      ['send 1: #0.bcc ?base.bcc'],
    ],
    [
      'a bcc next to the list, overwritten by the rename',
      fn('  await t.sendMail({ to: list, bcc: admins });'),
      fn('  await t.sendMail({ bcc: admins, bcc: list } as any);'),
      ['send 1: #0.bcc admins'],
    ],
  ])('sees lost mail: %s', (_name, before, after, lost) => {
    const result = compare(before, after);
    expect(result.sends).toBe(1);
    expect(result.lost).toEqual(lost);
  });

  it.each([
    ['a rename to bcc', fn('  await t.sendMail({ to: list });'), fn('  await t.sendMail({ bcc: list });')],
    ['a merge in the literal', fn('  await t.sendMail({ to: list, bcc: admins });'), fn('  await t.sendMail({ bcc: [admins ?? [], list].flat() });')],
    [
      'a merge that reads the bcc written before',
      fn('  const msg: any = {};\n  msg.bcc = admins;\n  msg.to = list;\n  await t.sendMail(msg);'),
      fn('  const msg: any = {};\n  msg.bcc = admins;\n  msg.bcc = [msg.bcc ?? [], list].flat();\n  await t.sendMail(msg);'),
    ],
    [
      'a comma-separated merge (Postmark)',
      fn("  await client.sendEmail({ From: 'a@x.io', To: 'me@x.io', Cc: list.join(','), Bcc: 'audit@x.io' });", POSTMARK),
      fn("  await client.sendEmail({ From: 'a@x.io', To: 'me@x.io', Bcc: ['audit@x.io', list.join(',')].filter(Boolean).join(', ') });", POSTMARK),
    ],
    [
      'a move in one branch of a conditional message',
      fn("  await t.sendMail(flag ? { to: 'me@x.io' } : { to: list });"),
      fn("  await t.sendMail(flag ? { to: 'me@x.io' } : { bcc: list });"),
    ],
  ])('keeps every address: %s', (_name, before, after) => {
    const result = compare(before, after);
    expect(result.sends).toBe(1);
    expect(result.lost).toEqual([]);
    expect(result.changed).toBe(true);
  });

  it('sees no change where none is', () => {
    const code = fn('  await t.sendMail({ to: list, subject: "a" });');
    expect(compare(code, code.replace('"a"', '"b"'))).toEqual({ lost: [], changed: false, sends: 1 });
  });
});
