// Cases for mail/no-unbatched-send: a line marked `expect` must be reported; no other line may be.
import { Resend } from 'resend';
import sgMail from '@sendgrid/mail';
import { SESClient, SendEmailCommand, SendBulkTemplatedEmailCommand, SES } from '@aws-sdk/client-ses';
import { SESv2Client, SendEmailCommand as SendEmailV2, SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
import { ServerClient } from 'postmark';
import Mailgun from 'mailgun.js';
import nodemailer from 'nodemailer';
import mailchimp from '@mailchimp/mailchimp_transactional';
import Mailjet from 'node-mailjet';
import { BrevoClient } from '@getbrevo/brevo';
import { EmailClient } from '@azure/communication-email';
import { SMTPClient } from 'emailjs';
import { MailerQueueService } from '@nestjs-modules/mailer';
import pLimit from 'p-limit';
import PQueue from 'p-queue';
import Bottleneck from 'bottleneck';
import pMap from 'p-map';
import pThrottle from 'p-throttle';
import async from 'async';
import Bluebird from 'bluebird';

type User = { email: string; name: string };

const resend = new Resend('re_123');
const ses = new SESClient({ region: 'eu-west-1' });
const sesAggregated = new SES({});
const sesV2 = new SESv2Client({});
const postmark = new ServerClient('token');
const mg = new Mailgun(FormData).client({ username: 'api', key: 'key' });
const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });
const pooled = nodemailer.createTransport({ host: 'smtp.example.com', pool: true, rateLimit: 5 });
const mandrill = mailchimp('key');
const mailjet = new Mailjet({ apiKey: 'k', apiSecret: 's' });
const brevo = new BrevoClient({ apiKey: 'k' });
const azure = new EmailClient('endpoint=https://x');
const smtp = new SMTPClient({ host: 'smtp.example.com' });
const limit = pLimit(5);
const queue = new PQueue({ concurrency: 2 });
const limiter = new Bottleneck({ maxConcurrent: 2, minTime: 100 });
const throttle = pThrottle({ limit: 2, interval: 1000 });

// ---- reported: every loop and callback form ----

export async function loops(users: User[], byId: Record<string, User>, stream: AsyncIterable<User>) {
  for (const user of users) {
    await resend.emails.send({ from: 'a@example.com', to: user.email, subject: 'Hi' }); // expect: no-unbatched-send
  }
  for (const user of users) sgMail.send({ from: 'a@example.com', to: user.email, subject: 'Hi' }); // expect: no-unbatched-send
  for (const id in byId) await ses.send(new SendEmailCommand({ Source: 'a@example.com', Destination: { ToAddresses: [byId[id].email] } })); // expect: no-unbatched-send
  for await (const user of stream) sesAggregated.sendEmail({ Source: 'a@example.com', Destination: { ToAddresses: [user.email] } }); // expect: no-unbatched-send
  for (let i = 0; i < users.length; i++) {
    await sesV2.send(new SendEmailV2({ Destination: { ToAddresses: [users[i].email] }, Content: {} })); // expect: no-unbatched-send
  }
  for (let i = 0; users.length > i; i += 1) postmark.sendEmail({ From: 'a@example.com', To: users[i].email }); // expect: no-unbatched-send
  users.forEach((u) => mg.messages.create('mg.example.com', { to: u.email, subject: 'Hi' })); // expect: no-unbatched-send
  await Promise.all(users.map((u) => transporter.sendMail({ to: u.email, subject: 'Hi' }))); // expect: no-unbatched-send
  users.flatMap((u) => [mandrill.messages.send({ message: { to: [{ email: u.email }] } })]); // expect: no-unbatched-send
  await users.reduce(async (previous, u) => {
    await previous;
    await mailjet.post('send', { version: 'v3.1' }).request({ Messages: [{ To: [{ Email: u.email }] }] }); // expect: no-unbatched-send
  }, Promise.resolve());
  await Promise.all(Array.from(users, (u) => brevo.transactionalEmails.sendTransacEmail({ to: [{ email: u.email }] }))); // expect: no-unbatched-send
  await pMap(users, (u) => azure.beginSend({ recipients: { to: [{ address: u.email }] }, content: {} })); // expect: no-unbatched-send
  await async.each(users, async (u) => { await smtp.sendAsync({ to: u.email, from: 'a@example.com', text: 'Hi' }); }); // expect: no-unbatched-send
  await async.map(users, async (u) => resend.emails.send({ to: u.email })); // expect: no-unbatched-send
  await async.eachSeries(users, async (u) => { await resend.emails.send({ to: u.email }); }); // expect: no-unbatched-send
  await Bluebird.map(users, (u) => resend.emails.send({ to: u.email })); // expect: no-unbatched-send
  await sgMail.send(users.map((u) => ({ to: u.email, from: 'a@example.com', subject: 'Hi' }))); // expect: no-unbatched-send
  for (const user of users) {
    const command = new SendEmailCommand({ Destination: { ToAddresses: [user.email] } }); // expect: no-unbatched-send
    ses.send(command);
  }
}

// In-file wrappers called in loops.
function sendWelcome(user: User) {
  return resend.emails.send({ from: 'a@example.com', to: user.email, subject: `Welcome ${user.name}` });
}
const sendBye = async (user: User) => {
  await transporter.sendMail({ to: user.email, subject: 'Bye' });
};
export async function onboard(users: User[]) {
  for (const user of users) await sendWelcome(user); // expect: no-unbatched-send
  users.forEach((user) => sendBye(user)); // expect: no-unbatched-send
}

// ---- not reported ----

export async function quiet(users: User[], chunks: User[][], jobs: MailerQueueService, msg: { to: string }) {
  // Retry loops, fixed lists, the same message every turn.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await resend.emails.send({ to: 'ops@example.com', subject: `Attempt ${attempt}` });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  for (const to of ['ops@example.com', 'cto@example.com']) await resend.emails.send({ to });
  ['ops@example.com', 'cto@example.com'].forEach((to) => sgMail.send({ to }));
  for (const user of users) await resend.emails.send(msg);
  // Bounded concurrency.
  await Promise.all(users.map((u) => limit(() => resend.emails.send({ to: u.email }))));
  for (const u of users) queue.add(() => resend.emails.send({ to: u.email }));
  for (const u of users) limiter.schedule(() => resend.emails.send({ to: u.email }));
  for (const u of users) await throttle(() => resend.emails.send({ to: u.email }))();
  await pMap(users, (u) => resend.emails.send({ to: u.email }), { concurrency: 5 });
  await async.eachLimit(users, 5, async (u) => { await resend.emails.send({ to: u.email }); });
  await async.mapLimit(users, 5, async (u) => resend.emails.send({ to: u.email }));
  await Bluebird.map(users, (u) => resend.emails.send({ to: u.email }), { concurrency: 3 });
  // A pooled, rate-limited nodemailer transport.
  for (const u of users) await pooled.sendMail({ to: u.email });
  // Batch and bulk APIs, loops over chunks, recipient lists.
  await resend.batch.send(users.map((u) => ({ to: u.email, from: 'a@example.com' })));
  for (const part of chunks) await postmark.sendEmailBatch(part.map((u) => ({ To: u.email })));
  for (const part of chunks) await ses.send(new SendBulkTemplatedEmailCommand({ Destinations: part.map((u) => ({ Destination: { ToAddresses: [u.email] } })) }));
  for (const part of chunks) await sesV2.send(new SendBulkEmailCommand({ BulkEmailEntries: part.map((u) => ({ Destination: { ToAddresses: [u.email] } })) }));
  for (const part of chunks) await sgMail.sendMultiple({ to: part.map((u) => u.email) });
  for (let i = 0; i < users.length; i += 100) await resend.batch.send(users.slice(i, i + 100).map((u) => ({ to: u.email })));
  for (let i = 0; i < users.length; i += 50) await resend.emails.send({ to: users.slice(i, i + 50).map((u) => u.email) }); // expect: no-exposed-recipients
  for (const part of chunks) await transporter.sendMail({ to: part.map((u) => u.email) }); // expect: no-exposed-recipients
  // Queued, and while loops.
  for (const u of users) await jobs.enqueue({ to: u.email });
  while (users.length) await resend.emails.send({ to: users.pop().email });
  // A local `send` and an unrelated client.
  const local = { emails: { send: (o: unknown) => o } };
  for (const u of users) local.emails.send({ to: u.email });
}

// A wrapper that batches, called per chunk; a wrapper that loops itself.
async function sendChunk(part: User[]) {
  await resend.batch.send(part.map((u) => ({ to: u.email })));
}
async function sendAllPooled(list: User[]) {
  for (const u of list) await pooled.sendMail({ to: u.email });
}
export async function perChunk(chunks: User[][]) {
  for (const part of chunks) await sendChunk(part);
  for (const part of chunks) await sendAllPooled(part);
}
