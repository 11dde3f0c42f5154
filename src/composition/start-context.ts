import { createContext, type AppContext } from '../app-context.js';
import type { Config } from '../config.js';
import { ManualClock, systemClock, type Clock } from '../platform/clock.js';
import { openDatabase, runMigrations } from '../platform/db.js';
import { wireModules } from './wire-modules.js';

export function clockFor(config: Config): Clock {
  if (config.clock === 'manual') {
    // loadConfig already refuses CLOCK=manual in production; this is the second lock.
    if (config.env === 'production') throw new Error('manual clock refused in production');
    return new ManualClock(config.clockStart ? new Date(config.clockStart) : new Date());
  }
  return systemClock;
}

/** Opens the configured database, applies migrations, wires the modules and builds the application context. */
export async function startContext(config: Config): Promise<AppContext> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  await runMigrations(database);
  wireModules();
  return createContext(config, database, clockFor(config));
}
