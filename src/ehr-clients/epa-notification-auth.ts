import type { FieldError } from '../platform/errors.js';
import type { EhrClientRow } from './ehr-clients.repo.js';

/**
 * How OpenPBM authenticates to an ePA hub when it POSTs a PANotification (docs/epa-script.md#notifications):
 * an OAuth-style bearer token (RFC 6750 §2.1) or HTTP Basic (RFC 7617), per hub. Mutual TLS is a
 * deployment concern (a client certificate on the outbound proxy), not configured here.
 */
export type EpaNotificationAuth =
  { scheme: 'none' } | { scheme: 'bearer'; token: string } | { scheme: 'basic'; username: string; password: string };

/** What the API shows of it: never the secret, only whether one is set. */
export interface EpaNotificationAuthView {
  scheme: 'none' | 'bearer' | 'basic';
  username: string | null;
  secretSet: boolean;
}

// Header-safe: RFC 6750 b64token characters for the token; no control characters and no colon in the Basic user-id (RFC 7617 §2).
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const USER = /^[^\p{Cc}:]{1,200}$/u;
const PASSWORD = /^\P{Cc}{1,500}$/u;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks the credentials (and that they would not travel in clear text: a credential needs an
 * https endpoint, except on the loopback interface where a local relay or a test receiver listens).
 */
export function checkEpaNotificationAuth(auth: EpaNotificationAuth, endpoint: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (auth.scheme === 'bearer' && !(auth.token.length >= 16 && auth.token.length <= 4096 && TOKEN.test(auth.token)))
    errors.push({
      path: 'epaAuth.token',
      message: '16–4096 characters: letters, digits and - . _ ~ + / (a bearer token, RFC 6750)',
    });
  if (auth.scheme === 'basic') {
    if (!USER.test(auth.username))
      errors.push({ path: 'epaAuth.username', message: '1–200 characters, no colon or control characters' });
    if (!PASSWORD.test(auth.password))
      errors.push({ path: 'epaAuth.password', message: '1–500 characters, no control characters' });
  }
  if (auth.scheme !== 'none') {
    if (endpoint === null) errors.push({ path: 'epaEndpoint', message: 'credentials need an endpoint to be sent to' });
    else {
      const u = new URL(endpoint);
      if (u.protocol !== 'https:' && !LOOPBACK.has(u.hostname))
        errors.push({
          path: 'epaEndpoint',
          message: 'credentials are sent only to an https endpoint (http would carry them in clear text)',
        });
    }
  }
  return errors;
}

/** The columns that store it. */
export function epaAuthColumns(
  auth: EpaNotificationAuth,
): Pick<EhrClientRow, 'epaAuthScheme' | 'epaAuthUsername' | 'epaAuthSecret'> {
  switch (auth.scheme) {
    case 'bearer':
      return { epaAuthScheme: 'bearer', epaAuthUsername: null, epaAuthSecret: auth.token };
    case 'basic':
      return { epaAuthScheme: 'basic', epaAuthUsername: auth.username, epaAuthSecret: auth.password };
    default:
      return { epaAuthScheme: 'none', epaAuthUsername: null, epaAuthSecret: null };
  }
}

export function epaAuthView(c: EhrClientRow): EpaNotificationAuthView {
  const scheme = c.epaAuthScheme === 'bearer' || c.epaAuthScheme === 'basic' ? c.epaAuthScheme : 'none';
  return { scheme, username: c.epaAuthUsername, secretSet: scheme !== 'none' && !!c.epaAuthSecret };
}

/**
 * The Authorization header for a PANotification to `endpoint`. Credentials go only to the origin of
 * the hub's current endpoint: a case keeps the endpoint recorded when it was opened, and if the
 * administrator has since moved the hub elsewhere the old address must not receive the new secret.
 */
export function epaNotificationHeaders(hub: EhrClientRow | undefined, endpoint: string): Record<string, string> {
  if (!hub?.epaEndpoint || !hub.epaAuthSecret || hub.epaAuthScheme === 'none') return {};
  if (new URL(hub.epaEndpoint).origin !== new URL(endpoint).origin) return {};
  if (hub.epaAuthScheme === 'bearer') return { authorization: `Bearer ${hub.epaAuthSecret}` };
  if (hub.epaAuthScheme === 'basic' && hub.epaAuthUsername)
    return {
      authorization: `Basic ${Buffer.from(`${hub.epaAuthUsername}:${hub.epaAuthSecret}`, 'utf8').toString('base64')}`,
    };
  return {};
}
