// Cases for mail/respect-provider-limits in plain JavaScript: a line marked `expect` must be reported; no other line may be.
import { Resend } from 'resend';
import { ServerClient } from 'postmark';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import sgMail from '@sendgrid/mail';
import Mailjet from 'node-mailjet';
import _ from 'lodash';
import chunkOf from 'lodash/chunk';

const { chunk } = require('lodash');

const resend = new Resend('re_123');
const postmark = new ServerClient('token');
const ses = new SESv2Client({});
const mailjet = new Mailjet({ apiKey: 'k', apiSecret: process.env.MJ_SECRET });
const BATCH_SIZE = 250;
const SES_GROUP = 49;

function chunkArray(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function reported(users, emails, pdf) {
  for (let i = 0; i < users.length; i += BATCH_SIZE) {
    const batch = users.slice(i, i + BATCH_SIZE); // expect: respect-provider-limits
    await resend.batch.send(batch.map((u) => ({ from: 'a@example.com', to: u.email, subject: 'Hi', html: '<p>Hi</p>' })));
  }
  for (const batch of chunk(users, 1000)) { // expect: respect-provider-limits
    await postmark.sendEmailBatch(batch.map((u) => ({ From: 'a@example.com', To: u.email, Subject: 'Hi' })));
  }
  for (const batch of _.chunk(users, 2500)) { // expect: respect-provider-limits
    await sgMail.send({ from: 'a@example.com', subject: 'Hi', text: 'Hi', personalizations: batch.map((u) => ({ to: u.email })) });
  }
  for (const batch of chunkOf(users, 200)) { // expect: respect-provider-limits
    await mailjet.post('send', { version: 'v3.1' }).request({ Messages: batch.map((u) => ({ To: [{ Email: u.email }] })) });
  }
  for (let i = 0; i < emails.length; i += 100) {
    await ses.send(new SendEmailCommand({ Destination: { ToAddresses: ['news@example.com'], BccAddresses: emails.slice(i, i + 100) }, Content: {} })); // expect: respect-provider-limits
  }
  for (const batch of chunkArray(users, 101)) { // expect: respect-provider-limits
    await resend.batch.send(batch.map((u) => ({ to: u.email })));
  }
  await resend.batch.send(users.map((u) => ({ to: u.email, attachments: [{ filename: 'a.pdf', content: pdf }] }))); // expect: respect-provider-limits
}

export async function notReported(users, emails, size, pdf) {
  for (let i = 0; i < users.length; i += 100) {
    await resend.batch.send(users.slice(i, i + 100).map((u) => ({ to: u.email })));
  }
  for (const batch of chunk(users, size)) {
    await postmark.sendEmailBatch(batch.map((u) => ({ From: 'a@example.com', To: u.email })));
  }
  for (let i = 0; i < emails.length; i += SES_GROUP) {
    await ses.send(new SendEmailCommand({ Destination: { ToAddresses: ['news@example.com'], BccAddresses: emails.slice(i, i + SES_GROUP) }, Content: {} }));
  }
  await resend.emails.send({ to: 'a@example.com', attachments: [{ filename: 'a.pdf', content: pdf }] });
}
