import type { AppContext } from '../app-context.js';
import { toLocalDate } from '../platform/clock.js';
import { createPartitionsAhead, detachExpiredPartitions, type TableSpec } from '../platform/partition-maintenance.js';

/**
 * The tables partitioned by month (migration 0018, docs/scaling.md#partitioning). Notices are not:
 * they are an outbox updated by id (status, lease, attempts) and grow with PA cases, not claims.
 */
export const PARTITIONED = {
  claims: { table: 'claims', column: 'date_of_service', bound: 'date' },
  audit_events: { table: 'audit_events', column: 'at', bound: 'utc-timestamp' },
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
  return [
    ...(await detachExpiredPartitions(ctx.database, PARTITIONED.claims, partitionDay(now), claimsRetentionYears)),
    ...(await detachExpiredPartitions(ctx.database, PARTITIONED.audit_events, partitionDay(now), auditRetentionYears)),
  ];
}
