import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ImportSummary } from './import-summary.js';

export const importRuns = pgTable('import_runs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  source: text('source'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  actor: text('actor').notNull(),
  summary: jsonb('summary').$type<ImportSummary>(),
});
