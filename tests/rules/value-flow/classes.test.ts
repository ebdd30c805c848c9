// Classes of one file that extend one another (issue 20): a method inherited from a base class
// (`this.deliver()` defined in `BaseMailer`), `super.deliver()`, and a client field the base
// class sets, are followed as the class's own, for every rule.
import exposedRule from '../../../src/rules/no-exposed-recipients.js';
import unbatchedRule from '../../../src/rules/no-unbatched-send.js';
import { at } from '../../helpers.js';
import { flavours } from './support.js';

const base = `import { Resend } from 'resend';
class BaseMailer {
  constructor() {
    this.client = new Resend('re_123');
  }
  deliver(message) {
    return this.client.emails.send(message);
  }
}
`;
const exposedFix =
  'Send one email per recipient with `resend.batch.send([...])` in chunks of at most 100, or put the list in `bcc` (at most 50) and keep an address in `to`, such as your own: Resend rejects an email without one.';
const batching = 'Use `resend.batch.send([...])` in chunks of at most 100 emails.';

for (const [tester, name, flavour] of flavours) {
  const inherited = flavour(`${base}export class EventMailer extends BaseMailer {
  async cancelled(users) {
    await this.deliver({ from: 'a@x.io', to: users.map((u) => u.email), subject: 'Cancelled' });
  }
  async remind(users) {
    for (const u of users) await super.deliver({ from: 'a@x.io', to: u.email, subject: 'Soon' });
  }
  async direct(users) {
    await this.client.emails.send({ from: 'a@x.io', to: users.map((u) => u.email), subject: 'Hi' });
  }
}
`);
  tester.run(`no-exposed-recipients: inherited methods and fields (${name})`, exposedRule, {
    valid: [
      // A method of the same name on a class that does not extend the mailer sends nothing.
      flavour(`${base}export class Other {\n  deliver(m) { return m; }\n  run(users) { return this.deliver({ to: users.map((u) => u.email) }); }\n}\n`),
    ],
    invalid: [
      {
        code: inherited,
        errors: [
          { messageId: 'exposedThroughWrapper' as const, data: { wrapper: 'deliver', sdk: 'Resend', field: 'to', fix: exposedFix }, ...at(inherited, 'to: users.map((u) => u.email)') },
          { messageId: 'exposedList' as const, data: { sdk: 'Resend', field: 'to', fix: exposedFix }, ...at(inherited, 'to: users.map((u) => u.email)', 1) },
        ],
      },
    ],
  });
  tester.run(`no-unbatched-send: inherited methods (${name})`, unbatchedRule, {
    valid: [flavour(`${base}export class Other {\n  deliver(m) { return m; }\n  async run(users) { for (const u of users) await this.deliver({ to: u.email }); }\n}\n`)],
    invalid: [
      {
        code: inherited,
        errors: [
          {
            messageId: 'sequential' as const,
            data: { what: '`deliver` (which sends with Resend)', fix: batching },
            ...at(inherited, "super.deliver({ from: 'a@x.io', to: u.email, subject: 'Soon' })"),
          },
        ],
      },
    ],
  });
}
