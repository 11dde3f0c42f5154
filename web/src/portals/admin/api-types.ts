/** Shapes of the API answers only the administrator screens read (src/reports, criteria, identity routes); plans and formulary are in web/src/api/types.ts. */

import type { ApiAnswer } from '../../api/api-shapes';

/** GET /reports/turnaround, as generated from the route's schema (src/reports/reports.schemas.ts). */
export type TurnaroundReport = ApiAnswer<'/api/v1/reports/turnaround', 'get'>;
export type SplitMetrics = TurnaroundReport['total'];
export type WeekPoint = TurnaroundReport['weekly'][number];
export type Share = SplitMetrics['approved'];

export interface CriteriaSummary {
  id: string;
  version: number;
  title: string;
  current: boolean;
  createdAt: string;
  createdBy: string;
}

export interface QuestionItem {
  linkId: string;
  text?: string;
  type: string;
  required?: boolean;
  item?: QuestionItem[];
  enableWhen?: { question: string }[];
  answerOption?: { valueCoding?: { code?: string; display?: string }; valueString?: string }[];
}

export interface CriteriaSet {
  id: string;
  version: number;
  title: string;
  appliesTo: { scdf: string[]; note?: string };
  scope: 'drug-form-group' | 'brand-only';
  approval: { durationDays: number; maxQuantityPerDays?: { units: number; days: number } };
  requiredDocuments: { id: string; text: string }[];
  facts: { name: string; kind: string; lookbackDays?: number; ingredients?: string[]; drugClasses?: string[] }[];
  questionnaire: { title?: string; item?: QuestionItem[] };
  rules: { id: string; text: string; expression: string }[];
}

export interface UserSummary {
  username: string;
  role: string;
  displayName: string | null;
  disabled: boolean;
}
