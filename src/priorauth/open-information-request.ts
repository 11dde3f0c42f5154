import { scheduleDeadline } from '../deadlines/schedule-deadline.js';
import { queueNotices } from '../notices/queue-notices.js';
import type { PlanPolicy } from '../plans/plan-policy.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import type { Actor } from './pa-status.js';
import { insertInformationRequest, listInformationRequests, type PaRequestRow } from './priorauth.repo.js';

export interface InformationItem {
  id: string;
  question?: string;
  document?: string;
  /** The question of the criteria set it asks again (the portals word it from the set, translations included). */
  linkId?: string;
  /** The required document of the set it asks for. */
  documentId?: string;
}

/**
 * Opens information request n of at most `policy.informationRequests.max`, with its response
 * window as a durable deadline, and faxes the prescriber exactly what is needed and by when.
 */
export async function openInformationRequest(
  db: Db,
  args: {
    row: PaRequestRow;
    items: InformationItem[];
    note?: string | null;
    actor: Actor;
    now: Date;
    policy: PlanPolicy;
    planName: string;
    reason: 'incomplete' | 'reviewer';
  },
): Promise<{ sequence: number; dueAt: Date }> {
  const existing = await listInformationRequests(db, args.row.id);
  const sequence = existing.length + 1;
  const dueAt = new Date(args.now.getTime() + args.policy.informationRequests.responseWindowHours * 3_600_000);
  const id = newId('inf', args.now);
  await insertInformationRequest(db, {
    id,
    paRequestId: args.row.id,
    sequence,
    items: args.items,
    note: args.note ?? null,
    requestedAt: args.now,
    requestedBy: args.actor === 'system' ? 'system' : args.actor.username,
    dueAt,
    status: 'open',
  });
  await scheduleDeadline(
    db,
    { kind: 'pa-info-request-due', entityId: args.row.id, dueAt, payload: { informationRequestId: id } },
    args.now,
  );
  await queueNotices(
    db,
    {
      kind: args.reason === 'incomplete' ? 'incomplete-request' : 'information-request',
      memberId: args.row.memberId,
      prescriberNpi: args.row.prescriberNpi,
      paRequestId: args.row.id,
      recipients: ['prescriber'],
      letterLanguages: args.policy.letterLanguages,
      content: {
        paRequestId: args.row.id,
        drugName: args.row.drugName,
        planName: args.planName,
        items: args.items,
        note: args.note ?? null,
        dueAt: dueAt.toISOString(),
        sequence,
        maxRequests: args.policy.informationRequests.max,
      },
    },
    args.now,
  );
  return { sequence, dueAt };
}
