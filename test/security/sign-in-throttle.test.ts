import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/identity/create-user.js';
import { expectProblem, type Reply } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** docs/security.md#rate-limits: sign-in throttling per username and per address, lockout, audit rows. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: {
      SIGN_IN_PER_USERNAME_PER_MINUTE: '5',
      SIGN_IN_PER_ADDRESS_PER_MINUTE: '12',
      SIGN_IN_LOCK_AFTER_FAILURES: '4',
      SIGN_IN_LOCK_MINUTES: '15',
    },
  });
  for (const u of ['throttle-a', 'throttle-b', 'lock-c'])
    await createUser(t.ctx, { username: u, password: 'right-password-1', role: 'intake' });
});
afterAll(() => t?.close());

async function attempt(username: string, password: string, address = '10.0.0.1'): Promise<Reply> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { username, password },
    remoteAddress: address,
  });
  return { status: r.statusCode, body: r.json(), headers: r.headers };
}

const actions = async (username: string) =>
  (
    await t.ctx.database.query<{ action: string }>(
      `select action from audit_events where entity_type = 'user' and entity_id = $1 order by id`,
      [username],
    )
  ).map((r) => r.action);

describe('sign-in throttling', () => {
  it('per username: the 6th attempt in a minute is 429 problem+json with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('throttle-a', 'wrong', `10.1.0.${i}`)).status).toBe(401);
    expect((await attempt('throttle-a', 'right-password-1', '10.1.0.9')).status).toBe(200);
    expect((await attempt('throttle-a', 'right-password-1', '10.1.0.8')).status).toBe(200);
    const limited = await attempt('throttle-a', 'right-password-1', '10.1.0.7');
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await actions('throttle-a')).toEqual([
      'auth.failed',
      'auth.failed',
      'auth.failed',
      'auth.signed-in',
      'auth.signed-in',
      'auth.throttled',
    ]);
  });

  it('per client address: one address trying many usernames is stopped', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 14; i++) answers.push((await attempt(`guess-${i}`, 'wrong', '10.2.0.1')).status);
    expect(answers.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(answers.slice(12)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await attempt('throttle-b', 'right-password-1', '10.2.0.2')).status).toBe(200);
  });

  it('50 wrong passwords, then the right one: refused (locked), and the lock ends after its period', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await attempt('lock-c', `wrong-${i}`, `10.3.${i}.1`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 200)).toEqual([]);
    const right = await attempt('lock-c', 'right-password-1', '10.3.99.1');
    expectProblem(right, 429, 'RATE_LIMITED');
    expect(right.body.detail).toMatch(/locked/);
    expect(Number(right.headers['retry-after'])).toBe(900);
    expect(await actions('lock-c')).toContain('auth.locked');
    t.clock.advance(16 * 60_000);
    expect((await attempt('lock-c', 'right-password-1', '10.3.99.2')).status).toBe(200);
  });
});
