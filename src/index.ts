import { readFileSync } from 'node:fs';
import { buildConfigs } from './configs.js';
import { rules } from './rules/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

const base = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'mail' },
  rules,
};

const configs = buildConfigs(base, rules);

/** eslint-plugin-mail: the plugin object, with its flat configs. */
const plugin = Object.assign(base, { configs });

export default plugin;
export { plugin as 'module.exports', rules, configs };
