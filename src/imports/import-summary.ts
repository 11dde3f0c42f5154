import { Type, type Static } from '@sinclair/typebox';

/** A row not loaded: its 1-based row (CSV line) or array index in the source file, and why. */
export const RejectedRowSchema = Type.Object({
  row: Type.Integer(),
  id: Type.Optional(Type.String()),
  reason: Type.String(),
});
export type RejectedRow = Static<typeof RejectedRowSchema>;

/** What an import loaded and what it rejected, and why: shown by the CLI and the admin API (POST /imports/{kind}, POST /criteria). */
export const ImportSummarySchema = Type.Object(
  {
    kind: Type.String(),
    source: Type.Optional(Type.String()),
    loaded: Type.Record(Type.String(), Type.Integer(), { description: 'What was loaded, by kind of record' }),
    rejected: Type.Array(RejectedRowSchema, {
      description: 'Rows not loaded: row (CSV line number, or 1-based array index) and why',
    }),
    warnings: Type.Array(Type.String()),
  },
  { description: 'ImportSummary' },
);
export type ImportSummary = Static<typeof ImportSummarySchema>;

export function emptySummary(kind: string, source?: string): ImportSummary {
  return { kind, source, loaded: {}, rejected: [], warnings: [] };
}

export function countLoaded(summary: ImportSummary, what: string, n = 1): void {
  summary.loaded[what] = (summary.loaded[what] ?? 0) + n;
}

export type ProgressFn = (done: number, total: number) => void;
