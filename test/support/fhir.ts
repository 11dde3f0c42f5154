type Answer =
  | boolean
  | number
  | string
  | { code: string; system?: string; display?: string }
  | { decimal: number }
  | { date: string }
  | { integer: number };

/** A FHIR R4 QuestionnaireResponse from { linkId: value } (strings that look like dates become valueDate). */
export function questionnaireResponse(
  answers: Record<string, Answer>,
  status: 'in-progress' | 'completed' = 'completed',
) {
  return {
    resourceType: 'QuestionnaireResponse' as const,
    status,
    item: Object.entries(answers).map(([linkId, v]) => ({ linkId, answer: [toAnswer(v)] })),
  };
}

function toAnswer(v: Answer) {
  if (typeof v === 'boolean') return { valueBoolean: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { valueInteger: v } : { valueDecimal: v };
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? { valueDate: v } : { valueString: v };
  if ('decimal' in v) return { valueDecimal: v.decimal };
  if ('integer' in v) return { valueInteger: v.integer };
  if ('date' in v) return { valueDate: v.date };
  return { valueCoding: { system: v.system ?? 'http://hl7.org/fhir/sid/icd-10-cm', code: v.code, display: v.display } };
}

/**
 * Answers to the GLP-1 (glp1-t2dm) question set: type 2 diabetes, an HbA1c of `a1c` on
 * 2026-10-15, not for weight loss; with `contraindication` the metformin step is excused.
 * HbA1c ≥ 7 with a contraindication meets every criterion; below 7 goes to a clinician.
 */
export function glp1Answers(o: { a1c: number; contraindication?: string }) {
  return questionnaireResponse({
    dx: { code: 'E11.9' },
    a1c: { decimal: o.a1c },
    'a1c-date': '2026-10-15',
    'metformin-contra': o.contraindication !== undefined,
    ...(o.contraindication !== undefined ? { 'metformin-contra-detail': o.contraindication } : {}),
    'weight-only': false,
  });
}
