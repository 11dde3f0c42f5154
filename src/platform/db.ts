import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../db-schema.js';
import { fromProjectRoot } from './project-root.js';

export type Schema = typeof schema;
/** One query layer for both engines: PGlite and node-postgres share Drizzle's PgDatabase. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Raw SQL for hot paths and adapters; returns rows. `name` makes it a named prepared
   * statement on PostgreSQL (parsed and planned once per connection).
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]>;
  /**
   * Runs `fn` in one transaction on one connection, with both the Drizzle builder and raw
   * (named, prepared) queries bound to it — for hot paths that need raw SQL and a lock in the
   * same transaction (the claim's per-member advisory lock). Rolls back when `fn` throws.
   */
  transaction<T>(fn: (tx: TxDatabase) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The PostgreSQL connection string (for pg-boss, which keeps its own pool). */
  url?: string;
}

export interface TransactionOptions {
  /**
   * A transaction-scoped advisory lock taken right after `begin`, before `fn` runs:
   * `pg_advisory_xact_lock(space, hashtext(key))`. On PostgreSQL `begin` and the lock travel in one
   * round trip (one simple query, the key as an escaped literal); every statement of `fn` then
   * reads with a snapshot taken after the lock was granted.
   */
  xactLock?: { space: number; key: string };
  /**
   * A statement without parameters run right after `begin` (and the lock), sent with it in one
   * round trip on PostgreSQL (one simple query); its rows are the transaction's `begun`. For a
   * read or a draw the transaction needs first (an approval's authorization serial, issue #11).
   */
  atBegin?: string | PreparedCall;
}

/**
 * A call of a named statement sent inside a simple query (`execute name(literals)`), so that it
 * travels in the round trip of `begin` or of `commit` instead of its own: prepared on the
 * connection the first time (an SQL `prepare`, kept for the connection's life, like any named
 * statement) and then planned like one. Its parameters go in as escaped literals, the text form
 * the extended protocol would bind (sqlParam). `name` must always name the same `text`.
 */
export interface PreparedCall {
  name: string;
  text: string;
  params: unknown[];
}

/**
 * A parameter as the literal of its text form, as node-postgres would bind it: null and undefined
 * are NULL; strings, numbers and booleans their text; a Date its instant; an array PostgreSQL's
 * array syntax; any other object its JSON. Always quoted (an unknown-typed literal takes the
 * parameter's type, as a bound text value does).
 */
export function sqlParam(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return pg.escapeLiteral(paramText(value));
}

function paramText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return `{${value
      .map((v) =>
        v === null || v === undefined
          ? 'NULL'
          : Array.isArray(v)
            ? paramText(v)
            : `"${paramText(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
      )
      .join(',')}}`;
  if (typeof value === 'object') {
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value))
      throw new Error('sqlParam: binary values are not supported');
    return JSON.stringify(value);
  }
  return String(value);
}

/** A transaction's view of the database: the same two query layers, bound to its connection. */
export type TxDatabase = Pick<Database, 'db' | 'kind' | 'query'> & {
  /** The rows of TransactionOptions.atBegin's statement ([] without one). */
  readonly begun: Record<string, unknown>[];
  /**
   * Queues a statement to run last in the transaction, sent with `commit` in the same round trip
   * (on PostgreSQL: one simple query `stmt; commit`). It fails the whole transaction if it fails.
   * A simple query takes no parameters: build the text with `sqlLiteral`/`sqlBytea`, never by
   * pasting input. Used where a write depends on the answer and its own round trip would cost
   * one more backend wake-up per request (the D.0 wire copy, ncpdp.repo.ts).
   */
  atCommit(statement: string | PreparedCall): void;
};

/** A value as an SQL literal for a simple query (pg's escapeLiteral: quotes doubled, E'' for backslashes). */
export const sqlLiteral = (value: string | number | Date | null): string =>
  value === null
    ? 'null'
    : typeof value === 'number'
      ? Number.isFinite(value)
        ? String(value)
        : 'null'
      : pg.escapeLiteral(value instanceof Date ? value.toISOString() : value);

/** Bytes as a bytea literal (hex form: only 0-9a-f between the quotes). */
export const sqlBytea = (bytes: Uint8Array): string => `'\\x${Buffer.from(bytes).toString('hex')}'::bytea`;

export const MIGRATIONS_FOLDER = fromProjectRoot('migrations');

// PostgreSQL returns DATE as a JS Date by default, which shifts with the process time zone.
// Dates are plain YYYY-MM-DD strings everywhere in OpenPBM.
pg.types.setTypeParser(1082, (v: string) => v);

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** An already-open PGlite (tests load one from a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
  /**
   * PGlite's shared_buffers. Its WASM heap never shrinks, so PostgreSQL's 128MB default costs
   * that much resident memory for good; the operating system already caches the data files.
   */
  pgliteSharedBuffers?: string;
}

/** Pooled connections live long: build each one's Drizzle instance once. */
const drizzleByClient = new WeakMap<pg.PoolClient, Db>();
/** The PreparedCall names each pooled connection has prepared (an SQL `prepare`, for its life). */
const preparedByClient = new WeakMap<pg.PoolClient, Set<string>>();

/** `execute name(literals)` for a PreparedCall, after preparing it on this connection the first time (its own round trip, once). */
async function executeText(client: pg.PoolClient, call: PreparedCall): Promise<string> {
  let prepared = preparedByClient.get(client);
  if (!prepared) preparedByClient.set(client, (prepared = new Set()));
  const name = client.escapeIdentifier(call.name);
  if (!prepared.has(call.name)) {
    await client.query(`prepare ${name} as ${call.text}`);
    prepared.add(call.name);
  }
  return call.params.length ? `execute ${name}(${call.params.map(sqlParam).join(', ')})` : `execute ${name}`;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      url: options.databaseUrl,
      async query<T>(text: string, params?: unknown[], name?: string) {
        const r = name
          ? await pool.query({ name, text, values: params as unknown[] })
          : await pool.query(text, params as unknown[]);
        return r.rows as T[];
      },
      async transaction<T>(fn: (tx: TxDatabase) => Promise<T>, options?: TransactionOptions): Promise<T> {
        const client = await pool.connect();
        let txDb = drizzleByClient.get(client);
        if (!txDb) drizzleByClient.set(client, (txDb = drizzlePg(client, { schema }) as unknown as Db));
        const last: Array<string | PreparedCall> = [];
        const tx: TxDatabase = {
          db: txDb,
          kind: 'postgres',
          begun: [],
          atCommit: (statement) => void last.push(statement),
          async query<R>(text: string, params?: unknown[], name?: string) {
            const r = name
              ? await client.query({ name, text, values: params as unknown[] })
              : await client.query(text, params as unknown[]);
            return r.rows as R[];
          },
        };
        let broken = false;
        try {
          const lock = options?.xactLock;
          // A simple query may carry several statements but no parameters: the key goes in as a
          // literal escaped by the driver (escapeLiteral doubles quotes, E'' for backslashes).
          const first = [
            'begin',
            ...(lock
              ? [`select pg_advisory_xact_lock(${Math.trunc(lock.space)}, hashtext(${client.escapeLiteral(lock.key)}))`]
              : []),
            ...(options?.atBegin
              ? [typeof options.atBegin === 'string' ? options.atBegin : await executeText(client, options.atBegin)]
              : []),
          ];
          // One statement gives one result, several an array of them (pg's simple query).
          const began = (await client.query(first.join('; '))) as unknown as pg.QueryResult | pg.QueryResult[];
          if (options?.atBegin) (tx.begun as unknown[]).push(...(Array.isArray(began) ? began.at(-1)! : began).rows);
          const out = await fn(tx);
          // After an error in a multi-statement simple query PostgreSQL runs nothing more of it, so
          // a failed last statement leaves the transaction uncommitted (rolled back below).
          const atCommit: string[] = [];
          for (const statement of last)
            atCommit.push(typeof statement === 'string' ? statement : await executeText(client, statement));
          await client.query(atCommit.length ? `${atCommit.join(';\n')};\ncommit` : 'commit');
          return out;
        } catch (e) {
          // A failed rollback means the connection is unusable: destroy it instead of pooling it.
          await client.query('rollback').catch(() => (broken = true));
          throw e;
        } finally {
          client.release(broken);
        }
      },
      close: () => pool.end(),
    };
  }
  let client = options.pglite;
  if (!client) {
    if (!options.dataDir) throw new Error('dataDir or databaseUrl is required');
    // PGlite does not create parent folders.
    mkdirSync(options.dataDir, { recursive: true });
    client = new PGlite(path.join(options.dataDir, 'pglite'), {
      postgresqlconf: [`shared_buffers=${options.pgliteSharedBuffers ?? '16MB'}`, 'wal_buffers=1MB'],
    });
    await client.waitReady;
  }
  const pgl = client;
  const db = drizzlePglite(pgl, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: pgl,
    async query<T>(text: string, params?: unknown[]) {
      const r = await pgl.query(text, params as unknown[]);
      return r.rows as T[];
    },
    transaction<T>(fn: (tx: TxDatabase) => Promise<T>, options?: TransactionOptions): Promise<T> {
      // PGlite's transaction object answers query() like the client, so Drizzle runs on it as well.
      return pgl.transaction(async (t) => {
        const lock = options?.xactLock;
        if (lock) await t.query('select pg_advisory_xact_lock($1, hashtext($2))', [Math.trunc(lock.space), lock.key]);
        const atBegin = options?.atBegin;
        const begun = atBegin
          ? (typeof atBegin === 'string'
              ? await t.query<Record<string, unknown>>(atBegin)
              : await t.query<Record<string, unknown>>(atBegin.text, atBegin.params)
            ).rows
          : [];
        const last: Array<string | PreparedCall> = [];
        const out = await fn({
          db: drizzlePglite(t as unknown as PGlite, { schema }) as unknown as Db,
          kind: 'pglite',
          begun,
          atCommit: (statement) => void last.push(statement),
          async query<R>(text: string, params?: unknown[]) {
            const r = await t.query(text, params as unknown[]);
            return r.rows as R[];
          },
        });
        // In-process: no round trip to save; the statements still run inside the transaction.
        for (const statement of last)
          if (typeof statement === 'string') await t.exec(statement);
          else await t.query(statement.text, statement.params);
        return out;
      });
    },
    close: () => pgl.close(),
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
