import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { DateString, errorResponses, Money, Nullable } from '../adapters/http/schemas.js';
import { NextStepsSchema } from '../claims/claims.schemas.js';
import { getCoverage } from './get-coverage.js';
import { CoverageQuerySchema } from './coverage.schemas.js';
import { memberFormulary } from './member-formulary.js';
import { FormularyHitSchema, FormularySearchQuery } from '../reference/formulary.schemas.js';

const AlternativeSchema = NextStepsSchema.properties.alternatives;

export const CoverageSchema = Type.Object({
  covered: Type.Boolean(),
  eligible: Type.Boolean(),
  planId: Type.String(),
  planName: Type.String(),
  drug: Type.Object({
    rxcui: Type.String(),
    name: Type.String(),
    groupId: Type.String(),
    groupName: Type.String(),
    generic: Type.Boolean(),
  }),
  tier: Nullable(Type.String()),
  priorAuthorizationRequired: Type.Boolean(),
  criteriaId: Nullable(Type.String()),
  activeAuthorization: Type.Optional(
    Type.Object({ number: Type.String(), effectiveFrom: Type.String(), effectiveTo: Type.String() }),
  ),
  stepTherapy: Type.Optional(
    Type.Object({
      prerequisites: Type.String(),
      lookbackDays: Type.Integer(),
      met: Type.Boolean(),
      metBy: Nullable(
        Type.Union([Type.Literal('history'), Type.Literal('authorization'), Type.Literal('continuing-therapy')], {
          description: 'What satisfies the step: the fill history, an active authorization, or continuing therapy',
        }),
      ),
      daysSupplyFound: Type.Integer({ description: "Days' supply of the prerequisite filled within the look-back" }),
      minDaysSupply: Type.Integer(),
      lastFillDate: Nullable(DateString),
    }),
  ),
  quantityLimit: Type.Optional(
    Type.Object({ units: Type.Number(), days: Type.Number(), maxForDaysSupply: Type.Number() }),
  ),
  ageLimit: Type.Optional(
    Type.Object({ minAge: Nullable(Type.Integer()), maxAge: Nullable(Type.Integer()), met: Type.Boolean() }),
  ),
  sexLimit: Type.Optional(
    Type.Object({ sex: Type.Union([Type.Literal('F'), Type.Literal('M')]), met: Type.Boolean() }),
  ),
  estimatedPatientPay: Nullable(Type.String()),
  pharmacyPrices: Type.Array(
    Type.Object({
      pharmacyType: Type.Union([Type.Literal('retail'), Type.Literal('mail')]),
      daysSupply: Type.Integer(),
      quantity: Type.Number(),
      patientPay: Nullable(Money),
    }),
    {
      description:
        "The member's estimated pay at a retail pharmacy (the days' supply asked) and by mail order (90 days), where the plan offers mail for the tier",
    },
  ),
  processor: Type.Object({
    name: Type.String(),
    bin: Type.String(),
    pcn: Nullable(Type.String()),
    groupId: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  }),
  alternatives: Type.Unsafe(AlternativeSchema),
  message: Type.String(),
  claim: Type.Object(
    {
      dateOfService: DateString,
      quantity: Type.Number(),
      daysSupply: Type.Integer(),
      wouldPay: Type.Boolean(),
      rejects: Type.Array(Type.Object({ code: Type.String(), description: Type.String() })),
      message: Type.String(),
      patientPay: Nullable(Money),
      exception: Type.Optional(
        Type.Object(
          { kind: Type.String(), criteriaId: Type.String() },
          { description: "The exception the claim's reject points to (docs/design.md#exceptions)" },
        ),
      ),
    },
    { description: 'The dry run: what a B1 claim for this member, product, quantity and date would get' },
  ),
});

export async function coverageRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/coverage',
    {
      config: { phiRead: { resource: 'member-coverage', reason: 'member-inquiry', member: { query: 'memberId' } } },
      schema: {
        tags: ['coverage'],
        summary:
          'Real-time benefit check, a dry run of the claim pipeline: would a claim pay, tier, PA/step/quantity/age/sex rules, estimated patient pay, alternatives',
        querystring: CoverageQuerySchema,
        response: { 200: CoverageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getCoverage(ctx, principalOf(req), req.query),
  );

  app.get(
    '/members/:id/formulary',
    {
      config: { phiRead: { resource: 'member-formulary', reason: 'member-inquiry', member: { param: 'id' } } },
      schema: {
        tags: ['coverage'],
        summary:
          "Search the formulary as it applies to one member today: the paying plan's entries with the member's approved exceptions and authorizations applied (tier, quantity, age/sex limits, brand at the generic's tier), as claims and coverage apply them",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 20 }) }),
        querystring: FormularySearchQuery,
        response: {
          200: Type.Object({
            memberId: Type.String(),
            planId: Type.String(),
            formularyPlanId: Type.String({
              description: 'The plan whose formulary applies (a carve-out names the payer)',
            }),
            asOf: DateString,
            items: Type.Array(FormularyHitSchema),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => memberFormulary(ctx, principalOf(req), req.params.id, req.query),
  );
}
