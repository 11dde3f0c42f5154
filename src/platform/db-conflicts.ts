import { DomainError } from './errors.js';

/**
 * PostgreSQL's answers to two transactions meeting (SQLSTATE, PostgreSQL 15 appendix A):
 * 40001 serialization_failure and 40P01 deadlock_detected mean "run it again" — the other
 * transaction won and nothing of ours was kept; 55P03 lock_not_available (a NOWAIT/lock_timeout)
 * is the same kind of loss; 23505 unique_violation means the thing already exists, and running
 * again would only meet it again.
 */
const RETRYABLE = new Set(['40001', '40P01', '55P03']);
const UNIQUE_VIOLATION = '23505';

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  cause?: unknown;
}

/** The PostgreSQL error inside whatever wrapped it (Drizzle's DrizzleQueryError keeps it as `cause`). */
function pgError(error: unknown): { code: string; constraint?: string; table?: string } | null {
  for (let e = error as PgErrorFields | undefined, depth = 0; e && depth < 5; e = e.cause as PgErrorFields, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return {
        code: e.code,
        constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
        table: typeof e.table === 'string' ? e.table : undefined,
      };
  }
  return null;
}

export const isRetryableConflict = (error: unknown) => RETRYABLE.has(pgError(error)?.code ?? '');

/**
 * The table a unique_violation was raised on (a partition's own name for a partitioned table, whose
 * indexes have names of their own), or null for any other error.
 */
export function uniqueViolationTable(error: unknown): string | null {
  const pg = pgError(error);
  return pg?.code === UNIQUE_VIOLATION ? (pg.table ?? null) : null;
}

/** True when the error is a unique_violation of the named constraint (a race a use case answers itself). */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  const pg = pgError(error);
  return pg?.code === UNIQUE_VIOLATION && pg.constraint === constraint;
}

/**
 * A lost race as the domain error the edges map to a 409 with a stable code, or null when the
 * error is something else. Names the constraint or table (never the values: they may be PHI).
 */
export function conflictToDomainError(error: unknown): DomainError | null {
  const pg = pgError(error);
  if (!pg) return null;
  if (RETRYABLE.has(pg.code))
    return new DomainError(
      'CONCURRENT_CHANGE',
      'Another change to the same records was being made at the same moment; nothing was applied — send the request again',
      { details: { sqlState: pg.code } },
    );
  if (pg.code === UNIQUE_VIOLATION)
    return new DomainError(
      'ALREADY_EXISTS',
      'The same record was created by another request at the same moment; reload to see it',
      { details: { sqlState: pg.code, ...(pg.constraint ? { constraint: pg.constraint } : {}) } },
    );
  return null;
}

/**
 * The database is out of reach or refusing work for now, not wrong about this request
 * (PostgreSQL 15 appendix A), by exact code: a class would take in our own bugs too — 08P01
 * (protocol violation: a wrong parameter count) or 53400 and 53200 (a statement over a configured
 * limit, out of lock memory) fail the same way every time and must stay 500s. So: 08000, 08001,
 * 08003, 08004, 08006 (no connection, or it broke), 53300 (too many connections), 53100 (disk
 * full), 57P01–57P03 (the server shutting down or starting, as in a failover); the socket errors
 * `pg` raises when it cannot connect or its connection drops; and the pool's own connect timeout.
 */
const UNAVAILABLE_SQLSTATE = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  '53100',
  '57P01',
  '57P02',
  '57P03',
]);
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;
/** Seconds a client is asked to wait before sending again (Retry-After): a restart or a failover. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as (PgErrorFields & { message?: unknown }) | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATE.has(code) || UNAVAILABLE_ERRNO.has(code)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * The database being unreachable as the domain error every edge maps to "try again shortly"
 * (503 with Retry-After, OperationOutcome `transient`, D.0 reject 92), or null. Whether a request
 * whose connection dropped at its commit was applied cannot be known here, so it is not claimed
 * either way; a resend is safe where the API is idempotent (claims, ePA messages).
 */
export function unavailableToDomainError(error: unknown): DomainError | null {
  if (!isDatabaseUnavailable(error)) return null;
  const pg = pgError(error);
  return new DomainError(
    'SERVICE_UNAVAILABLE',
    'The service cannot reach its database just now; send the request again in a few seconds',
    {
      details: {
        retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
        ...(pg && /^[0-9A-Z]{5}$/.test(pg.code) && !UNAVAILABLE_ERRNO.has(pg.code) ? { sqlState: pg.code } : {}),
      },
    },
  );
}

export interface RetryOptions {
  /** Runs in all (the first try included). */
  attempts?: number;
  /** Wait before retry n (1-based), in ms; jittered so the losers do not meet again in step. */
  backoffMs?: (retry: number) => number;
  onRetry?: (error: unknown, retry: number) => void;
}

const defaultBackoff = (retry: number) => Math.random() * 10 * 2 ** retry;

/**
 * Runs a unit of work (one transaction) again when PostgreSQL chose it as the loser of a
 * deadlock or a serialization conflict: the transaction was rolled back whole, so running it again
 * is safe. After the last attempt the error is a 409 CONCURRENT_CHANGE, never a 500.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= attempts) throw conflictToDomainError(error) ?? error;
      options.onRetry?.(error, attempt);
      await new Promise((r) => setTimeout(r, (options.backoffMs ?? defaultBackoff)(attempt)));
    }
  }
}
