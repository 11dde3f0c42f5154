/**
 * ICD-10-CM codes a prescriber may pick from (docs/design.md#diagnoses). No maintained npm package ships
 * the CMS code list and there is no network here, so the list is the codes the plan's current
 * criteria sets ask about (their answer options coded in http://hl7.org/fhir/sid/icd-10-cm), with
 * the descriptions those criteria sets carry. Nothing is invented: a code no criteria set uses is
 * not offered.
 */
import { ICD10_CM } from '../shared/code-systems.js';

export interface Icd10Code {
  code: string;
  description: string;
}

/** An ICD-10-CM code's shape: a letter, two characters, then up to four after the dot. */
const SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Every ICD-10-CM coding (system, code, display) anywhere in the criteria bodies, once per code. */
export function icd10CodesIn(bodies: unknown[]): Icd10Code[] {
  const found = new Map<string, string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.system === ICD10_CM && typeof o.code === 'string' && typeof o.display === 'string' && SHAPE.test(o.code)) {
      if (!found.has(o.code)) found.set(o.code, o.display);
    }
    Object.values(o).forEach(walk);
  };
  bodies.forEach(walk);
  return [...found].map(([code, description]) => ({ code, description })).sort((a, b) => a.code.localeCompare(b.code));
}

const squash = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Codes matching what was typed: a code or its start (with or without the dot: "E11", "e119"),
 * or every word in the description ("diabetes hyperglycemia"). Code matches first, then by code.
 */
export function searchIcd10(codes: Icd10Code[], q: string, limit: number): Icd10Code[] {
  const typed = squash(q);
  const words = q
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const byCode = codes.filter((c) => typed.length > 0 && squash(c.code).startsWith(typed));
  const byWords = codes.filter(
    (c) => !byCode.includes(c) && words.every((w) => c.description.toLowerCase().includes(w)),
  );
  return [...byCode, ...byWords].slice(0, limit);
}
