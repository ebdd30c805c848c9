import { ESLint } from 'eslint';
import plugin from '/work/wt-i13/dist/index.js';
const eslint = new ESLint({ cwd: '/tmp/hgn', overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
const r = await eslint.lintFiles(['src/helpers/userHelper.js']);
for (const m of r[0].messages) console.log(m.line, m.ruleId, m.message.slice(0, 150));
