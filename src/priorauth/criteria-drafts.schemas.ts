import { Type } from '@sinclair/typebox';
import { Instant, Nullable } from '../adapters/http/schemas.js';

/** Shapes of the criteria-authoring routes (criteria-drafts.routes.ts), for OpenAPI and the portal's types. */
export const CriteriaIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const FieldError = Type.Object({ path: Type.String(), message: Type.String() });
const RuleResult = Type.Union([
  Type.Literal('met'),
  Type.Literal('not-met'),
  Type.Literal('unknown'),
  Type.Literal('absent'),
]);
const Outcome = Type.Union([Type.Literal('approve'), Type.Literal('deny'), Type.Literal('review')]);

export const SimulationReportSchema = Type.Object({
  criteriaId: Type.String(),
  currentVersion: Type.Integer(),
  draftRevision: Type.Integer(),
  months: Type.Integer(),
  since: Instant,
  simulatedAt: Instant,
  replayed: Type.Integer(),
  unchanged: Type.Integer(),
  approvalsToDenials: Type.Integer(),
  denialsToApprovals: Type.Integer(),
  otherChanges: Type.Integer(),
  byRule: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      metToNotMet: Type.Integer(),
      notMetToMet: Type.Integer(),
      otherChanges: Type.Integer(),
    }),
  ),
  changes: Type.Array(
    Type.Object({
      caseId: Type.String(),
      decidedAt: Instant,
      decision: Type.String(),
      before: Outcome,
      after: Outcome,
      rules: Type.Array(Type.Object({ id: Type.String(), before: RuleResult, after: RuleResult })),
    }),
  ),
  recomputedFacts: Type.Array(Type.String()),
  notReplayable: Type.Array(Type.Object({ caseId: Type.String(), reason: Type.String() })),
});

export const DraftSchema = Type.Object({
  id: Type.String(),
  baseVersion: Type.Integer(),
  revision: Type.Integer(),
  body: Type.Object({}, { additionalProperties: true }),
  updatedAt: Instant,
  updatedBy: Type.String(),
  errors: Type.Array(FieldError),
  simulation: Nullable(SimulationReportSchema),
  simulationCurrent: Type.Boolean(),
});

export const SaveDraftBody = Type.Object({
  revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  criteriaSet: Type.Object({}, { additionalProperties: true }),
});

export const RevisionBody = Type.Object({ revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const SimulateBody = Type.Object({
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, description: 'How far back to replay (default 12)' })),
});

const FieldChange = Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() });
const EntryDiff = Type.Object({
  id: Type.String(),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  fields: Type.Array(FieldChange),
});

export const DiffQuery = Type.Object({
  from: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  to: Type.String({ pattern: '^(draft|[1-9][0-9]{0,8})$', description: 'A version number, or draft' }),
});

export const DiffSchema = Type.Object({
  id: Type.String(),
  from: Type.Integer(),
  to: Type.Union([Type.Literal('draft'), Type.Integer()]),
  questions: Type.Array(EntryDiff),
  rules: Type.Array(EntryDiff),
  facts: Type.Array(EntryDiff),
  settings: Type.Array(FieldChange),
});
