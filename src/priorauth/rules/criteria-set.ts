import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';

/** A fact the engine computes (never asks) when the plan already knows it (docs/design.md#glossary). */
export type FactDefinition =
  | { name: string; kind: 'member-age' }
  | { name: string; kind: 'member-sex' }
  | {
      name: string;
      kind: 'days-supply-filled';
      ingredients?: string[];
      drugClasses?: string[];
      excludeRequestedGroup?: boolean;
      lookbackDays: number;
    };

export interface CriteriaRule {
  id: string;
  /** Plain-language statement of the criterion (shown in traces and letters). */
  text: string;
  /** FHIRPath over the QuestionnaireResponse; %facts and %today (YYYY-MM-DD) are in scope. */
  expression: string;
}

/** Drug-specific criteria as versioned data (docs/design.md#glossary): questions, computed facts, rules. */
export interface CriteriaSet {
  id: string;
  version: number;
  title: string;
  appliesTo: { scdf: string[]; note?: string };
  scope: 'drug-form-group' | 'brand-only';
  approval: { durationDays: number; maxQuantityPerDays?: { units: number; days: number } };
  requiredDocuments: Array<{ id: string; text: string }>;
  facts: FactDefinition[];
  questionnaire: Questionnaire;
  rules: CriteriaRule[];
  /** Ready plain-language denial reasons per rule, English and Spanish, for letters. */
  denialLanguage: Record<string, { en: string; es: string }>;
}

export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; errors: Array<{ path: string; message: string }> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function collectItems(items: QuestionnaireItem[] | undefined, out: QuestionnaireItem[] = []): QuestionnaireItem[] {
  for (const it of items ?? []) {
    out.push(it);
    collectItems(it.item, out);
  }
  return out;
}

export function allItems(q: Questionnaire): QuestionnaireItem[] {
  return collectItems(q.item);
}

/** Structure, unique linkIds, enableWhen targets, and every rule expression parses. */
export function validateCriteriaSet(raw: unknown): ValidationResult<CriteriaSet> {
  const errors: Array<{ path: string; message: string }> = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(raw)) return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  const s = raw as Partial<CriteriaSet>;
  if (typeof s.id !== 'string' || !/^[a-z0-9][a-z0-9-]{1,80}$/.test(s.id))
    err('id', 'must be a lowercase id (letters, digits, dashes)');
  if (s.version !== undefined && (!Number.isInteger(s.version) || s.version < 1))
    err('version', 'must be a positive integer');
  if (typeof s.title !== 'string' || !s.title.trim()) err('title', 'is required');
  if (!isObject(s.appliesTo) || !Array.isArray(s.appliesTo.scdf) || s.appliesTo.scdf.some((x) => typeof x !== 'string'))
    err('appliesTo.scdf', 'must list drug-form group ids');
  if (s.scope !== 'drug-form-group' && s.scope !== 'brand-only') err('scope', 'must be drug-form-group or brand-only');
  if (
    !isObject(s.approval) ||
    !Number.isInteger(s.approval.durationDays) ||
    s.approval.durationDays < 1 ||
    s.approval.durationDays > 730
  )
    err('approval.durationDays', 'must be 1–730 days');
  else if (
    s.approval.maxQuantityPerDays &&
    (!(s.approval.maxQuantityPerDays.units > 0) || !(s.approval.maxQuantityPerDays.days > 0))
  )
    err('approval.maxQuantityPerDays', 'needs positive units and days');
  if (!Array.isArray(s.requiredDocuments)) err('requiredDocuments', 'must be an array');
  else
    s.requiredDocuments.forEach((d, i) => {
      if (!isObject(d) || typeof d.id !== 'string' || typeof d.text !== 'string')
        err(`requiredDocuments[${i}]`, 'needs id and text');
    });
  if (!Array.isArray(s.facts)) err('facts', 'must be an array');
  else
    s.facts.forEach((f, i) => {
      if (
        !isObject(f) ||
        typeof f.name !== 'string' ||
        !['member-age', 'member-sex', 'days-supply-filled'].includes(String(f.kind))
      )
        err(`facts[${i}]`, 'needs a name and a kind (member-age, member-sex, days-supply-filled)');
      else if (f.kind === 'days-supply-filled' && !(Number.isInteger(f.lookbackDays) && f.lookbackDays > 0))
        err(`facts[${i}].lookbackDays`, 'must be a positive integer');
    });
  if (!isObject(s.questionnaire) || s.questionnaire.resourceType !== 'Questionnaire')
    err('questionnaire', 'must be a FHIR Questionnaire');
  else {
    const items = allItems(s.questionnaire);
    const ids = new Set<string>();
    items.forEach((it, i) => {
      if (typeof it.linkId !== 'string' || !it.linkId) err(`questionnaire.item[${i}]`, 'needs a linkId');
      else if (ids.has(it.linkId)) err(`questionnaire.item.${it.linkId}`, 'duplicate linkId');
      ids.add(it.linkId);
    });
    for (const it of items)
      for (const ew of it.enableWhen ?? [])
        if (!ids.has(ew.question))
          err(`questionnaire.item.${it.linkId}.enableWhen`, `refers to unknown question ${ew.question}`);
  }
  if (!Array.isArray(s.rules) || s.rules.length === 0) err('rules', 'at least one rule is required');
  else
    s.rules.forEach((r, i) => {
      if (!isObject(r) || typeof r.id !== 'string' || typeof r.expression !== 'string' || typeof r.text !== 'string') {
        err(`rules[${i}]`, 'needs id, text and expression');
        return;
      }
      if (/\btoday\(\)|\bnow\(\)/.test(r.expression))
        err(`rules[${i}].expression`, 'must use %today, never today()/now() (they read the wall clock)');
      try {
        fhirpath.compile(r.expression, r4);
      } catch (e) {
        err(`rules[${i}].expression`, `does not parse: ${(e as Error).message.split('\n')[0]}`);
      }
    });
  if (!isObject(s.denialLanguage)) err('denialLanguage', 'must map rule ids to { en, es }');
  return errors.length
    ? { ok: false, errors }
    : { ok: true, value: { ...(s as CriteriaSet), version: s.version ?? 1 } };
}
