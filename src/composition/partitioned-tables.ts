import type { AppContext } from '../app-context.js';
import { toLocalDate } from '../platform/clock.js';
import { createPartitionsAhead, detachExpiredPartitions, type TableSpec } from '../platform/partition-maintenance.js';

/**
 * The tables partitioned by month (migrations 0018 and 0021, docs/scaling.md#partitioning). Notices
 * are not: they are an outbox updated by id (status, lease, attempts) and grow with PA cases, not claims.
 */
export const PARTITIONED = {
  claims: { table: 'claims', column: 'date_of_service', bound: 'date' },
  audit_events: { table: 'audit_events', column: 'at', bound: 'utc-timestamp' },
  /** The D.0 wire copies of claims: kept as long as the claims they record. */
  ncpdp_exchanges: { table: 'ncpdp_exchanges', column: 'received_at', bound: 'utc-timestamp' },
} as const satisfies Record<string, TableSpec>;

export type PartitionedTableName = keyof typeof PARTITIONED;

/** Partition months are UTC months (audit `at` is cut at UTC midnight; a date of service is a plain date). */
export const partitionDay = (now: Date) => toLocalDate(now, 'UTC');

/** Every partitioned table's partitions from this month to `monthsAhead` after; the names created. */
export async function createPartitionsAheadForAll(ctx: AppContext, now: Date): Promise<string[]> {
  const created: string[] = [];
  for (const spec of Object.values(PARTITIONED))
    created.push(
      ...(await createPartitionsAhead(ctx.database, spec, partitionDay(now), ctx.config.partitions.monthsAhead)),
    );
  return created;
}

/** Detaches (for archive, never drops) the months past each table's retention; the names detached. */
export async function detachExpiredForAll(ctx: AppContext, now: Date): Promise<string[]> {
  const { claimsRetentionYears, auditRetentionYears } = ctx.config.partitions;
  const day = partitionDay(now);
  return [
    ...(await detachExpiredPartitions(ctx.database, PARTITIONED.claims, day, claimsRetentionYears)),
    ...(await detachExpiredPartitions(ctx.database, PARTITIONED.audit_events, day, auditRetentionYears)),
    // The wire copy is the claim's own record (what the pharmacy sent, what it was answered): claims' retention.
    ...(await detachExpiredPartitions(ctx.database, PARTITIONED.ncpdp_exchanges, day, claimsRetentionYears)),
  ];
}
