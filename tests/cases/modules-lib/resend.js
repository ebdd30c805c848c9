// One email per call, through Resend: a loop around it in another module sends one per element.
import { Resend } from 'resend';

const resend = new Resend(process.env.RESEND_API_KEY);

export async function sendEmail(params) {
  return resend.emails.send({ from: 'alerts@example.com', ...params });
}
