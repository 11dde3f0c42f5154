import type { Bundle, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { writeAudit } from '../../audit/write-audit.js';
import type { DrugConcept } from '../../catalog/index.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { initiateRequest } from '../../priorauth/initiate-request.js';
import { findPaRequest, findPublishedCriteria } from '../../priorauth/index.js';
import { saveAnswers } from '../../priorauth/save-answers.js';
import { assertAnswersValid, missingItems, submitRequest } from '../../priorauth/submit-request.js';
import { normalizeNdc } from '../../shared/field-checks.js';
import type { Principal } from '../../platform/roles.js';
import type { ClientIdentity } from '../fhir-request.js';
import { actingPrescriber } from '../shared/acting-principal.js';
import { decisionResponse, errorResponse, type ResponseContext } from './claim-response.js';
import { identifyPasMember } from './identify-pas-member.js';
import { decisionOfCase, type ItemDecision } from './item-decision.js';
import { parsePasBundle, type PasBundle, type PasItem } from './parse-pas-bundle.js';
import { claimPasItem, completePasItem, findPasRequest, releasePasItem } from './pas.repo.js';
import { planToday } from '../../platform/plan-time.js';

const NDC = 'http://hl7.org/fhir/sid/ndc';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

function drugOf(item: PasItem, ref: Awaited<ReturnType<AppContext['reference']['get']>>) {
  let drug: DrugConcept | undefined;
  let ndc: string | undefined;
  for (const c of item.codings) {
    if (c.system === NDC && c.code) {
      const n = normalizeNdc(c.code);
      const pkg = n ? ref.packages.get(n) : undefined;
      if (pkg) {
        ndc = n!;
        drug ??= ref.concepts.get(pkg.rxcui);
      }
    } else if (c.system === RXNORM && c.code) drug ??= ref.concepts.get(c.code);
  }
  return { drug, ndc };
}

/** The DTR answers in the bundle for this case's questionnaire (QuestionnaireResponse.questionnaire is its canonical). */
function answersFor(parsed: PasBundle, questionnaireUrl: string | undefined): QuestionnaireResponse | undefined {
  if (!questionnaireUrl) return undefined;
  return parsed.questionnaireResponses.find((qr) => qr.questionnaire?.split('|')[0] === questionnaireUrl);
}

async function openCase(
  ctx: AppContext,
  options: { client: ClientIdentity; parsed: PasBundle; item: PasItem; memberId: string; prescriberNpi: string },
): Promise<{ decision: ItemDecision; caseId?: string }> {
  const { parsed, item } = options;
  const ref = await ctx.reference.get();
  const { drug, ndc } = drugOf(item, ref);
  if (!drug) {
    const code =
      item.codings
        .map((c) => c.code)
        .filter(Boolean)
        .join(', ') || 'no code';
    return {
      decision: {
        kind: 'no-action',
        note: `${code} is not on this plan's prior-authorization list: OpenPBM reviews outpatient drugs (NDC or RxNorm).`,
      },
    };
  }
  const acting = actingPrescriber(options.client, options.prescriberNpi);
  let created;
  try {
    created = await initiateRequest(ctx, acting, {
      memberId: options.memberId,
      prescriberNpi: options.prescriberNpi,
      ...(ndc ? { productId: ndc } : { rxcui: drug.rxcui }),
      quantity: item.quantity && item.quantity > 0 ? item.quantity : 30,
      daysSupply: item.daysSupply && item.daysSupply > 0 ? Math.min(item.daysSupply, 365) : 30,
      urgency: parsed.urgent ? 'urgent' : 'standard',
      ...(parsed.urgent ? { urgencyReason: 'Submitted as urgent through PAS (X12 1338 level of service U)' } : {}),
      channel: 'epa',
    });
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (e.code === 'ACTIVE_AUTHORIZATION_EXISTS') {
      const d = e.details as { authorizationNumber: string; effectiveFrom: string; effectiveTo: string };
      return {
        decision: {
          kind: 'certified',
          partial: false,
          caseId: '',
          authorizationNumber: d.authorizationNumber,
          from: d.effectiveFrom,
          to: d.effectiveTo,
          note: `An authorization already covers ${drug.groupName}.`,
        },
      };
    }
    // A case for the drug is already open or under appeal: the payer's staff follow that one.
    if (e.code === 'INVALID_STATE' || e.code === 'NOT_FOUND' || e.code === 'REQUEST_ALREADY_OPEN')
      return { decision: { kind: 'contact-payer', note: e.message } };
    throw e;
  }
  if (created.kind === 'not-required') return { decision: { kind: 'no-action', note: created.body.message } };
  return { caseId: created.request.id, decision: { kind: 'pended', caseId: created.request.id, note: '' } };
}

/**
 * Applies the DTR answers the bundle carries for the case's questionnaire: complete answers are
 * submitted (approved at once when every criterion is met, else clinical review); incomplete ones
 * are kept as a draft and the item stays pended with what is missing.
 */
async function answerCase(
  ctx: AppContext,
  acting: Principal,
  caseId: string,
  parsed: PasBundle,
): Promise<ItemDecision> {
  const row = (await findPaRequest(ctx.database.db, caseId))!;
  if (row.status !== 'awaiting-answers') return decisionOfCase(row);
  const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion))!.body;
  const answers = answersFor(parsed, criteria.questionnaire.url);
  if (!answers) return decisionOfCase(row);
  // Answers that do not fit the questions are refused (400 naming the item), never stored.
  assertAnswersValid(criteria, answers);
  const completeness = await missingItems(ctx, row, criteria, answers);
  if (!completeness.complete) {
    await saveAnswers(ctx, acting, caseId, { ...answers, status: 'in-progress' });
    return {
      kind: 'pended',
      caseId,
      note: `Pended: answers are missing (${completeness.missing.map((m) => m.text).join('; ')}). Send the completed QuestionnaireResponse with basedOn this request.`,
    };
  }
  await submitRequest(ctx, acting, caseId, { answers });
  return decisionOfCase((await findPaRequest(ctx.database.db, caseId))!);
}

/**
 * PAS `Claim/$submit`: each drug item of the Claim becomes a PA case on the same pipeline as the
 * portals and ePA (one case per medication), answered at once when the DTR answers in the bundle
 * meet the criteria, pended otherwise; a resubmitted item returns its case's current answer.
 */
export async function submitPasClaim(ctx: AppContext, client: ClientIdentity, body: unknown): Promise<Bundle> {
  const parsed = parsePasBundle(body, 'submit');
  const now = ctx.clock.now();
  const rctx: ResponseContext = {
    parsed,
    now,
    today: planToday(null, now),
    responseId: crypto.randomUUID(),
    inquiry: false,
  };
  const member = await identifyPasMember(ctx, parsed);
  // dates in the answer are the member's plan's dates (docs/design.md#time-zones)
  if (member) rctx.today = planToday((await ctx.reference.get()).plans.get(member.planId), now);
  if (!member)
    return errorResponse(rctx, [
      {
        code: '75',
        path: 'Bundle.entry[0].resource.insurance[0].coverage',
        text: "Subscriber/insured not found: no OpenPBM member matches the Coverage or Patient member id and the patient's date of birth.",
      },
    ]);
  const prescriberNpi = parsed.npis.find((n) => client.prescriberNpis.includes(n));
  if (!prescriberNpi)
    throw new DomainError(
      'FORBIDDEN',
      `This client is not registered to submit for the practitioners named in the Claim (${parsed.npis.join(', ') || 'no NPI found'})`,
    );
  const acting = actingPrescriber(client, prescriberNpi);
  const decisions: Array<{ sequence: number; decision: ItemDecision }> = [];
  for (const item of parsed.items) {
    const lockId = newId('pas', now);
    const taken = await claimPasItem(ctx.database.db, {
      id: lockId,
      clientId: client.id,
      claimIdentifier: parsed.claimIdentifier,
      itemSequence: item.sequence,
      memberId: member.id,
      paRequestId: null,
      requestBundle: parsed.bundle as unknown as Record<string, unknown>,
      pended: false,
      submittedAt: now,
    });
    if (!taken) {
      // A resubmission answers with the case's current state; a concurrent twin still in flight is a conflict.
      const existing = (await findPasRequest(ctx.database.db, client.id, parsed.claimIdentifier, item.sequence))!;
      if (!existing.paRequestId)
        throw new DomainError(
          'CONFLICT',
          `Claim ${parsed.claimIdentifier} item ${item.sequence} is being processed; inquire in a moment`,
        );
      // A resubmission may carry the answers the first one lacked.
      decisions.push({
        sequence: item.sequence,
        decision: await answerCase(ctx, acting, existing.paRequestId, parsed),
      });
      continue;
    }
    let opened: Awaited<ReturnType<typeof openCase>>;
    try {
      opened = await openCase(ctx, { client, parsed, item, memberId: member.id, prescriberNpi });
    } catch (e) {
      await releasePasItem(ctx.database.db, lockId);
      throw e;
    }
    if (!opened.caseId) {
      await releasePasItem(ctx.database.db, lockId);
      decisions.push({ sequence: item.sequence, decision: opened.decision });
      continue;
    }
    // The case exists from here on: the item stays linked to it even if the answers are refused.
    await completePasItem(ctx.database.db, lockId, opened.caseId, true);
    const decision = await answerCase(ctx, acting, opened.caseId, parsed);
    if (decision.kind !== 'pended') await completePasItem(ctx.database.db, lockId, opened.caseId, false);
    decisions.push({ sequence: item.sequence, decision });
  }
  await writeAudit(ctx.database.db, {
    at: now,
    actor: { username: `ehr:${client.clientId}`, role: 'ehr-client' },
    action: 'pas.submitted',
    entityType: 'member',
    entityId: member.id,
    details: {
      claim: parsed.claimIdentifier,
      items: decisions.map((d) => ({ sequence: d.sequence, kind: d.decision.kind })),
    },
  });
  return decisionResponse(rctx, decisions);
}
