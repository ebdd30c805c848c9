import type { SdkSpec } from './types.js';
import { library } from './library.js';

/**
 * How the common HTTP clients take a URL and a body. A send through them to a provider's
 * endpoint is a mail call like the SDK's own.
 */
export interface HttpForm {
  /** Where the URL is: an argument, or a property of an options argument (`axios({ url })`). */
  readonly url: { readonly arg: number; readonly path?: readonly string[] };
  /** Where the body is; `JSON.stringify(…)` and `new URLSearchParams({…})` are looked through. */
  readonly bodies: readonly { readonly arg: number; readonly path: readonly string[] }[];
}

export const FETCH: HttpForm = { url: { arg: 0 }, bodies: [{ arg: 1, path: ['body'] }] };
const WITH_DATA: HttpForm = { url: { arg: 0 }, bodies: [{ arg: 1, path: [] }] };
const WITH_JSON: HttpForm = { url: { arg: 0 }, bodies: [{ arg: 1, path: ['json'] }, { arg: 1, path: ['body'] }] };
const CONFIG: HttpForm = { url: { arg: 0, path: ['url'] }, bodies: [{ arg: 0, path: ['data'] }] };

/** The request methods of the HTTP clients (`axios.post`), besides calling the client itself. */
export const HTTP_METHODS: readonly string[] = ['post', 'put', 'patch', 'request', 'fetch'];

/** Each HTTP client's request forms: `'()'` is calling the client itself (`axios(config)`). */
export const FORMS: Readonly<Record<string, Readonly<Record<string, HttpForm>>>> = {
  'node-fetch': { '()': FETCH },
  undici: { '()': FETCH },
  axios: { '()': CONFIG, request: CONFIG, post: WITH_DATA, put: WITH_DATA, patch: WITH_DATA },
  got: { '()': WITH_JSON, post: WITH_JSON, put: WITH_JSON },
  ky: { '()': WITH_JSON, post: WITH_JSON, put: WITH_JSON },
};

/** A client library whose methods (`axios.post`) and whose own calls (`axios(config)`) take requests. */
const client = (id: string, factories: readonly string[] = []): SdkSpec => {
  const methods = Object.fromEntries(
    [...Object.keys(FORMS[id]!).filter((m) => m !== '()'), ...factories].map((m) => [m, 'client']),
  );
  return library(id, { [id]: 'client' }, { client: { props: { default: 'client' }, methods } });
};

/** HTTP client libraries, described like SDKs so the same analysis finds them. */
export const httpClients: readonly SdkSpec[] = [
  library('node-fetch', { 'node-fetch': 'client' }, { client: { props: { default: 'client' } } }),
  library('undici', { undici: 'module' }, { module: { props: { fetch: 'fetch' } }, fetch: {} }),
  client('axios', ['create']),
  client('got', ['extend']),
  client('ky', ['create', 'extend']),
];


