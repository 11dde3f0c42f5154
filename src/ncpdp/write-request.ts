import type { ClaimRequest } from '../claims/claim-types.js';
import { formatHeader } from './telecom/header.js';
import { encodeOverpunch, moneyToCents } from './telecom/overpunch.js';
import { buildSegment } from './telecom/segments.js';
import { serializeTransmission, newTransmission, type Segment } from './telecom/transmission.js';
import { textToBytes } from './telecom/separators.js';
import { writeDate, writeQuantity } from './telecom/values.js';

/**
 * D.0 requests written from the JSON claim: what a pharmacy system sends. Used by the CLI, the
 * benchmark's D.0 mode and the tests (the project's own fixtures come from its own serializer).
 */
export interface RequestOptions {
  softwareVendorId?: string;
  /** Frame with ETX (most switches do); default true. */
  etx?: boolean;
}

const money = (m: string | null | undefined) => {
  const cents = m == null ? null : moneyToCents(m);
  return cents === null ? null : encodeOverpunch(cents);
};

function header(code: 'B1' | 'B2' | 'B3' | 'E1', c: ClaimRequest, count: number, o: RequestOptions) {
  return formatHeader('request', {
    bin: c.bin,
    version: 'D0',
    transactionCode: code,
    processorControlNumber: c.pcn ?? '',
    transactionCount: String(count),
    serviceProviderIdQualifier: '01', // NPI
    serviceProviderId: c.pharmacyNpi,
    dateOfService: writeDate(c.dateOfService),
    softwareVendorCertificationId: o.softwareVendorId ?? 'OPENPBM',
  });
}

function patientSegments(c: ClaimRequest): Segment[] {
  return [
    buildSegment('AM04', [
      ['C2', c.cardholderId],
      ['C1', c.groupId],
    ]),
    buildSegment('AM01', [['C4', writeDate(c.patient.dateOfBirth)]]),
  ];
}

function claimGroup(c: ClaimRequest): Segment[] {
  return [
    buildSegment('AM07', [
      ['EM', '1'], // Rx billing
      ['D2', c.prescriptionNumber],
      ['E1', '03'], // NDC
      ['D7', c.productId],
      ['E7', writeQuantity(c.quantityDispensed)],
      ['D3', String(c.fillNumber).padStart(2, '0')],
      ['D5', String(c.daysSupply)],
      ['D8', c.dawCode ?? '0'],
      ['DI', c.emergencySupply ? '03' : null], // level of service 03 = emergency
      ['EU', c.priorAuthorizationNumber ? '1' : null], // 1 = prior authorization
      ['EV', c.priorAuthorizationNumber],
    ]),
    buildSegment('AM03', [
      ['EZ', '01'], // NPI
      ['DB', c.prescriberNpi],
    ]),
    buildSegment('AM11', [
      ['D9', money(c.submittedIngredientCost)],
      ['DQ', money(c.usualAndCustomaryCharge)],
    ]),
  ];
}

function write(segments: Segment[], groups: Segment[][], h: ReturnType<typeof header>, o: RequestOptions): Buffer {
  return textToBytes(serializeTransmission(newTransmission(h, segments, groups, { etx: o.etx ?? true })));
}

/** B1 billing (or B3 rebill) for 1 to 4 claims of one patient at one pharmacy on one date. */
export function writeBillingRequest(claims: ClaimRequest[], o: RequestOptions & { rebill?: boolean } = {}): Buffer {
  const first = claims[0];
  return write(
    patientSegments(first),
    claims.map(claimGroup),
    header(o.rebill ? 'B3' : 'B1', first, claims.length, o),
    o,
  );
}

/** B2 reversal of paid claims, named by prescription number, fill and NDC. */
export function writeReversalRequest(claims: ClaimRequest[], o: RequestOptions = {}): Buffer {
  const first = claims[0];
  return write(
    patientSegments(first),
    claims.map((c) => [
      buildSegment('AM07', [
        ['EM', '1'],
        ['D2', c.prescriptionNumber],
        ['E1', '03'],
        ['D7', c.productId],
        ['D3', String(c.fillNumber).padStart(2, '0')],
      ]),
    ]),
    header('B2', first, claims.length, o),
    o,
  );
}

/** E1 eligibility verification for the claim's cardholder on its date of service. */
export function writeEligibilityRequest(c: ClaimRequest, o: RequestOptions = {}): Buffer {
  return write(patientSegments(c), [], header('E1', c, 1, o), o);
}
