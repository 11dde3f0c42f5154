import type {
  Bundle,
  Claim,
  Coding,
  Coverage,
  MedicationRequest,
  Patient,
  QuestionnaireResponse,
  Resource,
} from '@medplum/fhirtypes';
import { DomainError, type FieldError } from '../../platform/errors.js';

export const PAS = {
  requestBundle: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-request-bundle',
  inquiryBundle: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-inquiry-request-bundle',
  responseBundle: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-response-bundle',
  inquiryResponseBundle: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-inquiry-response-bundle',
  claimResponse: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claimresponse',
  inquiryClaimResponse: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claiminquiryresponse',
  ext: (name: string) => `http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-${name}`,
  levelOfService: 'http://codesystem.x12.org/005010/1338',
  topic: 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic',
} as const;

export interface PasItem {
  sequence: number;
  path: string;
  codings: Coding[];
  quantity?: number;
  daysSupply?: number;
  medicationRequest?: MedicationRequest;
}

export interface PasBundle {
  bundle: Bundle;
  claim: Claim;
  patient: Patient;
  coverage: Coverage | undefined;
  /** NPIs of the practitioners and organizations the Claim names (provider, care team, requester). */
  npis: string[];
  items: PasItem[];
  urgent: boolean;
  questionnaireResponses: QuestionnaireResponse[];
  /** Claim.identifier as `system|value`: how the submitter names this request in $inquire. */
  claimIdentifier: string;
  resolve(reference: string | undefined): Resource | undefined;
}

const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

function fail(errors: FieldError[]): never {
  throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/** Every `reference` string inside a resource, with its element path. */
function referencesIn(value: unknown, path: string, out: Array<{ path: string; reference: string }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => referencesIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push({ path, reference: v });
      else if (k !== 'contained') referencesIn(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/**
 * A PAS request (or inquiry) Bundle, checked the way the PAS IG requires (Bundle of type
 * collection, the Claim first, use = preauthorization, every reference resolvable inside the
 * Bundle): anything else is a 400 OperationOutcome naming the element.
 */
export function parsePasBundle(body: unknown, kind: 'submit' | 'inquire'): PasBundle {
  const b = body as Bundle;
  if (!b || typeof b !== 'object' || b.resourceType !== 'Bundle')
    fail([{ path: 'Bundle', message: 'the body must be a PAS request Bundle' }]);
  if (b.type !== 'collection') fail([{ path: 'Bundle.type', message: 'must be collection' }]);
  const entries = Array.isArray(b.entry) ? b.entry : [];
  const claim = entries[0]?.resource as Claim | undefined;
  if (claim?.resourceType !== 'Claim')
    fail([{ path: 'Bundle.entry[0].resource', message: 'the first entry must be the Claim' }]);
  const errors: FieldError[] = [];
  if (claim.use !== 'preauthorization')
    errors.push({ path: 'Bundle.entry[0].resource.use', message: 'must be preauthorization' });
  if (!claim.patient?.reference) errors.push({ path: 'Bundle.entry[0].resource.patient', message: 'is required' });
  if (!claim.identifier?.[0]?.value)
    errors.push({ path: 'Bundle.entry[0].resource.identifier', message: 'is required (the submitter trace number)' });
  if (kind === 'submit' && !claim.item?.length)
    errors.push({ path: 'Bundle.entry[0].resource.item', message: 'at least one item' });
  entries.forEach((e, i) => {
    if (!e.resource?.resourceType) errors.push({ path: `Bundle.entry[${i}].resource`, message: 'is required' });
  });
  if (errors.length) fail(errors);

  const resolve = (reference: string | undefined): Resource | undefined => {
    if (!reference) return undefined;
    for (const e of entries) {
      const r = e.resource!;
      if (e.fullUrl === reference) return r;
      const tail = `${r.resourceType}/${r.id}`;
      if (r.id && (reference === tail || reference.endsWith(`/${tail}`))) return r;
    }
    return undefined;
  };
  // The Claim's references must resolve inside the Bundle (PAS: the Claim and every resource it
  // references travel together); deeper links (a PractitionerRole's Location) may point outside.
  for (const { path, reference } of referencesIn(claim, 'Bundle.entry[0].resource')) {
    if (reference.startsWith('#')) continue;
    if (!resolve(reference))
      errors.push({
        path,
        message: `refers to ${reference}, which is not in the Bundle (PAS: every resource the Claim references is included)`,
      });
  }
  if (errors.length) fail(errors);

  const patient = resolve(claim.patient!.reference) as Patient;
  if (patient.resourceType !== 'Patient')
    fail([{ path: 'Bundle.entry[0].resource.patient', message: 'must reference a Patient' }]);
  const coverage = claim.insurance
    ?.map((i) => resolve(i.coverage?.reference))
    .find((r) => r?.resourceType === 'Coverage') as Coverage | undefined;

  const npiOf = (ref: string | undefined): string[] => {
    const r = resolve(ref) as
      | (Resource & {
          identifier?: Array<{ system?: string; value?: string }>;
          practitioner?: { reference?: string };
          organization?: { reference?: string };
        })
      | undefined;
    if (!r) return [];
    const own = (r.identifier ?? []).filter((i) => i.system === NPI_SYSTEM && i.value).map((i) => i.value!);
    if (r.resourceType === 'PractitionerRole')
      return [...own, ...npiOf(r.practitioner?.reference), ...npiOf(r.organization?.reference)];
    return own;
  };

  const items: PasItem[] = (claim.item ?? []).map((item, i) => {
    const path = `Bundle.entry[0].resource.item[${i}]`;
    const requested = (item.extension ?? []).find((x) => x.url === PAS.ext('requestedService'))?.valueReference
      ?.reference;
    const mr = resolve(requested) as MedicationRequest | undefined;
    const medicationRequest = mr?.resourceType === 'MedicationRequest' ? mr : undefined;
    const duration = medicationRequest?.dispenseRequest?.expectedSupplyDuration;
    return {
      sequence: item.sequence,
      path,
      codings: [
        ...(item.productOrService?.coding ?? []),
        ...(medicationRequest?.medicationCodeableConcept?.coding ?? []),
      ],
      quantity: item.quantity?.value ?? medicationRequest?.dispenseRequest?.quantity?.value,
      daysSupply: duration?.value && (!duration.code || duration.code === 'd') ? Math.round(duration.value) : undefined,
      medicationRequest,
    };
  });
  const requesterNpis = items.flatMap((it) => npiOf(it.medicationRequest?.requester?.reference));
  const npis = [
    ...requesterNpis,
    ...(claim.careTeam ?? []).flatMap((c) => npiOf(c.provider?.reference)),
    ...npiOf(claim.provider?.reference),
  ];
  const levelOfService = (claim.extension ?? [])
    .find((x) => x.url === PAS.ext('levelOfServiceCode'))
    ?.valueCodeableConcept?.coding?.find((c) => c.system === PAS.levelOfService)?.code;
  const id = claim.identifier![0];
  return {
    bundle: b,
    claim,
    patient,
    coverage,
    npis: [...new Set(npis)],
    items,
    urgent: levelOfService === 'U' || claim.priority?.coding?.some((c) => c.code === 'stat') === true,
    questionnaireResponses: entries
      .map((e) => e.resource!)
      .filter((r): r is QuestionnaireResponse => r.resourceType === 'QuestionnaireResponse'),
    claimIdentifier: `${id.system ?? ''}|${id.value}`,
    resolve,
  };
}
