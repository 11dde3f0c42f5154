/** Shapes of the API answers only the administrator screens read (src/reports, criteria, identity routes); plans and formulary are in web/src/api/types.ts. */

export interface Share {
  count: number;
  percent: number | null;
}

export interface SplitMetrics {
  decided: number;
  approved: Share;
  partiallyApproved: number;
  denied: Share;
  closedNoResponse: Share;
  deemedApproved: Share;
  automatic: Share;
  onTime: Share;
  averageHours: number | null;
  medianHours: number | null;
  appealsDecided: number;
  approvedAfterAppeal: Share;
  open: number;
  overdue: number;
}

export interface WeekPoint {
  weekStart: string;
  decided: number;
  approvedPercent: number | null;
  medianHours: number | null;
}

export interface TurnaroundReport {
  from: string;
  to: string;
  planId: string | null;
  generatedAt: string;
  total: SplitMetrics;
  standard: SplitMetrics;
  expedited: SplitMetrics;
  weekly: WeekPoint[];
}

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
}
