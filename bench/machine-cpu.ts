import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) of processes read from /proc, for the benches' CPU budget: where a
 * request's cost lands when the load generator, the server processes and PostgreSQL share the
 * machine's cores. Clock ticks are 10 ms (USER_HZ 100 on Linux), so short phases read coarsely.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0; // gone
  }
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Which database a PostgreSQL process works for, from its title (`postgres: 15/main: USER DB
 * HOST(PORT) STATE`, `… autovacuum worker DB`); undefined for the server's shared processes
 * (postmaster, WAL writer, checkpointer, background writer, launchers).
 */
export function databaseOfTitle(title: string): string | undefined {
  const m = /^postgres: [^:]*: (?:autovacuum worker (\S+)|\S+ (\S+) (?:\S*\(\d+\)|\[local\]))/.exec(title);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function titleOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * The PostgreSQL processes on the machine (postmaster, backends, WAL writer, checkpointer,
 * autovacuum) by pid → CPU ms. A phase's cost is the difference of two readings over the pids of
 * the second one; a backend that exits within the phase takes its CPU with it (an undercount: the
 * benches keep their connections open, so only autovacuum workers come and go). With `database`,
 * backends and autovacuum workers of other databases are left out (another engineer's tests or
 * bench on the same server are not this bench's cost); the shared processes always count.
 */
function postgresCpuByPid(database?: string): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out; // not Linux: no budget
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const pid = Number(e);
    if (commandOf(pid) !== 'postgres') continue;
    if (database) {
      const of = databaseOfTitle(titleOf(pid));
      if (of !== undefined && of !== database) continue;
    }
    out.set(pid, processCpuMs(pid));
  }
  return out;
}

/** CPU ms PostgreSQL used between a `postgresCpuByPid()` reading and now. */
function postgresCpuSince(before: Map<number, number>, database?: string): number {
  let sum = 0;
  for (const [pid, ms] of postgresCpuByPid(database)) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** This process's own CPU ms (the load generator). */
function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Where a phase's CPU went, in ms per unit of work (a case, an exchange, a claim). */
export interface CpuBudget {
  api: number;
  jobs: number;
  postgres: number;
  loadGenerator: number;
  total: number;
}

/**
 * Starts a budget reading over the server's API and jobs processes, PostgreSQL and this process;
 * `per(n)` ends it and divides by the units of work done. `databaseUrl`: count only the
 * PostgreSQL processes of the bench's database and the server's shared ones.
 */
export function startBudget(server: { apiCpuMs(): number; jobsCpuMs(): number }, databaseUrl?: string) {
  const database = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || undefined : undefined;
  const api0 = server.apiCpuMs();
  const jobs0 = server.jobsCpuMs();
  const pg0 = postgresCpuByPid(database);
  const own0 = ownCpuMs();
  return {
    per(n: number): CpuBudget {
      const api = (server.apiCpuMs() - api0) / n;
      const jobs = (server.jobsCpuMs() - jobs0) / n;
      const postgres = postgresCpuSince(pg0, database) / n;
      const loadGenerator = (ownCpuMs() - own0) / n;
      return { api, jobs, postgres, loadGenerator, total: api + jobs + postgres + loadGenerator };
    },
  };
}
