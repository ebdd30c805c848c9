// Named dispatch: a handler registered under a name or a pattern takes the dispatch's arguments as
// its parameters (`bus.emit('notify', list)` → `(to) => …`; `seneca.act({ …, to: list })` → `(args) => … args.to`),
// so a data-driven list dispatched to a handler that puts it in `to` is reported where it is passed,
// as for a wrapper function of the file.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { at, cjsTester, jsTester, tsTester } from '../../helpers.js';

const fix = 'Put the list in `bcc`, or send one message per recipient on a pooled transport (`pool: true` with a `rateLimit`).';

for (const [tester, name, esm, ts] of [[tsTester, 'TypeScript', true, true], [jsTester, 'ESM JavaScript', true, false], [cjsTester, 'CommonJS', false, false]] as const) {
  const head = `${esm ? "import { EventEmitter } from 'node:events';\nimport nodemailer from 'nodemailer';" : "const { EventEmitter } = require('node:events');\nconst nodemailer = require('nodemailer');"}
const transport = nodemailer.createTransport({ host: 'smtp.example.com' });
const bus = new EventEmitter();`;
  const t = (n: string, type: string) => (ts ? `${n}: ${type}` : n);
  const exported = (n: string, declaration: string) => (esm ? `export ${declaration}` : `${declaration}\nmodule.exports = { ${n} };`);
  const list = `users.map((${t('u', '{ email: string }')}) => u.email)`;
  const emitted = (field: string, dispatch: string) => `${head}
bus.on('notify', (${t('to', 'string | string[]')}, ${t('subject', 'string')}) => transport.sendMail({ ${field}: to, subject }));
${exported('announce', `function announce(${t('users', '{ email: string }[]')}) {\n  ${dispatch};\n}`)}`;
  const seneca = (field: string, dispatched: string) => `${head}
${esm ? 'export default' : 'module.exports ='} function news(${ts ? 'this: any, options: unknown' : 'options'}) {
  const seneca = this;
  seneca.add({ role: 'news', cmd: 'send' }, (${t('args', 'any')}, ${t('done', 'any')}) => transport.sendMail({ ${field}: args.to, subject: 'News' }, done));
  seneca.add({ role: 'news', cmd: 'all' }, (${t('args', 'any')}, ${t('done', 'any')}) => {
    const users = args.users;
    seneca.act(${dispatched}, done);
  });
}`;
  tester.run(`no-exposed-recipients: named dispatch (${name})`, rule, {
    valid: [
      // One address, the list in bcc, another event, a pattern no handler of the file has.
      emitted('to', "bus.emit('notify', 'ops@x.io', 'News')"),
      emitted('bcc', `bus.emit('notify', ${list}, 'News')`),
      emitted('to', `bus.emit('digest', ${list}, 'News')`),
      seneca('to', `{ role: 'news', cmd: 'send', to: 'ops@x.io' }`),
      seneca('bcc', `{ role: 'news', cmd: 'send', to: ${list} }`),
      seneca('to', `{ role: 'news', cmd: 'publish', to: ${list} }`),
    ],
    invalid: [
      { code: emitted('to', `bus.emit('notify', ${list}, 'News')`), wrapper: 'notify', text: list },
      { code: seneca('to', `{ role: 'news', cmd: 'send', to: ${list} }`), wrapper: 'role:news,cmd:send', text: `to: ${list}` },
    ].map(({ code, wrapper, text }) => ({
      code,
      errors: [{ messageId: 'exposedThroughWrapper' as const, data: { wrapper, sdk: 'nodemailer', field: 'to', fix }, ...at(code, text) }],
    })),
  });
}
