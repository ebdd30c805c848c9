const nodemailer = require('nodemailer');

// Pooled and rate-limited: one message per watcher is queued and sent at a pace the server accepts.
const transporter = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  requireTLS: true,
  pool: true,
  rateLimit: 20,
});

function sendEmail({ to, subject, text }) {
  return transporter.sendMail({ from: 'alerts@exchange.example', to, subject, text });
}

/** The same leak through a helper: every watcher sees every other watcher. */
async function priceAlert(symbol, price, watchers) {
  await sendEmail({
    to: watchers.map((w) => w.email),
    subject: `${symbol} crossed ${price}`,
    text: `${symbol} is now at ${price}.`,
  });
}

/** Fixed: the helper is called with one address at a time. */
async function priceAlertPrivately(symbol, price, watchers) {
  for (const watcher of watchers) {
    await sendEmail({ to: watcher.email, subject: `${symbol} crossed ${price}`, text: `${symbol} is now at ${price}.` });
  }
}

module.exports = { priceAlert, priceAlertPrivately };
