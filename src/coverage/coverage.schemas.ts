import { Type, type Static } from '@sinclair/typebox';
import { Ndc } from '../adapters/http/schemas.js';
import type { PharmacyType } from '../plans/plan-policy.js';

/** GET /coverage: the member, the drug (NDC or RxCUI) and the fill asked about. */
export const CoverageQuerySchema = Type.Object(
  {
    memberId: Type.String({ minLength: 1, maxLength: 20 }),
    productId: Type.Optional(Ndc),
    rxcui: Type.Optional(Type.String({ pattern: '^\\d{1,10}$' })),
    quantity: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100000 })),
    daysSupply: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    dateOfService: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: "Defaults to today in the plan's time zone",
      }),
    ),
  },
  { additionalProperties: false },
);

/**
 * What getCoverage answers: GET /coverage's query, and, for the callers inside the server (RTPB
 * compares retail with mail), where it would be filled (retail unless said).
 */
export type CoverageQuery = Static<typeof CoverageQuerySchema> & { pharmacyType?: PharmacyType };
