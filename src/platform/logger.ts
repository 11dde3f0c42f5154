import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logs never carry PHI (HIPAA minimum necessary): request logs keep the route and
 * method but drop query strings (they carry member ids), bodies are never logged, and known PHI
 * keys are censored wherever they appear in a log object.
 */
export const PHI_KEYS = [
  'memberId',
  'cardholderId',
  'firstName',
  'lastName',
  'name',
  'dateOfBirth',
  'dob',
  'patient',
  'address',
  'addressLine1',
  'phone',
  'email',
  'password',
  'authorization',
  'accessToken',
];

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const pathOnly = q === -1 ? url : url.slice(0, q) + '?[redacted]';
  // Member ids also appear as path segments (/members/M000123): mask anything that looks like one.
  return pathOnly.replace(/\/(M\d{4,})(?=\/|$|\?)/g, '/[member]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: PHI_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; url: string; id: string }) {
        return { method: req.method, url: redactUrl(req.url), reqId: req.id };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
  };
}
