import type { MemberContact } from '../members/index.js';
import { newId } from '../platform/ids.js';
import { alertTopicOf, DEFAULT_PREFERENCES, type AlertChannel } from './alert-topics.js';
import type { memberAlerts } from './member-alerts.tables.js';

/**
 * The alerts a member asked for about this event (their stored preferences, or the portal only),
 * one per channel, for queueNotices to insert in the transaction that records the event. A
 * channel whose contact detail has since been removed from the member record is skipped; the
 * letter still goes.
 */
export function memberAlertRows({
  member,
  preferences,
  event,
  language,
  now,
}: {
  member: Pick<MemberContact, 'id' | 'email' | 'phone'>;
  /** The member's stored choices (readNoticeParties), null when none are stored. */
  preferences: { decisions: string[]; informationRequests: string[] } | null;
  event: { kind: string; paRequestId?: string; appealId?: string };
  language: string;
  now: Date;
}): Array<typeof memberAlerts.$inferInsert> {
  const topic = alertTopicOf(event.kind);
  if (!topic) return [];
  const prefs = preferences ?? DEFAULT_PREFERENCES;
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
  return rows;
}
