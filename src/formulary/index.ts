import type { formularyEntries } from './formulary.tables.js';

/** The formulary module's public API: what other modules may use (its repository and tables stay its own). */
export { loadAllFormularyEntries, replacePlanFormulary, type FormularyRow } from './formulary.repo.js';

/** A formulary entry as a plan bundle states it. */
export type FormularyEntryInsert = typeof formularyEntries.$inferInsert;
