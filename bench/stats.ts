export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Runs `task` for `total` iterations with `concurrency` in flight; returns latencies (ms) and wall time. */
export async function runClosedLoop(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = new Array(total);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        await task(i);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, seconds);
}

export type LoopResult = ReturnType<typeof summarize>;

/** Rate and percentiles of one closed loop, or of several pooled (latencies concatenated, seconds summed). */
export function summarize(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    seconds,
    rate: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    latencies: sorted,
  };
}
