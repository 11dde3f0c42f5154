import { Type } from '@sinclair/typebox';
import { CASE_KINDS, EXCEPTION_KINDS } from '../shared/exception-kinds.js';
import { Ndc, Npi } from '../adapters/http/schemas.js';

const Loose = (description: string, props: Parameters<typeof Type.Object>[0] = {}) =>
  Type.Object(props, { additionalProperties: true, description });

export const QuestionnaireResponseSchema = Type.Object(
  {
    resourceType: Type.Literal('QuestionnaireResponse'),
    item: Type.Optional(
      Type.Array(
        Type.Object(
          {
            linkId: Type.String(),
            answer: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
          },
          { additionalProperties: true },
        ),
      ),
    ),
  },
  { additionalProperties: true, description: 'FHIR R4 QuestionnaireResponse' },
);

/** How a case arrived. */
export const CHANNELS = ['epa', 'portal', 'fax', 'pharmacy', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a new case is about (the drug, the prescriber, the member); the web form and fax intake send it. */
const CaseSubject = {
  memberId: Type.String({ minLength: 1, maxLength: 20 }),
  prescriberNpi: Npi,
  productId: Type.Optional(Ndc),
  rxcui: Type.Optional(Type.String({ pattern: '^\\d{1,10}$' })),
  quantity: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }),
  daysSupply: Type.Integer({ minimum: 1, maximum: 365 }),
  urgency: Type.Union([Type.Literal('standard'), Type.Literal('urgent')]),
  urgencyReason: Type.Optional(Type.String({ maxLength: 2000 })),
  kind: Type.Optional(
    Type.Union(
      CASE_KINDS.map((k) => Type.Literal(k)),
      {
        description:
          'prior-authorization (default), or the exception asked for; a drug not on the formulary starts a formulary exception without it',
      },
    ),
  ),
};

/** POST /pa-requests. */
export const InitiateBody = Type.Object(
  {
    ...CaseSubject,
    channel: Type.Union(CHANNELS.map((c) => Type.Literal(c))),
    renewalOf: Type.Optional(Type.String({ maxLength: 40 })),
    pharmacyNpi: Type.Optional(Npi),
  },
  { additionalProperties: false },
);

/** POST /fax/inbound/:id/case: the channel is fax and the clock starts at the fax's receipt. */
export const FaxCaseBody = Type.Object(CaseSubject, { additionalProperties: false });

/** Where a case stands after appeals (src/priorauth/rules/case-standing.ts). */
const StandingSchema = Type.Object(
  {
    status: Type.String({
      description: 'the case status, or approved-on-appeal / partially-approved-on-appeal after an appeal was won',
    }),
    appeal: Type.Union([
      Type.String({ description: 'open | withdrawn | overturned | partially-overturned | upheld' }),
      Type.Null(),
    ]),
    authorization: Type.Union([
      Type.Object({
        number: Type.String(),
        effectiveFrom: Type.String(),
        effectiveTo: Type.String(),
        maxUnits: Type.Union([Type.Number(), Type.Null()]),
        perDays: Type.Union([Type.Number(), Type.Null()]),
      }),
      Type.Null(),
    ]),
  },
  { description: 'What people read: the authorization the member can fill on, and any appeal' },
);

export const RequestSummarySchema = Loose('A PA request in a list or queue', {
  id: Type.String(),
  status: Type.String(),
  memberId: Type.String(),
  prescriberNpi: Type.String(),
  drug: Type.Object({
    rxcui: Type.String(),
    name: Type.String(),
    groupId: Type.String(),
    groupName: Type.String(),
    scope: Type.String(),
  }),
  urgency: Type.String(),
  receivedAt: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  standing: StandingSchema,
});

export const RequestViewSchema = Loose(
  'A PA request (case) with its question set, answers, information requests, determination, trace, notices and history',
  {
    id: Type.String(),
    status: Type.String(),
    memberId: Type.String(),
    prescriberNpi: Type.String(),
    drug: Type.Object({
      rxcui: Type.String(),
      name: Type.String(),
      groupId: Type.String(),
      groupName: Type.String(),
      scope: Type.String(),
    }),
    urgency: Type.String(),
    receivedAt: Type.String(),
    kind: Type.String({
      description: 'prior-authorization, or the exception kind (formulary, tiering, quantity-limit, …)',
    }),
    exceptionKind: Type.Union([Type.Union(EXCEPTION_KINDS.map((k) => Type.Literal(k))), Type.Null()]),
    supportingStatementReceivedAt: Type.Union([Type.String(), Type.Null()], {
      description:
        "Medicare Part D exceptions: when the prescriber's supporting statement was received — the review clock runs from it (42 CFR 423.568(b))",
    }),
    informationRequests: Type.Array(Loose('information request')),
    notices: Type.Array(Loose('notice')),
    history: Type.Array(Loose('history entry')),
    standing: StandingSchema,
    renewal: Type.Optional(
      Type.Union([
        Type.Object(
          {
            authorizationNumber: Type.String(),
            effectiveTo: Type.String(),
            opensOn: Type.String({ description: 'first day a renewal (renewalOf) is accepted' }),
            open: Type.Boolean(),
          },
          { description: 'Approved cases: when the authorization can be renewed' },
        ),
        Type.Null(),
      ]),
    ),
    denialTemplates: Type.Record(Type.String(), Type.Object({ en: Type.String(), es: Type.String() }), {
      description: "The criteria set's plain-language denial reason per rule id, English and Spanish",
    }),
    appealFiling: Type.Optional(
      Type.Union([
        Type.Object(
          {
            noticeDate: Type.String(),
            deadline: Type.String({ description: "last day an appeal is on time, in the plan's zone" }),
            open: Type.Boolean(),
          },
          { description: 'Denials, partial approvals and closures: the appeal filing window' },
        ),
        Type.Null(),
      ]),
    ),
  },
);

export const NotRequiredSchema = Type.Object({
  status: Type.Literal('not-required'),
  message: Type.String(),
  drug: Type.Object({ rxcui: Type.String(), name: Type.String() }),
  planId: Type.String(),
  processor: Type.String(),
});

export const AnswersBody = Type.Object({ answers: QuestionnaireResponseSchema }, { additionalProperties: false });
export const SubmitBody = Type.Object(
  { answers: Type.Optional(QuestionnaireResponseSchema) },
  { additionalProperties: false },
);

export const InformationRequestBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          question: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
          document: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export const InformationResponseBody = Type.Object(
  {
    answers: Type.Optional(QuestionnaireResponseSchema),
    note: Type.Optional(Type.String({ maxLength: 8000 })),
    attachmentIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const DeterminationBody = Type.Object(
  {
    decision: Type.Union(
      (['approved', 'partially-approved', 'denied', 'closed-no-response'] as const).map((d) => Type.Literal(d)),
    ),
    reasons: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20 }),
    criteriaNotMet: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
    approvedQuantity: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    effectiveTo: Type.Optional(Type.String({ format: 'date' })),
    approvedTier: Type.Optional(
      Type.String({
        maxLength: 60,
        description:
          "Formulary and tiering exceptions: the tier the drug is paid at (one of the plan's tiers; tiering: a lower one)",
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    denialLanguage: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 100 }),
        Type.Object(
          { en: Type.String({ minLength: 1, maxLength: 2000 }), es: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        {
          maxProperties: 50,
          description:
            "Denials: the reviewer's edited wording (English and Spanish) of the criteria set's denial reason, per criterion not met; the letters use it",
        },
      ),
    ),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const UrgencyBody = Type.Object(
  { urgency: Type.Literal('standard'), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const CancelBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
