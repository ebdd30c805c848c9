declare module 'eslump' {
  /** Random JavaScript source text (eslump draws from Math.random). */
  export function generateRandomJS(options?: {
    sourceType?: 'module' | 'script';
    maxDepth?: number;
    comments?: boolean;
    whitespace?: boolean;
  }): string;
}
