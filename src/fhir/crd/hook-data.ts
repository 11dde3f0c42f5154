import type { Bundle, Coverage, Patient, Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { fetchClientFhir } from '../shared/fetch-client-fhir.js';
import type { HookRequest } from './hook-request.js';

export interface HookData {
  patient: Patient | null;
  coverages: Coverage[];
  /** Prefetch keys that were neither sent nor fetchable from fhirServer. */
  missing: string[];
  /** Prefetch keys fetched from the EHR's FHIR server. */
  fetched: string[];
}

function resourcesOf<T extends Resource>(value: Resource | Bundle | null | undefined, type: T['resourceType']): T[] {
  if (!value) return [];
  if (value.resourceType === 'Bundle')
    return ((value as Bundle).entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
  return value.resourceType === type ? [value as T] : [];
}

/**
 * The patient and their coverages for a hook: from prefetch, else from the EHR's FHIR server with
 * the access token it sent, else listed as missing (the answer then says what it needs).
 */
export async function loadHookData(ctx: AppContext, req: HookRequest): Promise<HookData> {
  const patientId = req.context.patientId;
  const server =
    req.fhirServer && req.fhirAuthorization?.access_token
      ? { baseUrl: req.fhirServer, accessToken: req.fhirAuthorization.access_token }
      : null;
  const missing: string[] = [];
  const fetched: string[] = [];
  const prefetch = req.prefetch ?? {};

  let patient = resourcesOf<Patient>(prefetch.patient, 'Patient')[0] ?? null;
  if (!patient && patientId && server) {
    patient =
      resourcesOf<Patient>(
        await fetchClientFhir(ctx, server, `Patient/${encodeURIComponent(patientId)}`),
        'Patient',
      )[0] ?? null;
    if (patient) fetched.push('patient');
  }
  if (!patient) missing.push('patient');

  let coverages = resourcesOf<Coverage>(prefetch.coverage, 'Coverage');
  if (!coverages.length && patientId && server) {
    coverages = resourcesOf<Coverage>(
      await fetchClientFhir(ctx, server, `Coverage?patient=${encodeURIComponent(patientId)}&status=active`),
      'Coverage',
    );
    if (coverages.length) fetched.push('coverage');
  }
  if (!coverages.length) missing.push('coverage');
  return { patient, coverages, missing, fetched };
}
