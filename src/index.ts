import { readFileSync } from 'node:fs';
import type { ESLint, Rule } from 'eslint';
import { buildConfigs, type ConfigName, type MailConfig } from './configs.js';
import { rules } from './rules/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

type RuleName = keyof typeof rules;

/** The plugin as ESLint's own types describe it, so `defineConfig()` takes it without casts. */
export interface MailPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: 'mail' };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: Record<ConfigName, MailConfig>;
}

// typescript-eslint's rule type and ESLint's differ only in how they type `context`; the
// objects are the same at run time.
const eslintRules = rules as unknown as Record<RuleName, Rule.RuleModule>;

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'mail' },
  rules: eslintRules,
} as MailPlugin;
plugin.configs = buildConfigs(plugin, rules);

/** eslint-plugin-mail: the plugin object, with its flat configs. */
export default plugin;
const configs: MailPlugin['configs'] = plugin.configs;
export { plugin as 'module.exports', rules, configs };
export type {
  MailSettings,
  MailWrapper,
  NoExposedRecipientsOptions,
  NoHardcodedCredentialsOptions,
  NoInsecureTransportOptions,
  NoUnbatchedSendOptions,
  ProviderLimit,
  RespectProviderLimitsOptions,
  RuleOptions,
} from './public-types.js';
