import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createContext } from '../../src/app-context.js';
import { createPartitionsAheadForAll } from '../../src/composition/partitioned-tables.js';
import { loadConfig } from '../../src/config.js';
import { loadDemoData } from '../../src/demo/load-demo-data.js';
import { ManualClock } from '../../src/platform/clock.js';
import { type Database, openDatabase, runMigrations } from '../../src/platform/db.js';
import { TEST_CLOCK_START } from './constants.js';

/**
 * Builds one migrated database with the demo data set, once per run: a PGlite data-dir dump
 * (each test file loads it into memory) or, with DATABASE_URL, a PostgreSQL template database
 * (each test file clones it with CREATE DATABASE … TEMPLATE). A fresh PGlite costs seconds.
 * Without the living demo's claims and cases (test/integration/living-demo.test.ts loads and
 * checks them): each test builds the history it asserts on, so a queue or a report it counts
 * holds only its own cases.
 */
export default async function setup(project: TestProject) {
  const clock = new ManualClock(new Date(TEST_CLOCK_START));
  const config = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv);
  /**
   * The migrations create partitions from the wall clock's month (0018, 0021); the test clock's month
   * may be earlier. Created here, so that a test's rows land in their month, not in DEFAULT, and no
   * test server starts by moving the template's rows out of DEFAULT (the race 65810fa fixed; its own
   * deterministic test is in partitions.test.ts).
   */
  const migrateAndLoad = async (database: Database) => {
    await runMigrations(database);
    const ctx = createContext(config, database, clock);
    await createPartitionsAheadForAll(ctx, clock.now());
    await loadDemoData(ctx, { living: false });
  };
  const url = process.env.DATABASE_URL;
  if (url) {
    const templateName = `openpbm_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    const u = new URL(url);
    u.pathname = `/${templateName}`;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
    await migrateAndLoad(database);
    await database.close();
    project.provide('pgTemplate', templateName);
    return async () => {
      await admin.query(`drop database if exists ${templateName}`);
      await admin.end();
    };
  }
  const pglite = new PGlite();
  const database = await openDatabase({ pglite });
  await migrateAndLoad(database);
  const dump = await pglite.dumpDataDir('none');
  const dir = path.join(os.tmpdir(), 'openpbm-test');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}
