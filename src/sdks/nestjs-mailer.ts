import { nodemailerMessage } from './nodemailer.js';
import type { SdkSpec } from './types.js';

/** @nestjs-modules/mailer: an injected `MailerService` sends nodemailer messages. */
export const nestjsMailer: SdkSpec = {
  id: 'nestjs-mailer',
  label: 'NestJS MailerService',
  modules: { '@nestjs-modules/mailer': 'module' },
  kinds: {
    module: { props: { MailerService: 'serviceClass', MailerBatchService: 'batchServiceClass' } },
    serviceClass: { construct: 'service' },
    service: { sends: { sendMail: { message: 'mail' } } },
    batchServiceClass: { construct: 'batchService' },
    batchService: { sends: { sendBatch: { message: 'mail', batch: ['messages', '[]'] } } },
  },
  messages: { mail: nodemailerMessage },
};
