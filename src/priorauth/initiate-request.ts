import type { Static } from '@sinclair/typebox';
import type { InitiateBody } from './priorauth.schemas.js';
import type { AppContext } from '../app-context.js';
import { addDays } from '../platform/dates.js';
import type { Principal } from '../platform/roles.js';
import { findMemberById, type MemberRow } from '../members/index.js';
import { queueNotices } from '../notices/queue-notices.js';
import { DomainError, forbidden, invalid, notFound, type FieldError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Db } from '../platform/db.js';
import { isUniqueViolationOf } from '../platform/db-conflicts.js';
import { ONE_OPEN_REQUEST_INDEX } from './priorauth.tables.js';
import { isValidNpi } from '../shared/npi.js';
import { loadMemberBenefits } from '../claims/index.js';
import { isStepTherapyMet } from '../claims/rules/utilization.js';
import { GENERAL_CRITERIA_ID } from './criteria-library/index.js';
import { EXCEPTION_CRITERIA_ID, type CaseKind, type ExceptionKind } from '../shared/exception-kinds.js';
import { exceptionProblem, notCoveredExceptionKind, orderedTiers } from '../claims/rules/exception-effect.js';
import { ageOn } from '../claims/rules/eligibility.js';
import { withPlanAnswers } from './rules/plan-answers.js';
import { findBenefit } from './find-benefit.js';
import { actorName } from './pa-status.js';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { findActiveAuthorization, findAuthorizationByNumber, hasValidCheckDigit } from '../authorizations/index.js';
import {
  findPaRequest,
  listCasesForDrug,
  listStandingFacts,
  insertPaRequestWithHistory,
  type PaRequestRow,
} from './priorauth.repo.js';
import { buildRequestView, type RequestView } from './request-view.js';
import { findCurrentPublishedCriteria } from './published-criteria.js';
import { isWithinRenewalWindow } from './rules/renewal-window.js';
import { caseStanding } from './rules/case-standing.js';
import { OPEN_STATUSES } from './pa-status.js';
import { planToday } from '../platform/plan-time.js';

export { CHANNELS, type Channel } from './priorauth.schemas.js';

/** A new case as the route's schema accepts it; fax intake adds when the fax arrived (starts the clock). */
export type InitiateInput = Static<typeof InitiateBody> & { receivedAt?: Date };

interface NotRequired {
  kind: 'not-required';
  body: {
    status: 'not-required';
    message: string;
    drug: { rxcui: string; name: string };
    planId: string;
    processor: string;
  };
}

export type InitiateResult = { kind: 'created'; request: RequestView } | NotRequired;

function checkCaller(caller: Principal, input: InitiateInput): void {
  switch (caller.role) {
    case 'prescriber':
      if (caller.npi !== input.prescriberNpi) throw forbidden('A prescriber starts requests under their own NPI');
      return;
    case 'pharmacy':
      if (input.channel !== 'pharmacy') throw invalid('channel', 'a pharmacy starts requests with channel "pharmacy"');
      if (input.pharmacyNpi && input.pharmacyNpi !== caller.npi)
        throw forbidden('A pharmacy starts requests under its own NPI');
      return;
    case 'member':
      // The member's own request from the member portal; which lines of business allow it is
      // checked once the plan is known (memberMayRequest).
      if (caller.memberId !== input.memberId) throw forbidden('A member starts requests for themselves only');
      if (input.channel !== 'portal') throw invalid('channel', 'a member starts requests with channel "portal"');
      return;
    case 'intake':
    case 'member-services':
    case 'admin':
      return;
    default:
      throw forbidden('Prior authorization is requested by the prescriber (or the pharmacy on their behalf)');
  }
}

/**
 * docs/design.md#prior-authorization: find the member's plan and processor and the drug's group; answer
 * "not required" or "an authorization already covers it"; otherwise open the case and return
 * the criteria's question set.
 */
export async function initiateRequest(
  ctx: AppContext,
  caller: Principal,
  input: InitiateInput,
): Promise<InitiateResult> {
  const opened = await openRequest(ctx, caller, input);
  return opened.kind === 'created' ? { kind: 'created', request: await buildRequestView(ctx, opened.row) } : opened;
}

/**
 * initiateRequest without the case view: the new case's row. For callers that answer from the row
 * (ePA's PAInitiationResponse names the case and its question set): the view's reads are skipped.
 */
export async function openRequest(
  ctx: AppContext,
  caller: Principal,
  input: InitiateInput,
  /** The member as the caller has just read it by input.memberId (ePA identifies the patient first): not read again. */
  known: { member?: MemberRow } = {},
): Promise<{ kind: 'created'; row: PaRequestRow } | NotRequired> {
  checkCaller(caller, input);
  const pharmacyNpi = caller.role === 'pharmacy' ? caller.npi! : (input.pharmacyNpi ?? null);
  const errors: FieldError[] = [];
  if (!isValidNpi(input.prescriberNpi))
    errors.push({ path: 'prescriberNpi', message: 'is not a valid NPI (check digit)' });
  if (input.urgency === 'urgent' && !input.urgencyReason?.trim())
    errors.push({
      path: 'urgencyReason',
      message: 'is required for an urgent request (serious jeopardy to life, health, function, or severe pain)',
    });
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });

  const db = ctx.database.db;
  const now = ctx.clock.now();
  const member = known.member?.id === input.memberId ? known.member : await findMemberById(db, input.memberId);
  if (!member) throw notFound('Member', input.memberId);
  const today = planToday((await ctx.reference.get()).plans.get(member.planId), now);
  if (today < member.effectiveDate || (member.terminationDate && today > member.terminationDate)) {
    throw new DomainError('INVALID_STATE', `Member ${member.id} is not covered on ${today}`, {
      errors: [{ path: 'memberId', message: 'is not eligible today' }],
    });
  }
  const benefit = await findBenefit(ctx, member.planId, input);
  const { drug, plan, processor, entry } = benefit;
  if (caller.role === 'member') memberMayRequest(plan.lineOfBusiness);
  const groupEntry = (await ctx.reference.get()).formularies.get(plan.id)?.byGroup.get(drug.groupId);
  // A drug that is not on the formulary is requested as a formulary exception (a brand whose
  // generic is covered: brand medically necessary); an exception named by the caller must lift a
  // restriction the drug has for this member (docs/design.md#exceptions).
  let exceptionKind: ExceptionKind | null =
    input.kind && input.kind !== 'prior-authorization'
      ? input.kind
      : !entry || !entry.covered
        ? notCoveredExceptionKind(drug, entry, groupEntry)
        : null;
  if (exceptionKind) {
    const problem = exceptionProblem({
      kind: exceptionKind,
      entry,
      groupEntry,
      drug,
      lineOfBusiness: plan.lineOfBusiness,
      tiers: orderedTiers(Object.keys(plan.policy.costSharing.tiers)),
      member: { age: ageOn(member.dateOfBirth, today), sex: member.sex },
    });
    if (problem)
      throw new DomainError('INVALID_STATE', `No ${exceptionKind} exception applies: ${problem}`, {
        errors: [{ path: 'kind', message: problem }],
        details: { reason: 'no-such-restriction', kind: exceptionKind },
      });
  }
  let criteriaId = exceptionKind
    ? EXCEPTION_CRITERIA_ID[exceptionKind]
    : entry!.priorAuthorization
      ? (entry!.criteriaId ?? GENERAL_CRITERIA_ID)
      : null;
  if (!criteriaId && entry!.stepTherapy) {
    // A step edit without PA: an exception is needed only when history does not already satisfy it.
    const benefits = await loadMemberBenefits(
      ctx.database,
      member.id,
      today,
      addDays(today, -entry!.stepTherapy.lookbackDays),
    );
    if (!isStepTherapyMet(entry!.stepTherapy, benefits.history, today)) {
      exceptionKind = 'step-therapy';
      criteriaId = EXCEPTION_CRITERIA_ID[exceptionKind];
    }
  }
  const caseKind: CaseKind = exceptionKind ?? 'prior-authorization';
  if (!criteriaId) {
    return {
      kind: 'not-required',
      body: {
        status: 'not-required',
        message: `${drug.name} does not need prior authorization on ${plan.name}.`,
        drug: { rxcui: drug.rxcui, name: drug.name },
        planId: plan.id,
        processor: processor.name,
      },
    };
  }

  // An authorization of the same kind answers the request already (a PA does not stop a quantity-limit exception).
  const active = await findActiveAuthorization(db, {
    memberId: member.id,
    groupId: drug.groupId,
    date: today,
    kind: caseKind,
  });
  let renewalOf: string | null = null;
  let priorCase: PaRequestRow | undefined;
  if (input.renewalOf) {
    const prior = await findAuthorizationByNumber(db, input.renewalOf);
    if (!prior || prior.memberId !== member.id) {
      if (!prior && !hasValidCheckDigit(input.renewalOf))
        throw invalid('renewalOf', `${input.renewalOf} is not an authorization number (check digit); check the number`);
      throw notFound('Authorization', input.renewalOf);
    }
    if (prior.groupId !== drug.groupId)
      throw invalid('renewalOf', 'the authorization is for a different drug or dose form');
    const window = isWithinRenewalWindow({
      authorizationEndDate: prior.effectiveTo,
      today,
      windowDays: plan.policy.renewalWindowDays,
    });
    if (!window.open) {
      throw new DomainError(
        'RENEWAL_WINDOW_NOT_OPEN',
        `Authorization ${prior.number} ends ${prior.effectiveTo}; a renewal can be sent from ${window.opensOn}`,
        {
          details: {
            authorizationNumber: prior.number,
            effectiveTo: prior.effectiveTo,
            firstAllowedDate: window.opensOn,
          },
        },
      );
    }
    renewalOf = prior.number;
    if (prior.paRequestId) priorCase = await findPaRequest(db, prior.paRequestId);
  } else if (active) {
    const a = active;
    throw new DomainError(
      'ACTIVE_AUTHORIZATION_EXISTS',
      `Authorization ${a.number} already covers ${drug.groupName} through ${a.effectiveTo}`,
      {
        details: {
          authorizationNumber: a.number,
          paRequestId: a.paRequestId,
          effectiveFrom: a.effectiveFrom,
          effectiveTo: a.effectiveTo,
          renewalOpensOn: addDays(a.effectiveTo, -plan.policy.renewalWindowDays),
        },
      },
    );
  }

  await refuseSecondRequest(db, member.id, drug.groupId, drug.groupName, caseKind);

  const criteria = await findCurrentPublishedCriteria(ctx, criteriaId, db);
  if (!criteria)
    throw new DomainError(
      'INVALID_STATE',
      `Criteria set ${criteriaId} is not loaded; the plan administrator must import it`,
    );

  // A renewal starts from the answers of the case it renews (same criteria set): the prescriber
  // reviews and updates them instead of typing them again. Documents belong to their own case,
  // so attachment answers are not carried over; submit judges the answers as of the new case.
  const answersFrom = priorCase?.criteriaId === criteriaId && priorCase.answers ? priorCase : null;
  // The exception sets' line-of-business question is the plan's to answer (rules/plan-answers.ts).
  const carried = withPlanAnswers(
    criteria.body,
    answersFrom ? withoutAttachments(answersFrom.answers as unknown as QuestionnaireResponse) : null,
    plan.lineOfBusiness,
  ) as QuestionnaireResponse | null;
  const receivedAt = input.receivedAt ?? now;
  const tellsPrescriber = input.channel === 'pharmacy' || caller.role === 'member';
  const write = async (tx: Db) => {
    // The case and its first history row in one statement (issue #11).
    const id = newId('par', now);
    const created = await insertPaRequestWithHistory(
      tx,
      {
        id,
        status: 'awaiting-answers',
        memberId: member.id,
        planId: plan.id,
        prescriberNpi: input.prescriberNpi,
        pharmacyNpi,
        requestedRxcui: drug.rxcui,
        drugName: drug.name,
        groupId: drug.groupId,
        groupName:
          criteria.body.scope === 'brand-only' && drug.brandName
            ? `${drug.brandName} (${drug.groupName})`
            : drug.groupName,
        brandName: criteria.body.scope === 'brand-only' ? drug.brandName : null,
        quantity: String(input.quantity),
        daysSupply: input.daysSupply,
        urgency: input.urgency,
        urgencyReason: input.urgencyReason ?? null,
        channel: input.channel,
        kind: caseKind,
        criteriaId: criteria.id,
        criteriaVersion: criteria.version,
        renewalOf,
        ...(carried ? { answers: { ...carried, status: 'in-progress' } as Record<string, unknown> } : {}),
        receivedAt,
        createdBy: caller.username,
        updatedAt: now,
      },
      {
        paRequestId: id,
        at: now,
        ...actorName(caller),
        action: 'initiated',
        fromStatus: null,
        toStatus: 'awaiting-answers',
        details: {
          channel: input.channel,
          kind: caseKind,
          criteria: `${criteria.id} v${criteria.version}`,
          ...(renewalOf ? { renewalOf } : {}),
          ...(answersFrom ? { answersFrom: answersFrom.id } : {}),
        },
      },
    );
    if (tellsPrescriber) {
      // The pharmacy (or the member who asked) tells the prescriber that PA or an exception is
      // needed: the prescriber answers the question set (docs/design.md#actors).
      await queueNotices(
        tx,
        {
          kind: 'pa-needed',
          memberId: member.id,
          prescriberNpi: input.prescriberNpi,
          pharmacyNpi,
          paRequestId: created.id,
          recipients: ['prescriber'],
          letterLanguages: plan.policy.letterLanguages,
          content: {
            drugName: drug.name,
            planName: plan.name,
            processorName: processor.name,
            paRequestId: created.id,
            howToRequest: plan.policy.priorAuthorization.howToRequest,
          },
        },
        now,
      );
    }
    return created;
  };
  // The case with its history is one statement, atomic on its own: a transaction around it alone
  // would add two round trips (begin, commit) to every new case (issue #11). The notice to the
  // prescriber goes in the same transaction as the case.
  const row = await (tellsPrescriber ? db.transaction(write) : write(db)).catch(async (error: unknown) => {
    // Another submission for the same member, drug and kind committed first (the unique index
    // decided the race the read above cannot): answer as if it had been there, with its case.
    if (isUniqueViolationOf(error, ONE_OPEN_REQUEST_INDEX))
      await refuseSecondRequest(db, member.id, drug.groupId, drug.groupName, caseKind);
    throw error;
  });
  return { kind: 'created', row };
}

/**
 * Who asks: on Medicare Part D the enrollee may request a coverage determination, exceptions
 * included, themselves (42 CFR 423.566(c), 423.578(a)); the prescriber then sends the supporting
 * statement, and the exception's clock starts when it arrives (rules/exception-clock.ts). On the
 * other lines the prescriber asks (the member portal names the request to ask for).
 */
function memberMayRequest(lineOfBusiness: string): void {
  if (lineOfBusiness !== 'medicare-d')
    throw forbidden(
      'On this plan your prescriber requests prior authorization and exceptions; ask your prescriber to send the request',
    );
}

/**
 * One request per drug at a time (docs/design.md#prior-authorization): while a case for the same member and
 * drug-form group is open (a draft included) or its decision is under appeal, a second one would
 * split the review and the letters; the caller is pointed at the existing case instead. An
 * approved one is refused above (ACTIVE_AUTHORIZATION_EXISTS, also after an appeal was won).
 */
async function refuseSecondRequest(db: Db, memberId: string, groupId: string, groupName: string, kind: CaseKind) {
  // One request per drug and kind: an open PA does not stop a quantity-limit exception for the same drug.
  const cases = (await listCasesForDrug(db, memberId, groupId)).filter((c) => c.kind === kind);
  const open = cases.find((c) => (OPEN_STATUSES as string[]).includes(c.status));
  const facts = open
    ? undefined
    : await listStandingFacts(
        db,
        cases.map((c) => c.id),
      );
  const appealed = open ? undefined : cases.find((c) => caseStanding(c.status, facts!.get(c.id)!).appeal === 'open');
  const existing = open ?? appealed;
  if (!existing) return;
  throw new DomainError(
    'REQUEST_ALREADY_OPEN',
    open
      ? `Request ${existing.id} for ${groupName} is already open (${existing.status}); continue it instead of starting another`
      : `The decision on request ${existing.id} for ${groupName} is under appeal; follow the appeal instead of starting another request`,
    {
      details: {
        paRequestId: existing.id,
        caseStatus: existing.status,
        underAppeal: !open,
        // The existing case (RFC 9457 extension member): where the caller continues.
        existingCase: `/api/v1/pa-requests/${existing.id}`,
      },
    },
  );
}

/** The response without attachment answers (they point at another case's documents). */
function withoutAttachments(r: QuestionnaireResponse): QuestionnaireResponse {
  const keep = (items: QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem[] =>
    (items ?? [])
      .filter((it) => !(it.answer ?? []).some((a) => a.valueAttachment))
      .map((it) => ({ ...it, ...(it.item ? { item: keep(it.item) } : {}) }));
  return { ...r, item: keep(r.item) };
}
