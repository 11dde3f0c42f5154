import { createUser } from '../../src/identity/create-user.js';
import { parseTransmission, type Transmission } from '../../src/ncpdp/telecom/transmission.js';
import { bytesToText } from '../../src/ncpdp/telecom/separators.js';
import { fieldValue, fieldValues, findSegment } from '../../src/ncpdp/telecom/segments.js';
import { decodeOverpunch, centsToMoney } from '../../src/ncpdp/telecom/overpunch.js';
import type { TestApp } from './test-app.js';

export interface WireReply {
  status: number;
  contentType: string;
  bytes: Buffer;
  /** The D.0 response as parsed by the project's own codec (null for problem+json answers). */
  d0: Transmission | null;
}

/** POST /api/v1/ncpdp/telecom with raw bytes, as a switch does. */
export async function sendD0(
  t: TestApp,
  apiKey: string | null,
  body: Buffer | string,
  contentType = 'application/octet-stream',
): Promise<WireReply> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/ncpdp/telecom',
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), 'content-type': contentType },
    payload: body,
  });
  const type = String(r.headers['content-type'] ?? '');
  return {
    status: r.statusCode,
    contentType: type,
    bytes: r.rawPayload,
    d0: type.startsWith('application/octet-stream') ? parseTransmission(bytesToText(r.rawPayload)) : null,
  };
}

/** One response group read back: status, rejects, messages, pricing as money strings. */
export function readGroup(t: Transmission, i = 0) {
  const g = t.groups[i] ?? [];
  const status = findSegment(g, 'AM21');
  const pricing = findSegment(g, 'AM23');
  const money = (id: string) => {
    const v = fieldValue(pricing, id);
    const c = v === undefined ? null : decodeOverpunch(v);
    return c === null ? undefined : centsToMoney(c);
  };
  return {
    status: fieldValue(status, 'AN'),
    authorizationNumber: fieldValue(status, 'F3'),
    claimId: fieldValue(status, 'A7'),
    rejects: fieldValues(status, 'FB'),
    rejectCount: fieldValue(status, 'FA'),
    message: fieldValues(status, 'FQ').join(' '),
    helpDesk: fieldValue(status, '8F'),
    pricing: pricing
      ? { patientPay: money('F5'), ingredientCost: money('F6'), dispensingFee: money('F7'), planPay: money('F9') }
      : undefined,
    segments: g,
  };
}

let keySeq = 0;
/** A new pharmacy account with an API key, for a switch sending as that pharmacy. */
export async function pharmacyApiKey(t: TestApp, npi: string): Promise<string> {
  const { apiKey } = await createUser(t.ctx, {
    username: `t-d0-pharmacy-${++keySeq}-${Math.random().toString(36).slice(2, 8)}`,
    role: 'pharmacy',
    npi,
    withApiKey: true,
  });
  return apiKey!;
}
