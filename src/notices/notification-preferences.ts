import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Principal } from '../platform/roles.js';
import { findMemberById } from '../members/index.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { ALERT_CHANNELS, DEFAULT_PREFERENCES, type AlertChannel } from './alert-topics.js';
import { findPreferences, listAlertsForMember, savePreferences } from './member-alerts.repo.js';

export interface NotificationPreferences {
  memberId: string;
  decisions: AlertChannel[];
  informationRequests: AlertChannel[];
  /** The contact details the e-mail and text channels use (the member record's; member services changes them). */
  email: string | null;
  phone: string | null;
  /** Whether text messages reach a phone: false, since no SMS provider is configured (they wait in the outbox). */
  textMessagesSent: boolean;
  updatedAt: string | null;
}

/** The member themself (another member's id is 404, like the member record) or member services. */
async function memberFor(ctx: AppContext, caller: Principal, memberId: string) {
  if (caller.role === 'member' && caller.memberId !== memberId) throw notFound('Member', memberId);
  if (caller.role !== 'member' && caller.role !== 'member-services')
    throw forbidden('Only the member or member services manage notification preferences');
  const member = await findMemberById(ctx.database.db, memberId);
  if (!member) throw notFound('Member', memberId);
  return member;
}

const TEXT_PROVIDER_CONFIGURED = false;

export async function getNotificationPreferences(
  ctx: AppContext,
  caller: Principal,
  memberId: string,
): Promise<NotificationPreferences> {
  const member = await memberFor(ctx, caller, memberId);
  // A staff read is audited by the route's declaration (adapters/http/phi-read-audit.ts).
  const row = await findPreferences(ctx.database.db, memberId);
  return {
    memberId,
    decisions: (row?.decisions ?? DEFAULT_PREFERENCES.decisions) as AlertChannel[],
    informationRequests: (row?.informationRequests ?? DEFAULT_PREFERENCES.informationRequests) as AlertChannel[],
    email: member.email,
    phone: member.phone,
    textMessagesSent: TEXT_PROVIDER_CONFIGURED,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Stores which channels alert the member about decisions and information requests. A channel
 * needs its contact detail on file (e-mail address, phone number); otherwise 400 naming the field,
 * nothing stored. Audited in the same transaction.
 */
export async function setNotificationPreferences(
  ctx: AppContext,
  caller: Principal,
  memberId: string,
  body: { decisions: string[]; informationRequests: string[] },
): Promise<NotificationPreferences> {
  const member = await memberFor(ctx, caller, memberId);
  const errors: { path: string; message: string }[] = [];
  const clean = (field: 'decisions' | 'informationRequests'): AlertChannel[] => {
    const list = [...new Set(body[field])];
    list.forEach((c, i) => {
      if (!ALERT_CHANNELS.includes(c as AlertChannel))
        errors.push({ path: `${field}/${i}`, message: `must be one of ${ALERT_CHANNELS.join(', ')}` });
      else if (c === 'email' && !member.email)
        errors.push({ path: `${field}/${i}`, message: 'no e-mail address is on file for this member' });
      else if (c === 'text' && !member.phone)
        errors.push({ path: `${field}/${i}`, message: 'no phone number is on file for this member' });
    });
    return list as AlertChannel[];
  };
  const decisions = clean('decisions');
  const informationRequests = clean('informationRequests');
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'Notification preferences are not valid', { errors });
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await savePreferences(tx, { memberId, decisions, informationRequests, updatedAt: now, updatedBy: caller.username });
    await writeAudit(tx, {
      at: now,
      actor: caller,
      action: 'member.notification-preferences.update',
      entityType: 'member',
      entityId: memberId,
      details: { decisions, informationRequests },
    });
  });
  return getNotificationPreferences(ctx, caller, memberId);
}

/** The member's alerts, newest first (the portal lists them; e-mail and text show how they went). */
export async function listMemberAlerts(ctx: AppContext, caller: Principal, memberId: string) {
  await memberFor(ctx, caller, memberId);
  const rows = await listAlertsForMember(ctx.database.db, memberId);
  return {
    items: rows.map((a) => ({
      id: a.id,
      topic: a.topic,
      noticeKind: a.noticeKind,
      paRequestId: a.paRequestId,
      appealId: a.appealId,
      channel: a.channel,
      status: a.status,
      createdAt: a.createdAt.toISOString(),
      sentAt: a.sentAt?.toISOString() ?? null,
    })),
  };
}
