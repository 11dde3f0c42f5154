/** CDS Hooks 2.0 discovery (`GET /cds-services`) for Da Vinci CRD 2.x, drug orders. */
export const CRD_VERSION = '2.1';

const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  coverage: 'Coverage?patient={{context.patientId}}&status=active',
  medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active',
};

const CONFIGURATION_OPTIONS = [
  {
    code: 'coverage-info',
    type: 'boolean',
    name: 'Coverage Information',
    description:
      'Coverage, prior-authorization and documentation requirements for each drug order, as a coverage-information extension on the order (systemActions) and a card',
    default: true,
  },
  {
    code: 'alternatives',
    type: 'boolean',
    name: 'Covered alternatives',
    description:
      'A card with covered alternatives in the same class when a drug is not covered or needs prior authorization',
    default: true,
  },
  { code: 'max-cards', type: 'integer', name: 'Maximum cards', description: 'At most this many cards', default: 10 },
];

export interface CdsService {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch: Record<string, string>;
  usageRequirements?: string;
  extension: Record<string, unknown>;
}

export const CDS_SERVICES: CdsService[] = [
  {
    hook: 'order-select',
    id: 'openpbm-crd-order-select',
    title: 'OpenPBM coverage requirements (order-select)',
    description:
      'Coverage, prior-authorization and documentation requirements for outpatient drug orders (MedicationRequest) while they are selected, from the same dry-run adjudication as the pharmacy claim',
    prefetch: PREFETCH,
    usageRequirements: 'A registered EHR client with the scope cds-hooks (SMART Backend Services or its API key)',
    extension: { 'davinci-crd.version': [CRD_VERSION], 'davinci-crd.configuration-options': CONFIGURATION_OPTIONS },
  },
  {
    hook: 'order-sign',
    id: 'openpbm-crd-order-sign',
    title: 'OpenPBM coverage requirements (order-sign)',
    description:
      'Coverage, prior-authorization and documentation requirements for outpatient drug orders (MedicationRequest) when they are signed, with the coverage-information extension and the DTR questionnaire to complete',
    prefetch: PREFETCH,
    usageRequirements: 'A registered EHR client with the scope cds-hooks (SMART Backend Services or its API key)',
    extension: { 'davinci-crd.version': [CRD_VERSION], 'davinci-crd.configuration-options': CONFIGURATION_OPTIONS },
  },
  {
    hook: 'order-dispatch',
    id: 'openpbm-crd-order-dispatch',
    title: 'OpenPBM coverage requirements (order-dispatch)',
    description: 'Coverage requirements for drug orders when they are sent to a performer',
    prefetch: { ...PREFETCH, medicationRequests: 'MedicationRequest?_id={{context.dispatchedOrders}}' },
    extension: { 'davinci-crd.version': [CRD_VERSION], 'davinci-crd.configuration-options': CONFIGURATION_OPTIONS },
  },
  {
    hook: 'appointment-book',
    id: 'openpbm-crd-appointment-book',
    title: 'OpenPBM coverage requirements (appointment-book)',
    description:
      'Answers appointment bookings: OpenPBM covers outpatient drugs, so an appointment gets a card saying it is outside this payer service’s scope',
    prefetch: { patient: PREFETCH.patient, coverage: PREFETCH.coverage },
    extension: { 'davinci-crd.version': [CRD_VERSION], 'davinci-crd.configuration-options': CONFIGURATION_OPTIONS },
  },
];
