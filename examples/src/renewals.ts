import { ServerClient } from 'postmark';
import type { Customer } from './db.js';

const postmark = new ServerClient(process.env.POSTMARK_SERVER_TOKEN ?? '');

const message = (customer: Customer) => ({
  From: 'billing@exchange.example',
  To: customer.email,
  Subject: 'Your subscription renews next week',
  TextBody: `Hi ${customer.name}, your plan renews on the 1st.`,
  MessageStream: 'outbound',
});

/**
 * The other half of the incident: one API request per customer, one after another. With a
 * large customer base this takes hours and runs into the provider's rate limits.
 */
export async function renewalNotices(customers: Customer[]): Promise<void> {
  for (const customer of customers) {
    await postmark.sendEmail(message(customer));
  }
}

/** The fix: Postmark's batch API, 500 messages a request, each message to one customer. */
export async function renewalNoticesBatched(customers: Customer[]): Promise<void> {
  for (let i = 0; i < customers.length; i += 500) {
    await postmark.sendEmailBatch(customers.slice(i, i + 500).map(message));
  }
}

/** Retrying one message is not a loop over customers. */
export async function renewalNoticeWithRetry(customer: Customer): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await postmark.sendEmail(message(customer));
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
