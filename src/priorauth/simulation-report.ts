import type { ReplayReport } from './rules/replay-criteria.js';

/** A draft's simulation on past cases (simulate-criteria.ts), stored with the draft and shown by GET /criteria/{id}/draft. */
export interface SimulationReport extends ReplayReport {
  criteriaId: string;
  currentVersion: number;
  draftRevision: number;
  months: number;
  since: string;
  simulatedAt: string;
  /** Facts the draft defines differently from the current version: recomputed from claim history as of each decision. */
  recomputedFacts: string[];
  /** Decided cases that could not be replayed, and why. */
  notReplayable: Array<{ caseId: string; reason: string }>;
}
