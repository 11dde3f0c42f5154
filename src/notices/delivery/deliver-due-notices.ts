import type { AppContext } from '../../app-context.js';
import { openWorkItem } from '../../work-items/index.js';
import {
  claimDeliverableNotices,
  recordDeliveryResult,
  recordDeliverySent,
  releaseNoticeLeases,
  renewNoticeLeases,
  SENDING_LEASE_MS,
  type NoticeRow,
} from '../notices.repo.js';
import { loadLetterInputs } from '../letters/load-letter-input.js';
import { renderNoticePdf, type LetterInput } from '../letters/render-notice-pdf.js';
import { faxWithCoverSheet } from './fax-cover-sheet.js';
import { nextAttemptAt } from './retry-policy.js';

const SUBJECTS: Record<string, string> = {
  approval: 'Prior authorization approved',
  'partial-approval': 'Prior authorization partially approved',
  denial: 'Prior authorization denied',
  'information-request': 'Information needed for a prior authorization request',
  'incomplete-request': 'Prior authorization request incomplete',
  'closure-no-response': 'Prior authorization request closed',
  'urgency-reclassified': 'Prior authorization request reclassified',
  'request-acknowledgment': 'Prior authorization request received',
  'deemed-approval': 'Prior authorization approved (time limit passed)',
  'renewal-reminder': 'Prior authorization ending soon',
  'pa-needed': 'Prior authorization needed for a prescription',
  'appeal-acknowledgment': 'Appeal received',
  'appeal-decision': 'Appeal decision',
};

/** A notice's letter input as its batch read it (loadLetterInputs), or the reason it has none. */
function letterOf(notice: NoticeRow, letters: Map<string, LetterInput | Error>): LetterInput {
  const input = letters.get(notice.id);
  if (!input) throw new Error(`Notice ${notice.id}: its letter was not read`);
  if (input instanceof Error) throw input;
  return input;
}

async function sendOne(
  ctx: AppContext,
  notice: NoticeRow,
  now: Date,
  letters: Map<string, LetterInput | Error>,
): Promise<string> {
  const g = ctx.delivery;
  switch (notice.channel) {
    case 'portal':
      return 'portal'; // visible in the recipient's portal at once
    case 'fax': {
      if (!notice.address) throw new Error('no fax number on file');
      // The letter and its cover sheet are laid out as one document (faxWithCoverSheet).
      const fax = await faxWithCoverSheet(letterOf(notice, letters), {
        to:
          notice.recipient === 'prescriber'
            ? `Prescriber NPI ${notice.recipientId}`
            : `Pharmacy NPI ${notice.recipientId}`,
        toFax: notice.address,
        from: 'Pharmacy prior authorization',
        fromFax: g.fromFax,
        fromPhone: g.fromFax,
        subject: SUBJECTS[notice.kind] ?? notice.kind,
        sentAt: now,
      });
      return (
        await g.fax.send({ noticeId: notice.id, to: notice.address, from: g.fromFax, pdf: fax.pdf, pages: fax.pages })
      ).reference;
    }
    case 'email': {
      if (!notice.address) throw new Error('no e-mail address on file');
      // The same letter as by mail and in the portal.
      const letter = await renderNoticePdf(letterOf(notice, letters));
      const es = notice.language === 'es';
      return (
        await g.email.send({
          noticeId: notice.id,
          to: notice.address,
          from: g.fromEmail,
          subject: SUBJECTS[notice.kind] ?? notice.kind,
          text: es
            ? 'Tiene una carta nueva de su plan de salud sobre su medicamento. La carta está adjunta y en el portal para afiliados.'
            : 'You have a new letter from your health plan about your medicine. It is attached and in your member portal.',
          attachment: { filename: `${notice.kind}-${notice.id}.pdf`, content: letter },
        })
      ).reference;
    }
    default:
      throw new Error(`channel ${notice.channel} is delivered by print batch`);
  }
}

/**
 * The outbox sweep: every fax, e-mail and portal notice whose attempt is due is claimed under a
 * lease (so two workers never send one at once, and a notice whose sender died mid-send is
 * retried once the lease runs out), rendered and sent; failures wait and retry; after the last
 * attempt the notice is failed and a work item asks staff to deliver it another way. A batch of
 * up to `limit` notices is claimed in one statement and their letters' records read together
 * (claimDeliverableNotices, loadLetterInputs): a letter's own statement is now its outcome's, with
 * about six for the whole batch; it was seven a letter (a fax in bench:pa).
 */
export async function deliverDueNotices(
  ctx: AppContext,
  now: Date,
  limit = 50,
  /** Aborted when the process is stopping: no new send starts, and the batch's unsent notices are given back. */
  stopping?: AbortSignal,
): Promise<{ sent: number; failed: number; retrying: number; released: number }> {
  const result = { sent: 0, failed: 0, retrying: 0, released: 0 };
  const db = ctx.database.db;
  if (stopping?.aborted) return result;
  const claimed = await claimDeliverableNotices(db, now, limit);
  // The notices of this batch not yet tried. Whatever ends the batch early (a stop, an error out
  // of the loop) gives them back at once rather than leave them to wait out the lease with an
  // attempt counted that never happened (releaseNoticeLeases).
  const batch: Batch = { claimed, untried: claimed, leaseEnd: claimed[0]?.claimedUntil ?? null };
  try {
    await sendBatch(ctx, batch, now, result, stopping);
  } finally {
    if (batch.untried.length > 0 && batch.leaseEnd) {
      // If this fails too (the database is gone), the leases run out as before: nothing is lost.
      result.released = await releaseNoticeLeases(
        db,
        batch.untried.map((n) => n.id),
        batch.leaseEnd,
        ctx.clock.now(),
      ).catch(() => 0);
    }
  }
  return result;
}

/** A claimed batch as its sender works through it: what it has not tried yet, and its lease's end. */
interface Batch {
  claimed: NoticeRow[];
  untried: NoticeRow[];
  leaseEnd: Date | null;
}

async function sendBatch(
  ctx: AppContext,
  batch: Batch,
  now: Date,
  result: { sent: number; failed: number; retrying: number },
  stopping: AbortSignal | undefined,
): Promise<void> {
  const db = ctx.database.db;
  const { claimed } = batch;
  if (stopping?.aborted) return; // told to stop while claiming: give the batch back unread
  const letters = await loadLetterInputs(
    ctx,
    claimed.filter((n) => n.channel === 'fax' || n.channel === 'email'),
  );
  // The batch shares one lease, taken before its first send. A slow gateway must not let it run out
  // under notices still waiting here (another worker would take them over and both would send
  // them): before each send, once a third of the lease has passed, the rest of the batch's
  // leases are renewed and any no longer held are skipped. A send thus starts with at least two
  // thirds of a lease left, as a notice claimed alone did with all of it.
  let held: Set<string> | null = null;
  for (const [i, notice] of claimed.entries()) {
    if (stopping?.aborted) return;
    const clockNow = ctx.clock.now();
    const leaseEnd = batch.leaseEnd;
    if (leaseEnd && clockNow.getTime() > leaseEnd.getTime() - (2 * SENDING_LEASE_MS) / 3) {
      const rest = claimed.slice(i).filter((n) => !held || held.has(n.id));
      const renewal = await renewNoticeLeases(
        db,
        rest.map((n) => n.id),
        leaseEnd,
        clockNow,
      );
      held = renewal.held;
      batch.leaseEnd = renewal.claimedUntil;
    }
    // Held notices only from here on (a renewal may have dropped some): what is left untried.
    batch.untried = claimed.slice(i + 1).filter((n) => !held || held.has(n.id));
    if (held && !held.has(notice.id)) continue;
    if (held) notice.claimedUntil = batch.leaseEnd;
    try {
      const reference = await sendOne(ctx, notice, now, letters);
      await recordDeliverySent(db, notice, {
        status: notice.channel === 'portal' ? 'delivered' : 'sent',
        sentAt: now,
        deliveryReference: reference,
      });
      result.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const next = nextAttemptAt(notice.attempts, now);
      if (next) {
        await recordDeliveryResult(db, notice, { status: 'retrying', nextAttemptAt: next, lastError: message });
        result.retrying++;
      } else {
        await db.transaction(async (tx) => {
          // A sender that lost its lease leaves the outcome to the worker that took over.
          if (!(await recordDeliveryResult(tx, notice, { status: 'failed', nextAttemptAt: null, lastError: message })))
            return;
          await openWorkItem(
            tx,
            {
              kind: 'notice-delivery-failed',
              entityType: 'notice',
              entityId: notice.id,
              summary: `${notice.kind} ${notice.channel} to ${notice.recipient} ${notice.recipientId} failed ${notice.attempts} times: ${message}`,
              details: { paRequestId: notice.paRequestId, appealId: notice.appealId, address: notice.address },
            },
            now,
          );
        });
        result.failed++;
      }
    }
  }
}
