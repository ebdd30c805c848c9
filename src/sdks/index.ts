import { nodemailer } from './nodemailer.js';
import { sendgrid } from './sendgrid.js';
import { ses } from './ses.js';
import type { SdkSpec } from './types.js';

export type * from './types.js';

/** Every provider the plugin knows. Adding one is a data file here plus its tests. */
export const sdks: readonly SdkSpec[] = [nodemailer, sendgrid, ses];

/** What a module specifier gives when it is imported or required. */
export interface ModuleRoot {
  readonly sdk: SdkSpec;
  readonly kind: string;
}

export function moduleRoots(specs: readonly SdkSpec[]): Map<string, ModuleRoot> {
  const roots = new Map<string, ModuleRoot>();
  for (const sdk of specs) {
    for (const [module, kind] of Object.entries(sdk.modules)) roots.set(module, { sdk, kind });
  }
  return roots;
}

export const builtinRoots = moduleRoots(sdks);
