// Type test, checked by `tsc -p tsconfig.json` (never run): the option and settings types the
// package exports, as a user's eslint.config.ts names them (from the built declarations in dist/).
import { defineConfig } from 'eslint/config';
import mail, { type MailSettings, type NoExposedRecipientsOptions, type RuleOptions } from 'eslint-plugin-mail';

const exposed: NoExposedRecipientsOptions = { maxFixedRecipients: 10, messageShapes: true };
const unbatched: RuleOptions['mail/no-unbatched-send'] = { throttlingFunctions: ['limit'] };
const settings: MailSettings = {
  rootDir: import.meta.dirname,
  wrappers: [{ module: './src/lib/mailer', export: 'sendEmail', argument: 0, property: 'to' }],
};

export const typed = defineConfig(...mail.configs.recommended, {
  plugins: { mail },
  rules: {
    'mail/no-exposed-recipients': ['error', exposed],
    'mail/no-unbatched-send': ['error', unbatched],
  },
  settings: { mail: settings },
});

// @ts-expect-error -- not an option of the rule
export const wrongOption: NoExposedRecipientsOptions = { maxFixedRecipient: 10 };
// @ts-expect-error -- a wrapper needs its module
export const wrongSetting: MailSettings = { wrappers: [{ export: 'send' }] };
// @ts-expect-error -- the limits are numbers
export const wrongLimit: RuleOptions['mail/respect-provider-limits'] = { limits: { resend: { messagesPerCall: '50' } } };
