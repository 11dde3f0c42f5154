/** Shapes of the API answers the administrator screens read (src/reports, plans, criteria, identity routes). */

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

export interface PlanSummary {
  id: string;
  name: string;
  lineOfBusiness: string;
  processorId: string;
  processorName: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  carveOutPlanId: string | null;
}

export interface FormularyHit {
  rxcui: string;
  name: string;
  tty: string;
  generic: boolean;
  brandName: string | null;
  ingredient: string;
  strength: string | null;
  doseForm: string;
  groupId: string;
  groupName: string;
  drugClass: string | null;
  ndcs: string[];
  covered: boolean;
  tier: string | null;
  priorAuthorization: boolean;
  criteriaId: string | null;
  stepTherapy: string | null;
  quantityLimit: { units: number; days: number } | null;
  minAge: number | null;
  maxAge: number | null;
}

export interface FormularyAnswer {
  planId: string;
  formularyPlanId: string;
  items: FormularyHit[];
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
