import type { InsecureSetting } from '../sdks/index.js';
import { mailRuleListeners } from '../analysis/passes/sends.js';
import { allLocal, getSecurityAnalysis } from '../analysis/passes/security.js';
import { checkedSettings } from '../analysis/file/settings.js';
import { createRule } from '../util/create-rule.js';

/** The options of `mail/no-insecure-transport` (docs/rules/no-insecure-transport.md). */
export type NoInsecureTransportOptions = {
  allowedHosts?: string[];
  reportSecureFalse?: boolean;
};
type Options = [NoInsecureTransportOptions];
type MessageIds = 'insecureSetting' | 'smtpUrlCredentials' | 'tlsCheckDisabled';

export default createRule<Options, MessageIds>({
  name: 'no-insecure-transport',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow mail transport settings that turn off TLS or certificate verification',
      recommended: 'recommended',
      cwe: ['CWE-319', 'CWE-295'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowedHosts: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More local development hosts, besides `localhost`, `127.0.0.1`, `::1`, `mailhog`, `mailpit`, `maildev`, `mailcatcher` and `smtp4dev`, where plain connections are not reported. `*.example.test` allows a domain and its subdomains.',
          },
          reportSecureFalse: {
            type: 'boolean',
            description:
              'Also report nodemailer `secure: false` without `requireTLS: true`: the connection starts in plain text and stays so if the server offers no STARTTLS. Common and often intended on port 587, so off by default.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowedHosts: [], reportSecureFalse: false }],
    messages: {
      insecureSetting: '{{sdk}}: `{{setting}}` {{effect}}, so anyone on the network path can read or change the mail ({{cwe}}). {{fix}}',
      smtpUrlCredentials:
        '{{sdk}}: this `smtp://` URL sends its credentials to {{host}} on a connection that may stay unencrypted. Use `smtps://`, or options with `requireTLS: true`.',
      tlsCheckDisabled:
        "`NODE_TLS_REJECT_UNAUTHORIZED = '0'` turns off certificate verification for every TLS connection of the process, this file's mail included. Remove it; trust a private CA with `NODE_EXTRA_CA_CERTS` instead.",
    },
  },
  create(context, [{ allowedHosts = [], reportSecureFalse = false }]) {
    checkedSettings(context);
    return mailRuleListeners(context, {}, () => {
      for (const finding of getSecurityAnalysis(context).transport) {
        if (finding.type === 'env') {
          context.report({ node: finding.node, messageId: 'tlsCheckDisabled' });
          continue;
        }
        if (allLocal(finding.hosts, allowedHosts)) continue;
        if (finding.type === 'smtpUrl') {
          context.report({
            node: finding.node,
            messageId: 'smtpUrlCredentials',
            data: { sdk: finding.sdk.label, host: finding.hosts.join(', ') },
          });
          continue;
        }
        if (finding.setting.optIn && !reportSecureFalse) continue;
        context.report({
          node: finding.node,
          messageId: 'insecureSetting',
          data: {
            sdk: finding.sdk.label,
            setting: finding.text,
            effect: finding.setting.effect,
            cwe: finding.setting.cwe,
            fix: fixFor(finding.setting),
          },
        });
      }
    });
  },
});

/** The fix, from the setting's data: the guard that makes it safe, or what to use instead. */
function fixFor(setting: InsecureSetting): string {
  const guard = setting.unless?.[0];
  if (guard) return `Add \`${guard.path.join('.')}: ${String(guard.equals[0])}\`, or remove this setting.`;
  if ('plainHttp' in setting.when) return 'Use an `https://` URL.';
  if ('tlsBelow' in setting.when) return `Use \`'${setting.when.tlsBelow}'\` or later.`;
  if (setting.cwe === 'CWE-295') return 'Remove it; to trust a private certificate authority, pass it in `ca`.';
  return 'Remove it.';
}
