import type { Bundle, Medication, MedicationRequest, Reference, Resource } from '@medplum/fhirtypes';
import type { DrugConcept } from '../../catalog/index.js';
import type { ReferenceSnapshot } from '../../reference/reference-cache.js';
import { normalizeNdc } from '../../shared/field-checks.js';
import type { HookRequest } from './hook-request.js';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const NDC = 'http://hl7.org/fhir/sid/ndc';

export interface DrugOrder {
  order: MedicationRequest;
  /** `MedicationRequest/<id>`, for card extensions (davinci-crd.associated-resource). */
  reference: string;
  drug: DrugConcept | null;
  ndc: string | null;
  codes: string[];
  quantity: number;
  daysSupply: number;
}

export interface HookOrders {
  drugs: DrugOrder[];
  /** Orders that are not outpatient drug orders (ServiceRequest, DeviceRequest, appointments…). */
  others: Resource[];
}

function bundleResources(b: unknown): Resource[] {
  const bundle = b as Bundle | undefined;
  if (!bundle || bundle.resourceType !== 'Bundle') return [];
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => !!r);
}

function medicationOf(order: MedicationRequest, pool: Resource[]): Medication | undefined {
  const ref: Reference | undefined = order.medicationReference;
  if (!ref?.reference) return undefined;
  if (ref.reference.startsWith('#'))
    return order.contained?.find((r) => r.id === ref.reference!.slice(1)) as Medication;
  const id = ref.reference.split('/').pop();
  return pool.find((r) => r.resourceType === 'Medication' && r.id === id) as Medication | undefined;
}

/** The drug a MedicationRequest names: an RxNorm SCD/SBD, or an NDC mapped to one. */
function drugOf(order: MedicationRequest, pool: Resource[], ref: ReferenceSnapshot) {
  const codings = [
    ...(order.medicationCodeableConcept?.coding ?? []),
    ...(medicationOf(order, pool)?.code?.coding ?? []),
  ];
  let ndc: string | null = null;
  let drug: DrugConcept | null = null;
  for (const c of codings) {
    if (c.system === NDC && c.code) {
      const n = normalizeNdc(c.code);
      const pkg = n ? ref.packages.get(n) : undefined;
      if (pkg) {
        ndc = n;
        drug ??= ref.concepts.get(pkg.rxcui) ?? null;
      }
    }
    if (c.system === RXNORM && c.code) drug ??= ref.concepts.get(c.code) ?? null;
  }
  return { drug, ndc, codes: codings.map((c) => `${c.system ?? ''}|${c.code ?? ''}`) };
}

/** Days' supply: the expected supply duration in days, else 30. Quantity: dispense quantity, else 30. */
function amounts(order: MedicationRequest) {
  const d = order.dispenseRequest;
  const duration = d?.expectedSupplyDuration;
  const days = duration?.value && (!duration.code || duration.code === 'd') ? duration.value : 30;
  return {
    quantity: d?.quantity?.value && d.quantity.value > 0 ? d.quantity.value : 30,
    daysSupply: Math.max(1, Math.round(days)),
  };
}

/**
 * The orders a hook is about: order-sign's draftOrders, order-select's selections among them,
 * order-dispatch's dispatchedOrders (resolved from prefetch), appointment-book's appointments.
 */
export function ordersOf(req: HookRequest, ref: ReferenceSnapshot): HookOrders {
  const ctx = req.context;
  const prefetched = Object.values(req.prefetch ?? {}).flatMap((v) =>
    v?.resourceType === 'Bundle' ? bundleResources(v) : v ? [v] : [],
  );
  let orders = [...bundleResources(ctx.draftOrders), ...bundleResources(ctx.appointments)];
  if (req.hook === 'order-select' && Array.isArray(ctx.selections)) {
    const selected = new Set(ctx.selections as string[]);
    orders = orders.filter((o) => selected.has(`${o.resourceType}/${o.id}`));
  }
  if (Array.isArray(ctx.dispatchedOrders)) {
    for (const r of ctx.dispatchedOrders as string[]) {
      const [type, id] = String(r).split('/');
      const found = prefetched.find((p) => p.resourceType === type && p.id === id);
      orders.push(found ?? ({ resourceType: type, id } as Resource));
    }
  }
  const pool = [...orders, ...prefetched];
  const drugs: DrugOrder[] = [];
  const others: Resource[] = [];
  for (const o of orders) {
    if (o.resourceType !== 'MedicationRequest') {
      others.push(o);
      continue;
    }
    const mr = o as MedicationRequest;
    drugs.push({ order: mr, reference: `MedicationRequest/${mr.id ?? ''}`, ...drugOf(mr, pool, ref), ...amounts(mr) });
  }
  return { drugs, others };
}
