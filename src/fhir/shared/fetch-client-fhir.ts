import type { Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';

const MAX_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 5_000;

export interface ClientFhirServer {
  baseUrl: string;
  accessToken: string;
}

/**
 * Reads one resource or search from the EHR's FHIR server with the access token it handed over
 * (CDS Hooks 2.0 §Prefetch: "the CDS Service MAY query the FHIR server"). Bounded in time and size;
 * production only follows https URLs. A failure is null: the caller answers with what is missing.
 */
export async function fetchClientFhir(
  ctx: AppContext,
  server: ClientFhirServer,
  relative: string,
): Promise<Resource | null> {
  const base = server.baseUrl.replace(/\/+$/, '');
  if (ctx.config.env === 'production' && !base.startsWith('https://')) return null;
  try {
    const res = await fetch(`${base}/${relative}`, {
      headers: { accept: 'application/fhir+json', authorization: `Bearer ${server.accessToken}` },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) return null;
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) return null;
    const text = await res.text();
    if (text.length > MAX_BYTES) return null;
    const body = JSON.parse(text) as Resource;
    return typeof body?.resourceType === 'string' ? body : null;
  } catch {
    return null;
  }
}
