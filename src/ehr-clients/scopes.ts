/**
 * SMART App Launch 2.0 system scopes (`system/Claim.c`, `system/Claim.rs`, v1 `system/Claim.read`
 * and `system/*.*`) plus OpenPBM's `cds-hooks` (CDS Hooks services are not FHIR resources).
 * `needed` is one resource + permission letters, e.g. `system/Claim.c`.
 */
const V1: Record<string, string> = { read: 'rs', write: 'cud', '*': 'cruds' };

function parse(scope: string): { resource: string; perms: string } | null {
  const m = /^system\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/.exec(scope);
  if (!m) return null;
  const perms = V1[m[2]] ?? m[2];
  if (!/^c?r?u?d?s?$/.test(perms)) return null;
  return { resource: m[1], perms };
}

/** Scopes for services that are not FHIR resources: CDS Hooks, SCRIPT ePA (/api/v1/epa) and RTPB (/api/v1/rtpb). */
const NON_FHIR_SCOPES = ['cds-hooks', 'epa', 'rtpb'];

export function isKnownScope(scope: string): boolean {
  return NON_FHIR_SCOPES.includes(scope) || parse(scope) !== null;
}

export function scopeGrants(granted: readonly string[], needed: string): boolean {
  if (!needed.startsWith('system/')) return granted.includes(needed);
  const want = parse(needed);
  if (!want) return false;
  return granted.some((g) => {
    const have = parse(g);
    if (!have || (have.resource !== '*' && have.resource !== want.resource)) return false;
    return [...want.perms].every((p) => have.perms.includes(p));
  });
}

/** The granted subset of what a client asked for (a token never carries more than the registration allows). */
export function grantScopes(requested: readonly string[], registered: readonly string[]): string[] {
  return requested.filter((s) => scopeGrants(registered, s));
}
