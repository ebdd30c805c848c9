import type { InsecureSetting, SdkSpec } from './types.js';

const sparkPostEndpoints: InsecureSetting[] = ['origin', 'endpoint'].map((name) => ({
  path: [name],
  when: { plainHttp: true },
  effect: 'sends every request and the API key over plain HTTP',
  cwe: 'CWE-319',
}));

/**
 * SparkPost gives every entry of `recipients` its own copy. Addresses become visible to others
 * only through `header_to` or the library's `cc` sugar, which puts the cc list in a CC header.
 */
export const sparkpost: SdkSpec = {
  id: 'sparkpost',
  label: 'SparkPost',
  batching:
    "List every recipient in one transmission's `recipients`: SparkPost sends each a copy of its own.",
  modules: { sparkpost: 'sparkPostClass' },
  types: { SparkPost: 'client' },
  messageTypes: { CreateTransmission: 'transmission' },
  endpoints: [
    { url: 'https://api.sparkpost.com/api/v1/transmissions', message: 'transmission' },
    { url: 'https://api.eu.sparkpost.com/api/v1/transmissions', message: 'transmission' },
  ],
  kinds: {
    sparkPostClass: { construct: 'client' },
    client: { props: { transmissions: 'transmissions' } },
    transmissions: { sends: { send: { message: 'transmission' } } },
  },
  messages: {
    transmission: {
      visible: [
        { path: ['cc'], bcc: 'bcc', bccForm: 'array' },
        { path: ['recipients', '[]', 'address', 'header_to'] },
      ],
      fix: 'List each person in `recipients` without `header_to` or `cc`: SparkPost then sends each a copy addressed only to them.',
    },
  },
  security: {
    setups: [
      {
        kind: 'sparkPostClass',
        via: 'new',
        args: [
          { arg: 0, options: { secrets: [{ path: [], name: 'API key' }], insecure: sparkPostEndpoints } },
          { arg: 1, options: { insecure: sparkPostEndpoints } },
        ],
      },
    ],
  },
};
