/** The shapes the intake screens read from the API (src/fax/fax.routes.ts, src/priorauth, src/appeals). */
export interface FaxItem {
  id: string;
  receivedAt: string;
  senderFax: string;
  contentType: string;
  size: number;
  sha256: string;
  status: 'new' | 'case-created' | 'attached' | string;
  paRequestId?: string | null;
  appealId?: string | null;
  handledBy?: string | null;
  handledAt?: string | null;
  note?: string | null;
}

export interface CaseSummary {
  id: string;
  status: string;
  memberId: string;
  prescriberNpi: string;
  drug: { rxcui: string; name: string; groupName: string };
  urgency: string;
  receivedAt: string;
  dueAt: string | null;
}

export interface AppealSummary {
  id: string;
  status: string;
  paRequestId: string;
  memberId: string;
  urgency: string;
  filedBy: string;
  receivedAt: string;
  dueAt?: string | null;
}

export interface CreatedCase {
  faxId: string;
  paRequestId: string;
}

export interface AttachResult {
  faxId: string;
  paRequestId?: string;
  appealId?: string;
  attachmentId: string;
  answeredInformationRequest?: boolean;
}
