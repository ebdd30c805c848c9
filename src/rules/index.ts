import noExposedRecipients from './no-exposed-recipients.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noInsecureTransport from './no-insecure-transport.js';
import noUnbatchedSend from './no-unbatched-send.js';
import respectProviderLimits from './respect-provider-limits.js';

export const rules = {
  'no-exposed-recipients': noExposedRecipients,
  'no-hardcoded-credentials': noHardcodedCredentials,
  'no-insecure-transport': noInsecureTransport,
  'no-unbatched-send': noUnbatchedSend,
  'respect-provider-limits': respectProviderLimits,
};
