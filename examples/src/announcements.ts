import { createTransport } from 'nodemailer';
import { db } from './db.js';

const transporter = createTransport({
  host: 'smtp.example.com',
  port: 587,
  requireTLS: true,
  pool: true,
  rateLimit: 10,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

const BATCH_SIZE = 1000;

/**
 * The incident. Mailing customers one by one took ten hours, so the send was batched:
 * 1,000 customers a message, all of them in `to`.
 */
export async function announceListing(symbol: string): Promise<void> {
  const customers = await db.customers.all();
  for (let i = 0; i < customers.length; i += BATCH_SIZE) {
    const batch = customers.slice(i, i + BATCH_SIZE);
    await transporter.sendMail({
      from: 'news@exchange.example',
      to: batch.map((customer) => customer.email),
      subject: `${symbol} is now listed`,
      text: `Trading in ${symbol} opens today.`,
    });
  }
}

/** The fix: the same batches, with the customers in `bcc`. */
export async function announceListingPrivately(symbol: string): Promise<void> {
  const customers = await db.customers.all();
  for (let i = 0; i < customers.length; i += BATCH_SIZE) {
    const batch = customers.slice(i, i + BATCH_SIZE);
    await transporter.sendMail({
      from: 'news@exchange.example',
      to: 'news@exchange.example',
      bcc: batch.map((customer) => customer.email),
      subject: `${symbol} is now listed`,
      text: `Trading in ${symbol} opens today.`,
    });
  }
}

/** One address per message is always fine. */
export async function welcome(customer: { email: string; name: string }): Promise<void> {
  await transporter.sendMail({
    from: 'hello@exchange.example',
    to: customer.email,
    subject: `Welcome, ${customer.name}`,
    text: 'Your account is ready.',
  });
}

/** A fixed list of colleagues is not customer data. */
export async function notifyCompliance(report: string): Promise<void> {
  await transporter.sendMail({
    from: 'reports@exchange.example',
    to: ['compliance@exchange.example', 'cfo@exchange.example'],
    subject: 'Daily report',
    text: report,
  });
}
