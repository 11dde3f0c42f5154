import type { AppContext } from '../app-context.js';
import { clientIdentity } from '../fhir/smart/resolve-caller.js';
import { actingPrescriber } from '../fhir/shared/acting-principal.js';
import { getCoverage } from '../coverage/get-coverage.js';
import { findMemberById } from '../members/index.js';
import { DomainError } from '../platform/errors.js';
import { openRequest } from '../priorauth/initiate-request.js';
import { findPublishedCriteria } from '../priorauth/index.js';
import { normalizeNdc } from '../shared/field-checks.js';
import type { Hub } from './authenticate-hub.js';
import { EpaRefusal } from './epa-refusal.js';
import { toQuestionSet } from './question-set.js';
import { bodyPath, coverageOf, medicationOf, patientOf, prescriberNpi } from './read-messages.js';
import { initiationResponseBody } from './script-responses.js';
import type { InboundMessage } from './script-xml.js';
import type { HandledMessage } from './handled-message.js';
import { coded, termTypeOf } from './drug-coded.js';

/** The member the message names: cardholder ID and date of birth must both match (no other patient is guessed). */
export async function identifyMember(ctx: AppContext, m: InboundMessage) {
  const coverage = coverageOf(m.body);
  const patient = patientOf(m.body);
  const member = await findMemberById(ctx.database.db, coverage.cardholderId);
  if (!member || member.dateOfBirth !== patient.dateOfBirth)
    throw new EpaRefusal(
      'PATIENT_NOT_FOUND',
      `${bodyPath(m)}/BenefitsCoordination/CardholderID: no member ${coverage.cardholderId} born ${patient.dateOfBirth} (check the cardholder ID and Patient/HumanPatient/DateOfBirth)`,
    );
  const ref = await ctx.reference.get();
  const plan = ref.plans.get(member.planId);
  const processor = plan ? ref.processors.get(plan.processorId) : undefined;
  if (!plan || !processor)
    throw new EpaRefusal('PLAN_NOT_FOUND', `${bodyPath(m)}/BenefitsCoordination: member ${member.id} has no plan here`);
  if (coverage.bin && coverage.bin !== processor.bin)
    throw new EpaRefusal(
      'PLAN_NOT_FOUND',
      `${bodyPath(m)}/BenefitsCoordination/PayerIdentification/ProcessorIdentificationNumber: BIN ${coverage.bin} is not this member's plan (BIN ${processor.bin})`,
    );
  return { member, plan, processor };
}

/** NDC (ProductCode) or RxNorm (DrugDBCode) from the catalog; anything else names the element. */
export async function identifyDrug(ctx: AppContext, m: InboundMessage) {
  const med = medicationOf(m.body);
  const ref = await ctx.reference.get();
  const at = `${bodyPath(m)}/MedicationPrescribed/DrugCoded`;
  if (med.ndc) {
    const ndc = normalizeNdc(med.ndc);
    if (!ndc || !ref.packages.get(ndc))
      throw new EpaRefusal('DRUG_NOT_FOUND', `${at}/ProductCode/Code: NDC ${med.ndc} is not in the drug catalog`);
    return { med, ndc, rxcui: undefined };
  }
  if (med.rxcui) {
    if (!ref.concepts.get(med.rxcui))
      throw new EpaRefusal('DRUG_NOT_FOUND', `${at}/DrugDBCode/Code: RxCUI ${med.rxcui} is not in the drug catalog`);
    // SCD names a clinical (generic) drug and SBD a branded one: a qualifier that contradicts the
    // catalog means the sender coded a different product than it meant (docs/epa-script.md#drugcoded).
    const tty = termTypeOf(ref, med.rxcui);
    if (med.rxcuiQualifier !== tty)
      throw new EpaRefusal(
        'SCHEMA',
        `${at}/DrugDBCode/Qualifier: RxCUI ${med.rxcui} is ${tty === 'SBD' ? 'a branded drug (SBD)' : 'a clinical drug (SCD)'} in the drug catalog, not ${med.rxcuiQualifier}`,
      );
    return { med, ndc: undefined, rxcui: med.rxcui };
  }
  throw new EpaRefusal('SCHEMA', `${at}: give ProductCode (NDC) or DrugDBCode (RxNorm)`);
}

/**
 * PAInitiationRequest → PAInitiationResponse on initiateRequest, the same use case as the portals:
 * no PA needed (closed, with the reason), an authorization already on file (closed, with its
 * number and period), not covered (closed, with covered alternatives), or a case opened on the
 * ePA channel with the criteria's question set, its reference ID and the deadline for answers.
 */
export async function handleInitiation(ctx: AppContext, hub: Hub, m: InboundMessage): Promise<HandledMessage> {
  const npi = prescriberNpi(m.body);
  const { member, plan } = await identifyMember(ctx, m);
  const { med, ndc, rxcui } = await identifyDrug(ctx, m);
  const urgent = m.body.PAPriorityIndicator === 'EX';
  const note = typeof m.body.PANote === 'string' ? m.body.PANote : undefined;
  if (urgent && !note)
    throw new EpaRefusal('SCHEMA', `${bodyPath(m)}/PANote: an expedited (EX) request says why it is urgent`);
  if (!(med.daysSupply >= 1 && med.daysSupply <= 365))
    throw new EpaRefusal('SCHEMA', `${bodyPath(m)}/MedicationPrescribed/DaysSupply: must be 1–365`);
  if (!(med.quantity > 0))
    throw new EpaRefusal('SCHEMA', `${bodyPath(m)}/MedicationPrescribed/Quantity/Value: must be more than 0`);
  const acting = actingPrescriber(clientIdentity(hub.row), npi);
  const now = ctx.clock.now();
  let created;
  try {
    created = await openRequest(
      ctx,
      acting,
      {
        memberId: member.id,
        prescriberNpi: npi,
        ...(ndc ? { productId: ndc } : { rxcui }),
        quantity: med.quantity,
        daysSupply: med.daysSupply,
        urgency: urgent ? 'urgent' : 'standard',
        ...(urgent ? { urgencyReason: note } : {}),
        channel: 'epa',
      },
      { member },
    );
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.code === 'ACTIVE_AUTHORIZATION_EXISTS') {
      const d = e.details as { authorizationNumber: string; effectiveFrom: string; effectiveTo: string };
      return {
        transaction: 'PAInitiationResponse',
        body: initiationResponseBody({
          kind: 'closed',
          reasonCode: 'AuthorizationOnFile',
          description: e.message,
          authorization: { number: d.authorizationNumber, effectiveFrom: d.effectiveFrom, effectiveTo: d.effectiveTo },
        }),
      };
    }
    if (e.code === 'INVALID_STATE' && e.errors?.some((x) => x.path === 'productId')) {
      const coverage = await getCoverage(ctx, acting, {
        memberId: member.id,
        ...(ndc ? { productId: ndc } : { rxcui }),
        quantity: med.quantity,
        daysSupply: med.daysSupply,
      });
      return {
        transaction: 'PAInitiationResponse',
        body: initiationResponseBody({
          kind: 'closed',
          reasonCode: 'NotCovered',
          description: `${e.message}.`,
          alternatives: coded(
            await ctx.reference.get(),
            coverage.alternatives.filter((a) => a.rxcui !== coverage.drug.rxcui).slice(0, 5),
          ),
        }),
      };
    }
    throw e;
  }
  if (created.kind === 'not-required')
    return {
      transaction: 'PAInitiationResponse',
      body: initiationResponseBody({ kind: 'closed', reasonCode: 'PANotRequired', description: created.body.message }),
    };
  // The answer names the case and its question set: the portals' view of the new case is not built.
  const row = created.row;
  // The version the case was opened on (cached: published versions never change).
  const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion))!.body;
  const deadline = answersDeadline(now, plan.policy.informationRequests.responseWindowHours);
  return {
    transaction: 'PAInitiationResponse',
    paRequestId: row.id,
    // Recorded with the answer, in its statement (issue #11: one round trip fewer).
    opensCase: {
      paRequestId: row.id,
      clientId: hub.row.id,
      prescriberNpi: npi,
      endpoint: hub.row.epaEndpoint,
      initiationMessageId: m.header.messageId,
      lastEvent: 'open',
      createdAt: now,
    },
    body: initiationResponseBody({
      kind: 'open',
      paReferenceId: row.id,
      deadline,
      questionSet: toQuestionSet(criteria.questionnaire, criteria),
    }),
  };
}

/** Answers are expected within the plan's information-request response window from initiation. */
export function answersDeadline(from: Date, windowHours: number): string {
  return new Date(from.getTime() + windowHours * 3_600_000).toISOString();
}
