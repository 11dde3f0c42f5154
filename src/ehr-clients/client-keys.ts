import { importJWK, type JWK } from 'jose';
import type { FieldError } from '../platform/errors.js';

/** SMART Backend Services: clients sign assertions with RS384 or ES384 (App Launch 2.0 §Backend Services). */
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** A public signing key we can store: RSA or EC P-384, with a kid, and no private material. */
export async function checkPublicJwk(raw: unknown, path: string): Promise<{ jwk?: JWK; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { errors: [{ path, message: 'must be a JWK object' }] };
  const jwk = raw as JWK;
  if (PRIVATE_MEMBERS.some((m) => m in jwk))
    errors.push({ path, message: 'contains private key material; register the public key only' });
  if (typeof jwk.kid !== 'string' || !jwk.kid) errors.push({ path: `${path}.kid`, message: 'is required' });
  const alg = jwk.alg ?? (jwk.kty === 'RSA' ? 'RS384' : jwk.kty === 'EC' ? 'ES384' : undefined);
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') errors.push({ path: `${path}.kty`, message: 'must be RSA or EC' });
  else if (!alg || !(ASSERTION_ALGORITHMS as readonly string[]).includes(alg))
    errors.push({ path: `${path}.alg`, message: `must be one of ${ASSERTION_ALGORITHMS.join(', ')}` });
  else if (jwk.kty === 'EC' && jwk.crv !== 'P-384')
    errors.push({ path: `${path}.crv`, message: 'ES384 needs curve P-384' });
  if (errors.length) return { errors };
  try {
    await importJWK({ ...jwk }, alg);
  } catch (e) {
    return { errors: [{ path, message: `is not a usable key: ${(e as Error).message}` }] };
  }
  const { kty, kid, n, e, crv, x, y } = jwk;
  const clean: JWK = { kty, kid, alg, use: 'sig', ...(kty === 'RSA' ? { n, e } : { crv, x, y }) };
  return { jwk: clean, errors: [] };
}
