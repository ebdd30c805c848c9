import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const V1 = 'Amazon SES (@aws-sdk/client-ses)';
const V2 = 'Amazon SES v2 (@aws-sdk/client-sesv2)';
const LEGACY = 'Amazon SES (aws-sdk v2)';
const sendFix =
  'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkTemplatedEmail` (v1) / `SendBulkEmail` (v2), at most 50 destinations a call.';
const sendFixV2 =
  'Put the list in `Destination.BccAddresses`, or send one message per recipient with `SendBulkEmailCommand` (one `BulkEmailEntries` entry each, 50 a call).';
const bulkFix = 'Give every recipient its own entry: all addresses inside one `Destination` see each other.';

/** `bcc`: false for no suggestion, or the whole output when the list is merged into a BccAddresses already there. */
type Report = [field: string, text: string, bcc?: boolean | string];

/** An `exposedList` report on `text` in `code`, with the rename to `BccAddresses` when it applies. */
const exposed = (sdk: string, fix: string, code: string, [field, text, bcc = true]: Report) => {
  const key = field.split('.').at(-1)!;
  return {
    messageId: 'exposedList' as const,
    data: { sdk, field, fix },
    ...at(code, text),
    suggestions: bcc
      ? [
          {
            messageId: 'moveToBcc' as const,
            data: { bcc: 'BccAddresses', field },
            // A shorthand `{ ToAddresses }` becomes `{ BccAddresses: ToAddresses }`.
            output:
              typeof bcc === 'string'
                ? bcc
                : code.replace(text, text === key ? `BccAddresses: ${key}` : text.replace(new RegExp(`^${key}\\b`), 'BccAddresses')),
          },
        ]
      : [],
  };
};

/** An invalid case for one SDK and one fix, with its reports located in the code. */
const invalid = (sdk: string, fix: string, name: string, code: string, reports: Report[]) => ({
  name,
  code,
  errors: reports.map((report) => exposed(sdk, fix, code, report)),
});

const to = ['Destination.ToAddresses', 'ToAddresses: users.map((u) => u.email)'] as Report;

// Every import form reaches the command class `Cmd` and a client.
const commandForms: [string, string][] = [
  ['named import', "import { SESClient, SendEmailCommand as Cmd } from '@aws-sdk/client-ses';\nconst client = new SESClient({});"],
  ['aliased import', "import { SESClient as Client, SendEmailCommand as Cmd } from '@aws-sdk/client-ses';\nconst client = new Client({ region: 'eu-west-1' });"],
  ['namespace import', "import * as ses from '@aws-sdk/client-ses';\nconst client = new ses.SESClient({});\nconst Cmd = ses.SendEmailCommand;"],
  ['require', "const ses = require('@aws-sdk/client-ses');\nconst client = new ses.SESClient({});\nconst Cmd = ses.SendEmailCommand;"],
  ['destructured require', "const { SESClient, SendEmailCommand: Cmd } = require('@aws-sdk/client-ses');\nconst client = new SESClient({});"],
  ['the templated command', "import { SESClient, SendTemplatedEmailCommand as Cmd } from '@aws-sdk/client-ses';\nconst client = new SESClient({});"],
  ['`as` and `!`', "import * as ses from '@aws-sdk/client-ses';\nconst client = new ses.SESClient({});\nconst Cmd = (ses as any).SendEmailCommand!;"],
];

tsTester.run('no-exposed-recipients: SES v1 commands, import forms', rule, {
  valid: commandForms.map(
    ([, setup]) =>
      `${setup}\nexport const f = (u: { email: string }, team: string[] = db.users.map((u) => u.email)) => client.send(new Cmd({ Source: 'a@x.io', Destination: { ToAddresses: [u.email], BccAddresses: team } }));`,
  ),
  invalid: commandForms.map(([name, setup]) =>
    invalid(
      V1,
      sendFix,
      name,
      `${setup}\nexport const f = (users: { email: string }[]) => client.send(new Cmd({ Source: 'a@x.io', Destination: { ToAddresses: users.map((u) => u.email) } }));`,
      [to],
    ),
  ),
});

// The aggregated client `new SES()` sends with methods.
const aggregatedForms: [string, string][] = [
  ['named import', "import { SES } from '@aws-sdk/client-ses';\nconst ses = new SES({});"],
  ['aliased import', "import { SES as Ses } from '@aws-sdk/client-ses';\nconst ses = new Ses({ region: 'us-east-1' });"],
  ['namespace import', "import * as aws from '@aws-sdk/client-ses';\nconst ses = new aws.SES({});"],
  ['require', "const aws = require('@aws-sdk/client-ses');\nconst ses = new aws.SES({});"],
  ['destructured require', "const { SES } = require('@aws-sdk/client-ses');\nconst ses = new SES({});"],
  ['`as` and `!`', "import { SES } from '@aws-sdk/client-ses';\nconst ses = (new SES({}) as SES)!;"],
  ['an SES type annotation', "import type { SES } from '@aws-sdk/client-ses';\ndeclare const ses: SES;"],
];

tsTester.run('no-exposed-recipients: SES v1 aggregated client, import forms', rule, {
  valid: aggregatedForms.map(
    ([, setup]) =>
      `${setup}\nexport const f = (users: { email: string }[]) => ses.sendEmail({ Source: 'a@x.io', Destination: { ToAddresses: ['me@x.io'], BccAddresses: users.map((u) => u.email) } });`,
  ),
  invalid: aggregatedForms.map(([name, setup]) =>
    invalid(
      V1,
      sendFix,
      name,
      `${setup}\nexport const f = (users: { email: string }[]) => ses.sendEmail({ Source: 'a@x.io', Destination: { ToAddresses: users.map((u) => u.email) } });`,
      [to],
    ),
  ),
});

tsTester.run('no-exposed-recipients: SES v1 messages and clients held elsewhere', rule, {
  valid: [
    // A local class with the SDK's name.
    `class SendEmailCommand { constructor(input: unknown) {} }\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new SendEmailCommand({ Destination: { ToAddresses: users } });`,
    // A shadowed binding: the parameter is not the import.
    `import { SendEmailCommand } from '@aws-sdk/client-ses';\nexport function f(SendEmailCommand: any, users: string[] = db.users.map((u) => u.email)) { return new SendEmailCommand({ Destination: { ToAddresses: users } }); }`,
    // An unrelated sendEmail on a local object.
    `import { SESClient } from '@aws-sdk/client-ses';\nconst mailer = { sendEmail(p: unknown) {} };\nexport const f = (users: string[] = db.users.map((u) => u.email)) => mailer.sendEmail({ Destination: { ToAddresses: users } });`,
    // An unrelated send: the client only forwards a command.
    `import { SESClient } from '@aws-sdk/client-ses';\nconst client = new SESClient({});\nexport const f = (users: string[] = db.users.map((u) => u.email)) => client.send({ Destination: { ToAddresses: users } } as any);`,
    // Raw email: the Destinations envelope is not a visible header.
    `import { SendRawEmailCommand } from '@aws-sdk/client-ses';\nexport const f = (users: string[] = db.users.map((u) => u.email), raw: Uint8Array) => new SendRawEmailCommand({ Destinations: users, RawMessage: { Data: raw } });`,
    // One destination per recipient in a bulk send.
    `import { SendBulkTemplatedEmailCommand } from '@aws-sdk/client-ses';
export const f = (users: { email: string }[]) =>
  new SendBulkTemplatedEmailCommand({ Source: 'a@x.io', Template: 'T', DefaultTemplateData: '{}', Destinations: users.map((u) => ({ Destination: { ToAddresses: [u.email] } })) });`,
    `import { SES } from '@aws-sdk/client-ses';
const ses = new SES({});
export const f = (users: { email: string }[]) =>
  ses.sendBulkTemplatedEmail({ Source: 'a@x.io', Template: 'T', Destinations: users.map((u) => ({ Destination: { ToAddresses: [u.email] }, ReplacementTemplateData: '{}' })) });`,
    // A fixed list is not reported by default.
    `import { SendEmailCommand } from '@aws-sdk/client-ses';\nnew SendEmailCommand({ Source: 'a@x.io', Destination: { ToAddresses: ['ops@x.io', 'cto@x.io'] }, Message: {} as any });`,
  ],
  invalid: [
    invalid(
      V1,
      sendFix,
      'class field with an initialiser, and optional chaining',
      `import { SES } from '@aws-sdk/client-ses';
export class Mailer {
  private ses = new SES({});
  notify(users: string[] = db.users.map((u) => u.email)) { return this.ses?.sendTemplatedEmail({ Source: 'a@x.io', Template: 'T', Destination: { CcAddresses: users } }); }
}`,
      [['Destination.CcAddresses', 'CcAddresses: users']],
    ),
    invalid(
      V1,
      sendFix,
      '`this.x` set in the constructor',
      `import * as aws from '@aws-sdk/client-ses';
class Mailer {
  constructor() { this.ses = new aws.SES({}); }
  notify(ids: Array<string> = db.users.map((u) => u.email)) { return this.ses.sendEmail({ Destination: { ToAddresses: [...ids] } }); }
}`,
      [['Destination.ToAddresses', 'ToAddresses: [...ids]']],
    ),
    invalid(
      V1,
      sendFix,
      'a constructor parameter property typed SES',
      `import { SES } from '@aws-sdk/client-ses';
export class Mailer {
  constructor(private readonly ses: SES) {}
  notify(ids: string[] = db.users.map((u) => u.email)) { return this.ses.sendEmail({ Destination: { ToAddresses: ids.filter(Boolean) } }); }
}`,
      [['Destination.ToAddresses', 'ToAddresses: ids.filter(Boolean)']],
    ),
    (() => {
      const line = "  const Destination = { ToAddresses: addresses, BccAddresses: ['audit@x.io'] };";
      const code = `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
const client = new SESClient({});
export async function digest(users: { email: string }[]) {
  const addresses = [];
  for (const u of users) addresses.push(u.email);
${line}
  await client.send(new SendEmailCommand({ Source: 'a@x.io', Destination, Message: {} as any }));
}`;
      // The audit copy stays: the list is merged into the BccAddresses already there.
      const merged = code.replace(line, "  const Destination = { BccAddresses: ['audit@x.io', addresses].flat() };");
      return invalid(V1, sendFix, 'a destination built in a variable, a list filled in a loop, and a BccAddresses already there', code, [
        ['Destination.ToAddresses', 'ToAddresses: addresses', merged],
      ]);
    })(),
    invalid(
      V1,
      sendFix,
      'to and cc in one command built first, sent later',
      `import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
declare const byEmail: Record<string, unknown>;
export async function f(client: SESClient, managers: string[] = db.users.map((u) => u.email)) {
  const command = new SendEmailCommand({ Destination: { ToAddresses: Object.keys(byEmail), CcAddresses: managers } });
  return client.send(command);
}`,
      [
        ['Destination.ToAddresses', 'ToAddresses: Object.keys(byEmail)'],
        ['Destination.CcAddresses', 'CcAddresses: managers'],
      ],
    ),
    invalid(
      V1,
      bulkFix,
      'SendBulkTemplatedEmailCommand with one destination holding the whole list',
      `import { SESClient, SendBulkTemplatedEmailCommand } from '@aws-sdk/client-ses';
const client = new SESClient({});
export const f = (users: { email: string }[]) =>
  client.send(new SendBulkTemplatedEmailCommand({ Source: 'a@x.io', Template: 'T', DefaultTemplateData: '{}', Destinations: [{ Destination: { ToAddresses: users.map((u) => u.email) } }] }));`,
      [to],
    ),
    invalid(
      V1,
      bulkFix,
      'the aggregated sendBulkTemplatedEmail with a cc list in every entry',
      `import { SES } from '@aws-sdk/client-ses';
const ses = new SES({});
export const f = (users: { email: string }[], team: string[] = db.users.map((u) => u.email)) =>
  ses.sendBulkTemplatedEmail({ Source: 'a@x.io', Template: 'T', Destinations: users.map((u) => ({ Destination: { ToAddresses: [u.email], CcAddresses: team } })) });`,
      [['Destination.CcAddresses', 'CcAddresses: team']],
    ),
  ],
});

tsTester.run('no-exposed-recipients: SES v2 (client-sesv2)', rule, {
  valid: [
    `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
const client = new SESv2Client({});
export const f = (u: { email: string }) => client.send(new SendEmailCommand({ FromEmailAddress: 'a@x.io', Destination: { ToAddresses: [u.email] }, Content: {} }));`,
    // One entry per recipient.
    `import { SESv2Client, SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
const client = new SESv2Client({});
export const f = (users: { email: string }[]) =>
  client.send(new SendBulkEmailCommand({ DefaultContent: {}, BulkEmailEntries: users.map((u) => ({ Destination: { ToAddresses: [u.email] } })) }));`,
    `import { SESv2 } from '@aws-sdk/client-sesv2';
export const f = (users: { email: string }[]) =>
  new SESv2({}).sendBulkEmail({ DefaultContent: {}, BulkEmailEntries: users.map((u) => ({ Destination: { ToAddresses: [u.email] }, ReplacementTags: [] })) });`,
    // A command class of this name from another package is not SES.
    `import { SendEmailCommand } from './local-commands';\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new SendEmailCommand({ Destination: { ToAddresses: users } });`,
  ],
  invalid: [
    invalid(
      V2,
      sendFixV2,
      'SendEmailCommand, named import',
      `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
const client = new SESv2Client({});
export const f = (users: { email: string }[]) => client.send(new SendEmailCommand({ FromEmailAddress: 'a@x.io', Destination: { ToAddresses: users.map((u) => u.email) }, Content: {} }));`,
      [to],
    ),
    invalid(
      V2,
      sendFixV2,
      'namespace import and the aggregated client',
      `import * as sesv2 from '@aws-sdk/client-sesv2';
const ses = new sesv2.SESv2({});
export const f = (users: { email: string }[]) => ses.sendEmail({ Destination: { ToAddresses: users.map((u) => u.email) }, Content: {} });`,
      [to],
    ),
    invalid(
      V2,
      bulkFix,
      'SendBulkEmailCommand with one entry holding the whole list, through require',
      `const { SendBulkEmailCommand } = require('@aws-sdk/client-sesv2');
export const f = (users: { email: string }[]) =>
  new SendBulkEmailCommand({ DefaultContent: {}, BulkEmailEntries: [{ Destination: { ToAddresses: users.map((u) => u.email) } }] });`,
      [to],
    ),
    invalid(
      V2,
      bulkFix,
      'sendBulkEmail on the aggregated client',
      `import { SESv2 } from '@aws-sdk/client-sesv2';
export const f = (ses: SESv2, ids: string[] = db.users.map((u) => u.email)) => ses.sendBulkEmail({ DefaultContent: {}, BulkEmailEntries: [{ Destination: { CcAddresses: ids } }] });`,
      [['Destination.CcAddresses', 'CcAddresses: ids']],
    ),
    (() => {
      // The same command name from both packages: each report names its own SDK.
      const code = `import { SendEmailCommand as V1Command } from '@aws-sdk/client-ses';
import { SendEmailCommand as V2Command } from '@aws-sdk/client-sesv2';
export function f(a: string[] = db.users.map((u) => u.email), b: string[] = db.users.map((u) => u.email)) {
  new V1Command({ Destination: { ToAddresses: a } });
  new V2Command({ Destination: { ToAddresses: b } });
}`;
      return {
        name: 'SES v1 and v2 commands side by side',
        code,
        errors: [
          exposed(V1, sendFix, code, ['Destination.ToAddresses', 'ToAddresses: a']),
          exposed(V2, sendFixV2, code, ['Destination.ToAddresses', 'ToAddresses: b']),
        ],
      };
    })(),
  ],
});

// aws-sdk v2: the SES class from the package, or from its per-client entry point.
const legacyForms: [string, string][] = [
  ['default import', "import AWS from 'aws-sdk';\nconst ses = new AWS.SES({ region: 'eu-west-1' });"],
  ['namespace import', "import * as AWS from 'aws-sdk';\nconst ses = new AWS.SES();"],
  ['named import', "import { SES } from 'aws-sdk';\nconst ses = new SES();"],
  ['aliased import', "import { SES as Ses } from 'aws-sdk';\nconst ses = new Ses();"],
  ['require', "const AWS = require('aws-sdk');\nconst ses = new AWS.SES({ apiVersion: '2010-12-01' });"],
  ['destructured require', "const { SES } = require('aws-sdk');\nconst ses = new SES();"],
  ['the per-client entry point', "import SES from 'aws-sdk/clients/ses';\nconst ses = new SES();"],
  ['require of the per-client entry point', "const SES = require('aws-sdk/clients/ses');\nconst ses = new SES();"],
  ['`new (require(...))()`', "const ses = new (require('aws-sdk/clients/ses'))({ region: 'us-east-1' });"],
  ['`as` and `!`', "import AWS from 'aws-sdk';\nconst ses = (new AWS.SES() as AWS.SES)!;"],
];

tsTester.run('no-exposed-recipients: aws-sdk v2 SES, import forms', rule, {
  valid: legacyForms.map(
    ([, setup]) =>
      `${setup}\nexport const f = (u: { email: string }) => ses.sendEmail({ Source: 'a@x.io', Destination: { ToAddresses: [u.email] }, Message: {} as any }).promise();`,
  ),
  invalid: legacyForms.map(([name, setup]) =>
    invalid(
      LEGACY,
      sendFix,
      name,
      `${setup}\nexport const f = (users: { email: string }[]) => ses.sendEmail({ Source: 'a@x.io', Destination: { ToAddresses: users.map((u) => u.email) }, Message: {} as any }).promise();`,
      [to],
    ),
  ),
});

tsTester.run('no-exposed-recipients: aws-sdk v2 SES and SESV2', rule, {
  valid: [
    // A local SES class is not the SDK.
    `class SES { sendEmail(p: unknown) { return { promise: () => p }; } }\nexport const f = (users: string[] = db.users.map((u) => u.email)) => new SES().sendEmail({ Destination: { ToAddresses: users } }).promise();`,
    // A shadowed AWS.
    `import AWS from 'aws-sdk';\nexport const f = (AWS: any, users: string[] = db.users.map((u) => u.email)) => new AWS.SES().sendEmail({ Destination: { ToAddresses: users } });`,
    `import AWS from 'aws-sdk';
export const f = (users: { email: string }[]) =>
  new AWS.SES().sendBulkTemplatedEmail({ Source: 'a@x.io', Template: 'T', DefaultTemplateData: '{}', Destinations: users.map((u) => ({ Destination: { ToAddresses: [u.email] } })) }).promise();`,
  ],
  invalid: [
    invalid(
      LEGACY,
      sendFix,
      'class field, with a callback instead of promise()',
      `import AWS from 'aws-sdk';
export class Mailer {
  private ses = new AWS.SES();
  notify(users: string[] = db.users.map((u) => u.email), done: () => void) { this.ses.sendTemplatedEmail({ Source: 'a@x.io', Template: 'T', TemplateData: '{}', Destination: { CcAddresses: users } }, done); }
}`,
      [['Destination.CcAddresses', 'CcAddresses: users']],
    ),
    invalid(
      LEGACY,
      bulkFix,
      'sendBulkTemplatedEmail with one destination holding the whole list',
      `const AWS = require('aws-sdk');
export const f = (users: { email: string }[]) =>
  new AWS.SES().sendBulkTemplatedEmail({ Source: 'a@x.io', Template: 'T', DefaultTemplateData: '{}', Destinations: [{ Destination: { ToAddresses: users.map((u) => u.email) } }] }).promise();`,
      [to],
    ),
    invalid(
      LEGACY,
      sendFix,
      'SESV2 sendEmail through the per-client entry point',
      `import SESV2 from 'aws-sdk/clients/sesv2';
export const f = (users: { email: string }[]) => new SESV2().sendEmail({ Destination: { ToAddresses: users.map((u) => u.email) }, Content: {} }).promise();`,
      [to],
    ),
    invalid(
      LEGACY,
      bulkFix,
      'SESV2 sendBulkEmail with one entry holding the whole list',
      `import AWS from 'aws-sdk';
export const f = (ids: string[] = db.users.map((u) => u.email)) => new AWS.SESV2().sendBulkEmail({ DefaultContent: {}, BulkEmailEntries: [{ Destination: { ToAddresses: ids } }] }).promise();`,
      [['Destination.ToAddresses', 'ToAddresses: ids']],
    ),
  ],
});

jsTester.run('no-exposed-recipients: SES in plain ESM JavaScript', rule, {
  valid: [
    "import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\nconst client = new SESClient({});\nexport const f = (users) => client.send(new SendEmailCommand({ Destination: { BccAddresses: users.map((u) => u.email) } }));",
  ],
  invalid: [
    invalid(
      V1,
      sendFix,
      'espree, ESM',
      "import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';\nconst client = new SESClient({});\nexport const f = (users) => client.send(new SendEmailCommand({ Destination: { ToAddresses: users.map((u) => u.email) } }));",
      [to],
    ),
  ],
});

cjsTester.run('no-exposed-recipients: SES in CommonJS', rule, {
  valid: [
    // A local function called require is not Node's require.
    "function require(m) { return { SES: class { sendEmail() {} } }; }\nconst AWS = require('aws-sdk');\nmodule.exports = (users) => new AWS.SES().sendEmail({ Destination: { ToAddresses: users.map((u) => u.email) } });",
  ],
  invalid: [
    invalid(
      LEGACY,
      sendFix,
      'espree, CommonJS, aws-sdk v2',
      "const AWS = require('aws-sdk');\nconst ses = new AWS.SES({ region: 'eu-west-1' });\nmodule.exports = (users) => ses.sendEmail({ Destination: { ToAddresses: users.map((u) => u.email) } }).promise();",
      [to],
    ),
    invalid(
      V2,
      sendFixV2,
      'espree, CommonJS, client-sesv2',
      "const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');\nconst client = new SESv2Client({});\nmodule.exports = (users) => client.send(new SendEmailCommand({ Destination: { ToAddresses: users.map((u) => u.email) } }));",
      [to],
    ),
  ],
});
