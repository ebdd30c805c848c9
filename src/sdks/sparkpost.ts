import type { SdkSpec } from './types.js';

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
  kinds: {
    sparkPostClass: { construct: 'client' },
    client: { props: { transmissions: 'transmissions' } },
    transmissions: { sends: { send: { message: 'transmission' } } },
  },
  messages: {
    transmission: {
      visible: [
        { path: ['cc'], bcc: 'bcc' },
        { path: ['recipients', '[]', 'address', 'header_to'] },
      ],
      fix: 'List each person in `recipients` without `header_to` or `cc`: SparkPost then sends each a copy addressed only to them.',
    },
  },
};
