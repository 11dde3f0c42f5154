import { Type } from '@sinclair/typebox';
import { Nullable } from '../adapters/http/schemas.js';

const Share = (description?: string) =>
  Type.Object({ count: Type.Integer(), percent: Nullable(Type.Number()) }, description ? { description } : {});
const ShareSchema = Share();

const SplitSchema = Type.Object({
  decided: Type.Integer({
    description:
      'Determinations dated in the range (approved, partly approved, deemed approved, denied, closed for no response)',
  }),
  approved: ShareSchema,
  partiallyApproved: Type.Integer(),
  denied: ShareSchema,
  closedNoResponse: ShareSchema,
  deemedApproved: ShareSchema,
  automatic: Share('Approved by the criteria engine with no reviewer'),
  onTime: Share('Decided at or before the due time; deemed approvals are late'),
  averageHours: Nullable(Type.Number({ description: 'From submission (a fax: its arrival) to the decision' })),
  medianHours: Nullable(Type.Number()),
  appealsDecided: Type.Integer(),
  approvedAfterAppeal: Share('Appeals overturned or partly overturned, of appeals decided'),
  open: Type.Integer({ description: 'Requests submitted and not decided yet' }),
  overdue: Type.Integer({ description: 'Open requests past their due time now' }),
});

export const TurnaroundQuerySchema = Type.Object(
  {
    from: Type.Optional(
      Type.String({ maxLength: 10, description: 'First day (UTC), YYYY-MM-DD; default 12 weeks before `to`' }),
    ),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'Last day (UTC), YYYY-MM-DD; default today' })),
    planId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const TurnaroundReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  planId: Nullable(Type.String()),
  generatedAt: Type.String(),
  total: SplitSchema,
  standard: SplitSchema,
  expedited: SplitSchema,
  weekly: Type.Array(
    Type.Object({
      weekStart: Type.String({ description: 'Monday of the ISO week (UTC)' }),
      decided: Type.Integer(),
      approvedPercent: Nullable(Type.Number()),
      medianHours: Nullable(Type.Number()),
    }),
  ),
});

const ClaimCounts = {
  paid: Type.Integer({ description: 'Paid claims (including those reversed since)' }),
  reversed: Type.Integer({ description: 'Of the paid claims, those reversed since' }),
  rejected: Type.Integer(),
};

export const ClaimsReportSchema = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  planId: Nullable(Type.String()),
  generatedAt: Type.String(),
  days: Type.Array(Type.Object({ day: Type.String({ format: 'date' }), ...ClaimCounts }), {
    description: 'Every date of service in the range, in order (days without claims count 0)',
  }),
  rejectCodes: Type.Array(
    Type.Object({
      code: Type.String({ description: 'NCPDP reject code (511-FB)' }),
      description: Nullable(Type.String({ description: "NCPDP's standard text (English)" })),
      count: Type.Integer({ description: 'Rejected claims that carried the code' }),
    }),
    { description: 'Most frequent first' },
  ),
  total: Type.Object(ClaimCounts),
});
