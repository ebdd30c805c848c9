/**
 * `record[key]` for a key the linted code chose (a property or variable name): an own entry only,
 * never one inherited from `Object.prototype` (`constructor`, `toString`, `__proto__`).
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
