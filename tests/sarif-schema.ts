import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The official SARIF 2.1.0 schema, as shipped in the npm package @microsoft/sarif-multitool-linux
 * 5.7.0 (file `sarif-2.1.0.json`, in the JSON Schema 2020-12 dialect, hence Ajv2020). The schema
 * is written for a lenient validator: ajv's strict mode rejects some of its `required` lists.
 */
export function sarifValidator() {
  const file = path.resolve(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
