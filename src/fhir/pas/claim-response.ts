import type { Bundle, BundleEntry, ClaimResponse, ClaimResponseItem, Extension } from '@medplum/fhirtypes';
import { X12_306, type ItemDecision } from './item-decision.js';
import { PAS, type PasBundle } from './parse-pas-bundle.js';

export const PA_REQUEST_SYSTEM = 'https://openpbm.org/fhir/sid/pa-request';
const X12_306_SYSTEM = 'https://codesystem.x12.org/005010/306';
const X12_901_SYSTEM = 'https://codesystem.x12.org/005010/901';

function reviewAction(d: ItemDecision): Extension {
  const code = d.kind === 'certified' && d.partial ? X12_306.partial : X12_306[d.kind];
  return {
    url: PAS.ext('reviewAction'),
    extension: [
      ...(d.kind === 'certified' ? [{ url: 'number', valueString: d.authorizationNumber }] : []),
      { url: PAS.ext('reviewActionCode'), valueCodeableConcept: { coding: [{ system: X12_306_SYSTEM, ...code }] } },
    ],
  };
}

function noteOf(d: ItemDecision): string {
  if (d.kind === 'not-certified') return `Denied: ${d.reasons.join('; ') || 'the coverage criteria were not met'}.`;
  return d.note;
}

function item(sequence: number, d: ItemDecision, today: string): ClaimResponseItem {
  const extension: Extension[] = [];
  if (d.kind === 'certified') {
    extension.push({ url: PAS.ext('itemPreAuthIssueDate'), valueDate: today });
    extension.push({ url: PAS.ext('itemPreAuthPeriod'), valuePeriod: { start: d.from, end: d.to } });
  }
  // The case id: what the submitter quotes when it sends answers (QuestionnaireResponse.basedOn) or calls.
  if ('caseId' in d && d.caseId)
    extension.push({ url: PAS.ext('administrationReferenceNumber'), valueString: d.caseId });
  return {
    ...(extension.length ? { extension } : {}),
    itemSequence: sequence,
    noteNumber: [sequence],
    adjudication: [
      {
        extension: [reviewAction(d)],
        category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }] },
      },
    ],
  };
}

export interface ResponseContext {
  parsed: Pick<PasBundle, 'bundle' | 'claim' | 'resolve'>;
  now: Date;
  today: string;
  responseId: string;
  inquiry: boolean;
}

/** Claim fields echoed in the ClaimResponse, and the referenced resources the response bundle carries. */
function echo(ctx: ResponseContext) {
  const { claim } = ctx.parsed;
  const refs = [claim.patient?.reference, claim.insurer?.reference, claim.provider?.reference].filter(
    (r): r is string => !!r,
  );
  const entries: BundleEntry[] = [];
  for (const ref of refs) {
    const r = ctx.parsed.resolve(ref);
    const source = ctx.parsed.bundle.entry?.find((e) => e.resource === r);
    if (r && source && !entries.some((e) => e.resource === r)) entries.push({ fullUrl: source.fullUrl, resource: r });
  }
  return { entries };
}

function responseBundle(ctx: ResponseContext, claimResponse: ClaimResponse): Bundle {
  return {
    resourceType: 'Bundle',
    meta: { profile: [ctx.inquiry ? PAS.inquiryResponseBundle : PAS.responseBundle] },
    ...(ctx.parsed.bundle.identifier ? { identifier: ctx.parsed.bundle.identifier } : {}),
    type: 'collection',
    timestamp: ctx.now.toISOString(),
    entry: [{ fullUrl: `urn:uuid:${ctx.responseId}`, resource: claimResponse }, ...echo(ctx).entries],
  };
}

function base(ctx: ResponseContext): ClaimResponse {
  const { claim } = ctx.parsed;
  return {
    resourceType: 'ClaimResponse',
    id: ctx.responseId,
    meta: { profile: [ctx.inquiry ? PAS.inquiryClaimResponse : PAS.claimResponse] },
    identifier: claim.identifier,
    status: 'active',
    type: claim.type,
    use: 'preauthorization',
    patient: claim.patient,
    created: ctx.now.toISOString(),
    insurer: claim.insurer ?? { display: 'OpenPBM' },
    ...(claim.provider ? { requestor: claim.provider } : {}),
    request: { identifier: claim.identifier?.[0] },
    outcome: 'complete',
  };
}

/** The PAS response Bundle: a ClaimResponse with one adjudicated item per Claim item, then what it references. */
export function decisionResponse(
  ctx: ResponseContext,
  decisions: Array<{ sequence: number; decision: ItemDecision }>,
): Bundle {
  const cr = base(ctx);
  cr.outcome = decisions.some((d) => d.decision.kind === 'pended') ? 'queued' : 'complete';
  const approved = decisions.map((d) => d.decision).find((d) => d.kind === 'certified');
  if (approved?.kind === 'certified') cr.preAuthRef = approved.authorizationNumber;
  const caseIds = [
    ...new Set(decisions.map((d) => ('caseId' in d.decision ? d.decision.caseId : undefined)).filter(Boolean)),
  ];
  cr.identifier = [...(cr.identifier ?? []), ...caseIds.map((value) => ({ system: PA_REQUEST_SYSTEM, value }))];
  cr.disposition = decisions.map((d) => `Item ${d.sequence}: ${noteOf(d.decision)}`).join(' ');
  cr.item = decisions.map((d) => item(d.sequence, d.decision, ctx.today));
  cr.processNote = decisions.map((d) => ({ number: d.sequence, type: 'display', text: noteOf(d.decision) }));
  return responseBundle(ctx, cr);
}

/** outcome = error with X12 901 reject reasons (AAA), e.g. 75 Subscriber/Insured Not Found. */
export function errorResponse(
  ctx: ResponseContext,
  errors: Array<{ code: string; path: string; text: string }>,
): Bundle {
  const cr = base(ctx);
  cr.outcome = 'error';
  cr.disposition = errors.map((e) => e.text).join(' ');
  cr.error = errors.map((e) => ({
    extension: [{ url: PAS.ext('errorPath'), valueString: e.path }],
    code: { coding: [{ system: X12_901_SYSTEM, code: e.code }], text: e.text },
  }));
  return responseBundle(ctx, cr);
}
