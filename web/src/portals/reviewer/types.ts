/** The shapes the reviewer screens read from the API (src/priorauth/request-view.ts, src/appeals/appeal-view.ts). */
export interface Drug {
  rxcui: string;
  name: string;
  groupId: string;
  groupName: string;
  scope?: string;
}

export interface CaseSummary {
  id: string;
  status: string;
  memberId: string;
  prescriberNpi: string;
  planId?: string;
  drug: Drug;
  urgency: string;
  channel?: string;
  receivedAt: string;
  completedAt?: string | null;
  dueAt: string | null;
  timeLeftSeconds?: number;
  escalated?: boolean;
  assignedTo?: string | null;
  decision?: string | null;
  overdue?: boolean;
}

export interface ReviewQueue {
  now: string;
  items: CaseSummary[];
}

export interface Attachment {
  id: string;
  documentId?: string | null;
  filename: string;
  contentType: string;
  size: number;
  uploadedBy?: string;
  uploadedAt: string;
}

export interface InformationRequest {
  id: string;
  sequence: number;
  items: { id: string; question?: string; document?: string }[];
  note: string | null;
  status: string;
  requestedAt: string;
  requestedBy: string;
  dueAt: string;
  respondedAt: string | null;
  response: { note?: string | null; attachmentIds?: string[]; answered?: boolean; by?: string } | null;
}

export interface NoticeRef {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  createdAt: string;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface RuleTrace {
  id: string;
  text: string;
  result: 'met' | 'not-met' | 'unknown';
  values?: Record<string, unknown>;
  error?: string;
}

export interface Determination {
  decision: string;
  reasons?: string[];
  criteriaNotMet?: string[];
  decidedAt?: string;
  decidedBy?: { name?: string | null; credential?: string | null } | null;
  authorizationNumber?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  approvedQuantity?: number | null;
  note?: string;
}

export interface QuestionnaireItem {
  linkId: string;
  text?: string;
  type?: string;
  item?: QuestionnaireItem[];
}

export interface ResponseAnswer {
  [key: string]: unknown;
  item?: ResponseItem[];
}

export interface ResponseItem {
  linkId: string;
  text?: string;
  answer?: ResponseAnswer[];
  item?: ResponseItem[];
}

export interface CaseView extends CaseSummary {
  pharmacyNpi: string | null;
  quantity: number;
  daysSupply: number;
  urgencyReason: string | null;
  submittedAt: string | null;
  criteria: { id: string; version: number; title: string };
  questionnaire: { item?: QuestionnaireItem[] } | null;
  requiredDocuments: { id: string; text: string }[];
  answers: { item?: ResponseItem[] } | null;
  attachments: Attachment[];
  informationRequests: InformationRequest[];
  determination: Determination | null;
  criteriaEvaluation: { evaluation?: { outcome?: string; rules?: RuleTrace[] }; facts?: Record<string, unknown>; evaluatedAt?: string } | null;
  notices: NoticeRef[];
  history: HistoryEntry[];
}

export interface AppealSummary {
  id: string;
  status: string;
  paRequestId: string;
  memberId: string;
  prescriberNpi: string;
  urgency: string;
  filedBy: string;
  representativeName: string | null;
  receivedAt: string;
  dueAt: string;
  overdue?: boolean;
  assignedTo: string | null;
  decision: string | null;
  decidedAt: string | null;
}

export interface AppealView extends AppealSummary {
  drug: Drug | null;
  statement: string;
  filedByUser: string;
  noticeDate: string;
  filingDeadline: string;
  originalDetermination: { decision: string | null; reasons: string[]; decidedAt: string | null; decidedBy: { name: string | null; credential: string | null } | null } | null;
  reasons: string[];
  decidedBy: { username: string; name: string; credential: string | null } | null;
  authorizationNumber: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  approvedQuantity: number | null;
  nextLevel: string | null;
  version: number;
  attachments: Attachment[];
  notices: NoticeRef[];
  history: HistoryEntry[];
}

export interface Member {
  memberId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  language: string;
  eligible: boolean;
  plan: { id: string; name: string; lineOfBusiness: string } | null;
}

/** "Pat Nguyen, PharmD" without repeating a credential the display name already carries. */
export function personName(p: { name?: string | null; credential?: string | null } | null | undefined): string {
  if (!p?.name) return '—';
  return p.credential && !p.name.includes(p.credential) ? `${p.name}, ${p.credential}` : p.name;
}

/** Reasons typed one per line → the API's list. */
export function reasonLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
