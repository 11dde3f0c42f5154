import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { allItems, type CriteriaSet } from './criteria-set.js';

/** The read-only question the exception question sets' enableWhen reads (the plan fills it, never the prescriber). */
export const LINE_OF_BUSINESS_LINK_ID = 'line-of-business';
const LINE_OF_BUSINESS_SYSTEM = 'https://openpbm.org/line-of-business';

/**
 * The answers with the plan's own facts filled in: a question set that asks `line-of-business`
 * (the exception sets, whose Part D supporting statement is enabled by it) gets the case plan's
 * line of business, whatever the client sent, so a prescriber cannot hide a question the plan's
 * rules require. Other answers are kept as given. Pure.
 */
export function withPlanAnswers(criteria: CriteriaSet, answers: unknown, lineOfBusiness: string): unknown {
  if (!allItems(criteria.questionnaire).some((i) => i.linkId === LINE_OF_BUSINESS_LINK_ID)) return answers;
  const given = (answers ?? { resourceType: 'QuestionnaireResponse', status: 'in-progress' }) as QuestionnaireResponse;
  if (typeof given !== 'object' || given.resourceType !== 'QuestionnaireResponse') return answers;
  const item: QuestionnaireResponseItem = {
    linkId: LINE_OF_BUSINESS_LINK_ID,
    answer: [{ valueCoding: { system: LINE_OF_BUSINESS_SYSTEM, code: lineOfBusiness } }],
  };
  const rest = Array.isArray(given.item) ? given.item.filter((i) => i?.linkId !== LINE_OF_BUSINESS_LINK_ID) : [];
  return { ...given, item: [item, ...rest] };
}
