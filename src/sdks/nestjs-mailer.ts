import { nodemailerMessage, nodemailerTransportOptions } from './nodemailer.js';
import type { SdkSpec } from './types.js';

/** @nestjs-modules/mailer: an injected `MailerService` sends nodemailer messages. */
export const nestjsMailer: SdkSpec = {
  id: 'nestjs-mailer',
  label: 'NestJS MailerService',
  transport: 'smtp',
  batching:
    "Send the messages with `MailerBatchService.sendBatch({ messages, concurrency })`, or set the module's `rateLimit`.",
  modules: { '@nestjs-modules/mailer': 'module' },
  messageTypes: { ISendMailOptions: 'mail' },
  kinds: {
    module: {
      props: {
        MailerService: 'serviceClass',
        MailerBatchService: 'batchServiceClass',
        MailerQueueService: 'queueServiceClass',
        MailerModule: 'mailerModule',
      },
    },
    mailerModule: {},
    serviceClass: { construct: 'service' },
    service: { sends: { sendMail: { message: 'mail' } } },
    batchServiceClass: { construct: 'batchService' },
    batchService: { sends: { sendBatch: { message: 'mail', batch: ['messages', '[]'] } } },
    // Queued sends: `enqueue(message, jobOptions?)`, `enqueueBatch(messages[], jobOptions?)`.
    queueServiceClass: { construct: 'queueService' },
    queueService: {
      sends: {
        enqueue: { message: 'mail', queued: true },
        enqueueBatch: { message: 'mail', batch: ['[]'], queued: true },
      },
    },
  },
  messages: { mail: nodemailerMessage },
  security: {
    setups: [
      { kind: 'mailerModule', via: 'forRoot', args: [{ arg: 0, path: ['transport'], options: nodemailerTransportOptions }] },
      {
        kind: 'mailerModule',
        via: 'forRootAsync',
        args: [{ arg: 0, path: ['useFactory', '()', 'transport'], options: nodemailerTransportOptions }],
      },
    ],
  },
};
