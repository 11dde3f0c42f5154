import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, expectProblem } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#administration: an admin resets a password (typed or generated); the person must choose a
// new one at the next sign-in; the old sessions end; the reset is audited without the password.

let t: TestApp;
let admin: ApiClient;
let seq = 0;
const signIn = (username: string, password: string) => new ApiClient(t.app).post('auth/token', { username, password });
const change = (username: string, currentPassword: string, newPassword: string) =>
  new ApiClient(t.app).post('auth/password', { username, currentPassword, newPassword });

/** A fresh intake account and a live session of it. */
async function account() {
  const username = `reset.${++seq}`;
  const created = await admin.post('users', { username, password: 'original-password-1', role: 'intake' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const session = await ApiClient.login(t.app, username, 'original-password-1');
  return { username, session };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await ApiClient.login(t.app, 'admin', 'demo-admin');
});
afterAll(() => t?.close());

describe('admin password reset', () => {
  it('a typed temporary password: old sessions end, sign-in asks for a new password, which then works', async () => {
    const { username, session } = await account();
    expect((await session.get('me')).status).toBe(200);
    const reset = await admin.post(`users/${username}/password-reset`, { temporaryPassword: 'temporary-pass-9' });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body).toEqual({ username, mustChangePassword: true });

    expectProblem(await session.get('me'), 401, 'UNAUTHENTICATED');
    expectProblem(await signIn(username, 'original-password-1'), 401, 'UNAUTHENTICATED');
    expectProblem(await signIn(username, 'temporary-pass-9'), 403, 'PASSWORD_CHANGE_REQUIRED');

    // Bad changes are refused and change nothing.
    expectProblem(await change(username, 'wrong-password', 'my-new-password-1'), 401, 'UNAUTHENTICATED');
    const short = expectProblem(await change(username, 'temporary-pass-9', 'short'), 400, 'VALIDATION_FAILED');
    expect(short.errors).toEqual([{ path: 'newPassword', message: 'must be at least 8 characters' }]);
    expectProblem(await change(username, 'temporary-pass-9', 'temporary-pass-9'), 400, 'VALIDATION_FAILED');
    expectProblem(await signIn(username, 'temporary-pass-9'), 403, 'PASSWORD_CHANGE_REQUIRED');

    const changed = await change(username, 'temporary-pass-9', 'my-new-password-1');
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const fresh = new ApiClient(t.app, changed.body.accessToken);
    expect((await fresh.get('me')).body.username).toBe(username);
    expect((await signIn(username, 'my-new-password-1')).status).toBe(200);
    expectProblem(await signIn(username, 'temporary-pass-9'), 401, 'UNAUTHENTICATED');
  });

  it('a generated temporary password is returned once and audited without the password', async () => {
    const { username } = await account();
    const reset = await admin.post(`users/${username}/password-reset`, {});
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expectProblem(await signIn(username, temporary), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await change(username, temporary, 'chosen-password-22')).status).toBe(200);

    const rows = await t.ctx.database.query<{ actor: string; action: string; details: unknown }>(
      `select actor, action, details from audit_events where entity_id = $1 and action like 'user.%' order by id`,
      [username],
    );
    expect(rows.map((r) => [r.actor, r.action])).toEqual([['admin', 'user.password-reset']]);
    expect(rows[0].details).toEqual({ generated: true });
    const trail = JSON.stringify(
      await t.ctx.database.query(`select * from audit_events where entity_id = $1`, [username]),
    );
    expect(trail).not.toContain(temporary);
    expect(trail).toContain('auth.password-changed');
  });

  it('refuses bad input, strangers and unknown users, changing nothing', async () => {
    const { username, session } = await account();
    const short = expectProblem(
      await admin.post(`users/${username}/password-reset`, { temporaryPassword: 'abc' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(short.errors).toEqual([{ path: 'temporaryPassword', message: 'must be at least 8 characters' }]);
    expectProblem(await session.post(`users/${username}/password-reset`, {}), 403, 'FORBIDDEN');
    expectProblem(await admin.post('users/no.such.user/password-reset', {}), 404, 'NOT_FOUND');
    // The account is as it was: the session works and the original password signs in.
    expect((await session.get('me')).status).toBe(200);
    expect((await signIn(username, 'original-password-1')).status).toBe(200);
  });
});
