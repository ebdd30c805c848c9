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

// seneca-mail registers `role:mail,cmd:send` when the service loads it (`seneca.use('mail', options)`):
// a dispatch of that pattern sends its object, with no import in the file. A handler the file registers
// for the same pattern is the file's own, and decides.
const senecaFix = 'Throttle the actions (p-limit, Bottleneck), or hand the messages to a job queue that sends them at a pace the server accepts.';
for (const f of flavours) {
  const plugin = (body: string, head = '') => `${head}${f.esm ? 'export default' : 'module.exports ='} function news(${f.ts ? 'this: any, options: unknown' : 'options'}) {
  const seneca = this;
  seneca.add({ role: 'news', cmd: 'announce' }, function (${typed(f, 'args', 'any')}, ${typed(f, 'done', '() => void')}) {
    ${body}
    done();
  });
}`;
  const act = "seneca.act({ role: 'mail', cmd: 'send', to: c.email, subject: 'News', code: 'news' })";
  const each = (loop: string) => plugin(loop);
  const lodash = f.esm ? "import _ from 'lodash';\n" : "const _ = require('lodash');\n";
  const asyncLib = f.esm ? "import async from 'async';\n" : "const async = require('async');\n";
  f.tester.run(`no-unbatched-send: seneca-mail's action pattern (${f.name})`, rule, {
    valid: [
      // Another command, a role not known statically, one dispatch, a bounded iteration.
      each(`args.customers.forEach((${typed(f, 'c', 'any')}) => ${act.replace("cmd: 'send'", "cmd: 'generate'")});`),
      each(`args.customers.forEach((${typed(f, 'c', 'any')}) => ${act.replace("role: 'mail'", 'role: args.role')});`),
      each(`const c = args.customers[0];\n    ${act};`),
      plugin(`async.eachLimit(args.customers, 2, (${typed(f, 'c', 'any')}, ${typed(f, 'next', 'any')}) => ${act.replace('})', '}, next)')}, done);`, asyncLib),
      // The file handles `role:mail,cmd:send` itself, and its handler sends nothing.
      each(`seneca.add({ role: 'mail', cmd: 'send' }, (${typed(f, 'm', 'any')}, ${typed(f, 'next', 'any')}) => next());\n    args.customers.forEach((${typed(f, 'c', 'any')}) => ${act});`),
      // A local `_` is no lodash.
      each(`const _ = { forEach: (${typed(f, 'list', 'any')}, ${typed(f, 'fn', 'any')}) => fn(list[0]) };\n    _.forEach(args.customers, (${typed(f, 'c', 'any')}) => ${act});`),
    ],
    invalid: [
      { name: 'Array#forEach', code: each(`args.customers.forEach((${typed(f, 'c', 'any')}) => ${act});`), mode: 'parallel' as const },
      { name: "lodash's _.forEach", code: plugin(`_.forEach(args.customers, (${typed(f, 'c', 'any')}) => ${act});`, lodash), mode: 'parallel' as const },
      { name: "lodash's _.each, a function expression", code: plugin(`_.each(args.customers, function (${typed(f, 'c', 'any')}) { ${act}; });`, lodash), mode: 'parallel' as const },
      {
        name: "async's eachSeries",
        code: plugin(`async.eachSeries(args.customers, (${typed(f, 'c', 'any')}, ${typed(f, 'next', 'any')}) => ${act.replace('})', '}, next)')}, done);`, asyncLib),
        mode: 'sequential' as const,
      },
    ].map(({ name, code, mode }) => ({
      name,
      code,
      errors: [{ messageId: mode, data: { what: 'This seneca-mail send', fix: senecaFix }, ...at(code, code.includes('next)') ? act.replace('})', '}, next)') : act) }],
    })),
  });
}
