// Transport and credential settings of SMTP libraries, in CommonJS.
const nodemailer = require('nodemailer');
const { SMTPClient } = require('emailjs');

const SMTP_PASSWORD = 'Tr0ub4dor-and-3'; // expect: no-hardcoded-credentials

const relay = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  ignoreTLS: true, // expect: no-insecure-transport
  tls: {
    rejectUnauthorized: false, // expect: no-insecure-transport
    minVersion: 'TLSv1.1', // expect: no-insecure-transport
  },
  auth: { user: 'relay@example.com', pass: process.env.SMTP_PASS },
});

const oauth = nodemailer.createTransport({
  service: 'gmail',
  auth: {
    type: 'OAuth2',
    user: 'me@example.com',
    clientId: process.env.GOOGLE_CLIENT_ID,
    clientSecret: 'GOCSPX-4bC9dE2fG7hJ', // expect: no-hardcoded-credentials
    refreshToken: process.env.GOOGLE_REFRESH_TOKEN || '1//04aBcDeFgHiJkLmN', // expect: no-hardcoded-credentials
  },
});

const urlTransport = nodemailer.createTransport('smtp://relay:Tr0ub4dor-and-3@smtp.example.com:587'); // expect: no-insecure-transport, no-hardcoded-credentials

const emailjsClient = new SMTPClient({
  host: 'smtp.example.com',
  user: 'app',
  password: SMTP_PASSWORD, // reported on the constant above
  tls: { rejectUnauthorized: false }, // expect: no-insecure-transport
});

// Local catchers and placeholders: silent.
const dev = nodemailer.createTransport({ host: 'mailpit', port: 1025, ignoreTLS: true, auth: { user: 'dev', pass: 'dev' } });
const docker = nodemailer.createTransport('smtp://user:pass@mailhog:1025');
const example = nodemailer.createTransport({ host: 'smtp.example.com', requireTLS: true, auth: { user: 'a', pass: 'changeme' } });
const starttls = nodemailer.createTransport({ host: 'smtp.example.com', port: 587, secure: false });

// A look-alike: not a mail client.
const https = require('https');
const agent = new https.Agent({ rejectUnauthorized: false });
const dbConfig = { auth: { user: 'db', pass: 'db-password-123' } };

module.exports = { relay, oauth, urlTransport, emailjsClient, dev, docker, example, starttls, agent, dbConfig };
