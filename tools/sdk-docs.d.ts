import type { SdkSpec } from '../src/sdks/index.js';

export const EXAMPLES_DIR: string;
export const PAGE: string;
/** docs/sdks.md, from the SDK data and the example files. */
export function renderSdkDocs(sdks: readonly SdkSpec[], examplesDir?: string): string;
