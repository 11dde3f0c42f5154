import type { Alternative } from '../claims/claim-types.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';

/**
 * RxNorm term type of a DrugDBCode (docs/epa-script.md#drugcoded): SCD for a semantic clinical
 * drug (generic), SBD for a semantic branded drug — the catalog's own `tty` for the concept, so a
 * brand such as Ozempic is coded SBD and its alternatives say whether each is a brand or a generic.
 */
export type TermType = 'SCD' | 'SBD';

export const termTypeOf = (ref: ReferenceSnapshot, rxcui: string): TermType =>
  ref.concepts.get(rxcui)?.tty === 'SBD' ? 'SBD' : 'SCD';

export const drugDbCode = (rxcui: string, termType: TermType) => ({ Code: rxcui, Qualifier: termType });

/** A covered alternative as SCRIPT codes it. */
export type CodedAlternative = Alternative & { termType: TermType };

export const coded = (ref: ReferenceSnapshot, alternatives: Alternative[]): CodedAlternative[] =>
  alternatives.map((a) => ({ ...a, termType: termTypeOf(ref, a.rxcui) }));
