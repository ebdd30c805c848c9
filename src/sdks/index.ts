import { awsSdkV2 } from './aws-sdk-v2.js';
import { azure } from './azure.js';
import { brevo, sendinblue } from './brevo.js';
import { emailTemplates } from './email-templates.js';
import { emailjs } from './emailjs.js';
import { mailersend } from './mailersend.js';
import { mailgunJs, mailgunLegacy } from './mailgun.js';
import { mailjet } from './mailjet.js';
import { mailtrap } from './mailtrap.js';
import { mailchimpTransactional, mandrillApi } from './mandrill.js';
import { nestjsMailer } from './nestjs-mailer.js';
import { nodemailer } from './nodemailer.js';
import { postmark } from './postmark.js';
import { resend } from './resend.js';
import { sendgrid } from './sendgrid.js';
import { senecaMail } from './seneca-mail.js';
import { sendmail } from './sendmail.js';
import { ses } from './ses.js';
import { sesV2 } from './ses-v2.js';
import { sparkpost } from './sparkpost.js';
import type { SdkSpec } from './types.js';
import { zeptomail } from './zeptomail.js';

export type * from './types.js';

/** Every provider the plugin knows. Adding one is a data file here plus its tests. */
export const sdks: readonly SdkSpec[] = [
  nodemailer,
  nestjsMailer,
  emailTemplates,
  sendgrid,
  ses,
  sesV2,
  awsSdkV2,
  mailgunJs,
  mailgunLegacy,
  postmark,
  resend,
  mailchimpTransactional,
  mandrillApi,
  mailjet,
  brevo,
  sendinblue,
  sparkpost,
  mailersend,
  azure,
  emailjs,
  mailtrap,
  zeptomail,
  sendmail,
  senecaMail,
];

/** What a module specifier gives when it is imported or required. */
export interface ModuleRoot {
  readonly sdk: SdkSpec;
  readonly kind: string;
}

export function moduleRoots(specs: readonly SdkSpec[]): Map<string, ModuleRoot> {
  const roots = new Map<string, ModuleRoot>();
  for (const sdk of specs) {
    for (const [module, kind] of Object.entries(sdk.modules)) roots.set(module, { sdk, kind });
  }
  return roots;
}

export const builtinRoots = moduleRoots(sdks);
