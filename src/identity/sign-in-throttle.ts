import { LRUCache } from 'lru-cache';

/**
 * Sign-in throttling (OWASP Authentication Cheat Sheet, "Protect against automated attacks";
 * docs/security.md#sign-in): a fixed window of attempts per username and per client address.
 * Counting is in memory per process; the account lock after repeated failures is counted from
 * the audit log instead (identity/authenticate.ts), so it holds across processes and restarts.
 */
export interface SignInLimits {
  /** Attempts per username per window. */
  perUsername: number;
  /** Attempts per client address per window (one office signs many people in). */
  perAddress: number;
  windowSeconds: number;
  /** Consecutive failures within lockMinutes that lock the account for lockMinutes. */
  lockAfterFailures: number;
  lockMinutes: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perUsername: 10,
  perAddress: 50,
  windowSeconds: 60,
  lockAfterFailures: 10,
  lockMinutes: 15,
};

interface Window {
  count: number;
  resetAt: number;
}

export class SignInThrottle {
  // Real elapsed time (Date.now) on purpose: a throttle window is about request rate, not business time.
  private readonly windows = new LRUCache<string, Window>({ max: 100_000 });

  constructor(private readonly limits: SignInLimits) {}

  /** Counts one attempt; returns the seconds to wait when over a limit, else null. */
  attempt(username: string, address: string, nowMs = Date.now()): number | null {
    const a = this.count(`u:${username.normalize('NFC').toLowerCase()}`, this.limits.perUsername, nowMs);
    const b = this.count(`a:${address}`, this.limits.perAddress, nowMs);
    const waits = [a, b].filter((w): w is number => w !== null);
    return waits.length ? Math.max(...waits) : null;
  }

  private count(key: string, max: number, nowMs: number): number | null {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= nowMs) {
      w = { count: 0, resetAt: nowMs + this.limits.windowSeconds * 1000 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > max ? Math.max(1, Math.ceil((w.resetAt - nowMs) / 1000)) : null;
  }
}
