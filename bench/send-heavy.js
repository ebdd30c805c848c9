/**
 * Generated send-heavy files for the linear-time test and benchmark: `loop` puts n sends in one
 * loop over users (each reported by no-unbatched-send), `flat` puts n sends of n records at the
 * top level (none reported), `wrappers` n exported send wrappers (a module other files import:
 * see `wrapperCaller`).
 */
export function sendHeavy(shape, n) {
  let out = "import nodemailer from 'nodemailer';\nconst transport = nodemailer.createTransport({ host: 'smtp.example.com' });\n";
  if (shape === 'wrappers') {
    for (let i = 0; i < n; i++) out += `export async function send${i}(to, subject) {\n  await transport.sendMail({ from: 'a@example.com', to, subject, text: subject });\n}\n`;
    return out;
  }
  if (shape === 'loop') out += 'export async function run(users) {\n  for (const user of users) {\n';
  for (let i = 0; i < n; i++) {
    const to = shape === 'loop' ? 'user.email' : `user${i}.email`;
    const message = `{ from: 'a@example.com', to: ${to}, subject: 'S${i}', text: 'T${i}' }`;
    out += shape === 'loop' ? `    await transport.sendMail(${message});\n` : `const user${i} = { email: 'u${i}@example.com' };\nawait transport.sendMail(${message});\n`;
  }
  if (shape === 'loop') out += '  }\n}\n';
  return out;
}

/** A file that hands a data-driven list to one of the `wrappers` module's exports: reported at the list. */
export function wrapperCaller(module) {
  return `import { send1 } from '${module}';\nexport async function all(users) {\n  await send1(users.map((u) => u.email), 'Hi');\n}\n`;
}
