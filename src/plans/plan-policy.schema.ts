import { Type, type Static } from '@sinclair/typebox';
import type { PlanPolicy } from './plan-policy.js';

/** TypeBox mirror of PlanPolicy (plan-policy.ts) for validating imported plan bundles. */
const Money = Type.String({ pattern: '^\\d{1,7}\\.\\d{2}$', description: 'Decimal string, two places ("12.50")' });
const Rate = Type.String({
  pattern: '^(0(\\.\\d{1,4})?|1(\\.0{1,4})?)$',
  description: 'Fraction from 0 to 1 ("0.20" = 20 %)',
});

const CostShareSchema = Type.Object(
  {
    copay: Type.Optional(Money),
    coinsurance: Type.Optional(Rate),
    coinsuranceMax: Type.Optional(Money),
  },
  { additionalProperties: false },
);

const ReviewClockSchema = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 10_000 }),
    unit: Type.Union([Type.Literal('hours'), Type.Literal('business-days'), Type.Literal('calendar-days')]),
  },
  { additionalProperties: false },
);

export const PlanPolicySchema = Type.Object(
  {
    costSharing: Type.Object(
      {
        dispensingFee: Money,
        tiers: Type.Record(
          Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }),
          Type.Object(
            {
              retail: Type.Optional(CostShareSchema),
              mail: Type.Optional(CostShareSchema),
              specialty: Type.Optional(CostShareSchema),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    accumulators: Type.Optional(
      Type.Object(
        {
          planYearStartMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
          deductible: Type.Optional(Money),
          deductibleExemptTiers: Type.Optional(
            Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }), { uniqueItems: true }),
          ),
          outOfPocketMax: Type.Optional(Money),
        },
        { additionalProperties: false },
      ),
    ),
    refillTooSoonPercent: Type.Integer({ minimum: 1, maximum: 100 }),
    emergencySupply: Type.Optional(
      Type.Object({ maxDaysSupply: Type.Integer({ minimum: 1, maximum: 34 }) }, { additionalProperties: false }),
    ),
    multiSourceBrand: Type.Optional(
      Type.Object(
        {
          substitutionAllowed: Type.Union([Type.Literal('reject'), Type.Literal('brand-cost-share')]),
          prescriberRequiresBrand: Type.Union([
            Type.Literal('brand-cost-share'),
            Type.Literal('generic-cost-share'),
            Type.Literal('reject'),
          ]),
        },
        { additionalProperties: false },
      ),
    ),
    priorAuthorization: Type.Object(
      {
        howToRequest: Type.Array(
          Type.Union([Type.Literal('epa'), Type.Literal('portal'), Type.Literal('fax'), Type.Literal('phone')]),
          { minItems: 1, uniqueItems: true },
        ),
        fax: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
        phone: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
        handledBy: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    review: Type.Object(
      {
        standard: ReviewClockSchema,
        urgent: ReviewClockSchema,
        onMissed: Type.Union([Type.Literal('deem-approved'), Type.Literal('escalate')]),
        warnBeforeHours: Type.Integer({ minimum: 0, maximum: 720 }),
        timeZone: Type.String({ minLength: 1, maxLength: 64 }),
        adverseDecisionRoles: Type.Optional(
          Type.Array(Type.Union([Type.Literal('reviewer-pharmacist'), Type.Literal('reviewer-physician')]), {
            minItems: 1,
            uniqueItems: true,
          }),
        ),
        autoApproveOnInformation: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    informationRequests: Type.Object(
      {
        max: Type.Integer({ minimum: 0, maximum: 10 }),
        responseWindowHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
        clock: Type.Optional(Type.Union([Type.Literal('continues'), Type.Literal('restarts-on-answer')])),
      },
      { additionalProperties: false },
    ),
    renewalWindowDays: Type.Integer({ minimum: 0, maximum: 365 }),
    appeals: Type.Object(
      {
        filingWindowDays: Type.Integer({ minimum: 1, maximum: 3650 }),
        standard: ReviewClockSchema,
        expedited: ReviewClockSchema,
        nextLevel: Type.String({ minLength: 1, maxLength: 500 }),
        mailingAddress: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 120 }), { minItems: 1, maxItems: 5 }),
        ),
        fax: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
        phone: Type.Optional(Type.String({ minLength: 7, maxLength: 30 })),
      },
      { additionalProperties: false },
    ),
    letterLanguages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);

// Compile-time guard: what the schema accepts is a PlanPolicy (a drift in either fails tsc).
const _schemaMatchesType = (p: Static<typeof PlanPolicySchema>): PlanPolicy => p;
void _schemaMatchesType;
