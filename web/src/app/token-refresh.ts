import { useEffect } from 'react';
import { api, tokenStore } from '../api/client';

/**
 * Keep a working session signed in, let an idle one end. A token is renewed once it is past half
 * its life, but only if the person pressed a key or clicked within the token's lifetime; after
 * that long without activity the token simply expires and the next request asks to sign in
 * again (automatic logoff, HIPAA 45 CFR 164.312(a)(2)(iii)).
 */
export function shouldRefresh(args: {
  issuedAt: number;
  expiresInMs: number;
  lastActivityAt: number;
  now: number;
}): boolean {
  const age = args.now - args.issuedAt;
  if (age >= args.expiresInMs) return false; // already expired: nothing to renew
  if (age < args.expiresInMs / 2) return false;
  return args.now - args.lastActivityAt < args.expiresInMs;
}

const CHECK_EVERY_MS = 30_000;

export function useTokenRefresh(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    let lastActivityAt = Date.now();
    const touch = () => {
      lastActivityAt = Date.now();
    };
    window.addEventListener('keydown', touch);
    window.addEventListener('pointerdown', touch);
    let busy = false;
    const timer = window.setInterval(() => {
      const issued = tokenStore.issued();
      if (
        busy ||
        !issued ||
        !shouldRefresh({ issuedAt: issued.at, expiresInMs: issued.expiresInMs, lastActivityAt, now: Date.now() })
      )
        return;
      busy = true;
      api
        .post<{ accessToken: string; expiresIn: number }>('/auth/refresh')
        .then((t) => tokenStore.set(t.accessToken, t.expiresIn))
        .catch(() => undefined) // a refused refresh leaves the token to expire; the next request says so
        .finally(() => {
          busy = false;
        });
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('keydown', touch);
      window.removeEventListener('pointerdown', touch);
    };
  }, [signedIn]);
}
