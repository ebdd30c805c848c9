import type { SdkSpec } from './types.js';

/**
 * A library that is not a mail SDK but that the analysis follows the same way: throttling
 * libraries (p-limit, Bottleneck) and HTTP clients (axios, got). It sends no mail of its own.
 */
export function library(id: string, modules: SdkSpec['modules'], kinds: SdkSpec['kinds']): SdkSpec {
  return { id, label: id, modules, kinds, messages: {}, batching: '' };
}
