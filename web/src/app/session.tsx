import type { ApiAnswer } from '../api/api-shapes';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, tokenStore } from '../api/client';
import { useTokenRefresh } from './token-refresh';

export type Role =
  | 'member'
  | 'prescriber'
  | 'pharmacy'
  | 'intake'
  | 'reviewer-pharmacist'
  | 'reviewer-physician'
  | 'member-services'
  | 'admin';

/** GET /me, its role read as one of the portals' roles. */
export type Me = Omit<ApiAnswer<'/api/v1/me', 'get'>, 'role'> & { role: Role };

interface SessionState {
  me: Me | null;
  /** True while the stored token is being checked at start-up. */
  checking: boolean;
  /** Why the sign-in page is showing: the session expired, or the server could not be reached to resume it. */
  endedReason: 'expired' | 'unreachable' | null;
  signIn: (username: string, password: string) => Promise<Me>;
  /** After an admin's reset: the temporary password and a new one; signs in (POST /auth/password). */
  changePassword: (username: string, currentPassword: string, newPassword: string) => Promise<Me>;
  signOut: () => void;
  /** Server clock minus browser clock, ms: due times count from the server's now. */
  clockOffsetMs: number;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== null);
  const [endedReason, setEndedReason] = useState<'expired' | 'unreachable' | null>(null);
  const [clockOffsetMs, setOffset] = useState(0);

  const loadMe = useCallback(async () => {
    const m = await api.get<Me>('/me');
    setOffset(new Date(m.serverTime).getTime() - Date.now());
    setMe(m);
    return m;
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      tokenStore.clear();
      setMe(null);
      setEndedReason('expired');
    });
    if (tokenStore.get()) {
      loadMe()
        // Only a refused token ends the session; a network or server failure keeps it for a retry.
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 401) tokenStore.clear();
          else setEndedReason('unreachable');
        })
        .finally(() => setChecking(false));
    }
    return () => onUnauthorized(null);
  }, [loadMe]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const t = await api.post<{ accessToken: string; expiresIn: number }>('/auth/token', { username, password });
      tokenStore.set(t.accessToken, t.expiresIn);
      setEndedReason(null);
      return loadMe();
    },
    [loadMe],
  );

  const changePassword = useCallback(
    async (username: string, currentPassword: string, newPassword: string) => {
      const t = await api.post<{ accessToken: string; expiresIn: number }>('/auth/password', {
        username,
        currentPassword,
        newPassword,
      });
      tokenStore.set(t.accessToken, t.expiresIn);
      setEndedReason(null);
      return loadMe();
    },
    [loadMe],
  );

  useTokenRefresh(me !== null);

  const signOut = useCallback(() => {
    tokenStore.clear();
    setMe(null);
  }, []);

  return (
    <SessionContext.Provider value={{ me, checking, endedReason, signIn, changePassword, signOut, clockOffsetMs }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (pages below the sign-in gate only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
