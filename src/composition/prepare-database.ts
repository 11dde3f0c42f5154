import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../app-context.js';
import type { Config } from '../config.js';
import { startContext } from './start-context.js';
import { isDatabaseEmpty, loadDemoData } from '../demo/load-demo-data.js';

/**
 * The demo data set into an empty database (DEMO_DATA, refused in production). Under WORKERS=N
 * the supervisor does this once, before any worker starts, so two workers never both find the
 * database empty. Returns whether the demo accounts are there to print.
 */
export async function prepareDemoData(ctx: AppContext): Promise<boolean> {
  if (!ctx.config.demoData) return false;
  if (await isDatabaseEmpty(ctx)) {
    process.stderr.write('Empty database: loading the demo data set…\n');
    await loadDemoData(ctx);
    await ctx.database.query('analyze'); // fresh planner statistics for the loaded data
  }
  return true;
}

/**
 * A new embedded database (no PGlite data folder yet) with the demo data set: the load runs in a
 * short-lived child process (`entry` again, OPENPBM_PREPARE_ONLY=1), not in the server. PGlite's
 * WASM heap grows to what the load needs (≈ 850 MB, bench:pa) and never shrinks, so loading it
 * in the server kept that for the server's life; the server then opens a loaded database
 * (≈ 350 MB). An existing database starts as before: nothing extra to spawn.
 */
export async function prepareNewEmbeddedDatabase(config: Config, entry: string): Promise<void> {
  if (config.databaseUrl || !config.demoData || existsSync(path.join(config.dataDir, 'pglite'))) return;
  const child = spawn(process.execPath, [...process.execArgv, entry], {
    env: { ...process.env, [PREPARE_ONLY]: '1' },
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`loading the demo data set failed (exit code ${code})`);
}

export const PREPARE_ONLY = 'OPENPBM_PREPARE_ONLY';

/** The child's work: migrations and the demo data, then exit. */
export async function prepareOnly(config: Config): Promise<void> {
  const ctx = await startContext(config);
  await prepareDemoData(ctx);
  await ctx.database.close();
}
