import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { workItems } from './work-items.tables.js';

export type WorkItemRow = typeof workItems.$inferSelect;

export async function openWorkItem(
  db: Db,
  item: { kind: string; entityType: string; entityId: string; summary: string; details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await db.insert(workItems).values({ id: newId('wki', now), ...item, details: item.details ?? null, createdAt: now });
}

export function listOpenWorkItems(db: Db, kind?: string): Promise<WorkItemRow[]> {
  return db
    .select()
    .from(workItems)
    .where(and(isNull(workItems.resolvedAt), kind ? eq(workItems.kind, kind) : undefined))
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
