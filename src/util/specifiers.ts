/**
 * The npm package a module specifier names, for the specifiers of Deno, edge runtimes and CDNs:
 * `npm:resend@4`, `npm:@sendgrid/mail`, `https://esm.sh/resend@2.0.0?target=deno`,
 * `https://esm.sh/v135/resend@2.0.0/es2022/resend.mjs`, `https://cdn.jsdelivr.net/npm/nodemailer@6/+esm`,
 * `https://cdn.skypack.dev/nodemailer`, `https://unpkg.com/resend`. Any other specifier is returned
 * as it is. No mail knowledge here.
 */

/** CDN hosts that serve npm packages by name, with the path prefix before the name (a regular expression's source, for the SDK needle too). */
export const CDN_PREFIX = 'https?://(?:esm\\.sh|esm\\.run|cdn\\.skypack\\.dev|unpkg\\.com|cdn\\.jsdelivr\\.net/npm|jspm\\.dev|ga\\.jspm\\.io/npm:)/?';
const CDN = new RegExp(`^${CDN_PREFIX}`);
/** A path segment a CDN adds for its own builds (`v135/` before the name, `es2022/…` after it): no subpath of the package. */
export const BUILD_PREFIX_SOURCE = '(?:v\\d+/|stable/|pin/v\\d+/)?';
const BUILD_PREFIX = new RegExp(`^${BUILD_PREFIX_SOURCE}`);
const BUILD_SUBPATH = /^(?:es\d{4}|esnext|deno|denonext|node|browser|\+esm|dist|X-[^/]*)(?:\/|$)/;
/** `name`, `@scope/name`, each with an optional `@version`, then an optional `/subpath`. */
const PACKAGE = /^((?:@[^/@?#]+\/)?[^/@?#]+)(?:@[^/?#]*)?(\/[^?#]*)?/;

export function packageSpecifier(specifier: string): string {
  let rest: string;
  let cdn = false;
  if (specifier.startsWith('npm:')) rest = specifier.slice(4).replace(/^\//, '');
  else {
    const host = CDN.exec(specifier);
    if (!host) return specifier;
    rest = specifier.slice(host[0].length).replace(BUILD_PREFIX, '');
    cdn = true;
  }
  const match = PACKAGE.exec(rest);
  if (!match) return specifier;
  const [, name, subpath] = match;
  if (!subpath || subpath === '/' || (cdn && BUILD_SUBPATH.test(subpath.slice(1)))) return name!;
  return `${name}${subpath}`;
}

/** The specifier as the SDK tables name modules: `packageSpecifier` for the prefixed forms, any other as it is. */
export function moduleName(specifier: string): string {
  return specifier.startsWith('npm:') || specifier.startsWith('http') ? packageSpecifier(specifier) : specifier;
}
