import type { AppContext } from '../../app-context.js';
import { DomainError } from '../../platform/errors.js';
import type { ClientIdentity, FhirRequest, FhirResponse } from '../fhir-request.js';
import { inquirePasClaim } from './inquire-pas-claim.js';
import { submitPasClaim } from './submit-pas-claim.js';

function clientOf(req: FhirRequest): ClientIdentity {
  if (req.caller.kind !== 'client')
    throw new DomainError('FORBIDDEN', 'PAS requests come from a registered EHR client');
  return req.caller.client;
}

export async function pasSubmitHandler(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  return { status: 200, body: await submitPasClaim(ctx, clientOf(req), req.body) };
}

export async function pasInquireHandler(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  return { status: 200, body: await inquirePasClaim(ctx, clientOf(req), req.body) };
}
