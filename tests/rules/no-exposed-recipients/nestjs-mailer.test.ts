import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const sdk = 'NestJS MailerService';
const fix =
  'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';
const { invalid } = exposedReports(sdk, fix);


/** A NestJS service whose constructor injects `param`; `body` is the rest of the class. */
const service = (imports: string, param: string, body: string) => `${imports}
import { Injectable } from '@nestjs/common';

@Injectable()
export class NotifyService {
  constructor(${param}) {}

${body}
}`;

// The service is injected, so it is proven by the type that annotates the constructor parameter.
const injectionForms: [string, string, string][] = [
  ['named import', "import { MailerService } from '@nestjs-modules/mailer';", 'private readonly mailerService: MailerService'],
  ['aliased import', "import { MailerService as Mailer } from '@nestjs-modules/mailer';", 'private readonly mailerService: Mailer'],
  ['namespace import', "import * as mailer from '@nestjs-modules/mailer';", 'private readonly mailerService: mailer.MailerService'],
  ['type-only import', "import type { MailerService } from '@nestjs-modules/mailer';", 'private mailerService: MailerService'],
  ['@Inject() and a public property', "import { Inject } from '@nestjs/common';\nimport { MailerService } from '@nestjs-modules/mailer';", '@Inject(MailerService) public mailerService: MailerService'],
];

tsTester.run('no-exposed-recipients: NestJS MailerService injection forms', rule, {
  valid: injectionForms.flatMap(([, imports, param]) => [
    service(imports, param, `  welcome(user: { email: string }) {
    return this.mailerService.sendMail({ to: user.email, subject: 'Welcome', template: 'welcome', context: { user } });
  }`),
    // Lists in the template context are rendered, not addressed.
    service(imports, param, `  report(users: { email: string }[] = db.users.map((u) => u.email)) {
    return this.mailerService.sendMail({ to: 'ops@x.io', bcc: users.map((u) => u.email), template: 'report', context: { to: users } });
  }`),
  ]),
  invalid: injectionForms.map(([name, imports, param]) => {
    const code = service(imports, param, `  async launch(users: { email: string }[] = db.users.map((u) => u.email)) {
    await this.mailerService.sendMail({ to: users.map((u) => u.email), subject: 'We launched', template: 'launch' });
  }`);
    return invalid(name, code, [['to', 'to: users.map((u) => u.email)']]);
  }),
});

tsTester.run('no-exposed-recipients: NestJS MailerService held elsewhere', rule, {
  valid: [
    // A local class named MailerService is not the SDK's.
    `class MailerService { sendMail(o: unknown) {} }
export class NotifyService {
  constructor(private readonly mailerService: MailerService) {}
  notify(users: string[] = db.users.map((u) => u.email)) { return this.mailerService.sendMail({ to: users }); }
}`,
    // A shadowed binding: the local parameter is not the injected service.
    `import { MailerService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly mailerService: MailerService) {}
  notify(mailerService: any, users: string[] = db.users.map((u) => u.email)) { return mailerService.sendMail({ to: users }); }
}`,
    // An unrelated sendMail on an untyped dependency.
    `import { MailerService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly mailerService: MailerService, private readonly legacy: { sendMail(o: unknown): void }) {}
  notify(users: string[] = db.users.map((u) => u.email)) { return this.legacy.sendMail({ to: users }); }
}`,
    // One message per user in a batch.
    `import { MailerBatchService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly batch: MailerBatchService) {}
  notify(users: { email: string }[] = db.users.map((u) => u.email)) {
    return this.batch.sendBatch({ messages: users.map((u) => ({ to: u.email, subject: 'Hi' })), concurrency: 5 });
  }
}`,
    // One queued message per user.
    `import { MailerQueueService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly queue: MailerQueueService) {}
  notify(users: { email: string }[] = db.users.map((u) => u.email)) {
    return this.queue.enqueueBatch(users.map((u) => ({ to: u.email, subject: 'Hi' })));
  }
}`,
    // A fixed list is not reported by default.
    `import { MailerService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly mailerService: MailerService) {}
  alert() { return this.mailerService.sendMail({ to: ['ops@x.io', 'cto@x.io'], cc: 'a@x.io, b@x.io' }); }
}`,
  ],
  invalid: [
    invalid(
      'MailerBatchService: a batch entry with a list',
      `import { MailerBatchService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly batch: MailerBatchService) {}
  notify(list: string[] = db.users.map((u) => u.email)) {
    return this.batch.sendBatch({ messages: [{ to: list, subject: 'Hi' }], stopOnError: false });
  }
}`,
      [['to', 'to: list']],
    ),
    invalid(
      'MailerQueueService: enqueue and enqueueBatch',
      `import { MailerQueueService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly queue: MailerQueueService) {}
  notify(list: string[] = db.users.map((u) => u.email), team: Set<string> = db.users.map((u) => u.email)) {
    this.queue.enqueue({ to: list.join(', '), subject: 'Hi' });
    return this.queue.enqueueBatch([{ to: 'me@x.io', cc: [...team], subject: 'Hi' }], { attempts: 3 });
  }
}`,
      [
        ['to', "to: list.join(', ')"],
        ['cc', 'cc: [...team]'],
      ],
    ),
    invalid(
      'a field declared with the type and assigned in the constructor, with optional chaining',
      `import { MailerService } from '@nestjs-modules/mailer';
export class NotifyService {
  private readonly mailer: MailerService;
  constructor(mailer: MailerService) { this.mailer = mailer; }
  notify(users: { email: string }[] = db.users.map((u) => u.email)) { return this.mailer?.sendMail({ cc: users.filter(Boolean).map((u) => u.email) }); }
}`,
      [['cc', 'cc: users.filter(Boolean).map((u) => u.email)']],
    ),
    invalid(
      'this.mailer assigned from an annotated parameter, and `as` / `!`',
      `import { MailerService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(mailer: MailerService | undefined) { this.mailer = mailer!; }
  notify(users: { email: string }[] = db.users.map((u) => u.email)) { return (this.mailer as MailerService).sendMail({ to: users.map((u) => u.email) }); }
}`,
      [['to', 'to: users.map((u) => u.email)']],
    ),
    invalid(
      'a message held in a variable, filled by push in a loop',
      `import { MailerService } from '@nestjs-modules/mailer';
export class NotifyService {
  constructor(private readonly mailerService: MailerService) {}
  async digest(users: { email: string }[] = db.users.map((u) => u.email)) {
    const addresses = [];
    for (const u of users) addresses.push(u.email);
    const mail = { subject: 'Digest', to: addresses };
    await this.mailerService.sendMail(mail);
  }
}`,
      [['to', 'to: addresses']],
    ),
    invalid(
      'a service passed as an annotated function parameter',
      `import { MailerService } from '@nestjs-modules/mailer';
declare const byEmail: Record<string, unknown>;
export const notify = (mailer: MailerService) => mailer.sendMail({ to: Object.keys(byEmail) });`,
      [['to', 'to: Object.keys(byEmail)']],
    ),
  ],
});

// Plain JavaScript has no decorators or parameter types: the service is proven when it is constructed.
jsTester.run('no-exposed-recipients: NestJS mailer in plain ESM JavaScript', rule, {
  valid: [
    "import { MailerService } from '@nestjs-modules/mailer';\nexport const f = (opts) => new MailerService(opts).sendMail({ to: 'a@x.io' });",
    // An injected service without a type cannot be proven from the import.
    "import { MailerService } from '@nestjs-modules/mailer';\nexport class S { constructor(m) { this.m = m; } f(users) { return this.m.sendMail({ to: users.map((u) => u.email) }); } }",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      "import { MailerService } from '@nestjs-modules/mailer';\nexport const f = (opts, users) => new MailerService(opts).sendMail({ to: users.map((u) => u.email) });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: NestJS mailer in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { MailerService: class { sendMail() {} } }; }\nconst { MailerService } = require('@nestjs-modules/mailer');\nmodule.exports = (users = db.users.map((u) => u.email)) => new MailerService().sendMail({ to: users.map((u) => u.email) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const { MailerBatchService } = require('@nestjs-modules/mailer');\nmodule.exports = (opts, users = db.users.map((u) => u.email)) => new MailerBatchService(opts).sendBatch({ messages: [{ to: users.map((u) => u.email) }] });",
      [['to', 'to: users.map((u) => u.email)']],
    ),
  ],
});
