import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { mailRuleListeners, type Exposure, getMailAnalysis } from '../analysis/passes/sends.js';
import { propertyName } from '../analysis/flow/ast.js';
import { createRule } from '../util/create-rule.js';
import { requireTypeInformation } from '../analysis/file/settings.js';

type Options = [{ maxFixedRecipients?: number; useTypeInformation?: boolean; messageShapes?: boolean }];
type MessageIds = 'exposedList' | 'exposedThroughWrapper' | 'accountDecides' | 'fixedListTooLong' | 'moveToBcc' | 'setFlag';

export default createRule<Options, MessageIds>({
  name: 'no-exposed-recipients',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow data-driven recipient lists in fields every recipient sees (`to`, `cc`)',
      recommended: 'recommended',
      cwe: ['CWE-201', 'CWE-359'],
      strictOptions: { messageShapes: true },
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
          useTypeInformation: {
            type: 'boolean',
            description:
              'Use type information where the parser provides it: clients typed as an SDK client wherever they come from, lists typed as arrays, object literals typed as an SDK message. Needs `parserOptions.projectService`; without it the rule works as if off.',
          },
          messageShapes: {
            type: 'boolean',
            description:
              'Also check object literals shaped like a message (a `to` or `cc`, and two of `subject`, `html`, `text`, `from`, `template`…) when no send is in view: messages built in one place and sent in another.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ useTypeInformation: false, messageShapes: false }],
    messages: {
      exposedList: "{{sdk}} shows every address in `{{field}}` to every recipient, and this list comes from data. {{fix}}",
      exposedThroughWrapper:
        "`{{wrapper}}` passes this data-driven list to {{sdk}}'s `{{field}}`, which every recipient sees. {{fix}}",
      accountDecides:
        "This data-driven list goes to {{sdk}}'s `{{field}}`, and an account setting decides whether recipients see each other. {{fix}}",
      fixedListTooLong:
        '{{sdk}} shows all {{count}} addresses in `{{field}}` to every recipient; `maxFixedRecipients` allows {{max}}. {{fix}}',
      moveToBcc: 'Move the list from `{{field}}` to `{{bcc}}`, which no recipient sees.',
      setFlag: 'Add `{{flag}}` so every recipient gets a separate copy.',
    },
  },
  create(context, [{ maxFixedRecipients, useTypeInformation, messageShapes }]) {
    if (useTypeInformation) requireTypeInformation(context);
    const options = { typed: useTypeInformation, shapes: messageShapes };
    return mailRuleListeners(context, options, () => {
      const analysis = getMailAnalysis(context, options);
      for (const exposure of analysis.exposures) {
        const { list } = exposure;
        if (list.kind === 'fixed' && (maxFixedRecipients === undefined || list.count <= maxFixedRecipients)) continue;
        report(context, exposure, maxFixedRecipients);
      }
    });
  },
});

function report(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  exposure: Exposure,
  max: number | undefined,
): void {
  const { sdk, message, fieldName, write, list } = exposure;
  const flag = message.individualFlag;
  const fix = exposure.accountDecides && flag?.unsetFix ? flag.unsetFix : message.fix;
  const data = { sdk: sdk.label, field: fieldName, fix, wrapper: exposure.wrapper ?? '', count: 0, max: max ?? 0 };
  const messageId: MessageIds = exposure.wrapper
    ? 'exposedThroughWrapper'
    : list.kind === 'fixed'
      ? 'fixedListTooLong'
      : exposure.accountDecides
        ? 'accountDecides'
        : 'exposedList';
  if (list.kind === 'fixed') data.count = list.count;
  // Every suggestion must leave a message the provider accepts. The flag keeps the message as it
  // is and sends one copy per recipient, so it comes first; moving a field to bcc is offered only
  // when the provider takes a message without that field (`required` in the SDK data): a `cc`
  // moves with `to` kept, a `to` only where bcc alone is enough (SMTP, SES), never for SendGrid.
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  if (!exposure.wrapper) {
    const flagFix = flag && exposure.flagTarget && flagInsert(context.sourceCode, exposure.flagTarget, flag.suggestion);
    if (flag && flagFix && (!flag.fields || flag.fields.includes(exposure.field.path.join('.')))) {
      suggest.push({ messageId: 'setFlag', data: { flag: flag.suggestion }, fix: flagFix });
    }
    const { bcc: hidden, required } = exposure.field;
    const bcc = hidden && !required && bccFix(context.sourceCode, write.holder, hidden, write.object);
    if (hidden && bcc) suggest.push({ messageId: 'moveToBcc', data: { bcc: hidden, field: fieldName }, fix: bcc });
  }
  context.report({ node: write.holder, messageId, data, suggest });
}

/** Renames the field's key to its hidden sibling, when that sibling is not already there. */
function bccFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  holder: TSESTree.Node,
  bcc: string,
  object: TSESTree.ObjectExpression | null,
): TSESLint.ReportFixFunction | null {
  if (holder.type === AST_NODE_TYPES.Property && object) {
    const taken = object.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyName(p) === bcc);
    if (taken || holder.computed || holder.kind !== 'init') return null;
    if (holder.shorthand) {
      return (fixer) => fixer.replaceText(holder, `${bcc}: ${sourceCode.getText(holder.value)}`);
    }
    const key = holder.key;
    const text = key.type === AST_NODE_TYPES.Literal ? JSON.stringify(bcc) : bcc;
    return (fixer) => fixer.replaceText(key, text);
  }
  if (
    holder.type === AST_NODE_TYPES.AssignmentExpression &&
    holder.left.type === AST_NODE_TYPES.MemberExpression &&
    !holder.left.computed
  ) {
    const key = holder.left.property;
    return (fixer) => fixer.replaceText(key, bcc);
  }
  return null;
}

/** Sets a flag in the message object: replaces the property if it is there, else adds it first. */
function flagInsert(
  sourceCode: Readonly<TSESLint.SourceCode>,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.ReportFixFunction | null {
  const key = text.slice(0, text.indexOf(':')).trim();
  const existing = object.properties.find(
    (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyName(p) === key,
  );
  if (existing) return existing.shorthand || existing.computed ? null : (fixer) => fixer.replaceText(existing, text);
  const first = object.properties[0];
  if (first) return (fixer) => fixer.insertTextBefore(first, `${text}, `);
  return sourceCode.getText(object) === '{}' ? (fixer) => fixer.replaceText(object, `{ ${text} }`) : null;
}
