/**
 * Settings checked by a JSON schema (ajv 6, the major ESLint itself validates rule options with,
 * so both share one copy), with an error that names the setting: the schema's `description` of a
 * value says what it must be ("a non-empty string"), and its `title` on an object says what its
 * keys are ("a wrapper setting"), so the message reads `wrappers[0].module must be a non-empty string`.
 */
import Ajv from 'ajv';

/** What a schema says about a value, where it says it. */
interface Described {
  readonly description?: string;
  readonly title?: string;
  readonly properties?: Record<string, Described>;
  readonly propertyNames?: Described;
}

export interface SchemaProblem {
  /** The setting, as code would spell it from the checked value: `wrappers[0].module`, `rules["no-x"]`; '' for the value itself. */
  readonly path: string;
  /** What is wrong with it: `must be a non-empty string`, `is not a wrapper setting (known: …)`. */
  readonly problem: string;
}

/** Made when a schema is first compiled: most lints set no `settings.mail`, and making Ajv costs more than loading the rules. */
let ajv: InstanceType<typeof Ajv> | undefined;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JSON pointer (`/wrappers/0/module`) as a property path (`wrappers[0].module`). */
function propertyPath(pointer: string, ...more: string[]): string {
  const segments = [...pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')), ...more];
  return segments
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : IDENTIFIER.test(s) ? `${i ? '.' : ''}${s}` : `[${JSON.stringify(s)}]`))
    .join('');
}

/** Compiles the schema once; the checker returns the first problem of a value, or null. */
export function schemaChecker(schema: object): (value: unknown) => SchemaProblem | null {
  const validate = (ajv ??= new Ajv({ jsonPointers: true, verbose: true })).compile(schema);
  return (value) => {
    if (validate(value)) return null;
    for (const error of validate.errors ?? []) {
      // The keyword errors of a key that `propertyNames` rejects come again as one `propertyNames` error.
      if (error.propertyName !== undefined) continue;
      const parent = (error.parentSchema ?? {}) as Described;
      const params = error.params as { additionalProperty?: string; missingProperty?: string; propertyName?: string };
      if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
        const known = Object.keys(parent.properties ?? {}).join(', ');
        return { path: propertyPath(error.dataPath, params.additionalProperty), problem: `is not ${parent.title ?? 'a known setting'} (known: ${known})` };
      }
      if (error.keyword === 'propertyNames' && params.propertyName !== undefined) {
        return { path: propertyPath(error.dataPath, params.propertyName), problem: `is not ${parent.propertyNames?.description ?? 'a known name'}` };
      }
      if (error.keyword === 'required' && params.missingProperty !== undefined) {
        // ajv 6 gives `.module` (or `['a-b']`) for the missing key, even with JSON pointers.
        const key = params.missingProperty.replace(/^\.|^\['|'\]$/g, '');
        const described = parent.properties?.[key]?.description;
        return { path: propertyPath(error.dataPath, key), problem: described ? `must be ${described}` : 'must be set' };
      }
      // A branch of `anyOf` has no description; the `anyOf` error that follows has.
      if (parent.description) return { path: propertyPath(error.dataPath), problem: `must be ${parent.description}` };
    }
    const first = validate.errors?.[0];
    return { path: propertyPath(first?.dataPath ?? ''), problem: first?.message ?? 'is not valid' };
  };
}
