import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { mailRuleListeners, getMailAnalysis, type MailCall } from '../analysis/passes/sends.js';
import { createRule } from '../util/create-rule.js';
import { checkedSettings, requireTypeInformation } from '../analysis/file/settings.js';

/** The options of `mail/no-unbatched-send` (docs/rules/no-unbatched-send.md). */
export type NoUnbatchedSendOptions = {
  throttlingFunctions?: string[];
  reportSequentialSmtp?: boolean;
  useTypeInformation?: boolean;
};
type Options = [NoUnbatchedSendOptions];
type MessageIds = 'sequential' | 'parallel' | 'arrayOfMessages';

export default createRule<Options, MessageIds>({
  name: 'no-unbatched-send',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow one send per recipient in an unbatched, unthrottled loop',
      recommended: 'recommended',
      cwe: ['CWE-770'],
      typeCheckedOptions: { useTypeInformation: true },
    },
    schema: [
      {
        type: 'object',
        properties: {
          throttlingFunctions: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Names of your own helpers that run their function argument under a concurrency or rate limit (`rateLimited(() => send(user))`, `queue.enqueue(…)`); sends inside them are not reported.',
          },
          reportSequentialSmtp: {
            type: 'boolean',
            description:
              'Report SMTP sends (nodemailer, emailjs, …) awaited one after another in a loop. They do not overload a server, but are slow; turn off if that is what you want.',
          },
          useTypeInformation: {
            type: 'boolean',
            description:
              'Use type information where the parser provides it: a client typed as an SDK client is recognised wherever it comes from. Needs `parserOptions.projectService`; without it the rule works as if off.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ throttlingFunctions: [], reportSequentialSmtp: true, useTypeInformation: false }],
    messages: {
      sequential:
        '{{what}} runs once per element of this loop, one send after another: slow for a long list, and it runs into rate limits. {{fix}}',
      parallel:
        '{{what}} runs once per element, all at once: past the provider’s rate limit, sends fail or are dropped. {{fix}}',
      arrayOfMessages:
        '`{{method}}` with an array sends one {{sdk}} request per element, all at once: past the rate limit, sends fail. {{fix}}',
    },
  },
  create(context, [{ throttlingFunctions = [], reportSequentialSmtp = true, useTypeInformation = false }]) {
    checkedSettings(context);
    if (useTypeInformation) requireTypeInformation(context);
    const options = { typed: useTypeInformation };
    return mailRuleListeners(context, options, () => {
      const { calls, iterations } = getMailAnalysis(context, options);
      for (const call of calls) {
        if (call.queued || call.throttled) continue;
        if (call.parallelArray && !call.callback) {
          context.report({
            node: call.node,
            messageId: 'arrayOfMessages',
            data: { method: call.method, sdk: call.sdk.label, fix: call.sdk.batching },
          });
          continue;
        }
        if (call.batch) continue;
        const repeat = iterations?.perElement(call, throttlingFunctions);
        if (!repeat) continue;
        if (repeat.mode === 'sequential' && call.sdk.transport === 'smtp' && !reportSequentialSmtp) continue;
        context.report({
          node: reportedNode(call),
          messageId: repeat.mode,
          data: { what: describe(call), fix: call.sdk.batching },
        });
      }
    });
  },
});

function describe(call: MailCall): string {
  return call.wrapper
    ? `\`${call.wrapper}\` (which sends with ${call.sdk.label})`
    : `This ${call.sdk.label} send`;
}

/** A command built for `client.send(new SendEmailCommand(…))` is reported on the send. */
function reportedNode(call: MailCall): TSESTree.Node {
  const parent = call.node.parent;
  return call.node.type === AST_NODE_TYPES.NewExpression &&
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.some((a) => a === call.node)
    ? parent
    : call.node;
}
