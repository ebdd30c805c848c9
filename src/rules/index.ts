import noExposedRecipients from './no-exposed-recipients.js';

export const rules = {
  'no-exposed-recipients': noExposedRecipients,
};
