import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcesses {
  url: string;
  /** The supervisor (WORKERS > 1) or the single server process. */
  pid: number;
  /** Its child processes: the workers, under WORKERS > 1. */
  workerPids(): number[];
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM to the supervisor; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * The real server as `npm start` runs it (src/main.ts; tsx loads it, as in the benchmarks), with
 * the given environment, on a port the system chooses: waits for its start banner.
 */
export async function startServerProcesses(env: Record<string, string>, timeoutMs = 150_000): Promise<ServerProcesses> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  let url = '';
  while (!url) {
    const m = /OpenPBM is running at (http:\/\/[^\s]+)/.exec(out);
    if (m) url = m[1];
    else if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    else if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms:\n${out}`);
    } else await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    workerPids: () =>
      readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs the server command expecting it to fail at start: exit code and what it printed. */
export async function runServerExpectingFailure(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}
