export function sendHeavy(shape: 'loop' | 'flat', n: number): string;
