import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/** TypeScript parser, no type information: the default way the rules run on `.ts` files. */
export const tsTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** Plain JavaScript through ESLint's own parser, as in a project without TypeScript. */
export const jsTester = new RuleTester({
  languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
});

/** The same, for CommonJS files (`require`, `module.exports`). */
export const cjsTester = new RuleTester({
  languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'commonjs' },
});

/**
 * The exact location of `text` in `code` (its `nth` occurrence, from 0), as RuleTester expects
 * it: 1-based lines and columns, end column exclusive.
 */
export function at(code: string, text: string, nth = 0) {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`"${text}" (occurrence ${nth}) is not in the test code`);
  }
  const before = code.slice(0, index).split('\n');
  const inside = text.split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  const endLine = line + inside.length - 1;
  const endColumn = inside.length === 1 ? column + text.length : inside.at(-1)!.length + 1;
  return { line, column, endLine, endColumn };
}

/**
 * Report builders for a no-exposed-recipients suite about one SDK: `exposed(code, text, field)` is
 * the `exposedList` report on `text`, with the suggestion that renames the field's key (its last
 * segment: `to` of `recipients.to`, also as the member written in `email.to = list`) to the SDK's
 * hidden field, unless `withBcc` is false or the field is one the provider requires;
 * `invalid(name, code, [[field, text, bcc?], …])` is a whole invalid case.
 */
export function exposedReports(
  sdk: string,
  fix: string,
  { field: defaultField = 'to', bcc = 'bcc', required = [] as readonly string[] } = {},
) {
  // `required`: the fields the provider rejects a message without (its API reference says so);
  // moving one of them to bcc would build a request the provider refuses, so it is not suggested.
  // `withBcc`: false for no suggestion, or the whole output when it is more than a renamed key (a merge).
  const exposed = (code: string, text: string, field = defaultField, withBcc: boolean | string = true) => {
    const key = field.slice(field.lastIndexOf('.') + 1);
    return {
      messageId: 'exposedList' as const,
      data: { sdk, field, fix },
      ...at(code, text),
      suggestions: withBcc && !required.includes(field)
        ? [
            {
              messageId: 'moveToBcc' as const,
              data: { bcc, field },
              output: typeof withBcc === 'string' ? withBcc : code.replace(text, text.replace(new RegExp(`^(\\w+\\.)?${key}\\b`), `$1${bcc}`)),
            },
          ]
        : [],
    };
  };
  const invalid = <Options extends readonly unknown[] = never>(
    name: string,
    code: string,
    reports: [field: string, text: string, bcc?: boolean | string][],
    options?: Options,
  ) => ({
    name,
    code,
    ...(options ? { options } : {}),
    errors: reports.map(([field, text, withBcc = true]) => exposed(code, text, field, withBcc)),
  });
  return { exposed, invalid };
}
