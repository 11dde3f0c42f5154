import { DomainError } from '../../platform/errors.js';
import type { FhirRequest } from '../fhir-request.js';
import type { FhirRoute } from '../fhir-route.js';
import { SCOPE } from '../../ehr-clients/client-scopes.js';
import { answerOrderHook } from './answer-order-hook.js';
import { CDS_SERVICES } from './cds-services.js';

/** CDS Hooks 2.0 at /cds-services: discovery (public) and one POST per service (scope cds-hooks). */
export function crdRoutes(): FhirRoute[] {
  return [
    {
      method: 'GET',
      path: '/',
      access: { kind: 'public' },
      handler: async () => ({ status: 200, contentType: 'application/json', body: { services: CDS_SERVICES } }),
    },
    ...CDS_SERVICES.map((service): FhirRoute => ({
      method: 'POST',
      path: `/${service.id}`,
      access: { kind: 'client', scope: SCOPE.crd },
      handler: async (req: FhirRequest, ctx) => {
        if (req.caller.kind !== 'client')
          throw new DomainError('FORBIDDEN', 'CDS Hooks calls come from a registered EHR client');
        const body = await answerOrderHook({
          ctx,
          client: req.caller.client,
          service,
          body: req.body,
          fhirBaseUrl: req.baseUrl.replace(/\/cds-services$/, '/fhir'),
        });
        return { status: 200, contentType: 'application/json', body: body as unknown as Record<string, unknown> };
      },
    })),
  ];
}
