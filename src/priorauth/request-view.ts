import { findPublishedCriteria } from './published-criteria.js';
import { isExceptionKind } from '../shared/exception-kinds.js';
import { factWords } from '../shared/fact-words.js';
import type { AppContext } from '../app-context.js';
import type { Db } from '../platform/db.js';
import {
  listInformationRequests,
  listStandingFacts,
  type InformationRequestRow,
  type PaRequestRow,
} from './priorauth.repo.js';
import { readCaseDetails } from './case-details.repo.js';
import { adverseDecisionRoles } from './rules/adverse-decision-authority.js';
import { isWithinRenewalWindow } from './rules/renewal-window.js';
import { caseTierChoices } from './exception-tiers.js';
import { caseStanding, type CaseStanding, type StandingFacts } from './rules/case-standing.js';
import { APPEALABLE_CASE_STATUSES } from './pa-status.js';
import { appealFilingWindow } from './rules/appeal-filing-window.js';
import { planToday } from '../platform/plan-time.js';
import type { CriteriaEvaluation, Determination, InformationResponse } from './priorauth.schemas.js';

const NO_FACTS: StandingFacts = { lastAppealAction: null, authorization: null };

/**
 * The summary shape for lists and queues; `facts` (listStandingFacts) say where the case stands after appeals,
 * `names` (findDisplayNames) what people read for the assignee's account.
 */
export function toRequestSummary(
  row: PaRequestRow,
  names: ReadonlyMap<string, string>,
  now?: Date,
  facts: StandingFacts = NO_FACTS,
) {
  return {
    id: row.id,
    status: row.status,
    memberId: row.memberId,
    prescriberNpi: row.prescriberNpi,
    planId: row.planId,
    drug: {
      rxcui: row.requestedRxcui,
      name: row.drugName,
      groupId: row.groupId,
      groupName: row.groupName,
      scope: row.groupName,
    },
    urgency: row.urgency,
    channel: row.channel,
    kind: row.kind,
    exceptionKind: isExceptionKind(row.kind) ? row.kind : null,
    supportingStatementReceivedAt: row.supportingStatementReceivedAt?.toISOString() ?? null,
    receivedAt: row.receivedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    ...(now && row.dueAt ? { timeLeftSeconds: Math.round((row.dueAt.getTime() - now.getTime()) / 1000) } : {}),
    escalated: row.escalatedAt !== null,
    assignedTo: row.assignedTo,
    assignedToName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
    decision: (row.determination as { decision?: string } | null)?.decision ?? null,
    renewalOf: row.renewalOf,
    /** What people read: "approved on appeal" with the authorization, an open appeal, or the case's own status. */
    standing: caseStanding(row.status, facts),
  };
}

const RENEWABLE = ['approved', 'partially-approved', 'deemed-approved'];

/**
 * For an approved case: when a renewal of its authorization can be sent (the same window
 * initiateRequest enforces: end date − the plan's renewalWindowDays, in the clock's today).
 */
async function renewalOf(ctx: AppContext, row: PaRequestRow, now: Date, standing: CaseStanding) {
  // The authorization the case stands on: its own approval's, or the one an appeal overturn created.
  const own = row.determination as { authorizationNumber?: string; effectiveTo?: string } | null;
  const d = standing.authorization
    ? { authorizationNumber: standing.authorization.number, effectiveTo: standing.authorization.effectiveTo }
    : own;
  if (!(RENEWABLE.includes(row.status) || standing.status.endsWith('on-appeal'))) return null;
  if (!d?.authorizationNumber || !d.effectiveTo) return null;
  const plan = (await ctx.reference.get()).plans.get(row.planId);
  const window = isWithinRenewalWindow({
    authorizationEndDate: d.effectiveTo,
    today: planToday(plan, now),
    windowDays: plan?.policy.renewalWindowDays,
  });
  return {
    authorizationNumber: d.authorizationNumber,
    effectiveTo: d.effectiveTo,
    opensOn: window.opensOn,
    open: window.open,
  };
}

/**
 * For a denial, partial approval or closure: the appeal filing window as fileAppeal counts it
 * (calendar days from the notice date in the plan's zone), so portals can say "appeal by <date>"
 * and offer the appeal only while it is open.
 */
async function appealFilingOf(ctx: AppContext, row: PaRequestRow, now: Date, standing: CaseStanding) {
  if (!(APPEALABLE_CASE_STATUSES as readonly string[]).includes(row.status)) return null;
  // An appeal that overturned the decision in whole leaves nothing to appeal (fileAppeal refuses it).
  if (standing.appeal === 'overturned') return null;
  const plan = (await ctx.reference.get()).plans.get(row.planId);
  if (!plan) return null;
  const w = appealFilingWindow({
    decidedAt: row.decidedAt ?? row.updatedAt,
    receivedAt: now,
    filingWindowDays: plan.policy.appeals.filingWindowDays,
    timeZone: plan.policy.review.timeZone,
  });
  return { noticeDate: w.noticeDate, deadline: w.deadline, open: w.open };
}

const toInformationRequestView = (r: InformationRequestRow) => ({
  id: r.id,
  sequence: r.sequence,
  items: r.items,
  note: r.note,
  status: r.status,
  requestedAt: r.requestedAt.toISOString(),
  requestedBy: r.requestedBy,
  dueAt: r.dueAt.toISOString(),
  respondedAt: r.respondedAt?.toISOString() ?? null,
  response: (r.response as InformationResponse | null) ?? null,
});

/** The fields of the full view an ePA answer states (epa/case-outcome.ts). */
export type CaseOutcomeView = Pick<
  RequestView,
  'id' | 'planId' | 'status' | 'daysSupply' | 'receivedAt' | 'dueAt' | 'determination' | 'appealFiling'
> & {
  /** Read only while the case awaits information (the open request is the news); otherwise empty. */
  informationRequests: RequestView['informationRequests'];
};

/**
 * Those fields as buildRequestView states them, with only the reads they need: none for most
 * cases, the information requests while one may be open, the standing facts for an appealable
 * decision (an appeal that overturned it leaves no filing window). The case's history, documents,
 * notices and names are not read: an ePA answer does not state them.
 */
export async function buildCaseOutcomeView(
  ctx: AppContext,
  row: PaRequestRow,
  db: Db = ctx.database.db,
): Promise<CaseOutcomeView> {
  const now = ctx.clock.now();
  const appealable = (APPEALABLE_CASE_STATUSES as readonly string[]).includes(row.status);
  const facts = appealable ? (await listStandingFacts(db, [row.id])).get(row.id) : undefined;
  const infoRequests = row.status === 'awaiting-information' ? await listInformationRequests(db, row.id) : [];
  return {
    id: row.id,
    planId: row.planId,
    status: row.status,
    daysSupply: row.daysSupply,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    determination: (row.determination as Determination | null) ?? null,
    appealFiling: appealable ? await appealFilingOf(ctx, row, now, caseStanding(row.status, facts ?? NO_FACTS)) : null,
    informationRequests: infoRequests.map(toInformationRequestView),
  };
}

/** The full case (docs/design.md#api), with what each audience needs to act. */
export async function buildRequestView(ctx: AppContext, row: PaRequestRow, db: Db = ctx.database.db) {
  const now = ctx.clock.now();
  // One round trip for the facts, history, documents, notices and (screens name people, not
  // accounts) the display names of the assignee and each history actor.
  const [details, criteria] = await Promise.all([
    readCaseDetails(db, row),
    findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, db),
  ]);
  const { facts, history, informationRequests: infoRequests, attachments, notices, names, people } = details;
  const standing = caseStanding(row.status, facts);
  const reference = await ctx.reference.get();
  const plan = reference.plans.get(row.planId);
  const [renewal, appealFiling] = await Promise.all([
    renewalOf(ctx, row, now, standing),
    appealFilingOf(ctx, row, now, standing),
  ]);
  return {
    ...toRequestSummary(row, names, now, facts),
    /** Screens name the patient, the prescriber and the pharmacy, with the member ID and NPIs as secondary text. */
    memberName: people.memberName,
    prescriberName: people.prescriberName,
    pharmacyNpi: row.pharmacyNpi,
    pharmacyName: people.pharmacyName,
    quantity: Number(row.quantity),
    daysSupply: row.daysSupply,
    urgencyReason: row.urgencyReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    criteria: {
      id: row.criteriaId,
      version: row.criteriaVersion,
      title: criteria?.title ?? row.criteriaId,
      // The set's own translations of its title (criteria-library JSON, `_title`), for screens in other languages.
      ...(criteria?.body._title ? { _title: criteria.body._title } : {}),
      /** Each rule's words (and their translations): screens name the criteria not met, not their ids. */
      rules: (criteria?.body.rules ?? []).map((r) => ({
        id: r.id,
        text: r.text,
        ...(r._text ? { _text: r._text } : {}),
      })),
      /** Each computed fact's words: screens name `facts.metforminDays365` as "Days of metformin in the last year". */
      facts: (criteria?.body.facts ?? []).map(factWords),
    },
    questionnaire: criteria?.body.questionnaire ?? null,
    requiredDocuments: criteria?.body.requiredDocuments ?? [],
    answers: row.answers ?? null,
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    informationRequests: infoRequests.map(toInformationRequestView),
    determination: (row.determination as Determination | null) ?? null,
    /** Approved cases: the authorization a renewal would continue, and when the renewal window opens. */
    renewal,
    /** Appealable cases: the notice date, the last day to file, and whether that is still ahead. */
    appealFiling,
    /** Reviewer roles that may deny or approve in part on this plan (Part D: physicians). */
    adverseDecisionRoles: plan ? adverseDecisionRoles(plan.lineOfBusiness, plan.policy) : [],
    /** Formulary and tiering exceptions: the tiers an approval may name (approvedTier). */
    exceptionTiers: caseTierChoices(reference, row),
    criteriaEvaluation: (row.criteriaEvaluation as CriteriaEvaluation | null) ?? null,
    /**
     * The criteria set's ready denial reason per rule, English and Spanish: the reviewer's denial
     * starts from the reasons of the rules not met and edits them (docs/design.md#reviewer-screen).
     */
    denialTemplates: criteria?.body.denialLanguage ?? {},
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      recipient: n.recipient,
      channel: n.channel,
      language: n.language,
      status: n.status,
      attempts: n.attempts,
      createdAt: n.createdAt.toISOString(),
    })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actor: h.actor,
      actorName: names.get(h.actor) ?? null,
      actorRole: h.actorRole,
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      details: h.details ?? null,
    })),
  };
}

export type RequestView = Awaited<ReturnType<typeof buildRequestView>>;
