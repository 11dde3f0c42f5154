import type { ImportSummary } from '../imports/import-summary.js';

/** An import summary for people at a terminal (--json prints the summary itself). */
export function formatSummary(summary: ImportSummary, runId?: string, maxRows = 50): string {
  const lines: string[] = [];
  lines.push(`${summary.kind}${summary.source ? ` from ${summary.source}` : ''}${runId ? ` (run ${runId})` : ''}`);
  const loaded = Object.entries(summary.loaded);
  lines.push(`  loaded:   ${loaded.length ? loaded.map(([k, n]) => `${n} ${k}`).join(', ') : 'nothing'}`);
  lines.push(`  rejected: ${summary.rejected.length}`);
  for (const r of summary.rejected.slice(0, maxRows))
    lines.push(`    row ${String(r.row).padStart(5)}${r.id ? `  ${r.id}` : ''}  ${r.reason}`);
  if (summary.rejected.length > maxRows)
    lines.push(`    … and ${summary.rejected.length - maxRows} more (use --json for all)`);
  if (summary.warnings.length) {
    lines.push(`  warnings: ${summary.warnings.length}`);
    for (const w of summary.warnings) lines.push(`    - ${w}`);
  }
  return lines.join('\n');
}

/**
 * Progress for long imports on stderr: one rewritten line on a terminal, a line per 10 % otherwise.
 * Quiet for the first second, so short imports print only their summary.
 */
export function progressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  quietMs = 1000,
): { update: (done: number, total: number) => void; end: () => void } {
  let lastTenth = -1;
  let wrote = false;
  const started = Date.now(); // terminal output pacing, not a business time
  return {
    update(done, total) {
      if (Date.now() - started < quietMs) return;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (stream.isTTY) {
        stream.write(`\r${label}: ${done}/${total} (${pct} %)`);
        wrote = true;
      } else if (Math.floor(pct / 10) > lastTenth) {
        lastTenth = Math.floor(pct / 10);
        stream.write(`${label}: ${done}/${total} (${pct} %)\n`);
      }
    },
    end() {
      if (wrote) stream.write('\n');
    },
  };
}
