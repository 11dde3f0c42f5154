import { invalidElement } from '../operation-outcome.js';
import type { FhirRequest } from '../fhir-request.js';

/** A search parameter a resource type supports (listed in the CapabilityStatement, enforced here). */
export interface SearchParamDef {
  name: string;
  type: 'token' | 'reference' | 'date' | 'string' | 'number' | 'uri';
  documentation: string;
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

/** Parameters every search accepts (FHIR R4 search.html §3.1.1.1 / §3.1.1.5). */
export const CONTROL_PARAMS = ['_count', '_offset', '_include', '_format', '_summary'] as const;

export interface ParsedSearch {
  /** Each supported parameter's values (repeats AND, commas OR: values[i] is one repetition's OR list). */
  params: Map<string, string[][]>;
  count: number;
  offset: number;
  include: string[];
}

function values(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * Unknown parameters are refused (400 naming the parameter) rather than silently ignored, so a
 * client never mistakes an unfiltered page for a filtered one (FHIR search.html §3.1.1.1 "strict").
 */
export function parseSearch(
  req: FhirRequest,
  defs: readonly SearchParamDef[],
  options: { includes?: readonly string[]; chains?: readonly string[] } = {},
): ParsedSearch {
  const known = new Set([...defs.map((d) => d.name), ...(options.chains ?? [])]);
  const params = new Map<string, string[][]>();
  let count = DEFAULT_COUNT;
  let offset = 0;
  const include: string[] = [];
  for (const [key, raw] of Object.entries(req.query)) {
    const vals = values(raw);
    if (key === '_count') {
      const n = Number(vals.at(-1));
      if (!Number.isInteger(n) || n < 0) throw invalidElement('_count', 'must be a whole number ≥ 0');
      count = Math.min(n, MAX_COUNT);
    } else if (key === '_offset') {
      const n = Number(vals.at(-1));
      if (!Number.isInteger(n) || n < 0) throw invalidElement('_offset', 'must be a whole number ≥ 0');
      offset = n;
    } else if (key === '_include') {
      for (const v of vals) {
        if (!options.includes?.includes(v))
          throw invalidElement(
            '_include',
            `${v} is not supported here${options.includes?.length ? ` (supported: ${options.includes.join(', ')})` : ''}`,
          );
        include.push(v);
      }
    } else if (key === '_format') {
      if (vals.some((v) => !['json', 'application/json', 'application/fhir+json'].includes(v)))
        throw invalidElement('_format', 'only JSON is supported');
    } else if (key === '_summary') {
      if (vals.some((v) => v !== 'false')) throw invalidElement('_summary', 'summaries are not supported');
    } else {
      const base = key.split(':')[0];
      if (!known.has(key) && !known.has(base))
        throw invalidElement(
          key,
          `is not a supported search parameter (see the CapabilityStatement at /fhir/metadata)`,
        );
      const list = params.get(key) ?? [];
      for (const v of vals) {
        if (v.length > 500) throw invalidElement(key, 'is too long');
        list.push(v.split(',').map((s) => s.trim()));
      }
      params.set(key, list);
    }
  }
  return { params, count, offset, include };
}

/** token `system|code`, `|code` (no system), or `code` (any system). */
export function matchesToken(search: string, codings: Array<{ system?: string; code?: string }>): boolean {
  const bar = search.indexOf('|');
  if (bar < 0) return codings.some((c) => c.code === search);
  const system = search.slice(0, bar);
  const code = search.slice(bar + 1);
  return codings.some((c) => (system === '' ? !c.system : c.system === system) && (code === '' || c.code === code));
}

/** Every repetition must match (AND); within one, any value (OR). */
export function allOf(reps: string[][] | undefined, test: (value: string) => boolean): boolean {
  return !reps || reps.every((alts) => alts.some(test));
}

/** A reference search value (`InsurancePlan/x`, `x`, or an absolute URL ending in Type/x) → the id. */
export function referenceId(value: string, type: string): string {
  const parts = value.split('/');
  if (parts.length >= 2 && parts[parts.length - 2] === type) return parts[parts.length - 1];
  return value;
}
