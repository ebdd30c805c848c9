import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { mailRuleListeners, type Exposure, getMailAnalysis, type MailAnalysis } from '../analysis/passes/sends.js';
import { bccSuggestion, flagSuggestion, type SuggestionFacts } from '../analysis/passes/suggestions.js';
import { messageShape } from '../sdks/message-shape.js';
import { createRule } from '../util/create-rule.js';
import { checkedSettings, filePatternsOption, matchesFile, requireTypeInformation } from '../analysis/file/settings.js';

/** The options of `mail/no-exposed-recipients` (docs/rules/no-exposed-recipients.md). */
export type NoExposedRecipientsOptions = {
  maxFixedRecipients?: number;
  reportFixedLists?: boolean;
  useTypeInformation?: boolean;
  messageShapes?: boolean;
  messageShapeIgnore?: string[];
};
type Options = [NoExposedRecipientsOptions];

/** Files whose message-shaped literals model mail rather than send it: tests, fixtures, mocks, seed data. */
export const DEFAULT_SHAPE_IGNORE = [
  '**/*.{test,spec,e2e}.*',
  '**/{__tests__,__mocks__,__fixtures__,test,tests,e2e,fixtures,mocks,seed,seeds,seeders}/**',
  '**/*.{fixture,fixtures,mock,mocks,seed,seeds,stories}.*',
  '**/{fixture,fixtures,mock,mocks,seed,seeds,seeder,seeders}.*',
];
type MessageIds =
  | 'exposedList'
  | 'exposedThroughWrapper'
  | 'exposedThroughModule'
  | 'exposedByCallers'
  | 'accountDecides'
  | 'fixedList'
  | 'fixedListTooLong'
  | 'moveToBcc'
  | 'setFlag';

export default createRule<Options, MessageIds>({
  name: 'no-exposed-recipients',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow data-driven recipient lists in fields every recipient sees (`to`, `cc`)',
      recommended: 'recommended',
      cwe: ['CWE-201', 'CWE-359'],
      strictOptions: { messageShapes: true, reportFixedLists: true },
      typeCheckedOptions: { useTypeInformation: true },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          maxFixedRecipients: {
            type: 'integer',
            minimum: 1,
            description:
              'Also report a fixed list the code spells out (`["a@x.com", "b@x.com"]`) when it has more addresses than this. Off when unset.',
          },
          reportFixedLists: {
            type: 'boolean',
            description:
              'Also report every fixed list of more than one address in a visible field (`to: ["ops@x.com", "cfo@x.com"]`, `cc: "a@x.com, b@x.com"`): its addresses see each other. On in `strict`.',
          },
          useTypeInformation: {
            type: 'boolean',
            description:
              'Use type information where the parser provides it: clients typed as an SDK client wherever they come from, lists typed as arrays, object literals typed as an SDK message. Needs `parserOptions.projectService`; without it the rule works as if off.',
          },
          messageShapes: {
            type: 'boolean',
            description:
              'Also check object literals shaped like a message (a `to` or `cc`, and two of `subject`, `html`, `text`, `from`, `template`…) when no send is in view: messages built in one place and sent in another. Only literals that leave where they are written (returned, passed to a call, pushed, exported), never in `messageShapeIgnore` files, and not when every `to`/`cc` copies the same field of a received message, as it is or entry by entry (`to: message.to.map(formatAddress).join(\', \')`, an adapter between two forms of a message).',
          },
          messageShapeIgnore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description:
              'Files where `messageShapes` does not look (minimatch globs relative to `settings.mail.rootDir`, default the working directory, or `/regex/`): tests, fixtures, mocks and seed data model stored mail rather than send it.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ reportFixedLists: false, useTypeInformation: false, messageShapes: false, messageShapeIgnore: DEFAULT_SHAPE_IGNORE }],
    messages: {
      exposedList: "{{sdk}} shows every address in `{{field}}` to every recipient, and this list comes from data. {{fix}}",
      exposedThroughModule:
        "`{{wrapper}}` ({{module}}) puts this data-driven list in {{sdk}}'s `{{field}}`, which every recipient sees. {{fix}}",
      exposedByCallers:
        "{{sdk}} shows every address in `{{field}}` to every recipient, and callers in other modules put data-driven lists here ({{callers}}). {{fix}}",
      exposedThroughWrapper:
        "`{{wrapper}}` passes this data-driven list to {{sdk}}'s `{{field}}`, which every recipient sees. {{fix}}",
      accountDecides:
        "This data-driven list goes to {{sdk}}'s `{{field}}`, and an account setting decides whether recipients see each other. {{fix}}",
      fixedList:
        '{{sdk}} shows all {{count}} addresses in `{{field}}` to one another: right for a team, wrong for customers. {{fix}}',
      fixedListTooLong:
        '{{sdk}} shows all {{count}} addresses in `{{field}}` to every recipient; `maxFixedRecipients` allows {{max}}. {{fix}}',
      moveToBcc: 'Move the list from `{{field}}` to `{{bcc}}`, which no recipient sees.',
      setFlag: 'Add `{{flag}}` so every recipient gets a separate copy.',
    },
  },
  create(context, [{ maxFixedRecipients, reportFixedLists, useTypeInformation, messageShapes, messageShapeIgnore = DEFAULT_SHAPE_IGNORE }]) {
    const { root } = checkedSettings(context);
    if (useTypeInformation) requireTypeInformation(context);
    const options = { typed: useTypeInformation, shapes: messageShapes };
    // Compiled once per process (cached by text), checked on every file: a malformed one stops the lint.
    const shapeIgnore = filePatternsOption(context.id, 'messageShapeIgnore', messageShapeIgnore);
    // Matched only for a file with a message-shaped finding.
    let ignored: boolean | undefined;
    const shapesIgnored = () => (ignored ??= matchesFile(context.filename, root, shapeIgnore));
    return mailRuleListeners(context, options, () => {
      const analysis = getMailAnalysis(context, options);
      let facts: SuggestionFacts | null | undefined;
      const suggestionFacts = () => (facts ??= factsOf(context, analysis));
      for (const exposure of analysis.exposures) {
        // Tests, fixtures, mocks and seed data model stored mail: their shapes are no sends.
        if (exposure.sdk === messageShape && shapesIgnored()) continue;
        const { list } = exposure;
        const tooLong = list.kind === 'fixed' && maxFixedRecipients !== undefined && list.count > maxFixedRecipients;
        // A literal merely shaped like a message (`{ to: ['/home', '/about'], from, subject }`) is no proof of mail.
        const fixedReported = reportFixedLists && exposure.sdk !== messageShape;
        if (list.kind === 'fixed' && !tooLong && !fixedReported) continue;
        report(context, exposure, maxFixedRecipients, tooLong, suggestionFacts);
      }
    });
  },
});

/** What the suggestion checks read of the file, made once for the file's first report. */
function factsOf(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, analysis: MailAnalysis): SuggestionFacts | null {
  const { sourceCode } = context;
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!analysis.file || !globalScope) return null;
  return { sourceCode, globalScope, reader: analysis.file.reader, sends: new Set(analysis.calls.map((c) => c.node)) };
}

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  exposure: Exposure,
  max: number | undefined,
  tooLong: boolean,
  facts: () => SuggestionFacts | null,
): void {
  const { sdk, message, fieldName, write, list } = exposure;
  const flag = message.individualFlag;
  const fix = exposure.accountDecides && flag?.unsetFix ? flag.unsetFix : message.fix;
  const { callers } = exposure;
  const data = {
    sdk: sdk.label,
    field: fieldName,
    fix,
    wrapper: exposure.wrapper ?? '',
    module: exposure.module ?? '',
    count: 0,
    max: max ?? 0,
    callers: callers ? `${callers.first}${callers.more ? `, and ${callers.more} more` : ''}` : '',
  };
  const messageId: MessageIds = callers
    ? 'exposedByCallers'
    : exposure.module
    ? 'exposedThroughModule'
    : exposure.wrapper
    ? 'exposedThroughWrapper'
    : list.kind === 'fixed'
      ? tooLong
        ? 'fixedListTooLong'
        : 'fixedList'
      : exposure.accountDecides
        ? 'accountDecides'
        : 'exposedList';
  if (list.kind === 'fixed') data.count = list.count;
  // Every suggestion must leave a message the provider accepts, with every recipient it had
  // (see passes/suggestions.ts). The flag keeps the message as it is and sends one copy per
  // recipient, so it comes first; moving a field to bcc is offered only when the provider takes
  // a message without that field (`required` in the SDK data): a `cc` moves with `to` kept, a
  // `to` only where bcc alone is enough (SMTP, SES), never for SendGrid.
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  const checks = exposure.wrapper ? null : facts();
  if (checks) {
    const target = exposure.flagTarget;
    const applies = flag && target && (!flag.fields || flag.fields.includes(exposure.field.path.join('.')));
    const flagFix = applies ? flagSuggestion(checks, target, flag) : null;
    if (flag && flagFix) suggest.push({ messageId: 'setFlag', data: { flag: flag.suggestion }, fix: flagFix });
    const bcc = bccSuggestion(checks, write.holder, exposure.field);
    if (bcc) suggest.push({ messageId: 'moveToBcc', data: { bcc: exposure.field.bcc!, field: fieldName }, fix: bcc });
  }
  // Through a module's export: from the call to the field (its argument), so both the helper and
  // the list show; from the field to the call when the field is written first (`const m = { to };
  // send(m)`), so the range never runs backwards.
  const where = exposure.via ? { loc: spanning(exposure.via, write.holder) } : { node: write.holder };
  context.report({ ...where, messageId, data, suggest });
}

/** From the start of the node that starts first to the end of the other one. */
function spanning(a: TSESTree.Node, b: TSESTree.Node): TSESTree.SourceLocation {
  const [first, last] = a.range[0] <= b.range[0] ? [a, b] : [b, a];
  return { start: first.loc.start, end: last.loc.end };
}
