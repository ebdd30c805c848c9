export function sendHeavy(shape: 'loop' | 'flat' | 'wrappers', n: number): string;
export function wrapperCaller(module: string): string;
