import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/adapters/http/app.js';
import { createContext, type AppContext } from '../../src/app-context.js';
import { wireModules } from '../../src/composition/wire-modules.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openDatabase, type Database } from '../../src/platform/db.js';
import { TEST_CLOCK_START } from './constants.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  /** A new process on the same database: new app, context, caches and clock (at the same instant). Nothing in memory survives. */
  restart(): Promise<void>;
  /** A second worker on the same database (own context and clock), for exactly-once checks. */
  secondWorker(): AppContext;
  close(): Promise<void>;
}

/** A database cloned from the run's migrated, demo-loaded template (see global-setup.ts). */
export async function openTestDatabase(poolSize = 5): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `openpbm_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize });
    return {
      database,
      drop: async () => {
        await database.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const pglite = new PGlite({ loadDataDir: blob });
  await pglite.waitReady;
  const database = await openDatabase({ pglite });
  return { database, drop: () => database.close() };
}

export async function createTestApp(
  options: {
    clockStart?: string;
    env?: Record<string, string>;
    /** PostgreSQL connections (default 5). */
    poolSize?: number;
  } = {},
): Promise<TestApp> {
  const { database, drop } = await openTestDatabase(options.poolSize);
  const clock = new ManualClock(new Date(options.clockStart ?? TEST_CLOCK_START));
  // Tokens outlive the manual clock's jumps (days) unless a test asks for the real lifetime.
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      CLOCK: 'manual',
      TOKEN_TTL_SECONDS: String(400 * 86_400),
      ...options.env,
    } as NodeJS.ProcessEnv),
  };
  // What the server's composition root (src/composition/start-context.ts) wires, the tests wire too.
  wireModules();
  const ctx = createContext(config, database, clock);
  const app = await buildApp(ctx);
  await app.ready();
  if (process.env.TEST_LOG) app.log.level = 'error';
  const t: TestApp = {
    app,
    ctx,
    clock,
    async restart() {
      await t.app.close();
      t.clock = new ManualClock(t.clock.now());
      t.ctx = createContext(config, database, t.clock);
      t.app = await buildApp(t.ctx);
      await t.app.ready();
    },
    secondWorker() {
      return createContext(config, database, new ManualClock(t.clock.now()));
    },
    close: async () => {
      await t.app.close();
      await drop();
    },
  };
  return t;
}
