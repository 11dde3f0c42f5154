import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * The browser tests drive the real built app, exactly what `npm start` serves — built once per
 * run into a folder of its own, so a run never sees another run's half-written build.
 */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'openpbm-web-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  project.provide('webDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webDir: string;
  }
}
