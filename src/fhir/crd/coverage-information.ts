import type { Extension } from '@medplum/fhirtypes';
import type { CoverageAnswer } from '../../coverage/check-coverage.js';

export const COVERAGE_INFORMATION = 'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information';

export type PaNeeded = 'auth-needed' | 'no-auth' | 'satisfied';

export interface CoverageFinding {
  covered: 'covered' | 'not-covered';
  paNeeded?: PaNeeded;
  /** Why PA (or an exception) is needed, in words a prescriber acts on. */
  reasons: string[];
}

/**
 * What the order needs, from the dry-run answer: an active authorization satisfies it; PA, an
 * unmet step, an age or sex limit or a quantity over the limit (the formulary's or the
 * authorization's) each need a request (PA or exception) before the pharmacy claim pays, as the
 * claim would reject 75/608/60/61/76.
 */
export function findingOf(answer: CoverageAnswer, quantity: number): CoverageFinding {
  if (!answer.covered || !answer.eligible)
    return {
      covered: 'not-covered',
      reasons: [
        answer.eligible
          ? `${answer.drug.name} is not on ${answer.planName}'s formulary`
          : 'The member is not eligible today',
      ],
    };
  // The claim pipeline's dry run decides; the entry's limits explain why in words.
  const codes = answer.claim.rejects.map((r) => r.code);
  const reasons: string[] = [];
  if (answer.priorAuthorizationRequired) reasons.push('Prior authorization is required');
  if (answer.stepTherapy && !answer.stepTherapy.met)
    reasons.push(`Step therapy: ${answer.stepTherapy.prerequisites} first, or an exception`);
  if (answer.ageLimit && !answer.ageLimit.met) reasons.push("Not covered at this member's age without an exception");
  if (answer.sexLimit && !answer.sexLimit.met)
    reasons.push("Not covered for the member's sex on file without an exception");
  if (codes.includes('76') || (answer.quantityLimit && quantity > answer.quantityLimit.maxForDaysSupply))
    reasons.push(
      answer.quantityLimit
        ? `Quantity above the limit of ${answer.quantityLimit.units} per ${answer.quantityLimit.days} days`
        : answer.claim.message,
    );
  if (answer.activeAuthorization && !reasons.length) return { covered: 'covered', paNeeded: 'satisfied', reasons: [] };
  return { covered: 'covered', paNeeded: reasons.length ? 'auth-needed' : 'no-auth', reasons };
}

/** The CRD coverage-information extension (CRD 2.x ext-coverage-information) for one order. */
export function coverageInformation(options: {
  finding: CoverageFinding;
  coverageReference: string;
  assertionId: string;
  date: string;
  questionnaire?: string;
  satisfiedPaId?: string;
}): Extension {
  const { finding } = options;
  const ext: Extension[] = [
    { url: 'coverage', valueReference: { reference: options.coverageReference } },
    { url: 'covered', valueCode: finding.covered },
  ];
  if (finding.paNeeded) ext.push({ url: 'pa-needed', valueCode: finding.paNeeded });
  if (finding.paNeeded === 'auth-needed') {
    ext.push({ url: 'doc-needed', valueCode: 'clinical' }, { url: 'doc-purpose', valueCode: 'withpa' });
    if (options.questionnaire) ext.push({ url: 'questionnaire', valueCanonical: options.questionnaire });
  }
  for (const reason of finding.reasons) ext.push({ url: 'reason', valueCodeableConcept: { text: reason } });
  if (options.satisfiedPaId) ext.push({ url: 'satisfied-pa-id', valueString: options.satisfiedPaId });
  ext.push(
    { url: 'date', valueDate: options.date },
    { url: 'coverage-assertion-id', valueString: options.assertionId },
  );
  return { url: COVERAGE_INFORMATION, extension: ext };
}
