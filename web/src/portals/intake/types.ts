/** Intake-only API shapes (src/fax/fax.routes.ts), picked out of the generated openapi.d.ts; the shared ones are in web/src/api/types.ts. */
import type { ApiAnswer } from '../../api/api-shapes';

/** GET /fax/inbound/{id}, and GET /fax/inbound items. */
export type FaxItem = ApiAnswer<'/api/v1/fax/inbound/{id}', 'get'>;
/** POST /fax/inbound/{id}/case answer. */
export type CreatedCase = ApiAnswer<'/api/v1/fax/inbound/{id}/case', 'post', 201>;
/** POST /fax/inbound/{id}/attach answer. */
export type AttachResult = ApiAnswer<'/api/v1/fax/inbound/{id}/attach', 'post'>;
