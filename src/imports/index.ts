/**
 * The imports module's public API for other modules. Each owning module's importer records its
 * run with import-run.ts, counts with import-summary.ts and reads files with read-import-file.ts;
 * running an import of any kind (HTTP and CLI) is src/operator-imports, which depends on this
 * module and on the importers, never the other way round.
 */
export { listImportRuns, type ImportRunRow } from './imports.repo.js';
export { ImportSummarySchema, type ImportSummary } from './import-summary.js';
