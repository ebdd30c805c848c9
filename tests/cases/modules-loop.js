// A loop over pending deliveries that calls an in-file helper, which calls a sender of another
// module (opencouncil): one Resend request per delivery, where the batch endpoint takes 100.
import { sendEmail } from './modules-lib/resend.js';

export async function releaseAll(deliveries) {
  for (const delivery of deliveries) {
    await deliver(delivery); // expect: no-unbatched-send
  }
}

async function deliver(delivery) {
  return sendEmail({ to: delivery.email, subject: delivery.title, html: delivery.body });
}
