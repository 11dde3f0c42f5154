import v8 from 'node:v8';

/**
 * How far V8 lets its heap grow past what was alive at the last full collection before it
 * collects again, in percent. Left to itself, V8 on a machine with gigabytes free grows the heap
 * by up to four times the live set: the server held 215–280 MB of heap of which about 100 MB was
 * alive, and on PGlite (whose WebAssembly memory adds ≈ 146 MB) the process peaked at 469–571 MB
 * against the 400 MB target (issue 15). At 30 % the same PA benchmark peaked at 392–394 MB on
 * PGlite and the PostgreSQL API process at 213 MB instead of 291–400, with no measurable cost in
 * CPU per request (BENCHMARKS.md, "Heap growth"). A hard cap (`--max-old-space-size=256`) reached
 * the same memory at 15–36 % more CPU, since it forces full collections near the cap.
 */
export const HEAP_GROWTH_PERCENT = 30;

/**
 * Sets the growth factor for this process unless the operator chose one on node's command line.
 * Set at run time because `npm start` runs the server inside its own node process (no flags
 * of ours on its command line); V8 reads the factor whenever it recomputes its limit, so it takes
 * effect from the next collection.
 */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  setFlags: (flags: string) => void = (flags) => v8.setFlagsFromString(flags),
): boolean {
  if (execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent')))
    return false;
  setFlags(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
  return true;
}
