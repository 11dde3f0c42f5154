import type { AppContext } from '../app-context.js';
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
