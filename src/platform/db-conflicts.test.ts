import { describe, expect, it } from 'vitest';
import { conflictToDomainError, isRetryableConflict, retryOnConflict } from './db-conflicts.js';
import { DomainError } from './errors.js';

/** What node-postgres throws, wrapped the way Drizzle wraps it (DrizzleQueryError keeps it as `cause`). */
function pgFailure(code: string, extra: Record<string, unknown> = {}) {
  const pgError = Object.assign(new Error(`postgres said ${code}`), { code, ...extra });
  return Object.assign(new Error('Failed query: insert into …'), { cause: pgError });
}

const noWait = { backoffMs: () => 0 };

describe('retryOnConflict', () => {
  it.each(['40001', '40P01', '55P03'])('runs the work again after SQLSTATE %s and returns its answer', async (code) => {
    let calls = 0;
    const answer = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw pgFailure(code);
      return 'decided';
    }, noWait);
    expect(answer).toBe('decided');
    expect(calls).toBe(3);
  });

  it('after the last attempt a deadlock is a 409 CONCURRENT_CHANGE, not the raw database error', async () => {
    let calls = 0;
    const failure = await retryOnConflict(
      async () => {
        calls++;
        throw pgFailure('40P01');
      },
      { ...noWait, attempts: 3 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('CONCURRENT_CHANGE');
    expect((failure as DomainError).status).toBe(409);
  });

  it('does not run again a unique violation or any other error', async () => {
    for (const error of [pgFailure('23505', { constraint: 'x_uq' }), new Error('a bug'), pgFailure('22P02')]) {
      let calls = 0;
      const thrown = await retryOnConflict(async () => {
        calls++;
        throw error;
      }, noWait).catch((e: unknown) => e);
      expect(calls).toBe(1);
      expect(thrown).toBe(error);
    }
  });
});

describe('conflictToDomainError', () => {
  it('a unique violation is a 409 ALREADY_EXISTS naming the constraint and no values', () => {
    const e = conflictToDomainError(
      pgFailure('23505', { constraint: 'claims_paid_once_uq', detail: 'Key (member_id)=(M000101) exists' }),
    );
    expect(e?.code).toBe('ALREADY_EXISTS');
    expect(e?.status).toBe(409);
    expect(e?.details).toEqual({ sqlState: '23505', constraint: 'claims_paid_once_uq' });
    expect(JSON.stringify(e?.details)).not.toContain('M000101');
  });

  it('other errors are not conflicts (they stay 500s and are logged as errors)', () => {
    expect(conflictToDomainError(new Error('boom'))).toBeNull();
    expect(conflictToDomainError(pgFailure('22P02'))).toBeNull();
    expect(conflictToDomainError(undefined)).toBeNull();
    expect(isRetryableConflict(pgFailure('23505'))).toBe(false);
    expect(isRetryableConflict(pgFailure('40001'))).toBe(true);
  });
});
