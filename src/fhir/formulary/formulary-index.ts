import type { Basic, InsurancePlan, MedicationKnowledge } from '@medplum/fhirtypes';
import { findFormularyEntry, type ReferenceSnapshot } from '../../reference/reference-cache.js';
import { toFormularyDrug } from './to-formulary-drug.js';
import { toFormularyItem } from './to-formulary-item.js';
import { formularyId, toFormulary, toPayerInsurancePlan } from './to-insurance-plans.js';

export interface ItemFacts {
  planId: string;
  formularyId: string;
  rxcui: string;
  lastUpdated: Date;
}

/** Every published USDF resource for one reference snapshot, built once and searched in memory. */
export interface FormularyIndex {
  insurancePlans: InsurancePlan[];
  insurancePlansById: Map<string, InsurancePlan>;
  /** Formulary id → plan id (the plan whose formulary it is). */
  formularyPlan: Map<string, string>;
  items: Basic[];
  itemsById: Map<string, Basic>;
  itemFacts: WeakMap<Basic, ItemFacts>;
  itemsByFormulary: Map<string, Basic[]>;
  drugs: MedicationKnowledge[];
  drugsById: Map<string, MedicationKnowledge>;
}

const built = new WeakMap<ReferenceSnapshot, FormularyIndex>();

const byId = <T extends { id?: string }>(list: T[]) => new Map(list.map((r) => [r.id!, r]));

/**
 * The snapshot is immutable, so its resources are too: built on first use and cached for the
 * snapshot's life (the reference cache replaces the snapshot when an import changes the data).
 */
export function formularyIndexOf(snap: ReferenceSnapshot): FormularyIndex {
  const cached = built.get(snap);
  if (cached) return cached;
  const concepts = [...snap.concepts.values()].sort((a, b) => a.rxcui.localeCompare(b.rxcui));
  const plans = [...snap.plans.values()].sort((a, b) => a.id.localeCompare(b.id));
  const payerPlans: InsurancePlan[] = [];
  const formularies: InsurancePlan[] = [];
  const formularyPlan = new Map<string, string>();
  const items: Basic[] = [];
  const itemFacts = new WeakMap<Basic, ItemFacts>();
  const itemsByFormulary = new Map<string, Basic[]>();
  for (const plan of plans) {
    const payer = plan.carveOutPlanId ? (snap.plans.get(plan.carveOutPlanId) ?? plan) : plan;
    payerPlans.push(toPayerInsurancePlan(plan, payer, snap.processors.get(payer.processorId)));
    if (payer !== plan) continue; // a carved-out benefit publishes no formulary of its own
    const entries = snap.formularies.get(plan.id)?.entries ?? [];
    const lastEntry = entries.reduce<Date | undefined>((m, e) => (!m || e.updatedAt > m ? e.updatedAt : m), undefined);
    const formulary = toFormulary(plan, lastEntry);
    formularies.push(formulary);
    formularyPlan.set(formulary.id!, plan.id);
    const planItems: Basic[] = [];
    for (const c of concepts) {
      const entry = findFormularyEntry(snap, plan.id, c);
      if (!entry?.covered) continue;
      const item = toFormularyItem(plan, c, entry);
      itemFacts.set(item, {
        planId: plan.id,
        formularyId: formularyId(plan.id),
        rxcui: c.rxcui,
        lastUpdated: new Date(item.meta!.lastUpdated!),
      });
      planItems.push(item);
    }
    itemsByFormulary.set(formulary.id!, planItems);
    items.push(...planItems);
  }
  const insurancePlans = [...payerPlans, ...formularies];
  const drugs = concepts.map(toFormularyDrug);
  const index: FormularyIndex = {
    insurancePlans,
    insurancePlansById: byId(insurancePlans),
    formularyPlan,
    items,
    itemsById: byId(items),
    itemFacts,
    itemsByFormulary,
    drugs,
    drugsById: byId(drugs),
  };
  built.set(snap, index);
  return index;
}
