import sgMail from '@sendgrid/mail';

sgMail.setApiKey(process.env.SENDGRID_API_KEY);

/** sendMultiple gives every recipient a separate copy. */
export async function invoicesReady(customers) {
  await sgMail.sendMultiple({
    from: 'billing@exchange.example',
    to: customers.map((c) => c.email),
    subject: 'Your monthly statement is ready',
    text: 'Log in to download it.',
  });
}

/** So does one personalization per recipient. */
export async function feeChange(customers) {
  await sgMail.send({
    from: 'billing@exchange.example',
    subject: 'Fee schedule update',
    text: 'Hi {{name}}, our fees change next month.',
    personalizations: customers.map((c) => ({ to: c.email, substitutions: { name: c.name } })),
  });
}
