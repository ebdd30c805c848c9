import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import plugin from '../../../src/index.js';
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, tsTester } from '../../helpers.js';

const wrapperFix = (field: string) =>
  `The wrapper puts ${field} where every recipient sees it: pass one recipient per call, or change the wrapper to use bcc.`;

const viaSetting = (code: string, text: string, sdk: string, field: string, fieldLabel: string) => ({
  messageId: 'exposedList' as const,
  data: { sdk, field, fix: wrapperFix(fieldLabel) },
  ...at(code, text),
  suggestions: [],
});

const cwd = process.cwd();
const packageWrapper = { mail: { wrappers: [{ module: '@acme/mailer', export: 'sendEmail', property: 'to' }] } };
// RuleTester lints with the file system root as ESLint's working directory; a relative module
// setting is read from there, as it is read from the project root in a real run.
const relativeModule = `./${path.relative(path.parse(cwd).root, path.join(cwd, 'src/lib/mailer'))}`;
const relativeWrapper = { mail: { wrappers: [{ module: relativeModule, argument: 1 }] } };

tsTester.run('no-exposed-recipients: wrappers declared in settings.mail', rule, {
  valid: [
    {
      // Without the setting, an import from the user's own module proves nothing.
      code: "import { sendEmail } from '@acme/mailer';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sendEmail({ to: users });",
    },
    {
      code: "import { sendEmail } from '@acme/mailer';\nexport const f = (user: { email: string }) => sendEmail({ to: user.email });",
      settings: packageWrapper,
    },
    {
      // Another export of the same module is not the wrapper.
      code: "import { sendSms } from '@acme/mailer';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => sendSms({ to: users });",
      settings: packageWrapper,
    },
    {
      // The same relative specifier from another folder names another module.
      code: "import notify from './lib/mailer';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => notify('subject', users);",
      filename: path.join(cwd, 'src/jobs/job.ts'),
      settings: relativeWrapper,
    },
  ],
  invalid: [
    (() => {
      const code = "import { sendEmail } from '@acme/mailer';\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => sendEmail({ to: users.map((u) => u.email), subject: 'Hi' });";
      return {
        name: 'a named export of a package, recipients in a property',
        code,
        settings: packageWrapper,
        errors: [viaSetting(code, 'to: users.map((u) => u.email)', "`sendEmail` of '@acme/mailer'", 'to', 'to')],
      };
    })(),
    (() => {
      const code = "const { sendEmail } = require('@acme/mailer');\nmodule.exports = (users = db.users.map((u) => u.email)) => sendEmail({ to: [...users] });";
      return {
        name: 'the same through a destructured require',
        code,
        settings: packageWrapper,
        errors: [viaSetting(code, 'to: [...users]', "`sendEmail` of '@acme/mailer'", 'to', 'to')],
      };
    })(),
    (() => {
      const code = "import notify from '../lib/mailer.js';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => notify('Subject', users);";
      return {
        name: 'a default export of a project file, recipients in the second argument',
        code,
        filename: path.join(cwd, 'src/jobs/job.ts'),
        settings: relativeWrapper,
        errors: [viaSetting(code, 'users', `\`default export\` of '${relativeModule}'`, 'argument 2', 'argument 2')].map((e) => ({
          ...e,
          ...at(code, 'users', 2),
        })),
      };
    })(),
  ],
});

describe('settings.mail errors', () => {
  const lint = (settings: unknown) => {
    const linter = new Linter({ configType: 'flat' });
    return () =>
      linter.verify(
        "import nodemailer from 'nodemailer';",
        [{ plugins: { mail: plugin }, rules: { 'mail/no-exposed-recipients': 'error' }, settings: settings as Record<string, unknown> }],
        'file.js',
      );
  };

  it.each([
    [{ mail: 'yes' }, /settings\.mail must be an object/],
    [{ mail: { wrapper: [] } }, /settings\.mail\.wrapper is not a setting of this plugin/],
    [{ mail: { wrappers: {} } }, /settings\.mail\.wrappers must be an array/],
    [{ mail: { wrappers: [{}] } }, /settings\.mail\.wrappers\[0\]\.module must be a non-empty string/],
    [{ mail: { wrappers: [{ module: 'm', argument: -1 }] } }, /wrappers\[0\]\.argument must be a whole number/],
    [{ mail: { wrappers: [{ module: 'm', property: '' }] } }, /wrappers\[0\]\.property must be a non-empty string/],
    [{ mail: { wrappers: [{ module: 'm', recipients: 'to' }] } }, /wrappers\[0\]\.recipients is not a wrapper setting/],
  ])('names the setting in the error: %j', (settings, message) => {
    expect(lint(settings)).toThrow(message);
  });

  it('accepts a valid setting', () => {
    expect(lint({ mail: { wrappers: [{ module: '@acme/mailer', export: 'send', argument: 0, property: 'to' }] } })()).toEqual([]);
  });
});
