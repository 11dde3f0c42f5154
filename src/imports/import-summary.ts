export interface RejectedRow {
  /** 1-based row or array index in the source file. */
  row: number;
  id?: string;
  reason: string;
}

/** What an import loaded and what it rejected, and why: shown by the CLI and the admin API. */
export interface ImportSummary {
  kind: string;
  source?: string;
  loaded: Record<string, number>;
  rejected: RejectedRow[];
  warnings: string[];
}

export function emptySummary(kind: string, source?: string): ImportSummary {
  return { kind, source, loaded: {}, rejected: [], warnings: [] };
}

export function countLoaded(summary: ImportSummary, what: string, n = 1): void {
  summary.loaded[what] = (summary.loaded[what] ?? 0) + n;
}

export type ProgressFn = (done: number, total: number) => void;
