import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { letterLanguageFor, sendsAlone, type LetterLanguage } from './letters/i18n/index.js';
import { alertTopicOf } from './alert-topics.js';
import { insertNoticesAndAlerts, readNoticeParties } from './notices.repo.js';
import { memberAlertRows } from './queue-member-alerts.js';
import type { memberAlerts } from './member-alerts.tables.js';
import type { notices } from './notices.tables.js';

export const NOTICE_KINDS = [
  'approval',
  'partial-approval',
  'denial',
  'information-request',
  'incomplete-request',
  'closure-no-response',
  'urgency-reclassified',
  'deemed-approval',
  'renewal-reminder',
  'pa-needed',
  'cancellation',
  'escalation',
  'appeal-acknowledgment',
  'appeal-decision',
  'request-acknowledgment',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type Recipient = 'member' | 'prescriber' | 'pharmacy';

export interface NoticeEvent {
  kind: NoticeKind;
  memberId: string;
  prescriberNpi: string;
  pharmacyNpi?: string | null;
  paRequestId?: string;
  appealId?: string;
  recipients: Recipient[];
  /** The facts a letter states (drug, dates, reasons…): rendering needs nothing else. */
  content: Record<string, unknown>;
  /** Languages the plan writes letters in; others get English with taglines. */
  letterLanguages: string[];
}

/**
 * The language of a member's letters: theirs when letters are written in it (i18n/messages) and
 * the plan sends letters in it (`letterLanguages` names base languages: "zh" covers zh-Hant),
 * else English (with the taglines).
 */
export function memberLetterLanguage(memberLanguage: string, planLanguages: string[]): LetterLanguage {
  const letters = letterLanguageFor(memberLanguage);
  if (!letters) return 'en';
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  const planned = planLanguages.map(base);
  return planned.includes(base(letters)) || planned.includes(base(memberLanguage)) ? letters : 'en';
}

/**
 * Queues one notice per recipient in the outbox, in the same transaction as the decision:
 * prescribers by fax (portal when no fax is on file), members by their contact preference and
 * in their language where the plan writes it.
 */
export async function queueNotices(db: Db, event: NoticeEvent, now: Date): Promise<void> {
  const rows: Array<typeof notices.$inferInsert> = [];
  const alerts: Array<typeof memberAlerts.$inferInsert> = [];
  const toMember = event.recipients.includes('member');
  // Everyone the notices go to, and the member's alert choices, in one read (issue #11).
  const parties = await readNoticeParties(db, {
    memberId: toMember ? event.memberId : undefined,
    prescriberNpi: event.recipients.includes('prescriber') ? event.prescriberNpi : undefined,
    pharmacyNpi: event.recipients.includes('pharmacy') ? (event.pharmacyNpi ?? undefined) : undefined,
    preferences: toMember && alertTopicOf(event.kind) !== null,
  });
  const base = {
    kind: event.kind,
    paRequestId: event.paRequestId ?? null,
    appealId: event.appealId ?? null,
    memberId: event.memberId,
    createdAt: now,
    nextAttemptAt: now,
  };
  for (const recipient of event.recipients) {
    if (recipient === 'member') {
      const m = parties.member;
      if (!m) continue;
      const channel =
        m.contactPreference === 'email' && m.email ? 'email' : m.contactPreference === 'portal' ? 'portal' : 'mail';
      const address =
        channel === 'email'
          ? m.email
          : channel === 'mail'
            ? [m.addressLine1, m.city, m.state, m.zip].filter(Boolean).join(', ')
            : null;
      const language = memberLetterLanguage(m.language, event.letterLanguages);
      rows.push({
        ...base,
        id: newId('ntc', now),
        recipient,
        recipientId: m.id,
        channel,
        address,
        language,
        // Recorded now, so the notice keeps the document it was sent as even after the
        // language's file is reviewed: a translation not yet reviewed goes with the English letter.
        content: { ...event.content, requestedLanguage: m.language, englishAttached: !sendsAlone(language) },
      });
      // The alerts the member asked for (e-mail, text message, portal), in the same transaction.
      alerts.push(
        ...memberAlertRows({ member: m, preferences: parties.preferences, event, language: m.language, now }),
      );
    } else if (recipient === 'prescriber') {
      const fax = parties.prescriberFax;
      rows.push({
        ...base,
        id: newId('ntc', now),
        recipient,
        recipientId: event.prescriberNpi,
        channel: fax ? 'fax' : 'portal',
        address: fax ?? null,
        language: 'en',
        content: event.content,
      });
    } else if (event.pharmacyNpi) {
      const fax = parties.pharmacyFax;
      rows.push({
        ...base,
        id: newId('ntc', now),
        recipient,
        recipientId: event.pharmacyNpi,
        channel: fax ? 'fax' : 'portal',
        address: fax ?? null,
        language: 'en',
        content: event.content,
      });
    }
  }
  await insertNoticesAndAlerts(db, rows, alerts);
}
