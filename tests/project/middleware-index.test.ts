// The fast exit's middleware check (a service hung on the request by a file that imports the
// linted one) reads only the files whose text may register such middleware: in a project with
// none, no import of the project is resolved for it, and an added middleware file is seen by the
// next lint.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearModuleCaches } from '../../src/analysis/project/caches.js';
import { CHECK_PAUSE_MS, projectCacheSizes } from '../../src/analysis/project/store.js';
import { project } from '../modules/project.js';

const service = `import nodemailer from 'nodemailer';\nconst t = nodemailer.createTransport({});\nexport class EmailService {\n  send(list) {\n    return t.sendMail({ from: 'x@example.com', to: list, subject: 'Hi', text: '.' });\n  }\n}\n`;
// A handler module: says mail, imports no project module that leads to mail.
const routes = `import { helper } from './helper.js';\nexport const notify = (req) => req.emailService.send(req.body.users.map((u) => u.email).concat(helper()));\n`;
const helper = `export const helper = () => [];\n`;
const app = `import express from 'express';\nimport { EmailService } from './email.js';\nimport { notify } from './routes.js';\nconst app = express();\napp.use((req, _res, next) => {\n  req.emailService = new EmailService();\n  next();\n});\napp.post('/x', notify);\n`;
// Other files of the project, none of which registers middleware with mail.
const others = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/m${i}.js`, `import { f${i + 1} } from './m${i + 1}.js';\nexport const f${i} = () => f${i + 1}();\n`]));

async function lintRoutes(dir: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
  const [result] = await eslint.lintFiles([path.join(dir, 'src/routes.js')]);
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

describe('the middleware check reads only candidate files', () => {
  it('JS: no middleware file with mail, no import resolved for the check; one added is seen by the next lint', async () => {
    const dir = project({ 'package.json': '{"type":"module"}', 'src/email.js': service, 'src/routes.js': routes, 'src/helper.js': helper, ...others });
    clearModuleCaches();
    expect(await lintRoutes(dir)).toEqual([]);
    // The probe resolved the file's own import (./helper.js) and nothing else: not the 30 other files' imports.
    expect(projectCacheSizes()['resolved imports']).toBe(1);
    writeFileSync(path.join(dir, 'src/app.js'), app);
    await new Promise((resolve) => setTimeout(resolve, CHECK_PAUSE_MS + 50));
    expect(await lintRoutes(dir)).toEqual(['2:32 mail/no-exposed-recipients']);
  });
});
