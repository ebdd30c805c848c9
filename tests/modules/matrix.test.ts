// Issue 13: every cross-module shape in every way a project reaches its own modules: CommonJS and
// ESM JavaScript by relative path, TypeScript, a jsconfig.json path alias, and a package of a
// two-package workspace. The linted file is the same text in each (only the import specifiers
// differ), so each shape's reports sit at the same places in every variant.
import { describe, expect, it } from 'vitest';
import { lint, project } from './project.js';

type Variant = 'cjs' | 'esm' | 'ts' | 'alias' | 'workspace';
const VARIANTS: Variant[] = ['cjs', 'esm', 'ts', 'alias', 'workspace'];

interface Shape {
  /** The library modules, by name without extension: [ESM text, CommonJS text]. */
  readonly lib: Record<string, readonly [string, string]>;
  /** The linted file's body after its imports; `imports` lists [binding, module] per import. */
  readonly imports: readonly (readonly [string, string])[];
  readonly body: string;
  /** `rule line:column` of every report in the linted file (line 1 holds the imports). */
  readonly found: readonly string[];
}

const nodemailerSetup = [
  "import nodemailer from 'nodemailer';\nconst transport = nodemailer.createTransport({ host: 'smtp.x.io' });\n",
  "const nodemailer = require('nodemailer');\nconst transport = nodemailer.createTransport({ host: 'smtp.x.io' });\n",
] as const;

const SHAPES: Record<string, Shape> = {
  'a helper that puts its parameter in `cc`': {
    lib: {
      mailer: [
        `${nodemailerSetup[0]}export function sendMessage(to, subject, cc) {\n  return transport.sendMail({ from: 'a@x.io', to, cc, subject, text: '.' });\n}\n`,
        `${nodemailerSetup[1]}function sendMessage(to, subject, cc) {\n  return transport.sendMail({ from: 'a@x.io', to, cc, subject, text: '.' });\n}\nmodule.exports = { sendMessage };\n`,
      ],
    },
    imports: [['{ sendMessage }', 'mailer']],
    body: `export async function notify(owner, watchers) {
  await sendMessage(owner.email, 'Update', watchers.map((w) => w.email));
  await sendMessage(owner.email, 'Update', [owner.deputy]);
}
`,
    found: ['no-exposed-recipients 3:9'],
  },
  'a builder module and an object that passes its arguments to @sendgrid/mail': {
    lib: {
      emails: [
        "export const newPostEmail = (title, emails) => ({ to: emails, from: 'a@x.io', subject: title, html: '.' });\n",
        "exports.newPostEmail = (title, emails) => ({ to: emails, from: 'a@x.io', subject: title, html: '.' });\n",
      ],
      client: [
        "import sgMail from '@sendgrid/mail';\nexport const emailClient = {\n  send: (...args) => sgMail.send(...args),\n  sendMultiple: (...args) => sgMail.sendMultiple(...args),\n};\n",
        "const sgMail = require('@sendgrid/mail');\nexports.emailClient = {\n  send: (...args) => sgMail.send(...args),\n  sendMultiple: (...args) => sgMail.sendMultiple(...args),\n};\n",
      ],
    },
    imports: [['{ newPostEmail }', 'emails'], ['{ emailClient }', 'client']],
    body: `export async function post(event) {
  const emails = event.attendees.map((a) => a.email);
  await emailClient.send(newPostEmail('New post', emails));
  await emailClient.sendMultiple(newPostEmail('New post', emails));
  await emailClient.send(newPostEmail('New post', [event.host.email]));
}
`,
    found: ['no-exposed-recipients 4:26'],
  },
  'a service class, instantiated': {
    lib: {
      service: [
        `${nodemailerSetup[0]}export class MailService {\n  notify(recipients, subject) {\n    return transport.sendMail({ from: 'a@x.io', to: recipients, subject, text: '.' });\n  }\n}\n`,
        `${nodemailerSetup[1]}class MailService {\n  notify(recipients, subject) {\n    return transport.sendMail({ from: 'a@x.io', to: recipients, subject, text: '.' });\n  }\n}\nmodule.exports = { MailService };\n`,
      ],
    },
    imports: [['{ MailService }', 'service']],
    body: `const mail = new MailService();
export async function cancel(attendees, organiser) {
  await mail.notify(attendees.map((a) => a.email), 'Canceled');
  await mail.notify(organiser.email, 'Canceled');
}
`,
    found: ['no-exposed-recipients 4:9'],
  },
  "the module's default export, an instance": {
    lib: {
      mailer: [
        `${nodemailerSetup[0]}class Mailer {\n  send(list) {\n    return transport.sendMail({ from: 'a@x.io', cc: list, subject: 's', text: '.' });\n  }\n}\nexport default new Mailer();\n`,
        `${nodemailerSetup[1]}class Mailer {\n  send(list) {\n    return transport.sendMail({ from: 'a@x.io', cc: list, subject: 's', text: '.' });\n  }\n}\nmodule.exports = new Mailer();\n`,
      ],
    },
    imports: [['mailer', 'mailer']],
    body: `export async function digest(users) {
  await mailer.send(users.map((u) => u.email));
  await mailer.send(['ops@x.io']);
}
`,
    found: ['no-exposed-recipients 3:9'],
  },
  'a loop that calls an in-file helper which calls a sender of another module': {
    lib: {
      resend: [
        "import { Resend } from 'resend';\nconst resend = new Resend(process.env.RESEND_KEY);\nexport async function sendEmail(params) {\n  return resend.emails.send({ from: 'a@x.io', ...params });\n}\nexport const sendEmailBatch = (items) => resend.batch.send(items);\n",
        "const { Resend } = require('resend');\nconst resend = new Resend(process.env.RESEND_KEY);\nexports.sendEmail = async (params) => resend.emails.send({ from: 'a@x.io', ...params });\nexports.sendEmailBatch = (items) => resend.batch.send(items);\n",
      ],
    },
    imports: [['{ sendEmail, sendEmailBatch }', 'resend']],
    body: `export async function release(deliveries) {
  for (const delivery of deliveries) {
    await deliver(delivery);
  }
  for (let i = 0; i < deliveries.length; i += 100) {
    await sendEmailBatch(deliveries.slice(i, i + 100).map((d) => ({ from: 'a@x.io', to: d.email, subject: d.title, html: d.body })));
  }
}
async function deliver(delivery) {
  return sendEmail({ to: delivery.email, subject: delivery.title, html: delivery.body });
}
`,
    found: ['no-unbatched-send 4:11'],
  },
};

/** The project's files for one shape in one variant, and the linted file's path. */
function files(shape: Shape, variant: Variant): { files: Record<string, string>; linted: string } {
  const out: Record<string, string> = {};
  const ext = variant === 'ts' ? 'ts' : variant === 'cjs' ? 'cjs' : 'mjs';
  const libDir = variant === 'workspace' ? 'packages/mail/src' : 'src/lib';
  for (const [name, [esm, cjs]] of Object.entries(shape.lib)) out[`${libDir}/${name}.${ext}`] = variant === 'cjs' ? cjs : esm;
  const specifier = (module: string): string => {
    switch (variant) {
      case 'alias':
        return `@/lib/${module}.mjs`;
      case 'workspace':
        return `@acme/mail/${module}`;
      case 'cjs':
        return `../lib/${module}.cjs`;
      case 'ts':
        return `../lib/${module}`;
      default:
        return `../lib/${module}.mjs`;
    }
  };
  const imports = shape.imports
    .map(([binding, module]) =>
      variant === 'cjs' ? `const ${binding} = require('${specifier(module)}');` : `import ${binding} from '${specifier(module)}';`,
    )
    .join(' ');
  // One line of imports, so the body's line numbers are the same in every variant.
  let body = `${imports}\n${shape.body}`;
  if (variant === 'cjs') body = body.replace(/^export async function (\w+)/gm, 'exports.$1 = async function $1');
  if (variant === 'ts') body = body.replace(/\((\w+)(, (\w+))?\) \{$/gm, (_m, a: string, _b, c?: string) => `(${a}: any${c ? `, ${c}: any` : ''}) {`);
  const linted = variant === 'workspace' ? `packages/app/src/jobs.mjs` : `src/jobs/jobs.${ext}`;
  out[linted] = body;
  if (variant === 'alias') out['jsconfig.json'] = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } });
  if (variant === 'workspace') {
    out['package.json'] = JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] });
    out['packages/mail/package.json'] = JSON.stringify({ name: '@acme/mail', type: 'module', exports: { './*': './src/*.mjs' } });
    out['packages/app/package.json'] = JSON.stringify({ name: '@acme/app', type: 'module', dependencies: { '@acme/mail': '*' } });
  }
  return { files: out, linted };
}

describe.each(Object.entries(SHAPES))('%s', (_name, shape) => {
  it.each(VARIANTS)('%s', async (variant) => {
    const { files: tree, linted } = files(shape, variant);
    const dir = project(tree);
    const found = await lint(dir, linted);
    expect(found.map((f) => `${f.rule?.replace('mail/', '')} ${f.line}:${f.column}`)).toEqual(shape.found);
  });
});
