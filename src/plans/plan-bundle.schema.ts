import { Type, type Static } from '@sinclair/typebox';
import { PlanPolicySchema } from './plan-policy.schema.js';

/** The project's own plan/formulary format, `openpbm-plans/1` (docs/plan-bundle-format.md). */
export const PLAN_BUNDLE_FORMAT = 'openpbm-plans/1';

const Id = (description: string) => Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description });
const Phone = Type.String({ minLength: 7, maxLength: 30 });

export const ProcessorSchema = Type.Object(
  {
    id: Id('Processor id'),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    bin: Type.String({ pattern: '^\\d{6}$', description: 'NCPDP BIN (101-A1), 6 digits' }),
    pcn: Type.Optional(Type.String({ minLength: 1, maxLength: 10, description: 'Processor control number (104-A4)' })),
    groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 15, description: 'Group (301-C1)' })),
    helpDeskPhone: Type.Optional(Phone),
    paFax: Type.Optional(Phone),
    paPhone: Type.Optional(Phone),
  },
  { additionalProperties: false },
);

const RxcuiText = Type.String({ pattern: '^\\d{1,10}$' });

export const StepTherapySchema = Type.Object(
  {
    prerequisites: Type.Object(
      {
        ingredients: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
        drugClasses: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
        groupIds: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
      },
      { additionalProperties: false },
    ),
    lookbackDays: Type.Integer({ minimum: 1, maximum: 1095 }),
    minDaysSupply: Type.Optional(Type.Integer({ minimum: 1, maximum: 1095 })),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);

export const FormularyEntrySchema = Type.Object(
  {
    group: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Drug-form group id (RxNorm SCDF, or scdf:<name>)' }),
    ),
    rxcui: Type.Optional(RxcuiText),
    covered: Type.Boolean(),
    tier: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()])),
    priorAuthorization: Type.Optional(
      Type.Object(
        { criteriaId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }) },
        { additionalProperties: false },
      ),
    ),
    stepTherapy: Type.Optional(StepTherapySchema),
    quantityLimit: Type.Optional(
      Type.Object(
        { units: Type.Number({ exclusiveMinimum: 0 }), days: Type.Integer({ minimum: 1, maximum: 365 }) },
        { additionalProperties: false },
      ),
    ),
    minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    maxAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
    sex: Type.Optional(Type.Union([Type.Literal('F'), Type.Literal('M')])),
    newStartsOnly: Type.Optional(Type.Boolean()),
    /** For people reading the file; not stored. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const BundlePlanSchema = Type.Object(
  {
    id: Id('Plan id'),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    lineOfBusiness: Type.String({
      pattern: '^[a-z][a-z0-9-]{0,39}$',
      description: 'commercial, medi-cal, medicare-d, ihss, …',
    }),
    processorId: Id('Processor that adjudicates this plan'),
    groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 15 })),
    carveOutPlanId: Type.Optional(Id("Plan whose processor covers this plan's pharmacy benefit instead")),
    policy: PlanPolicySchema,
    /** Present → replaces the plan's whole formulary; absent → the formulary is left as it is. */
    formulary: Type.Optional(Type.Array(FormularyEntrySchema, { maxItems: 100_000 })),
  },
  { additionalProperties: false },
);

export const PlanBundleSchema = Type.Object(
  {
    format: Type.Literal(PLAN_BUNDLE_FORMAT),
    processors: Type.Optional(Type.Array(ProcessorSchema)),
    plans: Type.Array(BundlePlanSchema),
  },
  { additionalProperties: false },
);

export type PlanBundle = Static<typeof PlanBundleSchema>;
export type BundlePlan = Static<typeof BundlePlanSchema>;
export type BundleProcessor = Static<typeof ProcessorSchema>;
export type BundleFormularyEntry = Static<typeof FormularyEntrySchema>;
