import type { MedicationKnowledge } from '@medplum/fhirtypes';
import type { DrugConcept } from '../../catalog/index.js';
import { RXNORM, USDF } from './usdf.js';

export const formularyDrugId = (rxcui: string) => `FormularyDrug-${rxcui}`;

/** A drug-form group id is an RxNorm SCDF RxCUI only when the catalog read one (PROVENANCE.md); never invented. */
export const isRxcui = (id: string) => /^\d{1,10}$/.test(id);

/**
 * usdf-FormularyDrug: the RxNorm SCD/SBD coding first, then its drug-form group (SCDF) where the
 * catalog carries the SCDF RxCUI (invariant scd-sbd-requires-scdg-sbdg).
 */
export function toFormularyDrug(c: DrugConcept): MedicationKnowledge {
  return {
    resourceType: 'MedicationKnowledge',
    id: formularyDrugId(c.rxcui),
    meta: { lastUpdated: c.updatedAt.toISOString(), profile: [USDF.profile.formularyDrug] },
    code: {
      coding: [
        { system: RXNORM, code: c.rxcui, display: c.name },
        ...(isRxcui(c.groupId) ? [{ system: RXNORM, code: c.groupId, display: c.groupName }] : []),
      ],
      text: c.name,
    },
    status: 'active',
    doseForm: { text: c.doseForm },
    ...(c.brandName ? { synonym: [c.brandName] } : {}),
  };
}
