import type { DrugConcept } from '../catalog/index.js';
import type { FormularyRow } from '../formulary/index.js';
import { findFormularyEntry, type ReferenceSnapshot } from './reference-cache.js';

/** An authorization whose effect a member's hit shows (GET /members/{id}/formulary). */
export interface HitAuthorization {
  number: string;
  kind: string;
  effectiveTo: string;
}

/**
 * A member's terms for a drug: the plan's entry as their approved exceptions and authorizations
 * leave it, and the authorizations that changed it (src/claims/rules/exception-effect.ts, passed
 * in by the caller so this module stays free of claims).
 */
export type MemberTerms = (
  concept: DrugConcept,
  planEntry: FormularyRow | undefined,
) => { entry: FormularyRow | undefined; applied: HitAuthorization[] };

export interface FormularyHit {
  rxcui: string;
  name: string;
  tty: string;
  generic: boolean;
  brandName: string | null;
  ingredient: string;
  strength: string | null;
  doseForm: string;
  groupId: string;
  groupName: string;
  drugClass: string | null;
  ndcs: string[];
  covered: boolean;
  tier: string | null;
  priorAuthorization: boolean;
  criteriaId: string | null;
  stepTherapy: string | null;
  quantityLimit: { units: number; days: number } | null;
  minAge: number | null;
  maxAge: number | null;
  sex: string | null;
  /** Asked for a member: the authorizations (PA or exceptions) that change this entry for them. */
  memberAuthorizations?: HitAuthorization[];
}

function matches(c: DrugConcept, q: string, ndcs: string[]): boolean {
  if (/^\d{11}$/.test(q)) return ndcs.includes(q);
  if (/^\d{1,10}$/.test(q)) return c.rxcui === q || c.groupId === q;
  const needle = q.toLowerCase();
  return [c.name, c.ingredient, c.brandName ?? '', c.drugClass ?? '', c.groupName].some((s) =>
    s.toLowerCase().includes(needle),
  );
}

/** Search a plan's formulary by drug name, ingredient, brand, class, NDC or RxCUI. */
export function searchFormulary(
  snap: ReferenceSnapshot,
  planId: string,
  q: string | undefined,
  options: { coveredOnly?: boolean; limit?: number; memberTerms?: MemberTerms } = {},
): FormularyHit[] {
  const ndcsByRxcui = new Map<string, string[]>();
  for (const p of snap.packages.values()) {
    const list = ndcsByRxcui.get(p.rxcui);
    if (list) list.push(p.ndc);
    else ndcsByRxcui.set(p.rxcui, [p.ndc]);
  }
  const hits: FormularyHit[] = [];
  for (const c of snap.concepts.values()) {
    const ndcs = ndcsByRxcui.get(c.rxcui) ?? [];
    if (q && !matches(c, q.trim(), ndcs)) continue;
    const planEntry = findFormularyEntry(snap, planId, c);
    const member = options.memberTerms?.(c, planEntry);
    const e = member ? member.entry : planEntry;
    if (options.coveredOnly && !e?.covered) continue;
    hits.push({
      rxcui: c.rxcui,
      name: c.name,
      tty: c.tty,
      generic: c.generic,
      brandName: c.brandName,
      ingredient: c.ingredient,
      strength: c.strength,
      doseForm: c.doseForm,
      groupId: c.groupId,
      groupName: c.groupName,
      drugClass: c.drugClass,
      ndcs,
      covered: e?.covered ?? false,
      tier: e?.tier ?? null,
      priorAuthorization: e?.priorAuthorization ?? false,
      criteriaId: e?.criteriaId ?? null,
      stepTherapy: e?.stepTherapy ? (e.stepTherapy.description ?? 'step therapy applies') : null,
      quantityLimit: e?.quantityLimit ?? null,
      minAge: e?.minAge ?? null,
      maxAge: e?.maxAge ?? null,
      sex: e?.sex ?? null,
      ...(member ? { memberAuthorizations: member.applied } : {}),
    });
  }
  hits.sort((a, b) => Number(b.covered) - Number(a.covered) || a.name.localeCompare(b.name));
  return hits.slice(0, options.limit ?? 100);
}
