import { EXCEPTION_KINDS } from '../shared/exception-kinds.js';
import { Type } from '@sinclair/typebox';
import { DateString, Money, Ndc, Npi, Nullable } from '../adapters/http/schemas.js';

export const ClaimRequestSchema = Type.Object(
  {
    bin: Type.String({ pattern: '^\\d{6}$', description: '101-A1 BIN' }),
    pcn: Type.Optional(Nullable(Type.String({ maxLength: 10, description: '104-A4 PCN' }))),
    groupId: Type.Optional(Nullable(Type.String({ maxLength: 15, description: '301-C1 group' }))),
    cardholderId: Type.String({ minLength: 1, maxLength: 20, description: '302-C2 cardholder ID' }),
    patient: Type.Object({ dateOfBirth: DateString }, { additionalProperties: false }),
    pharmacyNpi: Npi,
    prescriptionNumber: Type.String({ minLength: 1, maxLength: 12, pattern: '^[A-Za-z0-9-]+$', description: '402-D2' }),
    fillNumber: Type.Integer({ minimum: 0, maximum: 99, description: '403-D3' }),
    dateOfService: DateString,
    productId: Ndc,
    quantityDispensed: Type.Number({ exclusiveMinimum: 0, maximum: 9999999.999, description: '442-E7' }),
    daysSupply: Type.Integer({ minimum: 1, maximum: 365, description: '405-D5' }),
    prescriberNpi: Npi,
    dawCode: Type.Optional(Type.String({ pattern: '^[0-9]$', description: '408-D8' })),
    priorAuthorizationNumber: Type.Optional(Nullable(Type.String({ maxLength: 20, description: '462-EV' }))),
    submittedIngredientCost: Money,
    usualAndCustomaryCharge: Money,
    emergencySupply: Type.Optional(Type.Boolean({ description: 'Level of service 418-DI = 03 (emergency)' })),
  },
  { additionalProperties: false, $id: 'ClaimRequest' },
);

const RejectSchema = Type.Object({ code: Type.String(), description: Type.String() });
const AlternativeSchema = Type.Object({
  rxcui: Type.String(),
  name: Type.String(),
  tier: Nullable(Type.String()),
  estimatedPatientPay: Nullable(Type.String()),
  priorAuthorizationRequired: Type.Boolean(),
});
export const NextStepsSchema = Type.Object({
  priorAuthorization: Type.Optional(
    Type.Object({
      required: Type.Boolean(),
      processorName: Type.String(),
      howToRequest: Type.Array(Type.String()),
      fax: Type.Optional(Type.String()),
      phone: Type.Optional(Type.String()),
      criteriaId: Type.Optional(Type.String()),
    }),
  ),
  otherProcessor: Type.Optional(
    Type.Object({
      name: Type.String(),
      bin: Type.String(),
      pcn: Nullable(Type.String()),
      groupId: Nullable(Type.String()),
      phone: Nullable(Type.String()),
    }),
  ),
  alternatives: Type.Optional(Type.Array(AlternativeSchema)),
  refillAllowedOn: Type.Optional(Type.String()),
  previousFill: Type.Optional(
    Type.Object({ dateOfService: Type.String(), daysSupply: Type.Integer(), quantity: Type.Number() }),
  ),
  stepTherapy: Type.Optional(Type.Object({ prerequisites: Type.String(), lookbackDays: Type.Integer() })),
  exception: Type.Optional(
    Type.Object(
      {
        kind: Type.Union(EXCEPTION_KINDS.map((k) => Type.Literal(k))),
        criteriaId: Type.String(),
      },
      { description: 'The exception that lifts this reject, and the criteria set (question set) it is decided on' },
    ),
  ),
  quantityLimit: Type.Optional(
    Type.Object({
      units: Type.Number(),
      days: Type.Number(),
      maxForDaysSupply: Type.Number(),
      windowStart: Type.Optional(Type.String()),
      windowEnd: Type.Optional(Type.String()),
      paidInWindow: Type.Optional(Type.Number()),
      remaining: Type.Optional(Type.Number()),
      payableOn: Type.Optional(Type.String()),
    }),
  ),
});

export const AccumulatorStandingSchema = Type.Object({
  planId: Type.String(),
  planYearStart: Type.String(),
  planYearEnd: Type.String(),
  deductible: Nullable(Type.String()),
  deductibleMet: Type.String(),
  deductibleRemaining: Nullable(Type.String()),
  outOfPocketMax: Nullable(Type.String()),
  outOfPocketSpent: Type.String(),
  outOfPocketRemaining: Nullable(Type.String()),
});

export const ClaimResponseSchema = Type.Object({
  claimId: Type.String(),
  transactionStatus: Type.Union([Type.Literal('P'), Type.Literal('R'), Type.Literal('D')]),
  rejects: Type.Array(RejectSchema),
  message: Type.String(),
  authorizationNumber: Type.Optional(Nullable(Type.String())),
  pricing: Type.Optional(
    Type.Object({
      ingredientCost: Type.String(),
      dispensingFee: Type.String(),
      patientPay: Type.String(),
      planPay: Type.String(),
      basis: Type.String(),
      deductibleApplied: Type.Optional(Type.String()),
      copay: Type.Optional(Type.String()),
      coinsurance: Type.Optional(Type.String()),
      overOutOfPocketMax: Type.Optional(Type.String()),
    }),
  ),
  nextSteps: Type.Optional(NextStepsSchema),
  drug: Type.Optional(Nullable(Type.Object({ rxcui: Type.String(), name: Type.String(), groupId: Type.String() }))),
  emergencySupply: Type.Optional(Type.Boolean()),
  accumulators: Type.Optional(AccumulatorStandingSchema),
});

export const ClaimSummarySchema = Type.Object({
  claimId: Type.String(),
  memberId: Nullable(Type.String()),
  pharmacyNpi: Type.String(),
  prescriberNpi: Type.Optional(Type.String()),
  prescriptionNumber: Type.String(),
  fillNumber: Type.Integer(),
  dateOfService: Type.String(),
  productId: Type.String(),
  drugName: Nullable(Type.String()),
  pharmacy: Type.Optional(
    Nullable(
      Type.Object(
        {
          npi: Type.String(),
          name: Type.String(),
          phone: Nullable(Type.String()),
          address: Nullable(Type.String()),
        },
        { description: 'the pharmacy as a member knows it' },
      ),
    ),
  ),
  drugGroupId: Type.Optional(Nullable(Type.String({ description: 'the drug-form group an authorization covers' }))),
  quantity: Type.Number(),
  daysSupply: Type.Integer(),
  transactionStatus: Type.String(),
  reversed: Type.Boolean(),
  reversedAt: Nullable(Type.String()),
  rejects: Type.Array(RejectSchema),
  message: Type.String(),
  patientPay: Nullable(Type.String()),
  planPay: Nullable(Type.String()),
  authorizationNumber: Nullable(Type.String()),
  nextSteps: Type.Optional(NextStepsSchema),
  receivedAt: Type.String(),
});

export const ReversalResponseSchema = Type.Object({
  claimId: Type.String(),
  transactionStatus: Type.Union([Type.Literal('A'), Type.Literal('R')]),
  rejects: Type.Array(RejectSchema),
  message: Type.String(),
});
