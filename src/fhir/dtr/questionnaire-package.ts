import type { Bundle, Coverage, OperationOutcomeIssue, Parameters, Questionnaire, Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { writeAudit } from '../../audit/write-audit.js';
import { addDays } from '../../platform/dates.js';
import { loadMemberBenefits } from '../../claims/index.js';
import { isStepTherapyMet } from '../../claims/rules/utilization.js';
import { GENERAL_CRITERIA_ID, STEP_EXCEPTION_CRITERIA_ID } from '../../priorauth/criteria-library/index.js';
import { findCurrentPublishedCriteria, listCriteria } from '../../priorauth/index.js';
import { findFormularyEntry } from '../../reference/reference-cache.js';
import type { FhirRequest, FhirResponse } from '../fhir-request.js';
import { invalidElement } from '../operation-outcome.js';
import { ordersOf } from '../crd/drug-orders.js';
import { identifyPlan } from './identify-plan.js';
import { planToday } from '../../platform/plan-time.js';

export const DTR = {
  inputProfile: 'http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-qpackage-input-parameters',
  outputProfile: 'http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-qpackage-output-parameters',
  bundleProfile: 'http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/DTR-QPackageBundle',
  questionnaireProfile: 'http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-std-questionnaire',
} as const;

function parameters(body: unknown): Parameters {
  const p = body as Parameters;
  if (!p || typeof p !== 'object' || p.resourceType !== 'Parameters')
    throw invalidElement('resourceType', 'the body must be a Parameters resource (dtr-qpackage-input-parameters)');
  if (!Array.isArray(p.parameter)) throw invalidElement('Parameters.parameter', 'is required');
  return p;
}

/** The Questionnaire as DTR delivers it: the criteria set's, claiming the DTR standard profile. */
function asDtrQuestionnaire(q: Questionnaire, id: string, version: number): Questionnaire {
  return {
    ...q,
    id,
    version: q.version ?? String(version),
    meta: { ...(q.meta ?? {}), profile: [DTR.questionnaireProfile] },
  };
}

const info = (text: string, expression?: string): OperationOutcomeIssue => ({
  severity: 'information',
  code: 'informational',
  details: { text },
  ...(expression ? { expression: [expression] } : {}),
});

/**
 * DTR `$questionnaire-package`: for each drug order on the member's plan, the criteria set's
 * Questionnaire (with SDC launchContext, x-fhir-query variables and FHIRPath initialExpressions
 * for what the EHR can prefill) in one DTR package Bundle each. Orders that need no documentation,
 * or that are not drugs, are explained in `outcome`.
 */
export async function questionnairePackage(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const input = parameters(req.body);
  const params = input.parameter ?? [];
  const coverages = params.filter((p) => p.name === 'coverage').map((p) => p.resource as Coverage);
  if (!coverages.length || coverages.some((c) => c?.resourceType !== 'Coverage'))
    throw invalidElement('Parameters.parameter:coverage', 'at least one Coverage resource is required');
  const orders = params.filter((p) => p.name === 'order').map((p) => p.resource as Resource);
  if (orders.some((o) => !o?.resourceType)) throw invalidElement('Parameters.parameter:order', 'must carry a resource');
  const canonicals = params.filter((p) => p.name === 'questionnaire').map((p) => p.valueCanonical ?? '');

  const issues: OperationOutcomeIssue[] = [];
  const chosen = new Map<string, { q: Questionnaire; id: string; version: number }>();
  const add = (id: string, version: number, q: Questionnaire) => chosen.set(id, { id, version, q });

  if (canonicals.length) {
    const all = await listCriteria(ctx.database.db, { currentOnly: true });
    for (const c of canonicals) {
      const [url] = c.split('|');
      const hit = all.find((row) => row.body.questionnaire.url === url);
      if (hit) add(hit.id, hit.version, hit.body.questionnaire);
      else issues.push(info(`No questionnaire ${c} is published by this payer`, 'questionnaire'));
    }
  }

  const ref = await ctx.reference.get();
  const { drugs, others } = ordersOf(
    {
      hook: 'dtr',
      hookInstance: '',
      context: {
        draftOrders: { resourceType: 'Bundle', type: 'collection', entry: orders.map((resource) => ({ resource })) },
      },
    },
    ref,
  );
  for (const o of others)
    issues.push(
      info(
        `${o.resourceType}${o.id ? `/${o.id}` : ''} is not an outpatient drug order: OpenPBM has no documentation rules for it`,
        'order',
      ),
    );

  const plan = drugs.length ? await identifyPlan(ctx, coverages) : null;
  if (drugs.length && !plan)
    issues.push(
      info(
        'The Coverage does not match an OpenPBM member or plan (subscriberId, member id, or plan/group class value)',
        'coverage',
      ),
    );
  if (plan) {
    const today = planToday(plan, ctx.clock.now());
    for (const order of drugs) {
      if (!order.drug) {
        issues.push(info(`No RxNorm or NDC code on ${order.reference} is in the drug catalog`, 'order'));
        continue;
      }
      const payer = plan.carveOutPlanId ? (ref.plans.get(plan.carveOutPlanId) ?? plan) : plan;
      const entry = findFormularyEntry(ref, payer.id, order.drug);
      let criteriaId: string | null = null;
      if (!entry?.covered) criteriaId = GENERAL_CRITERIA_ID;
      else if (entry.priorAuthorization) criteriaId = entry.criteriaId ?? GENERAL_CRITERIA_ID;
      else if (entry.stepTherapy) {
        const history = plan.memberId
          ? (
              await loadMemberBenefits(
                ctx.database,
                plan.memberId,
                today,
                addDays(today, -entry.stepTherapy.lookbackDays),
              )
            ).history
          : [];
        if (!isStepTherapyMet(entry.stepTherapy, history, today)) criteriaId = STEP_EXCEPTION_CRITERIA_ID;
      }
      if (!criteriaId) {
        issues.push(info(`${order.drug.name} needs no prior authorization or documentation on ${payer.name}`, 'order'));
        continue;
      }
      const criteria = await findCurrentPublishedCriteria(ctx, criteriaId);
      if (criteria) add(criteria.id, criteria.version, criteria.body.questionnaire);
    }
  }
  if (plan?.memberId)
    await writeAudit(ctx.database.db, {
      at: ctx.clock.now(),
      actor:
        req.caller.kind === 'client' ? { username: `ehr:${req.caller.client.clientId}`, role: 'ehr-client' } : 'system',
      action: 'phi.read',
      entityType: 'member-coverage',
      entityId: plan.memberId,
      details: { via: 'dtr:$questionnaire-package', questionnaires: [...chosen.keys()] },
    });

  const output: Parameters = {
    resourceType: 'Parameters',
    meta: { profile: [DTR.outputProfile] },
    parameter: [...chosen.values()].map(({ q, id, version }) => ({
      name: 'PackageBundle',
      resource: {
        resourceType: 'Bundle',
        meta: { profile: [DTR.bundleProfile] },
        type: 'collection',
        timestamp: ctx.clock.now().toISOString(),
        entry: [{ fullUrl: `${req.baseUrl}/Questionnaire/${id}`, resource: asDtrQuestionnaire(q, id, version) }],
      } satisfies Bundle,
    })),
  };
  if (issues.length)
    output.parameter!.push({ name: 'outcome', resource: { resourceType: 'OperationOutcome', issue: issues } });
  return { status: 200, body: output };
}
