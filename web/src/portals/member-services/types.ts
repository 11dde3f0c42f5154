/** Member-services-only API shapes, picked out of the generated openapi.d.ts (the shared ones are in web/src/api/types.ts). */
import type { ApiAnswer } from '../../api/api-shapes';

/** GET /members/{id}/call-notes items, and the POST answer. */
export type CallNote = ApiAnswer<'/api/v1/members/{id}/call-notes', 'post', 201>;
