import { Type } from '@sinclair/typebox';
import { Nullable } from '../adapters/http/schemas.js';

/** One drug of a formulary search (GET /plans/{planId}/formulary, GET /members/{id}/formulary). */
export const FormularyHitSchema = Type.Object({
  rxcui: Type.String(),
  name: Type.String(),
  tty: Type.String(),
  generic: Type.Boolean(),
  brandName: Nullable(Type.String()),
  ingredient: Type.String(),
  strength: Nullable(Type.String()),
  doseForm: Type.String(),
  groupId: Type.String(),
  groupName: Type.String(),
  drugClass: Nullable(Type.String()),
  ndcs: Type.Array(Type.String()),
  covered: Type.Boolean(),
  tier: Nullable(Type.String()),
  priorAuthorization: Type.Boolean(),
  criteriaId: Nullable(Type.String()),
  stepTherapy: Nullable(Type.String()),
  quantityLimit: Nullable(Type.Object({ units: Type.Number(), days: Type.Number() })),
  minAge: Nullable(Type.Integer()),
  maxAge: Nullable(Type.Integer()),
  sex: Nullable(Type.String({ description: 'F or M: the only sex the drug is covered for' })),
  memberAuthorizations: Type.Optional(
    Type.Array(Type.Object({ number: Type.String(), kind: Type.String(), effectiveTo: Type.String() }), {
      description:
        "Asked for a member (GET /members/{id}/formulary): the member's authorizations and approved exceptions that change this entry for them",
    }),
  ),
});

/** The formulary search's query (a plan's formulary and a member's): text, covered only, page size. */
export const FormularySearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    coveredOnly: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
