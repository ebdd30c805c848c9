import { mailRuleListeners } from '../analysis/passes/sends.js';
import { getLimitAnalysis, type SizedList } from '../analysis/passes/limits.js';
import { sdks } from '../sdks/index.js';
import { checkedSettings } from '../analysis/file/settings.js';
import { createRule } from '../util/create-rule.js';
import { own } from '../util/own.js';
import { escapeRegExp } from '../util/regexp.js';

export interface Override {
  messagesPerCall?: number;
  recipientsPerMessage?: number;
}
/** The options of `mail/respect-provider-limits` (docs/rules/respect-provider-limits.md): limits by SDK id (`resend`, `sendgrid`, …). */
export type RespectProviderLimitsOptions = {
  limits?: Record<string, Override>;
};
type Options = [RespectProviderLimitsOptions];
type MessageIds = 'messagesChunk' | 'messagesList' | 'recipientsChunk' | 'recipientsList' | 'unsupported';

/** The SDKs with a limit in their data: the keys the `limits` option takes. */
const LIMITED = sdks.filter(
  (sdk) =>
    Object.values(sdk.messages).some((m) => m.limits) ||
    Object.values(sdk.kinds).some((k) => Object.values(k.sends ?? {}).some((s) => s.maxMessages || s.unsupported)) ||
    Object.values(sdk.kinds).some((k) => k.constructSend?.maxMessages),
);

const limitSchema = { type: 'integer', minimum: 1 } as const;

export default createRule<Options, MessageIds>({
  name: 'respect-provider-limits',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow chunks and lists above a mail provider's hard limits per call and per message",
      recommended: 'recommended',
      // The send fails part-way through the list: an exceptional condition the code sets up itself.
      cwe: ['CWE-754'],
    },
    schema: [
      {
        type: 'object',
        properties: {
          limits: {
            type: 'object',
            description: `Your account's limits where the provider raised them, by SDK id (${LIMITED.map((sdk) => `\`${sdk.id}\``).join(', ')}): \`{ "resend": { "messagesPerCall": 200 } }\`. \`messagesPerCall\` is the messages of one batch call (per-recipient entries such as \`Messages\` or \`personalizations\` included), \`recipientsPerMessage\` the addresses of one message. Unset limits stay as documented.`,
            patternProperties: {
              [`^(?:${LIMITED.map((sdk) => escapeRegExp(sdk.id)).join('|')})$`]: {
                type: 'object',
                properties: {
                  messagesPerCall: { ...limitSchema, description: 'Messages one batch call takes, per-recipient entries included (in `limits.<sdk id>`).' },
                  recipientsPerMessage: { ...limitSchema, description: 'Addresses one message takes (in `limits.<sdk id>`).' },
                },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
    messages: {
      messagesChunk:
        '{{sdk}} accepts at most {{max}} messages in {{where}}, and these chunks hold {{count}}: the provider rejects the call. Use chunks of at most {{max}}.',
      messagesList:
        '{{sdk}} accepts at most {{max}} messages in {{where}}, and this list holds {{count}}: the provider rejects the call. Send it in chunks of at most {{max}}.',
      recipientsChunk:
        '{{sdk}} accepts at most {{max}} recipients a message in {{counted}}, and these chunks put {{count}} in `{{field}}`: the provider rejects the message. Use chunks of at most {{max}}, or one message per recipient: {{batching}}',
      recipientsList:
        '{{sdk}} accepts at most {{max}} recipients a message in {{counted}}, and this list puts {{count}} in `{{field}}`: the provider rejects the message. Split it into chunks of at most {{max}}, or send one message per recipient: {{batching}}',
      unsupported: "{{sdk}}'s `{{method}}` does not support `{{field}}`: send this message on its own with the single-send API.",
    },
  },
  create(context, [{ limits = {} }]) {
    checkedSettings(context);
    return mailRuleListeners(context, {}, () => {
      const { lists, unsupported } = getLimitAnalysis(context);
      for (const list of lists) {
        const max = limitOf(list, limits);
        const { count, node, chunk } = list.size;
        if (count <= max) continue;
        const messageId: MessageIds =
          list.kind === 'messages' ? (chunk ? 'messagesChunk' : 'messagesList') : chunk ? 'recipientsChunk' : 'recipientsList';
        const counted = list.counted.length > 1 ? `${list.counted.map((f) => `\`${f}\``).join(', ')} together` : `\`${list.field}\``;
        const call = `one \`${list.call.method}\` call`;
        const where = list.field ? `\`${list.field}\` of ${call}` : call;
        context.report({
          node,
          messageId,
          data: { sdk: list.sdk.label, max, count, field: list.field, where, counted, batching: list.sdk.batching },
        });
      }
      for (const use of unsupported) {
        context.report({
          node: use.node,
          messageId: 'unsupported',
          data: { sdk: use.sdk.label, method: use.call.method, field: use.field },
        });
      }
    });
  },
});

/** The provider's documented limit, or the account's own from the options. */
function limitOf(list: SizedList, limits: Readonly<Record<string, Override>>): number {
  const override = own(limits, list.sdk.id);
  const raised = list.kind === 'messages' ? override?.messagesPerCall : override?.recipientsPerMessage;
  return raised ?? list.limit.max;
}
