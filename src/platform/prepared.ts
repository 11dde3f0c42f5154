import type { Query, SQL } from 'drizzle-orm';
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
