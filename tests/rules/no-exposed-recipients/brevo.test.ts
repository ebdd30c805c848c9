import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const brevo = 'Brevo (@getbrevo/brevo)';
const sib = 'Brevo (sib-api-v3-sdk)';
const fix =
  'Give every recipient its own entry in `messageVersions` (at most 1,000 versions and 2,000 recipients a call), or put the list in `bcc` and keep an address in `to`, such as your own: Brevo rejects an email without one.';
// The shared report helper, once per package; `invalid(…, sib)` for sib-api-v3-sdk.
const v6Reports = exposedReports(brevo, fix, { required: ['to', 'messageVersions[].to'] });
const sibReports = exposedReports(sib, fix, { required: ['to', 'messageVersions[].to'] });
const invalid = (name: string, code: string, reports: [field: string, text: string, bcc?: boolean][], sdk = brevo) =>
  (sdk === sib ? sibReports : v6Reports).invalid(name, code, reports);

const mapped = 'to: users.map((u) => ({ email: u.email }))';
const sendV6 = (client = 'brevo') =>
  `export const f = (users: { email: string }[] = db.users.map((u) => u.email)) => ${client}.transactionalEmails.sendTransacEmail({ subject: 'Hi', ${mapped} });`;

// @getbrevo/brevo v6 has named exports only (no default).
const importForms: [string, string][] = [
  ['named import', "import { BrevoClient } from '@getbrevo/brevo';\nconst brevo = new BrevoClient({ apiKey: 'k' });"],
  ['aliased import', "import { BrevoClient as Client } from '@getbrevo/brevo';\nconst brevo = new Client({ apiKey: 'k' });"],
  ['namespace import', "import * as sdk from '@getbrevo/brevo';\nconst brevo = new sdk.BrevoClient({ apiKey: 'k' });"],
  ['require', "const sdk = require('@getbrevo/brevo');\nconst brevo = new sdk.BrevoClient({ apiKey: process.env.BREVO_KEY });"],
  ['destructured require', "const { BrevoClient } = require('@getbrevo/brevo');\nconst brevo = new BrevoClient({ apiKey: 'k' });"],
  ['`as` and `!`', "import { BrevoClient } from '@getbrevo/brevo';\nconst brevo = (new BrevoClient({ apiKey: 'k' }) as any)!;"],
];

tsTester.run('no-exposed-recipients: Brevo v6 import forms', rule, {
  valid: importForms.map(([, setup]) => ({
    // One message version per recipient.
    code: `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => brevo.transactionalEmails.sendTransacEmail({ messageVersions: users.map((u) => ({ to: [{ email: u.email }] })) });`,
  })),
  invalid: importForms.map(([name, setup]) => invalid(name, `${setup}\n${sendV6()}`, [['to', mapped]])),
});

const setup = "import { BrevoClient } from '@getbrevo/brevo';\nconst brevo = new BrevoClient({ apiKey: 'k' });";

tsTester.run('no-exposed-recipients: Brevo v6 messages', rule, {
  valid: [
    // The resource itself in a variable, one recipient each.
    `${setup}\nconst emails = brevo.transactionalEmails;\nexport const f = (u: { email: string }) => emails.sendTransacEmail({ to: [{ email: u.email }] });`,
    // The list in bcc is hidden.
    `${setup}\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => brevo.transactionalEmails.sendTransacEmail({ to: [{ email: 'me@x.io' }], bcc: users.map((u) => ({ email: u.email })) });`,
    // A fixed list.
    `${setup}\nbrevo.transactionalEmails.sendTransacEmail({ to: [{ email: 'a@x.io' }, { email: 'b@x.io' }] });`,
    // Look-alikes: a local class, an object, a shadowed binding, another module.
    `class BrevoClient { transactionalEmails = { sendTransacEmail(o: unknown) {} }; }\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new BrevoClient().transactionalEmails.sendTransacEmail({ to: list });`,
    `const brevo = { transactionalEmails: { sendTransacEmail(o: unknown) {} } };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => brevo.transactionalEmails.sendTransacEmail({ to: list });`,
    `import { BrevoClient } from '@getbrevo/brevo';\nexport function f(BrevoClient: any, list: string[] = db.users.map((u) => u.email)) { return new BrevoClient({}).transactionalEmails.sendTransacEmail({ to: list }); }`,
    `import { BrevoClient } from './brevo';\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new BrevoClient({}).transactionalEmails.sendTransacEmail({ to: list });`,
  ],
  invalid: [
    invalid(
      'the resource in a variable',
      `${setup}\nconst emails = brevo.transactionalEmails;\nexport const f = (list: string[] = db.users.map((u) => u.email)) => emails.sendTransacEmail({ cc: list.map((email) => ({ email })) });`,
      [['cc', 'cc: list.map((email) => ({ email }))']],
    ),
    invalid(
      'a list inside one message version',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => brevo.transactionalEmails.sendTransacEmail({ messageVersions: [{ to: list.map((email) => ({ email })) }] });`,
      [['messageVersions[].to', 'to: list.map((email) => ({ email }))']],
    ),
    invalid(
      'bcc already there: no suggestion',
      `${setup}\nexport const f = (list: string[] = db.users.map((u) => u.email)) => brevo.transactionalEmails.sendTransacEmail({ bcc: [{ email: 'audit@x.io' }], to: list.map((email) => ({ email })) });`,
      [['to', 'to: list.map((email) => ({ email }))', false]],
    ),
    invalid(
      'a message in a variable, filled from a set',
      `${setup}
export async function f(set: Set<string> = db.users.map((u) => u.email)) {
  const request = { subject: 'Hi', to: [...set].map((email) => ({ email })) };
  await brevo.transactionalEmails.sendTransacEmail(request);
}`,
      [['to', 'to: [...set].map((email) => ({ email }))']],
    ),
    invalid(
      'class field with an initialiser, and optional chaining',
      `import { BrevoClient } from '@getbrevo/brevo';
export class Mailer {
  private brevo = new BrevoClient({ apiKey: 'k' });
  notify = (users: { email: string }[] = db.users.map((u) => u.email)) => this.brevo?.transactionalEmails.sendTransacEmail({ ${mapped} });
}`,
      [['to', mapped]],
    ),
    invalid(
      'this.brevo set in the constructor',
      `import { BrevoClient } from '@getbrevo/brevo';
class Mailer {
  constructor() { this.brevo = new BrevoClient({ apiKey: 'k' }); }
  notify(users: { email: string }[] = db.users.map((u) => u.email)) { return this.brevo.transactionalEmails.sendTransacEmail({ ${mapped} }); }
}`,
      [['to', mapped]],
    ),
    invalid(
      'a parameter typed with the class',
      `import { BrevoClient } from '@getbrevo/brevo';\nexport const f = (brevo: BrevoClient, users: { email: string }[] = db.users.map((u) => u.email)) => brevo.transactionalEmails.sendTransacEmail({ ${mapped} });`,
      [['to', mapped]],
    ),
  ],
});

tsTester.run('no-exposed-recipients: Brevo older shape (TransactionalEmailsApi, SendSmtpEmail)', rule, {
  valid: [
    `import { SendSmtpEmail } from '@getbrevo/brevo';\nexport function build(u: { email: string }) { const email = new SendSmtpEmail(); email.to = [{ email: u.email }]; return email; }`,
    `import { SendSmtpEmail } from '@getbrevo/brevo';\nexport function build(list: string[] = db.users.map((u) => u.email)) { const email = new SendSmtpEmail(); email.bcc = list.map((e) => ({ email: e })); return email; }`,
    // A local class with the same name.
    `class SendSmtpEmail { to?: unknown; }\nexport function build(list: string[] = db.users.map((u) => u.email)) { const email = new SendSmtpEmail(); email.to = list; return email; }`,
  ],
  invalid: [
    invalid(
      'SendSmtpEmail filled, then sent: one report, at the assignment',
      `import { SendSmtpEmail, TransactionalEmailsApi } from '@getbrevo/brevo';
const api = new TransactionalEmailsApi();
export async function f(list: string[] = db.users.map((u) => u.email)) {
  const email = new SendSmtpEmail();
  email.subject = 'Hi';
  email.to = list.map((e) => ({ email: e }));
  await api.sendTransacEmail(email);
}`,
      [['to', 'email.to = list.map((e) => ({ email: e }))']],
    ),
    invalid(
      'SendSmtpEmail filled in a builder; the suggestion renames the member',
      `import { SendSmtpEmail, TransactionalEmailsApi } from '@getbrevo/brevo';
const api = new TransactionalEmailsApi();
function build(list: string[] = db.users.map((u) => u.email)) {
  const email = new SendSmtpEmail();
  email.subject = 'Hi';
  email.to = list.map((e) => ({ email: e }));
  return email;
}
export const f = (list: string[] = db.users.map((u) => u.email)) => api.sendTransacEmail(build(list));`,
      [['to', 'email.to = list.map((e) => ({ email: e }))']],
    ),
    invalid(
      'namespace import, cc',
      `import * as Brevo from '@getbrevo/brevo';
export function build(users: { email: string }[] = db.users.map((u) => u.email)) {
  const email = new Brevo.SendSmtpEmail();
  email.cc = users.map((u) => ({ email: u.email }));
  return email;
}`,
      // The message is returned: its caller may set a bcc after this, so nothing is moved there.
      [['cc', 'email.cc = users.map((u) => ({ email: u.email }))', false]],
    ),
    invalid(
      'TransactionalEmailsApi with an object literal',
      `import { TransactionalEmailsApi, TransactionalEmailsApiApiKeys } from '@getbrevo/brevo';
const api = new TransactionalEmailsApi();
api.setApiKey(TransactionalEmailsApiApiKeys.apiKey, 'k');
export const f = (users: { email: string }[] = db.users.map((u) => u.email)) => api.sendTransacEmail({ ${mapped} });`,
      [['to', mapped]],
    ),
    invalid(
      'TransactionalEmailsApi through destructured require',
      `const { TransactionalEmailsApi } = require('@getbrevo/brevo');
const api = new TransactionalEmailsApi();
export const f = (users: { email: string }[] = db.users.map((u) => u.email)) => api.sendTransacEmail({ messageVersions: [{ ${mapped} }] });`,
      [['messageVersions[].to', mapped]],
    ),
  ],
});

tsTester.run('no-exposed-recipients: sib-api-v3-sdk', rule, {
  valid: [
    `import SibApiV3Sdk from 'sib-api-v3-sdk';\nconst api = new SibApiV3Sdk.TransactionalEmailsApi();\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => api.sendTransacEmail({ messageVersions: users.map((u) => ({ to: [{ email: u.email }] })) });`,
    // A local object named like the SDK.
    `const SibApiV3Sdk = { TransactionalEmailsApi: class { sendTransacEmail(o: unknown) {} } };\nexport const f = (list: string[] = db.users.map((u) => u.email)) => new SibApiV3Sdk.TransactionalEmailsApi().sendTransacEmail({ to: list });`,
  ],
  invalid: [
    invalid(
      'default import (the only ESM form), object literal',
      `import SibApiV3Sdk from 'sib-api-v3-sdk';\nconst api = new SibApiV3Sdk.TransactionalEmailsApi();\nexport const f = (users: { email: string }[] = db.users.map((u) => u.email)) => api.sendTransacEmail({ ${mapped} });`,
      [['to', mapped]],
      sib,
    ),
    invalid(
      'require, SendSmtpEmail filled, then sent',
      `const SibApiV3Sdk = require('sib-api-v3-sdk');
const api = new SibApiV3Sdk.TransactionalEmailsApi();
export function f(users: { email: string }[] = db.users.map((u) => u.email)) {
  const email = new SibApiV3Sdk.SendSmtpEmail();
  email.to = users.map((u) => ({ email: u.email }));
  return api.sendTransacEmail(email);
}`,
      [['to', 'email.to = users.map((u) => ({ email: u.email }))']],
      sib,
    ),
    invalid(
      'require, SendSmtpEmail filled in a builder',
      `const SibApiV3Sdk = require('sib-api-v3-sdk');
SibApiV3Sdk.ApiClient.instance.authentications['api-key'].apiKey = 'k';
export function build(users: { email: string }[] = db.users.map((u) => u.email)) {
  const email = new SibApiV3Sdk.SendSmtpEmail();
  email.to = users.map((u) => ({ email: u.email }));
  return email;
}`,
      [['to', 'email.to = users.map((u) => ({ email: u.email }))']],
      sib,
    ),
  ],
});

jsTester.run('no-exposed-recipients: Brevo in plain ESM JavaScript', rule, {
  valid: [
    "import { BrevoClient } from '@getbrevo/brevo';\nexport const f = (u) => new BrevoClient({ apiKey: 'k' }).transactionalEmails.sendTransacEmail({ to: [{ email: u.email }] });",
  ],
  invalid: [
    invalid(
      'espree, ESM',
      `import { BrevoClient } from '@getbrevo/brevo';\nexport const f = (users) => new BrevoClient({ apiKey: 'k' }).transactionalEmails.sendTransacEmail({ ${mapped} });`,
      [['to', mapped]],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: Brevo in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return {}; }\nconst SibApiV3Sdk = require('sib-api-v3-sdk');\nmodule.exports = (list = db.users.map((u) => u.email)) => new SibApiV3Sdk.TransactionalEmailsApi().sendTransacEmail({ to: list.map((email) => ({ email })) });",
  ],
  invalid: [
    invalid(
      'espree, CommonJS',
      "const SibApiV3Sdk = require('sib-api-v3-sdk');\nconst api = new SibApiV3Sdk.TransactionalEmailsApi();\nmodule.exports = (list = db.users.map((u) => u.email)) => api.sendTransacEmail({ sender: { email: 'a@x.io' }, cc: list.map((email) => ({ email })) });",
      [['cc', 'cc: list.map((email) => ({ email }))']],
      sib,
    ),
  ],
});
