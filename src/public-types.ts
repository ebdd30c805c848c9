/**
 * The types a typed `eslint.config.ts` names: each rule's options, and `settings.mail` as a config
 * writes it (src/analysis/file/settings.ts checks it and reads it into its own shape). Exported by
 * the package's entry point; tests/public-types.test.ts holds them to the rules' schemas and to
 * what the settings check accepts.
 */
import type { NoExposedRecipientsOptions } from './rules/no-exposed-recipients.js';
import type { NoHardcodedCredentialsOptions } from './rules/no-hardcoded-credentials.js';
import type { NoInsecureTransportOptions } from './rules/no-insecure-transport.js';
import type { NoUnbatchedSendOptions } from './rules/no-unbatched-send.js';
import type { RespectProviderLimitsOptions } from './rules/respect-provider-limits.js';

export type {
  NoExposedRecipientsOptions,
  NoHardcodedCredentialsOptions,
  NoInsecureTransportOptions,
  NoUnbatchedSendOptions,
  RespectProviderLimitsOptions,
};
export type { Override as ProviderLimit } from './rules/respect-provider-limits.js';

/** Each rule's options object, by its name in a config. */
export interface RuleOptions {
  'mail/no-exposed-recipients': NoExposedRecipientsOptions;
  'mail/no-hardcoded-credentials': NoHardcodedCredentialsOptions;
  'mail/no-insecure-transport': NoInsecureTransportOptions;
  'mail/no-unbatched-send': NoUnbatchedSendOptions;
  'mail/respect-provider-limits': RespectProviderLimitsOptions;
}

/** A mail-sending function of your own modules or packages (README, "Settings"). */
export interface MailWrapper {
  /** The module as imported (`@acme/mailer`), or a path relative to `rootDir` (`./src/lib/mailer`). */
  module: string;
  /** The exported function; `'default'` when absent. */
  export?: string;
  /** The argument (from 0) that carries the recipients; 0 when absent. */
  argument?: number;
  /** The property of that argument with the recipients (`to`, `options.to`); the argument itself when absent. */
  property?: string;
}

/** `settings.mail` (README, "Settings"). */
export interface MailSettings {
  /** The folder every path in the settings and options resolves from; ESLint's working directory when absent. */
  rootDir?: string;
  /** Mail-sending functions of your own modules. */
  wrappers?: MailWrapper[];
  /** Set by the type-checked configs; `false` lints TypeScript files without types on purpose. */
  requireTypeInformation?: boolean | string;
}
