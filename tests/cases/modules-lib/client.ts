// An object whose methods hand every argument to @sendgrid/mail: calls of it are SendGrid sends.
import sgMail from '@sendgrid/mail';

export const emailClient = {
  send: async (...args: Parameters<typeof sgMail.send>) => sgMail.send(...args),
  sendMultiple: async (...args: Parameters<typeof sgMail.sendMultiple>) => sgMail.sendMultiple(...args),
};
