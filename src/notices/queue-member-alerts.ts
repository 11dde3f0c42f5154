import type { MemberRow } from '../members/index.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { alertTopicOf, DEFAULT_PREFERENCES, type AlertChannel } from './alert-topics.js';
import { findPreferences, insertAlerts } from './member-alerts.repo.js';

/**
 * Queues the alerts a member asked for about this event (their stored preferences, or the portal
 * only), in the transaction that records the event, one per channel. A channel whose contact
 * detail has since been removed from the member record is skipped; the letter still goes.
 */
export async function queueMemberAlerts(
  db: Db,
  {
    member,
    event,
    language,
    now,
  }: {
    member: MemberRow;
    event: { kind: string; paRequestId?: string; appealId?: string };
    language: string;
    now: Date;
  },
): Promise<void> {
  const topic = alertTopicOf(event.kind);
  if (!topic) return;
  const prefs = (await findPreferences(db, member.id)) ?? DEFAULT_PREFERENCES;
  const channels = (topic === 'decision' ? prefs.decisions : prefs.informationRequests) as AlertChannel[];
  const rows = [];
  for (const channel of channels) {
    const address = channel === 'email' ? member.email : channel === 'text' ? member.phone : null;
    if (channel !== 'portal' && !address) continue;
    rows.push({
      id: newId('alr', now),
      memberId: member.id,
      topic,
      noticeKind: event.kind,
      paRequestId: event.paRequestId ?? null,
      appealId: event.appealId ?? null,
      channel,
      address,
      language,
      content: {},
      createdAt: now,
      nextAttemptAt: now,
    });
  }
  await insertAlerts(db, rows);
}
