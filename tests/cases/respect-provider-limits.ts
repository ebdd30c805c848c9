// Cases for mail/respect-provider-limits in TypeScript: a line marked `expect` must be reported; no other line may be.
import { Resend } from 'resend';
import { ServerClient } from 'postmark';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import Mailgun from 'mailgun.js';
import { chunk } from 'lodash-es';

interface User {
  readonly email: string;
  readonly name: string;
}

const resend = new Resend('re_123');
const postmark = new ServerClient('token');
const ses = new SESClient({});
const mailgun = new Mailgun(FormData).client({ username: 'api', key: process.env.MAILGUN_KEY! });
const MAILGUN_BATCH = 2_000 as const;
const ALERT_LIST = [
  'a1@example.com', 'a2@example.com', 'a3@example.com', 'a4@example.com', 'a5@example.com', 'a6@example.com', 'a7@example.com', 'a8@example.com', 'a9@example.com', 'a10@example.com',
  'a11@example.com', 'a12@example.com', 'a13@example.com', 'a14@example.com', 'a15@example.com', 'a16@example.com', 'a17@example.com', 'a18@example.com', 'a19@example.com', 'a20@example.com',
  'a21@example.com', 'a22@example.com', 'a23@example.com', 'a24@example.com', 'a25@example.com', 'a26@example.com', 'a27@example.com', 'a28@example.com', 'a29@example.com', 'a30@example.com',
  'a31@example.com', 'a32@example.com', 'a33@example.com', 'a34@example.com', 'a35@example.com', 'a36@example.com', 'a37@example.com', 'a38@example.com', 'a39@example.com', 'a40@example.com',
  'a41@example.com', 'a42@example.com', 'a43@example.com', 'a44@example.com', 'a45@example.com', 'a46@example.com', 'a47@example.com', 'a48@example.com', 'a49@example.com', 'a50@example.com',
  'a51@example.com',
] as const; // expect: respect-provider-limits

export async function reported(users: readonly User[]): Promise<void> {
  for (const batch of chunk(users, MAILGUN_BATCH)) { // expect: respect-provider-limits
    await mailgun.messages.create('example.com', {
      from: 'news@example.com',
      to: batch.map((u) => u.email),
      'recipient-variables': JSON.stringify(Object.fromEntries(batch.map((u) => [u.email, { name: u.name }]))),
    });
  }
  await ses.send(new SendEmailCommand({ Source: 'ops@example.com', Destination: { BccAddresses: [...ALERT_LIST] }, Message: undefined! })); // expect: respect-provider-limits
  await postmark.sendEmail({ From: 'ops@example.com', To: 'ops@example.com', Bcc: ALERT_LIST.join(',') });
  await resend.batch.send([{ from: 'a@example.com', to: 'b@example.com', subject: 'Later', scheduledAt: 'in 1 hour' }]); // expect: respect-provider-limits
}

export async function notReported(users: readonly User[], size: number): Promise<void> {
  for (const batch of chunk(users, size)) {
    await resend.batch.send(batch.map((u) => ({ from: 'a@example.com', to: u.email, subject: 'Hi' })));
  }
  for (const batch of chunk(users, 1_000)) {
    await mailgun.messages.create('example.com', { to: batch.map((u) => u.email), 'recipient-variables': '{}' });
  }
  await resend.emails.send({ from: 'a@example.com', to: 'b@example.com', subject: 'Later', scheduledAt: 'in 1 hour' });
}
