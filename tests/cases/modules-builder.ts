// A list built from records, put in `to` by a builder of another module and sent through a
// wrapper object of a third (shera's issue #111): every attendee sees every other address.
import { newPostEmail } from './modules-lib/emails';
import { emailClient } from './modules-lib/client';

export async function notifyAttendees(event: { title: string; attendees: { email: string }[] }, host: { email: string }) {
  const emails = event.attendees.map((a) => a.email);
  await emailClient.send(newPostEmail(event.title, emails)); // expect: no-exposed-recipients
  await emailClient.sendMultiple(newPostEmail(event.title, emails));
  await emailClient.send(newPostEmail(event.title, [host.email]));
}
