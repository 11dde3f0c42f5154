import { describe, expect, it } from 'vitest';
import { readAccessToken, signAccessToken } from './credentials.js';

const SECRET = 'test-secret-for-credentials-unit-test-0123456789';
const claims = { sub: 'usr_1', username: 'pat', role: 'prescriber' as const, npi: '1234567893', sessionEpoch: 2 };
const at = (iso: string) => new Date(iso);

describe('sign-in tokens read again (the verified-token cache)', () => {
  it('a token read twice gives the same principal; past its expiry it is refused, as on its first read', async () => {
    const token = await signAccessToken(claims, SECRET, 600, at('2026-12-04T10:00:00Z'));
    const first = await readAccessToken(token, SECRET, at('2026-12-04T10:00:01Z'));
    expect(first).toMatchObject({
      principal: { userId: 'usr_1', username: 'pat', npi: '1234567893' },
      sessionEpoch: 2,
    });
    expect(await readAccessToken(token, SECRET, at('2026-12-04T10:09:59Z'))).toEqual(first);
    // exp is iat + 600 s: at exp the token no longer counts (jose: exp <= now).
    expect(await readAccessToken(token, SECRET, at('2026-12-04T10:10:00Z'))).toBeNull();
    expect(await readAccessToken(token, SECRET, at('2026-12-04T10:09:59.999Z'))).toEqual(first);
  });

  it('a token verified with one secret is refused with another', async () => {
    const token = await signAccessToken(claims, SECRET, 600, at('2026-12-04T10:00:00Z'));
    expect(await readAccessToken(token, SECRET, at('2026-12-04T10:00:01Z'))).not.toBeNull();
    expect(await readAccessToken(token, `${SECRET}-rotated`, at('2026-12-04T10:00:01Z'))).toBeNull();
  });

  it('a tampered token is refused every time', async () => {
    const token = await signAccessToken(claims, SECRET, 600, at('2026-12-04T10:00:00Z'));
    const [h, p, sig] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', iss: 'openpbm', exp: 9e9 })).toString('base64url')}.${sig}`;
    expect(await readAccessToken(forged, SECRET, at('2026-12-04T10:00:01Z'))).toBeNull();
    expect(await readAccessToken(forged, SECRET, at('2026-12-04T10:00:01Z'))).toBeNull();
    expect(p).not.toBe(forged.split('.')[1]);
  });

  it('a token read before it was issued for (nbf-free, iat in the future) still reads as jose decides', async () => {
    // jwtVerify checks iat only with maxTokenAge (not set): a token from a clock ahead still reads.
    const token = await signAccessToken(claims, SECRET, 600, at('2026-12-04T10:00:00Z'));
    expect(await readAccessToken(token, SECRET, at('2026-12-04T09:59:00Z'))).not.toBeNull();
  });
});
