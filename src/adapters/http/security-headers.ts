import helmet from 'helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Security headers on every answer (docs/security.md#headers), as helmet computes them:
 * - a Content-Security-Policy the portals and the API docs pass: scripts only from this origin (the
 *   built portals and Swagger UI load every script from a file, none inline); protected files
 *   (letters, attachments) are fetched with the token and shown from `blob:` URLs, so frames,
 *   images and objects also allow `blob:`; styles allow inline style attributes (React, Swagger UI);
 * - `frame-ancestors 'self'` and X-Frame-Options SAMEORIGIN (no clickjacking from other sites; the
 *   portal may frame its own files), `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`;
 * - HSTS only over TLS (RFC 6797 §7.2: a host must not send it over plain HTTP), or behind a TLS
 *   terminator when the operator says so (HSTS=on).
 * PHI answers must never sit in a browser or proxy cache: every API, FHIR and CDS Hooks answer
 * is `Cache-Control: no-store` unless the route set its own.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  objectSrc: ["'self'", 'blob:'],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

const NO_STORE_PREFIXES = ['/api/', '/fhir', '/cds-services', '/oauth'];

export function wantsNoStore(url: string): boolean {
  return NO_STORE_PREFIXES.some((p) => url.startsWith(p));
}

export function servedOverTls(request: FastifyRequest, hstsBehindProxy: boolean): boolean {
  if (request.protocol === 'https') return true;
  return hstsBehindProxy && request.headers['x-forwarded-proto'] === 'https';
}

/**
 * The headers helmet sets, computed once: every directive here is a constant, so every answer gets
 * the same ones. (@fastify/helmet built helmet's middleware again on every request, ≈ 2 % of the
 * API's CPU a claim: BENCHMARKS.md, claims tail.) Captured from helmet itself, so its defaults and
 * encodings stay its own.
 */
export function securityHeaders(): ReadonlyArray<readonly [string, string]> {
  const headers: Array<[string, string]> = [];
  const capture = {
    setHeader: (name: string, value: string) => void headers.push([name.toLowerCase(), String(value)]),
    removeHeader: () => {},
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    // Cross-origin isolation headers would stop EHRs from reading FHIR answers they are entitled to.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  })({} as never, capture as never, () => {});
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): Promise<void> {
  const headers = securityHeaders();
  // On the raw response, as helmet does: they hold for every answer, hijacked ones included.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (servedOverTls(request, options.hsts))
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (wantsNoStore(request.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
