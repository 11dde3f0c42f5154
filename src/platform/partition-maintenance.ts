import type { Database, TxDatabase } from './db.js';
import {
  expiredMonths,
  monthBounds,
  monthsToCreate,
  partitionMonth,
  partitionName,
  type MonthPartitionedTable,
  defaultPartitionName,
} from './month-partitions.js';

/**
 * Creates and detaches the monthly partitions of the tables migration 0018 partitioned
 * (docs/scaling.md#partitioning). Partition names come from month-partitions.ts (table name + digits),
 * never from input, so they are safe to splice into DDL; they are quoted all the same.
 */

/** Serializes partition DDL across processes and the job (pg-boss runs it once, a CLI may run beside it). */
const PARTITION_LOCK = 9010;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export interface PartitionInfo {
  name: string;
  /** null: the DEFAULT partition. */
  month: string | null;
  rows: number;
}

/** The partitions attached to `spec.table`, oldest month first, the DEFAULT partition last. */
export async function listPartitions(db: TxDatabase | Database, spec: MonthPartitionedTable): Promise<PartitionInfo[]> {
  const rows = await db.query<{ name: string; rows: string }>(
    `select c.relname as name, greatest(c.reltuples, 0)::bigint::text as rows
       from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = to_regclass($1)`,
    [spec.table],
  );
  return rows
    .map((r) => ({ name: r.name, month: partitionMonth(spec.table, r.name), rows: Number(r.rows) }))
    .sort((a, b) => (a.month ?? '9999').localeCompare(b.month ?? '9999'));
}

async function exists(tx: TxDatabase, name: string): Promise<boolean> {
  const r = await tx.query<{ oid: string | null }>('select to_regclass($1)::text as oid', [name]);
  return r[0]?.oid != null;
}

/**
 * One month's partition, idempotent. When rows of that month already sit in the DEFAULT partition
 * (a claim dated past the partitions created so far), PostgreSQL refuses CREATE … PARTITION OF; the
 * rows move into a new table of the same shape, which is then attached (one transaction, so a
 * concurrent reader sees them in one place or the other, never both or neither).
 */
async function createMonth(
  tx: TxDatabase,
  spec: MonthPartitionedTable,
  column: string,
  month: string,
): Promise<boolean> {
  const name = partitionName(spec.table, month);
  if (await exists(tx, name)) return false;
  // Writers wait here until the month exists, then route to it. Without the lock a row of this month
  // written mid-job goes to DEFAULT by the partition layout its statement saw, and once the job has
  // attached the month PostgreSQL refuses that row ("violates partition constraint", a 500 to the
  // pharmacy or the reviewer), or the job itself fails if the row lands before the attach. ACCESS
  // EXCLUSIVE at once, not a weaker lock raised later: CREATE … PARTITION OF takes it anyway, and a
  // lock raised while a reader that then writes waits on us would deadlock. Only when the month is
  // missing: the daily run, whose months exist, locks nothing.
  await tx.query(`lock table ${ident(spec.table)} in access exclusive mode`);
  const { from, to } = monthBounds(spec, month);
  const range = `FOR VALUES FROM (${literal(from)}) TO (${literal(to)})`;
  const fallback = defaultPartitionName(spec.table);
  const inDefault =
    (await exists(tx, fallback)) &&
    (
      await tx.query(
        `select 1 from ${ident(fallback)} where ${ident(column)} >= ${literal(from)} and ${ident(column)} < ${literal(to)} limit 1`,
      )
    ).length > 0;
  if (!inDefault) {
    await tx.query(`create table if not exists ${ident(name)} partition of ${ident(spec.table)} ${range}`);
    return true;
  }
  const where = `${ident(column)} >= ${literal(from)} and ${ident(column)} < ${literal(to)}`;
  await tx.query(`create table ${ident(name)} (like ${ident(spec.table)} including defaults)`);
  await tx.query(`insert into ${ident(name)} select * from ${ident(fallback)} where ${where}`);
  await tx.query(`delete from ${ident(fallback)} where ${where}`);
  await tx.query(`alter table ${ident(spec.table)} attach partition ${ident(name)} ${range}`);
  return true;
}

export interface TableSpec extends MonthPartitionedTable {
  /** The partition key column. */
  column: string;
}

/** The partitions from `today`'s month to `ahead` months after it; returns the names it created. */
export async function createPartitionsAhead(
  database: Database,
  spec: TableSpec,
  today: string,
  ahead: number,
): Promise<string[]> {
  const months = monthsToCreate(today, ahead);
  return database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PARTITION_LOCK, spec.table]);
    const created: string[] = [];
    for (const month of months)
      if (await createMonth(tx, spec, spec.column, month)) created.push(partitionName(spec.table, month));
    return created;
  });
}

/**
 * Detaches (never drops) the partitions whose whole month is older than the retention: each becomes
 * a plain table of the same name, out of every query on `spec.table`, for the operator to archive
 * (pg_dump -t NAME) and drop when the archive is safe. Returns the detached names.
 */
export async function detachExpiredPartitions(
  database: Database,
  spec: TableSpec,
  today: string,
  retentionYears: number,
): Promise<string[]> {
  return database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [PARTITION_LOCK, spec.table]);
    const months = (await listPartitions(tx, spec)).flatMap((p) => (p.month ? [p.month] : []));
    const detached: string[] = [];
    for (const month of expiredMonths(months, today, retentionYears)) {
      const name = partitionName(spec.table, month);
      await tx.query(`alter table ${ident(spec.table)} detach partition ${ident(name)}`);
      detached.push(name);
    }
    return detached;
  });
}
