import { existsSync } from 'node:fs';

/**
 * Whether what a test needs from outside the repository (Chromium, the ../shared example files)
 * is here. In CI (CI=true) a missing need fails the run with what is missing and how to get it:
 * a suite that skips there proves nothing. Locally the tests skip, loudly: one line per missing
 * need on stderr, and vitest's summary counts the skipped tests.
 */
export function available(path: string, what: string, howToGetIt: string): boolean {
  if (existsSync(path)) return true;
  const message = `${what} is missing (${path}). ${howToGetIt}`;
  if (process.env.CI === 'true') throw new Error(`CI: ${message}`);
  process.stderr.write(`SKIPPED: ${message}\n`);
  return false;
}
