import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv2020 as Ajv2020Class, ValidateFunction } from 'ajv-formats/node_modules/ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The plugin depends on ajv 6, the major ESLint itself uses (one copy for both); the SARIF
 * schema needs ajv 8's JSON Schema 2020-12 support, which ajv-formats brings as its own
 * dependency. Taking ajv from there gives ajv-formats the very copy it extends.
 */
const fromFormats = createRequire(createRequire(import.meta.url).resolve('ajv-formats'));
const { Ajv2020 } = fromFormats('ajv/dist/2020') as { Ajv2020: typeof Ajv2020Class };

/**
 * The official SARIF 2.1.0 schema, as shipped in the npm package @microsoft/sarif-multitool-linux
 * 5.7.0 (file `sarif-2.1.0.json`, in the JSON Schema 2020-12 dialect, hence Ajv2020). The schema
 * is written for a lenient validator: ajv's strict mode rejects some of its `required` lists.
 */
export function sarifValidator(): ValidateFunction {
  const file = path.resolve(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
