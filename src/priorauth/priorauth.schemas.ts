import { Type, type Static } from '@sinclair/typebox';
import { CASE_KINDS, EXCEPTION_KINDS } from '../shared/exception-kinds.js';
import { Instant, Ndc, Npi, Nullable } from '../adapters/http/schemas.js';

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

const Str = Type.String();
const NullableString = Nullable(Type.String());
/** A JSON object the case stores as it came (FHIR resources, audit details): passed through whole. */
const Loose = (description: string) => Type.Object({}, { additionalProperties: true, description });
/**
 * A plan-written text's translations, the FHIR way: the element beside the English text carrying
 * http://hl7.org/fhir/StructureDefinition/translation extensions (lang, content). Screens in another
 * language show the content; the English text stays canonical (docs/design.md#portal-language).
 */
const Translations = (of: string) =>
  Loose(`FHIR element of \`${of}\` with translation extensions (http://hl7.org/fhir/StructureDefinition/translation)`);

const summaryProps = {
  id: Str,
  status: Str,
  memberId: Str,
  prescriberNpi: Str,
  planId: Str,
  drug: Type.Object({ rxcui: Str, name: Str, groupId: Str, groupName: Str, scope: Str }),
  urgency: Str,
  channel: Str,
  kind: Type.String({
    description: 'prior-authorization, or the exception kind (formulary, tiering, quantity-limit, …)',
  }),
  exceptionKind: Nullable(Type.Union(EXCEPTION_KINDS.map((k) => Type.Literal(k)))),
  supportingStatementReceivedAt: Nullable(
    Type.String({
      description:
        "Medicare Part D exceptions: when the prescriber's supporting statement was received — the review clock runs from it (42 CFR 423.568(b))",
    }),
  ),
  receivedAt: Instant,
  completedAt: Nullable(Instant),
  dueAt: Nullable(Instant),
  timeLeftSeconds: Type.Optional(
    Type.Integer({ description: 'Seconds until the decision is due (negative: overdue); when a clock runs' }),
  ),
  escalated: Type.Boolean(),
  assignedTo: Type.Union([
    Type.String({ description: 'Username of the assigned reviewer (for links and "mine")' }),
    Type.Null(),
  ]),
  assignedToName: Type.Union([
    Type.String({ description: "The assigned reviewer's display name: what screens show" }),
    Type.Null(),
  ]),
  decision: NullableString,
  renewalOf: NullableString,
  standing: StandingSchema,
};

export const RequestSummarySchema = Type.Object(
  {
    ...summaryProps,
    memberName: Type.Optional(NullableString),
    prescriberName: Type.Optional(NullableString),
    overdue: Type.Optional(Type.Boolean({ description: 'GET /review-queue: past its due time' })),
    atRisk: Type.Optional(
      Type.Boolean({ description: "GET /review-queue: past the plan's warning time before due, or overdue" }),
    ),
  },
  { description: 'A PA request in a list or queue, with who it is for and who asked' },
);

const AttachmentSchema = Type.Object({
  id: Str,
  documentId: Nullable(Type.String({ description: 'The required document it answers' })),
  filename: Str,
  contentType: Str,
  size: Type.Integer(),
  sha256: Str,
  uploadedBy: Str,
  uploadedAt: Instant,
});

export const InformationRequestSchema = Type.Object(
  {
    id: Str,
    sequence: Type.Integer(),
    items: Type.Array(
      Type.Object(
        {
          id: Str,
          question: Type.Optional(Str),
          document: Type.Optional(Str),
          linkId: Type.Optional(Type.String({ description: 'The question of the set it asks again' })),
          documentId: Type.Optional(Type.String({ description: 'The required document of the set it asks for' })),
        },
        {
          description:
            'A question, or a document asked for; one of the set (linkId, documentId) is worded from the set, translations included',
        },
      ),
    ),
    note: NullableString,
    status: Str,
    requestedAt: Instant,
    requestedBy: Str,
    dueAt: Instant,
    respondedAt: Nullable(Instant),
    response: Nullable(
      Type.Object({
        note: Type.Optional(NullableString),
        attachmentIds: Type.Optional(Type.Array(Str)),
        answered: Type.Optional(Type.Boolean()),
        by: Type.Optional(Str),
      }),
    ),
  },
  { description: 'What a reviewer asked for, and the answer' },
);

export const DeterminationSchema = Type.Object(
  {
    decision: Str,
    reasons: Type.Array(Str, { description: "As written: the reviewer's words, or the system's sentence (English)" }),
    reasonsByLanguage: Type.Optional(
      Type.Record(Str, Type.Array(Str), {
        description:
          'The reasons for people to read, by language ({ en: [...], es: [...] }): for a denial the plain wording of each criterion not met (as in the letter), for a decision the system made its sentence; absent on decisions recorded before it existed',
      }),
    ),
    criteriaNotMet: Type.Optional(Type.Array(Str)),
    decidedAt: Instant,
    decidedBy: Type.Optional(
      Nullable(
        Type.Object({
          name: Str,
          role: Str,
          username: Type.Optional(Str),
          credential: Type.Optional(NullableString),
        }),
      ),
    ),
    authorizationNumber: Type.Optional(Str),
    effectiveFrom: Type.Optional(Str),
    effectiveTo: Type.Optional(Str),
    approvedQuantity: Type.Optional(Nullable(Type.Number())),
    perDays: Type.Optional(Nullable(Type.Number())),
    approvedTier: Type.Optional(Str),
    note: Type.Optional(Str),
  },
  { description: 'The decision (record-determination.ts, cancel-request.ts)' },
);

export const CriteriaEvaluationSchema = Type.Object(
  {
    facts: Type.Optional(Type.Record(Str, Type.Unknown())),
    today: Type.Optional(Str),
    evaluation: Type.Optional(
      Type.Object({
        outcome: Type.Union([Type.Literal('approve'), Type.Literal('review')]),
        rules: Type.Array(
          Type.Object({
            id: Str,
            text: Str,
            result: Type.Union([Type.Literal('met'), Type.Literal('not-met'), Type.Literal('unknown')]),
            values: Type.Optional(Type.Record(Str, Type.Unknown())),
            error: Type.Optional(Str),
          }),
        ),
      }),
    ),
    evaluatedAt: Type.Optional(Instant),
  },
  { description: "The criteria trace: the member's facts and each rule's result over the answers" },
);

const NoticeRefSchema = Type.Object({
  id: Str,
  kind: Str,
  recipient: Str,
  channel: Str,
  language: Str,
  status: Str,
  attempts: Type.Integer(),
  createdAt: Instant,
});

const HistoryEntrySchema = Type.Object({
  at: Instant,
  actor: Type.String({ description: 'Username, "system", or ehr:<client id>' }),
  actorName: Type.Union([
    Type.String({ description: "The actor's display name, when the actor is a user who has one: what screens show" }),
    Type.Null(),
  ]),
  actorRole: Str,
  action: Str,
  from: NullableString,
  to: NullableString,
  reason: NullableString,
  details: Nullable(Loose('what the step recorded')),
});

/** The jsonb columns as their writers store them (record-determination.ts, cancel-request.ts, evaluate-request.ts). */
export type Determination = Static<typeof DeterminationSchema>;
export type CriteriaEvaluation = Static<typeof CriteriaEvaluationSchema>;
export type InformationResponse = NonNullable<Static<typeof InformationRequestSchema>['response']>;

export const RequestViewSchema = Type.Object(
  {
    ...summaryProps,
    memberName: Type.Union([
      Type.String({ description: "The member's name: what screens show, the ID beside it" }),
      Type.Null(),
    ]),
    prescriberName: Type.Union([Type.String({ description: "The prescriber's name" }), Type.Null()]),
    pharmacyNpi: NullableString,
    pharmacyName: Type.Union([
      Type.String({ description: "The pharmacy's name (pharmacyNpi's), for screens that show it beside the NPI" }),
      Type.Null(),
    ]),
    quantity: Type.Number(),
    daysSupply: Type.Integer(),
    urgencyReason: NullableString,
    submittedAt: Nullable(Instant),
    criteria: Type.Object({
      id: Str,
      version: Type.Integer(),
      title: Str,
      _title: Type.Optional(Translations('title')),
      rules: Type.Array(Type.Object({ id: Str, text: Str, _text: Type.Optional(Translations('text')) }), {
        description: "The set's rules in words (the ids criteriaNotMet and the trace name), with any translations",
      }),
      facts: Type.Array(Type.Object({ name: Str, label: Str, _label: Type.Optional(Translations('label')) }), {
        description:
          "The facts the plan computes for the set, in words (the trace's `facts.<name>` values), with a Spanish translation",
      }),
    }),
    questionnaire: Nullable(
      Loose(
        'FHIR R4 Questionnaire: the question set; item texts and option displays may carry translations (`_text`, `_display`)',
      ),
    ),
    requiredDocuments: Type.Array(Type.Object({ id: Str, text: Str, _text: Type.Optional(Translations('text')) })),
    answers: Nullable(Loose('FHIR R4 QuestionnaireResponse: the answers so far')),
    attachments: Type.Array(AttachmentSchema),
    informationRequests: Type.Array(InformationRequestSchema),
    determination: Nullable(DeterminationSchema),
    renewal: Nullable(
      Type.Object(
        {
          authorizationNumber: Str,
          effectiveTo: Str,
          opensOn: Type.String({ description: 'first day a renewal (renewalOf) is accepted' }),
          open: Type.Boolean(),
        },
        { description: 'Approved cases: when the authorization can be renewed' },
      ),
    ),
    appealFiling: Nullable(
      Type.Object(
        {
          noticeDate: Str,
          deadline: Type.String({ description: "last day an appeal is on time, in the plan's zone" }),
          open: Type.Boolean(),
        },
        { description: 'Denials, partial approvals and closures: the appeal filing window' },
      ),
    ),
    adverseDecisionRoles: Type.Array(Str, {
      description: 'Reviewer roles that may deny or approve in part on this plan (Part D: physicians only)',
    }),
    exceptionTiers: Type.Array(Str, {
      description: 'Formulary and tiering exceptions: the tiers an approval may name (approvedTier)',
    }),
    criteriaEvaluation: Nullable(CriteriaEvaluationSchema),
    denialTemplates: Type.Record(Str, Type.Object({ en: Str, es: Str }), {
      description: "The criteria set's plain-language denial reason per rule id, English and Spanish",
    }),
    notices: Type.Array(NoticeRefSchema),
    history: Type.Array(HistoryEntrySchema),
  },
  {
    description:
      'A PA request (case) with its question set, answers, information requests, determination, trace, notices and history',
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
/** GET /pa-requests: filters (status: comma-separated) and page size. */
export const PaRequestListQuery = Type.Object(
  {
    memberId: Type.Optional(Type.String({ maxLength: 20 })),
    prescriberNpi: Type.Optional(Type.String({ maxLength: 10 })),
    status: Type.Optional(Type.String({ maxLength: 300 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof PaRequestListQuery>;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
