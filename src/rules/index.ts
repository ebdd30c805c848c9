import noExposedRecipients from './no-exposed-recipients.js';
import noUnbatchedSend from './no-unbatched-send.js';

export const rules = {
  'no-exposed-recipients': noExposedRecipients,
  'no-unbatched-send': noUnbatchedSend,
};
