import { isPlaceholder, toPlaceholderPattern } from '../analysis/model/placeholders.js';
import { mailRuleListeners } from '../analysis/passes/sends.js';
import { allLocal, getSecurityAnalysis } from '../analysis/passes/security.js';
import { checkedSettings, filePatternsOption, matchesFile, patternOption } from '../analysis/file/settings.js';
import { createRule } from '../util/create-rule.js';

/** The options of `mail/no-hardcoded-credentials` (docs/rules/no-hardcoded-credentials.md). */
export type NoHardcodedCredentialsOptions = {
  testFilePatterns?: string[];
  placeholders?: string[];
  allowedHosts?: string[];
};
type Options = [NoHardcodedCredentialsOptions];
type MessageIds = 'hardcoded' | 'hardcodedFallback';

export const DEFAULT_TEST_FILE_PATTERNS = ['**/*.{test,spec}.*', '**/__tests__/**', '**/__mocks__/**'];

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow API keys, tokens and passwords of mail SDKs written in the source',
      recommended: 'recommended',
      cwe: ['CWE-798'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          testFilePatterns: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description:
              'Files not checked: globs (minimatch, as in ESLint\'s `files`: `**/*.test.*`, `test/*.[jt]s`) matched against the path from `settings.mail.rootDir` (default: ESLint\'s working directory), or regular expressions written `/source/flags`. Replaces the default list.',
          },
          placeholders: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More values that stand in for a secret and are not reported, as regular expressions matched against the whole value, case-insensitively (`dev-only-.*`), or `/source/flags`.',
          },
          allowedHosts: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'More local development hosts (besides `localhost`, `mailhog`, `mailpit`, …) whose SMTP credentials are not reported. `*.example.test` allows a domain and its subdomains.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFilePatterns: DEFAULT_TEST_FILE_PATTERNS, placeholders: [], allowedHosts: [] }],
    messages: {
      hardcoded:
        'The {{sdk}} {{credential}} is written in the source: anyone who can read the code can send mail as you. Load it from the environment or a secret store.',
      hardcodedFallback:
        'This fallback writes the {{sdk}} {{credential}} in the source, and uses it whenever `{{fallbackFor}}` is unset. Fail at startup when the variable is missing instead.',
    },
  },
  create(context, [{ testFilePatterns = DEFAULT_TEST_FILE_PATTERNS, placeholders = [], allowedHosts = [] }]) {
    const { root } = checkedSettings(context);
    // Compiled once per process (cached by text), checked on every file: a malformed one stops the lint.
    const testFiles = filePatternsOption(context.id, 'testFilePatterns', testFilePatterns);
    const extra = placeholders.map((text, i) => patternOption(context.id, `placeholders[${i}]`, text, toPlaceholderPattern));
    return mailRuleListeners(context, {}, () => {
      const { secrets } = getSecurityAnalysis(context);
      if (secrets.length === 0 || matchesFile(context.filename, root, testFiles)) return;
      for (const secret of secrets) {
        if (isPlaceholder(secret.value, secret.field.prefix, extra) || allLocal(secret.hosts, allowedHosts)) continue;
        const data = { sdk: secret.sdk.label, credential: secret.field.name, fallbackFor: secret.fallbackFor ?? '' };
        context.report({ node: secret.node, messageId: secret.fallbackFor ? 'hardcodedFallback' : 'hardcoded', data });
      }
    });
  },
});
