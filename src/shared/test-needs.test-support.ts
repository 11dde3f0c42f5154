import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/project-root.js';

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

/**
 * The development-only folder beside the repository (../shared: example files, the drug list's source). OPENPBM_SHARED_DIR
 * points elsewhere (a CI checkout, or a missing path in the helper's own test).
 */
export function sharedDir(): string {
  return path.resolve(process.env.OPENPBM_SHARED_DIR ?? path.resolve(projectRoot(), '../shared'));
}

/** Whether ../shared/examples/<sub> is here; in CI a missing folder fails the run (see available()). */
export function hasSharedExamples(sub: string): boolean {
  return available(
    path.join(sharedDir(), 'examples', sub),
    `The public example files ${sub}/`,
    'The project does not ship them: check out the shared folder beside this repository (../shared, see ' +
      'examples/MANIFEST.md there for where each file comes from) or set OPENPBM_SHARED_DIR to it.',
  );
}
