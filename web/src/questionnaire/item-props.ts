import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { Answer } from './questionnaire-response';

/** What every answer input gets from the form. */
export interface ItemInputProps {
  item: QuestionnaireItem;
  /** The question's words, with "(required)" when it is required. */
  label: string;
  answers: Answer[];
  /** Replace this question's answers ([] clears it). */
  setAnswers: (answers: Answer[]) => void;
  /** "Answer this question." when it is required, unanswered and errors are shown. */
  error?: string;
}
