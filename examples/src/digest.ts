import { Resend } from 'resend';
import type { Customer } from './db.js';

const resend = new Resend(process.env.RESEND_API_KEY);

/** Resend's batch API: one email per customer, at most 100 a call. */
export async function weeklyDigest(customers: Customer[], html: string): Promise<void> {
  for (let i = 0; i < customers.length; i += 100) {
    await resend.batch.send(
      customers.slice(i, i + 100).map((customer) => ({
        from: 'digest@exchange.example',
        to: customer.email,
        subject: 'Your weekly digest',
        html,
      })),
    );
  }
}
