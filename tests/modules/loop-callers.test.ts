import { describe, expect, it } from 'vitest';
import { lint, project } from './project.js';

// An exported helper that loops over its parameter with its sends is judged by its callers in the
// project's other modules, through a package index that re-exports it (issue 20: classroomio's
// deliverEmail, which every caller hands a list of one message). In-file callers:
// tests/rules/no-unbatched-send/loop-callers.test.ts.

const UNBATCHED = 'mail/no-unbatched-send';

const sendTs = `import nodemailer from 'nodemailer';
import { DeliverEmail } from './schemas';
const transporter = nodemailer.createTransport({ host: 'smtp.x.io', port: 465, secure: true });
export const deliverEmail = async (args: { to: string; subject: string }[]) => {
  const items = DeliverEmail.parse(args);
  return Promise.all(items.map((item) => transporter.sendMail({ from: 'a@x.io', ...item })));
};
`;
const schemasTs = `import { z } from 'zod';
export const DeliverEmail = z.array(z.object({ to: z.string(), subject: z.string() }));
`;
const baseTs = `import { deliverEmail } from './send';
export const sendTemplateEmail = (to: string, subject: string) => deliverEmail([{ to, subject }]);
`;
const indexTs = `export { deliverEmail } from './send';
export * from './base';
`;

/** The email package (sender, schema, a caller, an index that re-exports) and one more file that imports it. */
const emailPackage = (file: string, text: string) =>
  project({ 'email/send.ts': sendTs, 'email/schemas.ts': schemasTs, 'email/base.ts': baseTs, 'email/index.ts': indexTs, [file]: text });

const sendJs = `const nodemailer = require('nodemailer');
const transporter = nodemailer.createTransport({ host: 'smtp.x.io', port: 465, secure: true });
async function deliver(messages) {
  for (const message of messages) await transporter.sendMail({ from: 'a@x.io', ...message });
}
module.exports = { deliver };
`;

describe('a loop over an exported function’s parameter, judged by its callers in other modules', () => {
  it('is silent when every caller, through a re-export too, passes one message (TypeScript)', async () => {
    const dir = emailPackage(
      'jobs/send-email.ts',
      `import { deliverEmail } from '../email';
export const processSendEmail = (payload: { to: string; subject: string }) => deliverEmail([{ to: payload.to, subject: payload.subject }]);
`,
    );
    expect(await lint(dir, 'email/send.ts')).toEqual([]);
  });

  it('is reported when a caller behind the re-export passes a data-driven list (TypeScript)', async () => {
    const dir = emailPackage(
      'jobs/digest.ts',
      `import { deliverEmail } from '../email';
export const digest = (users: { email: string }[]) => deliverEmail(users.map((u) => ({ to: u.email, subject: 'Digest' })));
`,
    );
    const found = await lint(dir, 'email/send.ts');
    expect(found.map((f) => [f.rule, f.line, f.column, f.endLine, f.endColumn])).toEqual([[UNBATCHED, 6, 42, 6, 91]]);
  });

  it('is reported when no caller is in view', async () => {
    const dir = project({ 'email/send.ts': sendTs, 'email/schemas.ts': schemasTs });
    const found = await lint(dir, 'email/send.ts');
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([[UNBATCHED, 6, 42]]);
  });

  it('is silent when every CommonJS caller passes one message, and reported when one passes a list', async () => {
    const single = project({
      'lib/send.js': sendJs,
      'routes/welcome.js': `const { deliver } = require('../lib/send');
exports.welcome = (req) => deliver([{ to: req.body.email, subject: 'Welcome' }]);
`,
    });
    expect(await lint(single, 'lib/send.js')).toEqual([]);
    const many = project({
      'lib/send.js': sendJs,
      'routes/welcome.js': `const { deliver } = require('../lib/send');
exports.welcome = (req) => deliver([{ to: req.body.email, subject: 'Welcome' }]);
exports.newsletter = (subscribers) => deliver(subscribers.map((s) => ({ to: s.email, subject: 'News' })));
`,
    });
    const found = await lint(many, 'lib/send.js');
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([[UNBATCHED, 4, 41]]);
  });

  it('is reported when an importer hands the function on instead of calling it (TypeScript)', async () => {
    const dir = emailPackage(
      'jobs/handlers.ts',
      `import { deliverEmail } from '../email';
export const handlers = { deliver: deliverEmail };
`,
    );
    const found = await lint(dir, 'email/send.ts');
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([[UNBATCHED, 6, 42]]);
  });

  it('is reported when a caller passes a parameter of its own, which stays unknown (JavaScript modules)', async () => {
    const dir = project({
      'lib/send.mjs': `import nodemailer from 'nodemailer';
const transporter = nodemailer.createTransport({ host: 'smtp.x.io', port: 465, secure: true });
export async function deliver(messages) {
  for (const message of messages) await transporter.sendMail({ from: 'a@x.io', ...message });
}
`,
      'lib/welcome.mjs': `import { deliver } from './send.mjs';
export const welcome = (user) => deliver([{ to: user.email, subject: 'Welcome' }]);
export const forward = (messages) => deliver(messages);
`,
    });
    const found = await lint(dir, 'lib/send.mjs');
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([[UNBATCHED, 4, 41]]);
  });
});
