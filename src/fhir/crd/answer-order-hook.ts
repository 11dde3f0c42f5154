import type { MedicationRequest } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { writeAudit } from '../../audit/write-audit.js';
import { getCoverage } from '../../coverage/get-coverage.js';
import { newId } from '../../platform/ids.js';
import { GENERAL_CRITERIA_ID, STEP_EXCEPTION_CRITERIA_ID } from '../../priorauth/criteria-library/index.js';
import { findCurrentPublishedCriteria } from '../../priorauth/index.js';
import type { ClientIdentity } from '../fhir-request.js';
import { actingPrescriber } from '../shared/acting-principal.js';
import { alternativesCard, coverageCard, infoCard, type Card } from './cards.js';
import type { CdsService } from './cds-services.js';
import { coverageInformation, findingOf } from './coverage-information.js';
import { ordersOf } from './drug-orders.js';
import { loadHookData } from './hook-data.js';
import { parseHookRequest } from './hook-request.js';
import { identifyMember } from './identify-member.js';
import { planToday } from '../../platform/plan-time.js';

export interface HookResponse {
  cards: Card[];
  systemActions: Array<{ type: 'update'; description: string; resource: MedicationRequest }>;
}

const MISSING_WORDS: Record<string, string> = {
  patient: 'the Patient (prefetch "patient": date of birth confirms the member)',
  coverage: 'the active Coverage (prefetch "coverage": the member id on the card)',
};

/** Which criteria set a requirement is met through: the drug's PA criteria, a step-therapy exception, or medical necessity. */
function criteriaFor(answerCriteria: string | null, reasons: string[], priorAuth: boolean): string {
  if (priorAuth) return answerCriteria ?? GENERAL_CRITERIA_ID;
  return reasons.some((r) => r.startsWith('Step therapy')) ? STEP_EXCEPTION_CRITERIA_ID : GENERAL_CRITERIA_ID;
}

/**
 * Da Vinci CRD for drug orders: each MedicationRequest gets the coverage-information extension
 * (returned as a systemAction update of the order) and a card, from the same dry-run
 * adjudication the coverage API answers with. Orders that are not drugs, patients who are not
 * members, and missing prefetch each get a card that says so.
 */
export async function answerOrderHook(options: {
  ctx: AppContext;
  client: ClientIdentity;
  service: CdsService;
  body: unknown;
  fhirBaseUrl: string;
}): Promise<HookResponse> {
  const { ctx, client, service } = options;
  const req = parseHookRequest(options.body, service.hook);
  const ref = await ctx.reference.get();
  const { drugs, others } = ordersOf(req, ref);
  const cards: Card[] = [];
  const systemActions: HookResponse['systemActions'] = [];
  const config = (req.extension?.['davinci-crd.configuration'] ?? {}) as Record<string, unknown>;
  const maxCards = typeof config['max-cards'] === 'number' ? config['max-cards'] : 10;
  const wantAlternatives = config.alternatives !== false;

  if (others.length)
    cards.push(
      infoCard(
        'No pharmacy-benefit requirements for these orders',
        `OpenPBM answers for outpatient drugs (MedicationRequest). Not in its scope: ${others
          .map((o) => `${o.resourceType}${o.id ? `/${o.id}` : ''}`)
          .join(', ')}.`,
      ),
    );
  if (!drugs.length) return { cards: cards.slice(0, maxCards), systemActions };

  const data = await loadHookData(ctx, req);
  const identified = await identifyMember(ctx, data.coverages, data.patient);
  if (!identified) {
    cards.push(
      data.missing.length
        ? infoCard(
            'Coverage requirements need the patient and coverage',
            `Send ${data.missing.map((k) => MISSING_WORDS[k] ?? k).join(' and ')} in prefetch, or fhirServer with fhirAuthorization so OpenPBM can read them.`,
            'warning',
            'insurance',
          )
        : infoCard(
            'Patient not found among this payer’s members',
            'No OpenPBM member matches the Coverage’s member id and the patient’s date of birth. Check the insurance on file.',
            'warning',
            'insurance',
          ),
    );
    return { cards: cards.slice(0, maxCards), systemActions };
  }

  const { member, coverage } = identified;
  const now = ctx.clock.now();
  const today = planToday((await ctx.reference.get()).plans.get(member.planId), now);
  const coverageReference = coverage.id ? `Coverage/${coverage.id}` : 'Coverage';
  const assertions: Array<{ assertionId: string; rxcui: string | null; covered: string; paNeeded?: string }> = [];
  for (const order of drugs) {
    if (!order.drug) {
      cards.push(
        infoCard(
          'Drug not recognised',
          `No RxNorm or NDC code on ${order.reference} is in OpenPBM's drug catalog (${order.codes.join(', ') || 'no codes'}).`,
          'warning',
        ),
      );
      continue;
    }
    const answer = await getCoverage(ctx, actingPrescriber(client, null), {
      memberId: member.id,
      ...(order.ndc ? { productId: order.ndc } : { rxcui: order.drug.rxcui }),
      quantity: order.quantity,
      daysSupply: order.daysSupply,
    });
    const finding = findingOf(answer, order.quantity);
    let questionnaire: string | undefined;
    if (finding.paNeeded === 'auth-needed') {
      const criteria = await findCurrentPublishedCriteria(
        ctx,
        criteriaFor(answer.criteriaId, finding.reasons, answer.priorAuthorizationRequired),
      );
      questionnaire = criteria?.body.questionnaire.url
        ? `${criteria.body.questionnaire.url}|${criteria.body.questionnaire.version ?? criteria.version}`
        : undefined;
    }
    const assertionId = newId('crd', now);
    assertions.push({ assertionId, rxcui: order.drug.rxcui, covered: finding.covered, paNeeded: finding.paNeeded });
    const extension = coverageInformation({
      finding,
      coverageReference,
      assertionId,
      date: today,
      questionnaire,
      satisfiedPaId: answer.activeAuthorization?.number,
    });
    systemActions.push({
      type: 'update',
      description: `Coverage information for ${answer.drug.name}`,
      resource: { ...order.order, extension: [...(order.order.extension ?? []), extension] },
    });
    cards.push(
      coverageCard({
        answer,
        finding,
        orderReference: order.reference,
        questionnaire,
        packageUrl: `${options.fhirBaseUrl}/Questionnaire/$questionnaire-package`,
      }),
    );
    if (wantAlternatives && (finding.covered === 'not-covered' || finding.paNeeded === 'auth-needed')) {
      const alt = alternativesCard(answer, { reference: order.reference, resource: order.order });
      if (alt) cards.push(alt);
    }
  }
  // The member's benefit was disclosed to a system: a PHI read, with the assertions it made.
  await writeAudit(ctx.database.db, {
    at: now,
    actor: { username: `ehr:${client.clientId}`, role: 'ehr-client' },
    action: 'phi.read',
    entityType: 'member-coverage',
    entityId: member.id,
    details: { via: `crd:${service.hook}`, hookInstance: req.hookInstance, assertions },
  });
  return { cards: cards.slice(0, maxCards), systemActions };
}
