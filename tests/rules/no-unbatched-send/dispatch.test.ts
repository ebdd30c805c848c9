// Named dispatch: a handler registered under a name or a pattern (EventEmitter's `bus.on('welcome', fn)`,
// Seneca's `seneca.add({ role, cmd }, fn)`) runs where that name is dispatched on the same receiver
// (`bus.emit('welcome', user)`, `seneca.act({ role, cmd, … })`). A dispatch in a loop whose handler sends
// one message is a send in a loop. Matched only when the name or every field of the pattern is
// statically equal; an unknown name matches nothing.
import rule from '../../../src/rules/no-unbatched-send.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const nodemailerFix =
  'Create the transport once with `pool: true` and a `rateLimit`, so nodemailer queues the messages and sends them at a pace the server accepts.';

type Flavour = { readonly tester: typeof tsTester; readonly name: string; readonly esm: boolean; readonly ts: boolean };
const flavours: readonly Flavour[] = [
  { tester: tsTester, name: 'TypeScript', esm: true, ts: true },
  { tester: jsTester, name: 'ESM JavaScript', esm: true, ts: false },
  { tester: cjsTester, name: 'CommonJS', esm: false, ts: false },
];

const typed = (f: Flavour, name: string, type: string) => (f.ts ? `${name}: ${type}` : name);
const imports = (f: Flavour) =>
  f.esm
    ? "import { EventEmitter } from 'node:events';\nimport nodemailer from 'nodemailer';"
    : "const { EventEmitter } = require('node:events');\nconst nodemailer = require('nodemailer');";
const exported = (f: Flavour, name: string, declaration: string) => (f.esm ? `export ${declaration}` : `${declaration}\nmodule.exports = { ${name} };`);

for (const f of flavours) {
  const head = `${imports(f)}
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
const bus = new EventEmitter();`;
  const user = typed(f, 'user', '{ email: string }');
  const users = typed(f, 'users', '{ email: string }[]');

  // A listener written in place, an event name held by a constant, a named listener.
  const inPlace = `${head}
bus.on('welcome', (${user}) => transport.sendMail({ to: user.email, subject: 'Welcome' }));
${exported(f, 'onboard', `function onboard(${users}) {\n  for (const user of users) bus.emit('welcome', user);\n}`)}`;
  const constantName = `${head}
const WELCOME = 'welcome';
bus.once(WELCOME, async (${user}) => { await transport.sendMail({ to: user.email, subject: 'Welcome' }); });
${exported(f, 'onboard', `function onboard(${users}) {\n  users.forEach((user) => bus.emit(\`welcome\`, user));\n}`)}`;
  const named = `${head}
async function sendWelcome(${user}) {
  await transport.sendMail({ to: user.email, subject: 'Welcome' });
}
bus.addListener('welcome', sendWelcome);
${exported(f, 'onboard', `function onboard(${users}) {\n  for (const user of users) bus.emit('welcome', user);\n}`)}`;

  // Seneca: the most specific registered pattern that the dispatched object matches, `role` held by a variable.
  const seneca = (acted: string) => `${imports(f)}
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
${f.esm ? 'export default' : 'module.exports ='} function dojos(${f.ts ? 'this: any, options: unknown' : 'options'}) {
  const seneca = this;
  const plugin = 'cd-dojos';
  seneca.add({ role: plugin, cmd: 'send_email' }, function (${typed(f, 'args', 'any')}, ${typed(f, 'done', '() => void')}) {
    transport.sendMail({ to: args.payload.to, subject: 'News' }, done);
  });
  seneca.add({ role: plugin, cmd: 'notify_all' }, function (${typed(f, 'args', 'any')}, ${typed(f, 'done', '() => void')}) {
    args.users.forEach((${typed(f, 'u', 'any')}) => seneca.act(${acted}));
    done();
  });
}`;
  const senecaActed = "{ role: plugin, cmd: 'send_email', payload: { to: u.email } }";
  const senecaCode = seneca(senecaActed);

  f.tester.run(`no-unbatched-send: named dispatch (${f.name})`, rule, {
    valid: [
      // Another event, another receiver, a name not known statically, a listener removed from view: nothing runs that sends.
      inPlace.replace("bus.emit('welcome', user)", "bus.emit('welcomed', user)"),
      inPlace.replace("bus.emit('welcome', user)", "new EventEmitter().emit('welcome', user)"),
      inPlace.replace("bus.emit('welcome', user)", 'bus.emit(user.event, user)'),
      // One dispatch, no loop.
      inPlace.replace('for (const user of users) bus.emit', 'bus.emit').replace("'welcome', user)", "'welcome', users[0])"),
      // Seneca: another command, a field whose value is unknown, a field of the pattern left out.
      seneca(senecaActed.replace("'send_email'", "'send_sms'")),
      seneca(senecaActed.replace('role: plugin', 'role: u.role')),
      seneca(senecaActed.replace('role: plugin, ', '')),
    ],
    invalid: [
      { name: 'a listener written in place', code: inPlace, text: "bus.emit('welcome', user)", label: 'welcome' },
      { name: 'an event name held by a constant, a template literal', code: constantName, text: 'bus.emit(`welcome`, user)', label: 'welcome' },
      { name: 'a named listener', code: named, text: "bus.emit('welcome', user)", label: 'sendWelcome' },
      { name: 'a Seneca pattern, role held by a variable', code: senecaCode, text: `seneca.act(${senecaActed})`, label: 'role:cd-dojos,cmd:send_email' },
    ].map(({ name, code, text, label }) => ({
      name,
      code,
      errors: [{ messageId: 'parallel' as const, data: { what: `\`${label}\` (which sends with nodemailer)`, fix: nodemailerFix }, ...at(code, text) }],
    })),
  });
}
