// API clients and NestJS, in TypeScript modules.
import { Module } from '@nestjs/common';
import { MailerModule } from '@nestjs-modules/mailer';
import sgMail from '@sendgrid/mail';
import { Resend } from 'resend';
import * as postmark from 'postmark';
import Mailgun from 'mailgun.js';
import SparkPost from 'sparkpost';
import { BrevoClient } from '@getbrevo/brevo';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { EmailClient } from '@azure/communication-email';
import { MailtrapClient } from 'mailtrap';
import nodemailer from 'nodemailer';

@Module({
  imports: [
    MailerModule.forRoot({
      transport: {
        host: 'smtp.example.com',
        tls: { rejectUnauthorized: false }, // expect: no-insecure-transport
        auth: { user: 'app', pass: 'nest-Pa55word!' }, // expect: no-hardcoded-credentials
      },
    }),
  ],
})
export class MailModule {}

sgMail.setApiKey('SG.q1W2e3R4t5Y6u7I8o9P0aS.dFgHjKlZxCvBnM1234567890qwertyuiopASDFG'); // expect: no-hardcoded-credentials
sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? 'SG.xxxxxxxxxxxxxxxxxxxxxx');

export const resend = new Resend('re_Ab12Cd34_Ef56Gh78Ij90KlMnOpQrSt'); // expect: no-hardcoded-credentials

export const postmarkClient = new postmark.ServerClient(
  '1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6', // expect: no-hardcoded-credentials
  { useHttps: false }, // expect: no-insecure-transport
);

class Mailer {
  private readonly mg = new Mailgun(FormData).client({
    username: 'api',
    key: process.env.MAILGUN_API_KEY!,
    url: 'http://api.eu.mailgun.net', // expect: no-insecure-transport
  });

  send(to: string) {
    return this.mg.messages.create('mg.example.com', {
      from: 'noreply@example.com',
      to,
      text: 'Hello',
      'o:skip-verification': true, // expect: no-insecure-transport
    });
  }
}
export const mailer = new Mailer();

export const sparkpost = new SparkPost(process.env.SPARKPOST_API_KEY, { origin: 'http://api.sparkpost.com' }); // expect: no-insecure-transport

export const brevo = new BrevoClient({ apiKey: 'xkeysib-<your-api-key>' });

export const ses = new SESv2Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY', // expect: no-hardcoded-credentials
  },
});

export const azure = new EmailClient('endpoint=https://contoso.communication.azure.com/;accesskey=QmFzZTY0U2VjcmV0S2V5MTIz'); // expect: no-hardcoded-credentials
export const azureFromEnv = new EmailClient(process.env.ACS_CONNECTION_STRING!);

export const mailtrap = new MailtrapClient({ token: process.env.MAILTRAP_TOKEN! });

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: no-insecure-transport

export const local = nodemailer.createTransport({ host: 'localhost', port: 1025, tls: { rejectUnauthorized: false } });
export const envHost = nodemailer.createTransport({ host: process.env.SMTP_HOST, requireTLS: true, auth: { user: 'a', pass: process.env.SMTP_PASS } });
