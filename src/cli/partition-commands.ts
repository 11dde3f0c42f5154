import type { AppContext } from '../app-context.js';
import { systemClock } from '../platform/clock.js';
import { DomainError } from '../platform/errors.js';
import { listPartitions } from '../platform/partition-maintenance.js';
import { createPartitionsAheadForAll, detachExpiredForAll, PARTITIONED } from '../composition/partitioned-tables.js';
import type { Out } from './commands.js';

/**
 * partitions list | ahead | detach-expired (docs/scaling.md#partitioning). Detach never drops: the
 * month becomes a plain table of the same name for the operator to archive (pg_dump -t) and drop.
 */
export async function partitionsCommand(ctx: AppContext, out: Out, sub: string | undefined): Promise<void> {
  const now = systemClock.now();
  if (sub === 'list') {
    for (const spec of Object.values(PARTITIONED)) {
      out.log(`${spec.table}:`);
      for (const p of await listPartitions(ctx.database, spec))
        out.log(`  ${p.name.padEnd(28)} ${p.month ?? 'DEFAULT'.padEnd(10)}  ~${p.rows.toLocaleString('en-US')} rows`);
    }
  } else if (sub === 'ahead') {
    const created = await createPartitionsAheadForAll(ctx, now);
    out.log(created.length ? `Created ${created.join(', ')}.` : 'Every partition up to the months ahead exists.');
  } else if (sub === 'detach-expired') {
    const detached = await detachExpiredForAll(ctx, now);
    out.log(
      detached.length
        ? `Detached ${detached.join(', ')}: archive each (pg_dump -t NAME), then drop it.`
        : 'No partition is past its retention.',
    );
  } else
    throw new DomainError('VALIDATION_FAILED', 'usage: partitions list | partitions ahead | partitions detach-expired');
}
