import { getTableColumns, is, SQL, sql, type Query, type Table, type WithSubquery } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';

/**
 * A statement built once per query layer instead of on every call (issue #11: building the SQL
 * text of a Drizzle query was a large share of the API process's CPU per request). `build` makes
 * a Drizzle prepared query (`.prepare(name)`, values as `sql.placeholder`); it is kept per `db`,
 * because a prepared query runs on the layer it was built from: the pool's layer keeps one for
 * the process, a transaction's layer one for that transaction (garbage with it). On PostgreSQL
 * `name` also makes it a named statement, parsed and planned once per connection; one name must
 * always carry one text.
 */
export function preparedPerDb<P>(build: (db: Db) => P): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) cache.set(db, (prepared = build(db)));
    return prepared;
  };
}

/**
 * preparedPerDb for a hand-written statement (`sql` template, values as `sql.placeholder`): its
 * text is rendered once for the process, and the rows come back as the driver gives them, like
 * `db.execute`.
 */
export function preparedSql<Row>(
  name: string,
  build: () => SQL,
): (db: Db, values: Record<string, unknown>) => Promise<{ rows: Row[] }> {
  let query: Query | undefined;
  const prepared = preparedPerDb((db) => {
    query ??= new PgDialect().sqlToQuery(build());
    return db._.session.prepareQuery(query, undefined, name, false);
  });
  return async (db, values) => (await prepared(db).execute(values)) as { rows: Row[] };
}

/**
 * preparedPerDb for a Drizzle statement whose text depends on the shape of its input (which
 * columns a row sets, how many rows, which other writes go with it): built and prepared once per
 * shape and query layer, named `${name}:${n}` on PostgreSQL (n: the shape's number in this
 * process, so one name always carries one text). `key` must tell the shapes apart; `build`
 * makes the statement with placeholders (placeholderRow of shapeOf, never of the call's rows: it
 * is kept for the process) and `.prepare(statementName)`. Past
 * `limit` shapes a statement is built on every call, unnamed (a safety net: the shapes are the
 * code's own, a handful per statement), and the process is warned once.
 */
export function preparedByShape<P>(
  name: string,
  limit = 64,
): (db: Db, key: string, build: (db: Db, statementName: string) => P) => P {
  const shapes = new Map<string, (db: Db) => P>();
  let warned = false;
  return (db, key, build) => {
    let perDb = shapes.get(key);
    if (!perDb) {
      if (shapes.size >= limit) {
        // Still correct, but each call now builds its statement: a shape key that grows with the
        // data (a row count, a value) is a bug the statement budget tests would not see. Said once,
        // naming the statement only (no key: it may carry a row's keys, never its values, but keep it out).
        if (!warned) {
          warned = true;
          process.emitWarning(`${name}: more than ${limit} statement shapes; built per call from now on`, {
            code: 'OPENPBM_PREPARED_SHAPES',
          });
        }
        return build(db, '');
      }
      const statementName = `${name}:${shapes.size}`;
      shapes.set(key, (perDb = preparedPerDb((layer) => build(layer, statementName))));
    }
    return perDb(db);
  };
}

/**
 * A data-modifying CTE another module's statement carries (`with`), prepared with it
 * (preparedByShape): `key` is what its text depends on, `build` makes it with placeholders named
 * apart from the statement's others, `values` fills them.
 */
export interface CteWrite {
  key: string;
  build(db: Db): WithSubquery;
  values: Record<string, unknown>;
}

/** The keys of a row that carry a value, for a shape key (an undefined one takes the column's default, as in Drizzle). */
export function rowShape(row: object): string {
  let shape = '';
  for (const [k, v] of Object.entries(row)) if (v !== undefined) shape += `${k},`;
  return shape;
}

/**
 * The keys of `row` that carry a value, each mapped to `true`: what placeholderRow reads of a row.
 * A build passed to preparedByShape is kept for the process (it builds the shape again on each
 * new query layer), so it must reference shapes, never the call's rows: a row kept there would
 * hold that first call's data (a member's answers, a 20 MB document) as long as the process runs.
 * Typed as the row so Drizzle's insert and set accept what placeholderRow makes of it.
 */
export function shapeOf<T extends object>(row: T): T {
  const shape: Record<string, true> = {};
  for (const [k, v] of Object.entries(row)) if (v !== undefined) shape[k] = true;
  return shape as T;
}

/**
 * `row` with each value that is set replaced by a placeholder named `prefix + key`, which Drizzle
 * fills with the value as given: encodeRow gives it, encoded as Drizzle encodes an inline value.
 */
export function placeholderRow<T extends object>(prefix: string, row: T): { [K in keyof T]: SQL } {
  const out: Record<string, SQL> = {};
  for (const [k, v] of Object.entries(row)) if (v !== undefined) out[k] = sql`${sql.placeholder(prefix + k)}`;
  return out as { [K in keyof T]: SQL };
}

/**
 * The set values of `row` as Drizzle sends an inline value (the column's driver encoding, null as
 * null), into `out` as `prefix + key`. A value Drizzle would write as SQL (an expression) has no
 * place in a prepared statement's parameters: it throws.
 */
export function encodeRow(table: Table, prefix: string, row: object, out: Record<string, unknown>): void {
  const columns = getTableColumns(table);
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    if (v !== null && typeof v === 'object' && is(v, SQL)) throw new Error(`encodeRow: ${k} is an SQL expression`);
    const column = columns[k];
    if (!column) throw new Error(`encodeRow: no column ${k}`);
    out[prefix + k] = v === null ? null : column.mapToDriverValue(v);
  }
}
