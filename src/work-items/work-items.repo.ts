import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { workItems } from './work-items.tables.js';

export type WorkItemRow = typeof workItems.$inferSelect;

/** `supervisors`: missed legal clocks and cases that must leave the plan's hands; `operations`: the rest. */
export const WORK_QUEUES = ['operations', 'supervisors'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

export async function openWorkItem(
  db: Db,
  item: {
    kind: string;
    queue?: WorkQueue;
    entityType: string;
    entityId: string;
    summary: string;
    details?: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  await db.insert(workItems).values({
    id: newId('wki', now),
    ...item,
    queue: item.queue ?? 'operations',
    details: item.details ?? null,
    createdAt: now,
  });
}

export function listOpenWorkItems(db: Db, filter: { kind?: string; queue?: WorkQueue } = {}): Promise<WorkItemRow[]> {
  return db
    .select()
    .from(workItems)
    .where(
      and(
        isNull(workItems.resolvedAt),
        filter.kind ? eq(workItems.kind, filter.kind) : undefined,
        filter.queue ? eq(workItems.queue, filter.queue) : undefined,
      ),
    )
    .orderBy(asc(workItems.createdAt));
}

export async function resolveWorkItem(db: Db, id: string, by: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(workItems)
    .set({ resolvedAt: now, resolvedBy: by })
    .where(and(eq(workItems.id, id), isNull(workItems.resolvedAt)))
    .returning({ id: workItems.id });
  return rows.length === 1;
}
