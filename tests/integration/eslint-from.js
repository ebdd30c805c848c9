// Preloaded through NODE_OPTIONS="--import …" by tests/integration/run-with-eslint.js: every
// `eslint` and `eslint/*` the tests load (from a test file, from @typescript-eslint/rule-tester's
// require(), from a child process running dist/cli.js) comes from the ESLint installed in
// $MAIL_ESLINT_DIR instead of the repository's node_modules. NODE_PATH cannot do this: Node
// reads it only when the usual node_modules lookup finds nothing.
import Module, { createRequire, register } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const dir = process.env['MAIL_ESLINT_DIR'];

if (dir) {
  const base = path.resolve(dir, 'package.json');
  // The repository's copy and the other one: paths already resolved into the first (vitest
  // resolves bare imports itself) are moved to the second.
  // Resolved from this file, not the working directory: child processes may run anywhere.
  const own = path.dirname(createRequire(import.meta.url).resolve('eslint/package.json')) + path.sep;
  const other = path.dirname(createRequire(base).resolve('eslint/package.json')) + path.sep;
  const redirect = (file) => (file.startsWith(own) ? other + file.slice(own.length) : file);

  // require(): Node's CommonJS resolver.
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (request === 'eslint' || request.startsWith('eslint/')) {
      return resolveFilename.call(this, request, parent, isMain, { ...options, paths: [dir] });
    }
    return redirect(resolveFilename.call(this, request, parent, isMain, options));
  };

  // import: a loader hook.
  const hooks = `
    import { fileURLToPath, pathToFileURL } from 'node:url';
    let own, other, base;
    export function initialize(data) { ({ own, other, base } = data); }
    export async function resolve(specifier, context, next) {
      if (specifier === 'eslint' || specifier.startsWith('eslint/')) return next(specifier, { ...context, parentURL: base });
      const resolved = await next(specifier, context);
      if (!resolved.url.startsWith('file:')) return resolved;
      const file = fileURLToPath(resolved.url);
      return file.startsWith(own) ? { ...resolved, url: pathToFileURL(other + file.slice(own.length)).href } : resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { own, other, base: pathToFileURL(base).href } });
}
