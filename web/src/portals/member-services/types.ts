/** Member-services-only API shapes (the shared ones are in web/src/api/types.ts). */

export interface CallNote {
  id: string;
  memberId: string;
  recordedAt: string;
  recordedBy: { username: string; role: string; name: string | null };
  callerName: string;
  callerRelationship: string;
  identityVerified: boolean;
  verificationMethod: string | null;
  identityStatement: string;
  topic: string;
  note: string;
  paRequestId: string | null;
  claimId: string | null;
  appealId: string | null;
}
