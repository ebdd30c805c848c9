// seneca-mail: `seneca.act({ role: 'mail', cmd: 'send', to, … })` sends the dispatched object as a message
// (the plugin registers that pattern when the service loads it); no import in the file proves it.
import rule from '../../../src/rules/no-exposed-recipients.js';
import { cjsTester, exposedReports, jsTester, tsTester } from '../../helpers.js';

const { exposed } = exposedReports('seneca-mail', 'Put the list in `bcc`, or send one message per recipient.');

for (const [tester, name, esm, ts] of [[tsTester, 'TypeScript', true, true], [jsTester, 'ESM JavaScript', true, false], [cjsTester, 'CommonJS', false, false]] as const) {
  const plugin = (message: string) => `${esm ? 'export default' : 'module.exports ='} function news(${ts ? 'this: any, options: unknown' : 'options'}) {
  const seneca = this;
  seneca.add({ role: 'news', cmd: 'announce' }, function (${ts ? 'args: any, done: () => void' : 'args, done'}) {
    seneca.act(${message}, done);
  });
}`;
  const list = `args.customers.map((${ts ? 'c: { email: string }' : 'c'}) => c.email)`;
  tester.run(`no-exposed-recipients: seneca-mail (${name})`, rule, {
    valid: [
      plugin(`{ role: 'mail', cmd: 'send', to: 'news@example.com', bcc: ${list}, subject: 'News', code: 'news' }`),
      // Another action, and a role not known statically.
      plugin(`{ role: 'mail', cmd: 'generate', to: ${list}, code: 'news' }`),
      plugin(`{ role: args.role, cmd: 'send', to: ${list}, code: 'news' }`),
    ],
    invalid: [
      (() => {
        const code = plugin(`{ role: 'mail', cmd: 'send', to: ${list}, subject: 'News', code: 'news' }`);
        return { code, errors: [exposed(code, `to: ${list}`)] };
      })(),
      (() => {
        const code = plugin(`{ cmd: "send", role: \`mail\`, cc: ${list}, to: 'news@example.com', subject: 'News' }`);
        return { code, errors: [exposed(code, `cc: ${list}`, 'cc')] };
      })(),
    ],
  });
}
