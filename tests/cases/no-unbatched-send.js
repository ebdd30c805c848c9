// Cases for mail/no-unbatched-send in plain JavaScript: a line marked `expect` must be reported; no other line may be.
import { Resend } from 'resend';
import sgMail from '@sendgrid/mail';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import nodemailer from 'nodemailer';
import { ServerClient } from 'postmark';
import { SMTPClient } from 'emailjs';
import { default as pMap } from 'p-map';
import { eachLimit, eachSeries } from 'async';
import { PQueue } from 'p-queue';

const pLimit = require('p-limit');
const Bottleneck = require('bottleneck');
const Bluebird = require('bluebird');

const resend = new Resend('re_123');
const ses = new SESClient({});
const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });
const pooled = nodemailer.createTransport({ pool: true, rateLimit: 10 });
const postmark = new ServerClient('token');
const smtp = new SMTPClient({ host: 'smtp.example.com' });
const limit = pLimit(3);
const limiter = new Bottleneck({ maxConcurrent: 1 });
const queue = new PQueue({ concurrency: 2 });

export async function reported(users, byId, stream) {
  for (const u of users) await resend.emails.send({ to: u.email, from: 'a@example.com' }); // expect: no-unbatched-send
  for (const u of users) sgMail.send({ to: u.email, from: 'a@example.com' }); // expect: no-unbatched-send
  for (const id in byId) await transporter.sendMail({ to: byId[id].email }); // expect: no-unbatched-send
  for await (const u of stream) postmark.sendEmail({ To: u.email }); // expect: no-unbatched-send
  for (let i = 0; i < users.length; i++) await smtp.sendAsync({ to: users[i].email, text: 'Hi' }); // expect: no-unbatched-send
  users.forEach((u) => ses.send(new SendEmailCommand({ Destination: { ToAddresses: [u.email] } }))); // expect: no-unbatched-send
  await Promise.all(users.map((u) => resend.emails.send({ to: u.email }))); // expect: no-unbatched-send
  users.flatMap((u) => [sgMail.send({ to: u.email })]); // expect: no-unbatched-send
  await users.reduce(async (p, u) => { await p; await transporter.sendMail({ to: u.email }); }, Promise.resolve()); // expect: no-unbatched-send
  Array.from(users, (u) => postmark.sendEmail({ To: u.email })); // expect: no-unbatched-send
  await pMap(users, (u) => resend.emails.send({ to: u.email })); // expect: no-unbatched-send
  await eachSeries(users, async (u) => { await smtp.sendAsync({ to: u.email }); }); // expect: no-unbatched-send
  await Bluebird.map(users, (u) => resend.emails.send({ to: u.email })); // expect: no-unbatched-send
  await sgMail.send(users.map((u) => ({ to: u.email }))); // expect: no-unbatched-send
}

function notify(user) {
  return postmark.sendEmail({ To: user.email, Subject: 'Hi' });
}
class Mailer {
  send(user) {
    return transporter.sendMail({ to: user.email });
  }
  async all(users) {
    for (const u of users) await this.send(u); // expect: no-unbatched-send
  }
}
export async function wrapped(users) {
  for (const u of users) await notify(u); // expect: no-unbatched-send
  return new Mailer().all(users);
}

export async function quiet(users, chunks, msg) {
  for (let attempt = 0; attempt < 5; attempt++) await resend.emails.send({ to: 'ops@example.com', subject: String(attempt) });
  for (const to of ['a@example.com', 'b@example.com']) await sgMail.send({ to });
  for (const u of users) await resend.emails.send(msg);
  users.forEach((u) => limit(() => resend.emails.send({ to: u.email })));
  for (const u of users) limiter.schedule(() => transporter.sendMail({ to: u.email }));
  for (const u of users) queue.add(() => resend.emails.send({ to: u.email }));
  await pMap(users, (u) => resend.emails.send({ to: u.email }), { concurrency: 4 });
  await eachLimit(users, 4, async (u) => { await resend.emails.send({ to: u.email }); });
  await Bluebird.map(users, (u) => resend.emails.send({ to: u.email }), { concurrency: 2 });
  users.forEach((u) => pooled.sendMail({ to: u.email }));
  for (const part of chunks) await resend.batch.send(part.map((u) => ({ to: u.email })));
  for (const part of chunks) await postmark.sendEmailBatch(part.map((u) => ({ To: u.email })));
  for (let i = 0; i < users.length; i += 100) await sgMail.sendMultiple({ to: users.slice(i, i + 100).map((u) => u.email) });
  let i = 0;
  while (i < users.length) await resend.emails.send({ to: users[i++].email });
  const send = (o) => o;
  for (const u of users) send({ to: u.email });
}
