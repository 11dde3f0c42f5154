import { Type } from '@sinclair/typebox';
import { Instant, Nullable } from '../adapters/http/schemas.js';
import { APPEAL_DECISIONS, APPEAL_STATUSES, FILED_BY } from './appeal-status.js';

export const FileAppealBody = Type.Object(
  {
    paRequestId: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The PA case whose denial, partial approval or closure is appealed',
    }),
    urgency: Type.Union([Type.Literal('standard'), Type.Literal('urgent')], {
      description: "urgent = expedited appeal (plan's expedited clock, e.g. 72 hours)",
    }),
    statement: Type.String({
      minLength: 1,
      maxLength: 8000,
      description: "Why the decision should change, in the filer's words",
    }),
    filedBy: Type.Union(FILED_BY.map((f) => Type.Literal(f))),
    representativeName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Required when filedBy is "representative"' }),
    ),
  },
  { additionalProperties: false },
);

export const AppealDecisionBody = Type.Object(
  {
    decision: Type.Union(APPEAL_DECISIONS.map((d) => Type.Literal(d))),
    reasons: Type.Array(Type.String({ maxLength: 2000 }), {
      maxItems: 20,
      description: 'Specific reasons in plain language (required unless overturned)',
    }),
    approvedQuantity: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        description: "Partially overturned: the quantity approved per the case's days' supply",
      }),
    ),
    effectiveTo: Type.Optional(
      Type.String({ format: 'date', description: 'Partially overturned: a shorter authorization period' }),
    ),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const AppealListQuery = Type.Object(
  {
    paRequestId: Type.Optional(Type.String({ maxLength: 64 })),
    memberId: Type.Optional(Type.String({ maxLength: 20 })),
    status: Type.Optional(
      Type.String({ maxLength: 200, description: `Comma-separated: ${APPEAL_STATUSES.join(', ')}` }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

/** A letter about the appeal (GET /notices/{id} for the letter, …/pdf for the PDF). */
const NoticeSummarySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  recipient: Type.String(),
  channel: Type.String(),
  language: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  createdAt: Instant,
});

/** One step in the appeal's life: who moved it from which status to which, and why. */
const HistoryEntrySchema = Type.Object({
  at: Instant,
  actor: Type.String({ description: 'Username, or "system"' }),
  actorName: Nullable(
    Type.String({ description: "The actor's display name, when the actor is a user who has one: what screens show" }),
  ),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  details: Nullable(Type.Object({}, { additionalProperties: true })),
});

/** A decision's reasons for people to read, by language (docs/design.md#portal-language). */
const ReasonsByLanguage = (description: string) =>
  Type.Record(Type.String(), Type.Array(Type.String()), {
    description: `The reasons for people to read, by language ({ en: [...], es: [...] }): ${description}; absent on decisions recorded before it existed`,
  });

const summaryProps = {
  id: Type.String(),
  status: Type.Union(APPEAL_STATUSES.map((s) => Type.Literal(s))),
  paRequestId: Type.String(),
  memberId: Type.String(),
  prescriberNpi: Type.String(),
  planId: Type.String(),
  urgency: Type.String(),
  filedBy: Type.String(),
  representativeName: Nullable(Type.String()),
  receivedAt: Instant,
  dueAt: Instant,
  timeLeftSeconds: Type.Optional(Type.Integer()),
  overdue: Type.Optional(Type.Boolean()),
  escalated: Type.Boolean(),
  assignedTo: Nullable(Type.String({ description: 'Username of the assigned reviewer (for links and "mine")' })),
  assignedToName: Nullable(Type.String({ description: "The assigned reviewer's display name: what screens show" })),
  decision: Nullable(Type.String()),
  decidedAt: Nullable(Instant),
};

export const AppealSummarySchema = Type.Object(summaryProps, { description: 'An appeal in a list' });

export const AppealViewSchema = Type.Object(
  {
    ...summaryProps,
    drug: Nullable(
      Type.Object({ rxcui: Type.String(), name: Type.String(), groupId: Type.String(), groupName: Type.String() }),
    ),
    statement: Type.String(),
    filedByUser: Type.String(),
    noticeDate: Type.String({ format: 'date', description: "The appealed notice's date (plan time zone)" }),
    filingDeadline: Type.String({ format: 'date', description: 'The last day the appeal could be filed' }),
    escalatedAt: Nullable(Instant),
    assignedAt: Nullable(Instant),
    originalDetermination: Nullable(
      Type.Object(
        {
          decision: Nullable(Type.String()),
          reasons: Type.Array(Type.String()),
          reasonsByLanguage: Type.Optional(
            ReasonsByLanguage(
              "as the case's determination has them (GET /pa-requests/{id}: the plain wording of each criterion not met, or the system's sentence)",
            ),
          ),
          decidedAt: Nullable(Instant),
          decidedBy: Nullable(Type.Object({ name: Nullable(Type.String()), credential: Nullable(Type.String()) })),
        },
        { description: 'The appealed determination: decision, reasons, date, reviewer' },
      ),
    ),
    reasons: Type.Array(Type.String(), {
      description: "As written: the reviewer's words, or the system's sentence (English)",
    }),
    reasonsByLanguage: Type.Optional(
      ReasonsByLanguage(
        "the system's sentence when the reviewer wrote none, else one plain sentence per decision that points to the letter",
      ),
    ),
    decidedBy: Nullable(
      Type.Object({ username: Type.String(), name: Type.String(), credential: Nullable(Type.String()) }),
    ),
    authorizationNumber: Nullable(Type.String()),
    effectiveFrom: Nullable(Type.String({ format: 'date' })),
    effectiveTo: Nullable(Type.String({ format: 'date' })),
    approvedQuantity: Nullable(Type.Number()),
    nextLevel: Nullable(Type.String()),
    nextLevelRoute: Nullable(
      Type.Union([Type.Literal('dmhcImr'), Type.Literal('stateFairHearing'), Type.Literal('partDIre')], {
        description:
          "who reviews after the plan's appeal, by the plan's line of business (California DMHC Independent Medical Review, State Fair Hearing, Part D Independent Review Entity), for screens that name it in the reader's language; null when there is no next level or the plan's text is the only name",
      }),
    ),
    version: Type.Integer(),
    attachments: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          filename: Type.String(),
          contentType: Type.String(),
          size: Type.Integer(),
          sha256: Type.String(),
          uploadedBy: Type.String(),
          uploadedAt: Instant,
        },
        { description: 'A document filed with the appeal (metadata; GET …/attachments/{attachmentId} for the file)' },
      ),
    ),
    notices: Type.Array(NoticeSummarySchema),
    history: Type.Array(HistoryEntrySchema),
  },
  { description: 'An appeal with its statement, documents, outcome, letters and history' },
);

export const AppealAttachmentSchema = Type.Object({
  attachmentId: Type.String(),
  appealId: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Type.String(),
  uploadedAt: Instant,
});

export const AppealIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
