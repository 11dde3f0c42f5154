import { expect } from 'vitest';
import { DEMO } from '../../../src/demo/demo-data.js';
import { glp1Answers } from '../../support/fhir.js';
import type { ApiClient } from '../../support/http.js';
import { signIn } from '../../support/scenario.js';
import type { TestApp } from '../../support/test-app.js';

export interface DeniedCase {
  caseId: string;
  memberId: string;
  prescriberNpi: string;
  prescriber: ApiClient;
  noticeIds: string[];
}

/**
 * A PA case a clinician denied, with its letters: the Spanish-speaking Medi-Cal member's GLP-1
 * request whose criteria are not met (as in test/integration/notices.test.ts).
 */
export async function deniedCase(t: TestApp): Promise<DeniedCase> {
  const memberId = DEMO.members.spanishSpeaking;
  const prescriberNpi = DEMO.prescribers.endocrinology;
  const prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  const physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  const started = await prescriber.post('pa-requests', {
    memberId,
    prescriberNpi,
    productId: DEMO.ndcs.semaglutidePenLow,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const caseId = started.body.id as string;
  await prescriber.post(`pa-requests/${caseId}/submit`, { answers: glp1Answers({ a1c: 6.1 }) });
  // A clinician takes the case before deciding it (docs/design.md#determinations).
  await physician.post(`pa-requests/${caseId}/assign`);
  const denied = await physician.post(`pa-requests/${caseId}/determination`, {
    decision: 'denied',
    reasons: ['HbA1c is 6.1% (2026-10-15), below the 7% threshold; no metformin trial documented.'],
  });
  expect(denied.status, JSON.stringify(denied.body)).toBe(200);
  const list = await prescriber.get(`notices?paRequestId=${caseId}`);
  return {
    caseId,
    memberId,
    prescriberNpi,
    prescriber,
    noticeIds: (list.body.items as Array<{ id: string }>).map((n) => n.id),
  };
}
