import { SESv2Client, SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
import type { Customer } from './db.js';

const ses = new SESv2Client({ region: 'eu-west-1' });

/** One bulk entry per customer: nobody sees anyone else. SES takes at most 50 entries a call. */
export async function maintenanceNotice(customers: Customer[]): Promise<void> {
  for (let i = 0; i < customers.length; i += 50) {
    await ses.send(
      new SendBulkEmailCommand({
        FromEmailAddress: 'status@exchange.example',
        DefaultContent: { Template: { TemplateName: 'maintenance', TemplateData: '{}' } },
        BulkEmailEntries: customers.slice(i, i + 50).map((customer) => ({
          Destination: { ToAddresses: [customer.email] },
        })),
      }),
    );
  }
}
