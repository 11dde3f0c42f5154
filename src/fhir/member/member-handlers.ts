import type { Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { writeAudit } from '../../audit/write-audit.js';
import { listClaims } from '../../claims/index.js';
import type { Principal } from '../../platform/roles.js';
import { findMemberById, type MemberRow } from '../../members/index.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { FhirRequest, FhirResponse } from '../fhir-request.js';
import { invalidElement } from '../operation-outcome.js';
import { coverageId } from './carin-bb.js';
import { toCoverage, toPatient, toPharmacyEob } from './member-resources.js';

function memberOf(req: FhirRequest): Principal {
  if (req.caller.kind !== 'user' || req.caller.principal.role !== 'member' || !req.caller.principal.memberId)
    throw new DomainError('FORBIDDEN', "Only the member may read their own records here (member's access token)");
  return req.caller.principal;
}

async function loadSelf(req: FhirRequest, ctx: AppContext, what: string): Promise<{ p: Principal; member: MemberRow }> {
  const p = memberOf(req);
  const member = await findMemberById(ctx.database.db, p.memberId!);
  if (!member) throw notFound('Member', p.memberId!);
  // Every read of a member's record is logged, the member's own included (45 CFR 164.528 accounting).
  await writeAudit(ctx.database.db, {
    at: ctx.clock.now(),
    actor: p,
    action: 'phi.read',
    entityType: what,
    entityId: member.id,
    details: { via: 'fhir' },
  });
  return { p, member };
}

/** Search parameters members may use: patient/beneficiary must be themselves; nothing else is offered. */
function checkSelfSearch(req: FhirRequest, memberId: string, allowed: string[]): void {
  for (const [k, v] of Object.entries(req.query)) {
    if (k === '_count' || k === '_format') continue;
    if (!allowed.includes(k)) throw invalidElement(k, 'is not a supported search parameter (see /fhir/metadata)');
    const values = (Array.isArray(v) ? v : [v ?? '']).map((x) => x.replace(/^Patient\//, ''));
    if (k !== '_id' && values.some((x) => x !== memberId))
      throw invalidElement(k, 'members can search only their own records');
  }
}

function searchset(req: FhirRequest, type: string, resources: Resource[]): FhirResponse {
  return {
    status: 200,
    body: {
      resourceType: 'Bundle',
      type: 'searchset',
      total: resources.length,
      link: [{ relation: 'self', url: `${req.baseUrl}/${type}` }],
      entry: resources.map((r) => ({
        fullUrl: `${req.baseUrl}/${type}/${r.id}`,
        resource: r,
        search: { mode: 'match' },
      })),
    },
  };
}

async function coverageOf(ctx: AppContext, member: MemberRow) {
  const ref = await ctx.reference.get();
  const plan = ref.plans.get(member.planId)!;
  return { plan, coverage: toCoverage(member, plan, ref.processors.get(plan.processorId)), ref };
}

export async function readPatient(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const p = memberOf(req);
  // Another member's record does not exist for this caller.
  if (req.params.id !== p.memberId) throw notFound('Patient', req.params.id);
  const { member } = await loadSelf(req, ctx, 'member');
  return { status: 200, body: toPatient(member) };
}

export async function searchPatients(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const p = memberOf(req);
  checkSelfSearch(req, p.memberId!, ['_id']);
  const ids = req.query._id;
  if (ids !== undefined && (Array.isArray(ids) ? ids : [ids]).some((x) => x !== p.memberId))
    return searchset(req, 'Patient', []);
  const { member } = await loadSelf(req, ctx, 'member');
  return searchset(req, 'Patient', [toPatient(member)]);
}

export async function readCoverage(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const p = memberOf(req);
  if (req.params.id !== coverageId(p.memberId!)) throw notFound('Coverage', req.params.id);
  const { member } = await loadSelf(req, ctx, 'member-coverage');
  return { status: 200, body: (await coverageOf(ctx, member)).coverage };
}

export async function searchCoverages(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const p = memberOf(req);
  checkSelfSearch(req, p.memberId!, ['patient', 'beneficiary']);
  const { member } = await loadSelf(req, ctx, 'member-coverage');
  return searchset(req, 'Coverage', [(await coverageOf(ctx, member)).coverage]);
}

async function eobsOf(req: FhirRequest, ctx: AppContext) {
  const { member } = await loadSelf(req, ctx, 'member-claims');
  const { plan, ref } = await coverageOf(ctx, member);
  const claims = await listClaims(ctx.database.db, { memberId: member.id, limit: 500 });
  return claims.map((c) => {
    const claimPlan = (c.planId && ref.plans.get(c.planId)) || plan;
    return toPharmacyEob(c, member, claimPlan, ref.processors.get(claimPlan.processorId));
  });
}

export async function readEob(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  memberOf(req);
  const eob = (await eobsOf(req, ctx)).find((e) => e.id === req.params.id);
  if (!eob) throw notFound('ExplanationOfBenefit', req.params.id);
  return { status: 200, body: eob };
}

/** The member's pharmacy claims, newest first (the 500 most recent). */
export async function searchEobs(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const p = memberOf(req);
  checkSelfSearch(req, p.memberId!, ['patient']);
  return searchset(req, 'ExplanationOfBenefit', await eobsOf(req, ctx));
}
