/**
 * eslint-doc-generator settings (`npm run docs`, checked in CI by `npm run docs:check`).
 * The generator loads the built plugin from package.json, so run `npm run build` first.
 * @type {import('eslint-doc-generator').GenerateOptions}
 */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
    ['recommended-type-checked', '☑️'],
    ['strict-type-checked', '🔐'],
  ],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking', 'options'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options', 'requiresTypeChecking', 'deprecated'],
  pathRuleList: 'README.md',
};
