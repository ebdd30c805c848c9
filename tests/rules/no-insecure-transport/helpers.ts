import { at } from '../../helpers.js';

const effects = {
  rejectUnauthorized: 'accepts any server certificate',
  ignoreTLS: 'never upgrades the connection with STARTTLS, so mail and credentials travel in plain text',
  opportunisticTLS: 'goes on in plain text when STARTTLS fails',
  minVersion: 'allows TLS versions older than 1.2',
  maxVersion: 'caps TLS below version 1.2',
  secure: 'starts in plain text and sends the mail unencrypted if the server offers no STARTTLS',
  https: 'sends every request and the API key over plain HTTP',
  postmark: 'sends every request and the server token over plain HTTP',
  skipVerification: "lets Mailgun deliver this message without verifying the receiving server's certificate",
} as const;

const fixes = {
  verification: 'Remove it; to trust a private certificate authority, pass it in `ca`.',
  requireTLS: 'Add `requireTLS: true`, or remove this setting.',
  remove: 'Remove it.',
  tls12: "Use `'TLSv1.2'` or later.",
  https: 'Use an `https://` URL.',
} as const;

/** An `insecureSetting` report on `text` in `code`. */
export const setting = (
  code: string,
  text: string,
  sdk: string,
  shown: string,
  effect: keyof typeof effects,
  fix: keyof typeof fixes,
  nth = 0,
) => ({
  messageId: 'insecureSetting' as const,
  data: {
    sdk,
    setting: shown,
    effect: effects[effect],
    cwe: effect === 'rejectUnauthorized' || effect === 'skipVerification' ? 'CWE-295' : 'CWE-319',
    fix: fixes[fix],
  },
  ...at(code, text, nth),
});

export const rejectUnauthorized = (code: string, sdk = 'nodemailer', nth = 0) =>
  setting(code, 'rejectUnauthorized: false', sdk, 'tls.rejectUnauthorized: false', 'rejectUnauthorized', 'verification', nth);

export const smtpUrl = (code: string, text: string, host: string, sdk = 'nodemailer') => ({
  messageId: 'smtpUrlCredentials' as const,
  data: { sdk, host },
  ...at(code, text),
});

export const envOff = (code: string, text: string) => ({ messageId: 'tlsCheckDisabled' as const, ...at(code, text) });
