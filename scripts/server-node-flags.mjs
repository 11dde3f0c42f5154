import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * Node flags for the server process that V8 reads only when the process starts, so the running
 * server cannot set them itself (the heap's growth factor it can: src/platform/heap-growth.ts).
 *
 * On the embedded database the server is one process that also holds PGlite's WebAssembly
 * memory (≈ 146 MB, never given back). V8's young generation grows to two 16 MB semispaces; at
 * 4 MB the PA benchmark's peak on PGlite fell from 381–424 MB to 342–358 MB (target ≤ 400 MB,
 * issue 15). On PostgreSQL, where the API process peaks near 200 MB, the smaller young generation
 * cost about 10 % more CPU a case (objects of requests in flight promoted to the old generation),
 * so it is set for the embedded database only (BENCHMARKS.md, "Heap growth and young generation").
 *
 * @param {Record<string, string | undefined>} env
 * @param {readonly string[]} execArgv
 * @returns {string[]}
 */
export function serverNodeFlags(env, execArgv) {
  if (env.DATABASE_URL) return [];
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((a) => a.startsWith('--max-semi-space-size') || a.startsWith('--max_semi_space_size'))) return [];
  return ['--max-semi-space-size=4'];
}

/**
 * Runs the server bundle in a child node with the flags, since V8 takes them only at start.
 * Signals are passed on (the server's handler ignores a repeat: a terminal's Ctrl-C reaches both
 * processes), and the child's exit is this process's.
 *
 * @param {string} mainJs
 * @param {readonly string[]} flags
 */
export function runServerInChild(mainJs, flags) {
  const child = spawn(process.execPath, [...flags, ...process.execArgv, mainJs], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
}
