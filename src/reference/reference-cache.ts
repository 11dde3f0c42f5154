import { loadAllConcepts, loadAllPackages, type DrugConcept, type DrugPackage } from '../catalog/index.js';
import { loadAllFormularyEntries, type FormularyRow } from '../formulary/index.js';
import { loadAllPlans, loadAllProcessors, type PlanRow, type ProcessorRow } from '../plans/index.js';
import type { Db } from '../platform/db.js';

export interface PlanFormulary {
  byRxcui: Map<string, FormularyRow>;
  byGroup: Map<string, FormularyRow>;
  entries: FormularyRow[];
}

/** Reference data the claim hot path reads on every claim, as one immutable snapshot. */
export interface ReferenceSnapshot {
  concepts: Map<string, DrugConcept>;
  packages: Map<string, DrugPackage>;
  /** First priced package of each concept (for estimates when no NDC was given). */
  pricedPackageByRxcui: Map<string, DrugPackage>;
  conceptsByGroup: Map<string, DrugConcept[]>;
  conceptsByClass: Map<string, DrugConcept[]>;
  processors: Map<string, ProcessorRow>;
  plans: Map<string, PlanRow>;
  formularies: Map<string, PlanFormulary>;
  loadedAt: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Drugs, plans and formularies change by import, rarely; claims read them thousands of times a
 * second. Imports in this process invalidate at once; other processes (scale-out) pick changes up
 * within REFRESH_MS.
 */
export class ReferenceCache {
  static REFRESH_MS = 30_000;
  private snapshot: ReferenceSnapshot | null = null;
  private loading: Promise<ReferenceSnapshot> | null = null;

  constructor(private readonly db: Db) {}

  invalidate(): void {
    this.snapshot = null;
  }

  async get(): Promise<ReferenceSnapshot> {
    if (this.snapshot && Date.now() - this.snapshot.loadedAt < ReferenceCache.REFRESH_MS) return this.snapshot;
    if (!this.loading) {
      this.loading = this.load().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  private async load(): Promise<ReferenceSnapshot> {
    const [concepts, packages, processors, plans, entries] = await Promise.all([
      loadAllConcepts(this.db),
      loadAllPackages(this.db),
      loadAllProcessors(this.db),
      loadAllPlans(this.db),
      loadAllFormularyEntries(this.db),
    ]);
    const snap = buildSnapshot({ concepts, packages, processors, plans, entries, loadedAt: Date.now() });
    this.snapshot = snap;
    return snap;
  }
}

/** Indexes reference rows for the hot path (pure: tests build snapshots the same way). */
export function buildSnapshot({
  concepts,
  packages,
  processors,
  plans,
  entries,
  loadedAt,
}: {
  concepts: DrugConcept[];
  packages: DrugPackage[];
  processors: ProcessorRow[];
  plans: PlanRow[];
  entries: FormularyRow[];
  loadedAt: number;
}): ReferenceSnapshot {
  const snap: ReferenceSnapshot = {
    concepts: new Map(concepts.map((c) => [c.rxcui, c])),
    packages: new Map(packages.map((p) => [p.ndc, p])),
    pricedPackageByRxcui: new Map(packages.filter((p) => p.unitPrice !== null).map((p) => [p.rxcui, p])),
    conceptsByGroup: new Map(),
    conceptsByClass: new Map(),
    processors: new Map(processors.map((p) => [p.id, p])),
    plans: new Map(plans.map((p) => [p.id, p])),
    formularies: new Map(),
    loadedAt,
  };
  for (const c of concepts) {
    push(snap.conceptsByGroup, c.groupId, c);
    if (c.drugClass) push(snap.conceptsByClass, c.drugClass, c);
  }
  for (const e of entries) {
    let f = snap.formularies.get(e.planId);
    if (!f) snap.formularies.set(e.planId, (f = { byRxcui: new Map(), byGroup: new Map(), entries: [] }));
    f.entries.push(e);
    if (e.rxcui) f.byRxcui.set(e.rxcui, e);
    else if (e.groupId) f.byGroup.set(e.groupId, e);
  }
  return snap;
}

/** The formulary entry for a product: its own rxcui entry wins, else its drug-form group's. */
export function findFormularyEntry(
  snap: ReferenceSnapshot,
  planId: string,
  concept: DrugConcept,
): FormularyRow | undefined {
  const f = snap.formularies.get(planId);
  if (!f) return undefined;
  return f.byRxcui.get(concept.rxcui) ?? f.byGroup.get(concept.groupId);
}
