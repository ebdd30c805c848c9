import rule from '../../../src/rules/no-hardcoded-credentials.js';
import { tsTester } from '../../helpers.js';
import { hardcoded, invalid } from './helpers.js';

const code = `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('SG.abcdefghijklmnop.qrstuvwxyz');`;
const report = (c: string) => [hardcoded(c, "'SG.abcdefghijklmnop.qrstuvwxyz'", 'SendGrid (@sendgrid/mail)', 'API key')];

tsTester.run('no-hardcoded-credentials: test files and placeholders', rule, {
  valid: [
    // Test files, by default.
    { code, filename: 'src/mailer.test.ts' },
    { code, filename: 'src/mailer.spec.ts' },
    { code, filename: 'src/__tests__/mailer.ts' },
    { code, filename: 'src/__mocks__/@sendgrid/mail.ts' },
    // Patterns from the options: a glob, a regular expression.
    { code, filename: 'fixtures/mail.ts', options: [{ testFilePatterns: ['fixtures/**'] }] },
    { code, filename: 'src/mail.e2e.ts', options: [{ testFilePatterns: ['/\\.e2e\\.ts$/'] }] },
    // More placeholders.
    {
      code: `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('SG.dev-only-key');`,
      options: [{ placeholders: ['dev-only-.*'] }],
    },
    {
      code: `import sgMail from '@sendgrid/mail';\nsgMail.setApiKey('sandbox');`,
      options: [{ placeholders: ['/^sandbox$/'] }],
    },
    // Local hosts from the options.
    {
      code: `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ host: 'devbox.lan', auth: { user: 'a', pass: 'dev-pass-123' } });`,
      options: [{ allowedHosts: ['*.lan'] }],
    },
    // A malformed pattern stops the lint with an error naming it: tests/analysis/settings-root.test.ts.
  ],
  invalid: [
    invalid('an ordinary source file', code, report, { filename: 'src/mailer.ts' }),
    invalid('the list replaces the defaults', code, report, { filename: 'src/mailer.test.ts', options: [{ testFilePatterns: ['e2e/**'] }] }),
    invalid('a placeholder pattern matches the whole value', code, report, { options: [{ placeholders: ['abc'] }] }),
  ],
});
