export function serverNodeFlags(env: Record<string, string | undefined>, execArgv: readonly string[]): string[];
export function runServerInChild(mainJs: string, flags: readonly string[]): void;
