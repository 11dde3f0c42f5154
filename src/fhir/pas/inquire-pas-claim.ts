import type { Bundle } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { writeAudit } from '../../audit/write-audit.js';
import { notFound } from '../../platform/errors.js';
import { findPaRequest } from '../../priorauth/index.js';
import type { ClientIdentity } from '../fhir-request.js';
import { decisionResponse, errorResponse, type ResponseContext } from './claim-response.js';
import { identifyPasMember } from './identify-pas-member.js';
import { decisionOfCase } from './item-decision.js';
import { parsePasBundle } from './parse-pas-bundle.js';
import { listPasRequestsForClaim } from './pas.repo.js';
import { planToday } from '../../platform/plan-time.js';

/**
 * PAS `Claim/$inquire`: the current state of a request this client submitted, found by the
 * Claim's identifier (trace number) and the same member; whatever channel the case moved through
 * since (a reviewer's decision in the portal, an ePA answer), the answer is the case's.
 */
export async function inquirePasClaim(ctx: AppContext, client: ClientIdentity, body: unknown): Promise<Bundle> {
  const parsed = parsePasBundle(body, 'inquire');
  const now = ctx.clock.now();
  const rctx: ResponseContext = {
    parsed,
    now,
    today: planToday(null, now),
    responseId: crypto.randomUUID(),
    inquiry: true,
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
  const items = (await listPasRequestsForClaim(ctx.database.db, client.id, parsed.claimIdentifier)).filter(
    (i) => i.memberId === member.id && i.paRequestId,
  );
  if (!items.length) throw notFound('Prior-authorization request with Claim.identifier', parsed.claimIdentifier);
  const decisions = [];
  for (const item of items) {
    const row = await findPaRequest(ctx.database.db, item.paRequestId!);
    if (row) decisions.push({ sequence: item.itemSequence, decision: decisionOfCase(row) });
  }
  await writeAudit(ctx.database.db, {
    at: now,
    actor: { username: `ehr:${client.clientId}`, role: 'ehr-client' },
    action: 'phi.read',
    entityType: 'member-pa-requests',
    entityId: member.id,
    details: { via: 'pas:$inquire', claim: parsed.claimIdentifier },
  });
  return decisionResponse(rctx, decisions);
}
