/** Intake-only API shapes (src/fax/fax.routes.ts); the shared ones are in web/src/api/types.ts. */

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
