import fhirpath from 'fhirpath';
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { PrimitiveElement } from './fhir-translation.js';

/**
 * A criteria set and its validation, one implementation for both sides: the server refuses what
 * this refuses (import, draft update, publish) and the admin portal's editor imports this file
 * to show the same errors as the author types. Pure, no I/O (docs/design.md#glossary).
 */

/** A fact the engine computes (never asks) when the plan already knows it (docs/design.md#glossary). */
export type FactDefinition = FactLabel &
  (
    | { name: string; kind: 'member-age' }
    | { name: string; kind: 'member-sex' }
    | {
        name: string;
        kind: 'days-supply-filled';
        ingredients?: string[];
        drugClasses?: string[];
        excludeRequestedGroup?: boolean;
        lookbackDays: number;
      }
  );

/**
 * What screens call a fact ("Days of metformin in the last year"), with its translations the FHIR way
 * (`_label`, like a rule's `_text`). Optional: without it the fact is named from its kind
 * (src/shared/fact-words.ts); the name (`metforminDays365`) is for rule expressions only.
 */
export type FactLabel = {
  label?: string;
  _label?: PrimitiveElement;
};

export interface CriteriaRule {
  id: string;
  /** Plain-language statement of the criterion (shown in traces and letters). */
  text: string;
  /** Translations of the text (FHIR translation extension), for screens in other languages. */
  _text?: PrimitiveElement;
  /** FHIRPath over the QuestionnaireResponse; %facts and %today (YYYY-MM-DD) are in scope. */
  expression: string;
}

/** Drug-specific criteria as versioned data (docs/design.md#glossary): questions, computed facts, rules. */
export interface CriteriaSet {
  id: string;
  version: number;
  title: string;
  /**
   * Translations of the title (FHIR translation extension, src/shared/fhir-translation.ts); question
   * texts, option displays, required documents and rule texts carry theirs the same way (`_text`, `_display`).
   */
  _title?: PrimitiveElement;
  appliesTo: { scdf: string[]; note?: string };
  scope: 'drug-form-group' | 'brand-only';
  approval: { durationDays: number; maxQuantityPerDays?: { units: number; days: number } };
  requiredDocuments: Array<{ id: string; text: string; _text?: PrimitiveElement }>;
  facts: FactDefinition[];
  questionnaire: Questionnaire;
  rules: CriteriaRule[];
  /** Ready plain-language denial reasons per rule, English and Spanish, for letters. */
  denialLanguage: Record<string, { en: string; es: string }>;
}

export interface ValidationError {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** The languages every rule's denial reason must be written in (letters exist in these). */
export const REASON_LANGUAGES = ['en', 'es'] as const;

/** FHIR R4 Questionnaire item types the portal's renderer draws. */
export const QUESTION_TYPES = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'string',
  'text',
  'choice',
  'open-choice',
  'attachment',
  'quantity',
] as const;

const FACT_KINDS = ['member-age', 'member-sex', 'days-supply-filled'];
/** The only variables a rule sees besides the response (evaluate-criteria.ts passes these). */
const RULE_VARIABLES = new Set(['facts', 'today']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0];

function collectItems(items: QuestionnaireItem[] | undefined, out: QuestionnaireItem[] = []): QuestionnaireItem[] {
  for (const it of Array.isArray(items) ? items : []) {
    out.push(it);
    collectItems(it?.item, out);
  }
  return out;
}

export function allItems(q: Questionnaire): QuestionnaireItem[] {
  return collectItems(q.item);
}

/** The question linkIds a rule expression reads (`linkId = 'x'`). */
export function referencedItems(expression: string): string[] {
  return [...new Set([...expression.matchAll(/linkId\s*=\s*'([^']+)'/g)].map((m) => m[1]))];
}

/** The %facts names a rule expression reads. */
export function referencedFacts(expression: string): string[] {
  return [...new Set([...expression.matchAll(/%facts\.(\w+)/g)].map((m) => m[1]))];
}

/** Whether a FHIRPath expression parses; the parser's first line when it does not. */
export function fhirpathError(expression: string): string | undefined {
  try {
    // Parsing needs no FHIR model; evaluation (evaluate-criteria.ts) supplies R4.
    fhirpath.compile(expression);
    return undefined;
  } catch (e) {
    return firstLine(e);
  }
}

function validateQuestionnaire(q: unknown, err: (path: string, message: string) => void): Set<string> {
  const ids = new Set<string>();
  if (!isObject(q) || q.resourceType !== 'Questionnaire') {
    err('questionnaire', 'must be a FHIR Questionnaire');
    return ids;
  }
  const items = allItems(q as unknown as Questionnaire);
  items.forEach((it, i) => {
    if (!isObject(it) || typeof it.linkId !== 'string' || !it.linkId.trim()) {
      err(`questionnaire.item[${i}]`, 'needs a linkId');
      return;
    }
    if (ids.has(it.linkId)) err(`questionnaire.item.${it.linkId}`, 'duplicate linkId');
    ids.add(it.linkId);
    if (!(QUESTION_TYPES as readonly string[]).includes(String(it.type)))
      err(`questionnaire.item.${it.linkId}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
    if (
      (it.type === 'choice' || it.type === 'open-choice') &&
      !it.answerValueSet &&
      !(Array.isArray(it.answerOption) && it.answerOption.length > 0)
    )
      err(`questionnaire.item.${it.linkId}.answerOption`, 'a choice question needs at least one choice');
  });
  for (const it of items) {
    if (!isObject(it) || typeof it.linkId !== 'string') continue;
    (Array.isArray(it.enableWhen) ? it.enableWhen : []).forEach((ew, j) => {
      if (!isObject(ew) || typeof ew.question !== 'string' || !ids.has(ew.question))
        err(
          `questionnaire.item.${it.linkId}.enableWhen[${j}]`,
          `refers to unknown question ${isObject(ew) ? String(ew.question) : ''}`.trim(),
        );
      else if (ew.question === it.linkId)
        err(`questionnaire.item.${it.linkId}.enableWhen[${j}]`, 'a question cannot depend on itself');
    });
  }
  return ids;
}

function validateRules(
  s: Partial<CriteriaSet>,
  itemIds: Set<string>,
  factNames: Set<string>,
  err: (path: string, message: string) => void,
) {
  if (!Array.isArray(s.rules) || s.rules.length === 0) {
    err('rules', 'at least one rule is required');
    return;
  }
  const ruleIds = new Set<string>();
  const language = isObject(s.denialLanguage) ? s.denialLanguage : {};
  s.rules.forEach((r, i) => {
    if (!isObject(r) || typeof r.id !== 'string' || typeof r.expression !== 'string' || typeof r.text !== 'string') {
      err(`rules[${i}]`, 'needs id, text and expression');
      return;
    }
    if (!/^[a-z0-9][a-z0-9-]{0,60}$/.test(r.id))
      err(`rules[${i}].id`, 'must be a lowercase id (letters, digits, dashes)');
    else if (ruleIds.has(r.id)) err(`rules[${i}].id`, `duplicate rule id ${r.id}`);
    ruleIds.add(r.id);
    if (!r.text.trim()) err(`rules[${i}].text`, 'is required');
    if (!r.expression.trim()) err(`rules[${i}].expression`, 'is required');
    else if (/\btoday\(\)|\bnow\(\)/.test(r.expression))
      err(`rules[${i}].expression`, 'must use %today, never today()/now() (they read the wall clock)');
    else {
      const parse = fhirpathError(r.expression);
      if (parse) err(`rules[${i}].expression`, `does not parse: ${parse}`);
      for (const linkId of referencedItems(r.expression))
        if (!itemIds.has(linkId)) err(`rules[${i}].expression`, `refers to unknown question ${linkId}`);
      for (const name of referencedFacts(r.expression))
        if (!factNames.has(name)) err(`rules[${i}].expression`, `refers to unknown fact ${name}`);
      for (const m of r.expression.matchAll(/%(\w+)/g))
        if (!RULE_VARIABLES.has(m[1])) err(`rules[${i}].expression`, `unknown variable %${m[1]} (only %facts, %today)`);
    }
    const reasons = language[r.id];
    for (const lang of REASON_LANGUAGES)
      if (!isObject(reasons) || typeof reasons[lang] !== 'string' || !(reasons[lang] as string).trim())
        err(`rules[${i}].reason.${lang}`, `needs a plain-language reason in ${lang}`);
  });
}

/**
 * Structure; unique linkIds; enableWhen targets exist; every rule parses as FHIRPath, reads only
 * questions and facts the set declares, and has a denial reason in every letter language.
 */
export function validateCriteriaSet(raw: unknown): ValidationResult<CriteriaSet> {
  const errors: ValidationError[] = [];
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
  const factNames = new Set<string>();
  if (!Array.isArray(s.facts)) err('facts', 'must be an array');
  else
    s.facts.forEach((f, i) => {
      if (!isObject(f) || typeof f.name !== 'string' || !/^\w+$/.test(f.name) || !FACT_KINDS.includes(String(f.kind)))
        err(`facts[${i}]`, 'needs a name (letters, digits) and a kind (member-age, member-sex, days-supply-filled)');
      else {
        if (factNames.has(f.name)) err(`facts[${i}].name`, `duplicate fact ${f.name}`);
        factNames.add(f.name);
        if (f.label !== undefined && (typeof f.label !== 'string' || !f.label.trim()))
          err(`facts[${i}].label`, 'must be words (or left out)');
        if (f.kind === 'days-supply-filled') {
          if (!(Number.isInteger(f.lookbackDays) && (f.lookbackDays as number) > 0))
            err(`facts[${i}].lookbackDays`, 'must be a positive integer');
          const listed = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
          if (!listed(f.ingredients) && !listed(f.drugClasses))
            err(`facts[${i}]`, 'days-supply-filled needs ingredients or drugClasses');
        }
      }
    });
  const itemIds = validateQuestionnaire(s.questionnaire, err);
  validateRules(s, itemIds, factNames, err);
  if (!isObject(s.denialLanguage)) err('denialLanguage', 'must map rule ids to { en, es }');
  return errors.length
    ? { ok: false, errors }
    : { ok: true, value: { ...(s as CriteriaSet), version: s.version ?? 1 } };
}
