import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { ClaimRequest } from '../claims/claim-types.js';
import { ClaimRequestSchema } from '../claims/claims.schemas.js';
import { isValidNpi } from '../shared/npi.js';
import { trimmed } from './telecom/header.js';
import { decodeOverpunch, centsToMoney } from './telecom/overpunch.js';
import { fieldValue, findSegment } from './telecom/segments.js';
import type { Segment, Transmission } from './telecom/transmission.js';
import { readDate, readQuantity, readWholeNumber } from './telecom/values.js';
import { D0_REJECT, fieldReject, type FieldReject } from './d0-rejects.js';

export const TRANSACTION_CODES = ['B1', 'B2', 'B3', 'E1'] as const;
export type TransactionCode = (typeof TRANSACTION_CODES)[number];

/** What the request header says, checked. */
export interface RequestHeaderFacts {
  bin: string;
  pcn: string | null;
  transactionCode: TransactionCode;
  count: number;
  pharmacyNpi: string;
  dateOfService: string;
}

/** D.0 data is printable ASCII; a control byte or a byte above 0x7E in a field OpenPBM reads makes it invalid. */
const isText = (v: string) => /^[\x20-\x7e]*$/.test(v);

type Read<T> = { ok: true; value: T } | { ok: false; error: FieldReject };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (error: FieldReject): { ok: false; error: FieldReject } => ({ ok: false, error });

/**
 * The header's fields in their order; the first one in error answers the transmission. A header
 * that is not a D.0 request header at all is a syntax error (R8): nothing in it can be trusted.
 */
export function checkRequestHeader(t: Transmission): Read<RequestHeaderFacts> {
  const h = t.header;
  if (t.kind === 'response')
    return fail(fieldReject(D0_REJECT.SYNTAX, 'header', 'This is a D.0 response, not a request.'));
  const bin = h.values.bin ?? '';
  const version = h.values.version ?? '';
  if (t.kind === 'unknown') {
    if (/^\d{6}$/.test(bin) && /^[A-Z0-9]{2}$/.test(version))
      return fail(
        fieldReject(D0_REJECT.VERSION_NOT_SUPPORTED, '102-A2', `Version ${version} is not supported; send D0.`),
      );
    return fail(fieldReject(D0_REJECT.SYNTAX, 'header', 'The transmission does not start with a D.0 request header.'));
  }
  if (!/^\d{6}$/.test(bin)) return fail(fieldReject(D0_REJECT.BIN, '101-A1', 'The BIN must be 6 digits.'));
  const code = h.values.transactionCode;
  if (code === undefined || !/^[A-Z0-9]{2}$/.test(code))
    return fail(fieldReject(D0_REJECT.TRANSACTION_CODE, '103-A3', 'The transaction code is missing or invalid.'));
  if (!(TRANSACTION_CODES as readonly string[]).includes(code))
    return fail(
      fieldReject(
        D0_REJECT.TRANSACTION_NOT_SUPPORTED,
        '103-A3',
        `Transaction ${code} is not supported; OpenPBM takes B1, B2, B3 and E1.`,
      ),
    );
  if (h.values.processorControlNumber === undefined || !isText(h.values.processorControlNumber))
    return fail(fieldReject(D0_REJECT.PCN, '104-A4', 'The processor control number is missing or not text.'));
  const count = h.values.transactionCount;
  if (count === undefined || !/^[1-4]$/.test(count) || (code === 'E1' && count !== '1'))
    return fail(
      fieldReject(
        D0_REJECT.TRANSACTION_COUNT,
        '109-A9',
        code === 'E1' ? 'An E1 carries one transaction.' : 'The transaction count must be 1 to 4.',
      ),
    );
  if (h.values.serviceProviderIdQualifier !== '01')
    return fail(
      fieldReject(
        D0_REJECT.SERVICE_PROVIDER_ID_QUALIFIER,
        '202-B2',
        'OpenPBM identifies pharmacies by NPI: the service provider ID qualifier must be 01.',
      ),
    );
  const npi = trimmed(h, 'serviceProviderId');
  if (!/^\d{10}$/.test(npi) || !isValidNpi(npi))
    return fail(fieldReject(D0_REJECT.SERVICE_PROVIDER_ID, '201-B1', 'The service provider ID is not a valid NPI.'));
  const dos = readDate(h.values.dateOfService);
  if (!dos) return fail(fieldReject(D0_REJECT.DATE_OF_SERVICE, '401-D1', 'The date of service is not a real date.'));
  if (!h.complete || !isText(h.values.softwareVendorCertificationId ?? ''))
    return fail(fieldReject(D0_REJECT.SYNTAX, '110-AK', 'The request header is not 56 bytes of text.'));
  const groups = t.groups.length;
  const expected = Number(count);
  if (code === 'E1' ? groups > 1 : groups !== expected)
    return fail(
      fieldReject(
        D0_REJECT.COUNT_MISMATCH,
        '109-A9',
        `The header counts ${expected} transaction(s); the transmission carries ${groups}.`,
      ),
    );
  return ok({
    bin,
    pcn: trimmed(h, 'processorControlNumber') || null,
    transactionCode: code as TransactionCode,
    count: expected,
    pharmacyNpi: npi,
    dateOfService: dos,
  });
}

/** A segment of the transaction group, or of the transmission (patient and insurance usually are). */
function segmentOf(t: Transmission, group: Segment[] | undefined, id: string): Segment | undefined {
  return (group && findSegment(group, id)) ?? findSegment(t.segments, id);
}

function readCardholder(t: Transmission, group: Segment[] | undefined) {
  const insurance = segmentOf(t, group, 'AM04');
  if (!insurance)
    return fail(fieldReject(D0_REJECT.INSURANCE_SEGMENT, 'AM04', 'The insurance segment (AM04) is missing.'));
  const cardholderId = fieldValue(insurance, 'C2')?.trim() ?? '';
  if (!/^[A-Za-z0-9-]{1,20}$/.test(cardholderId))
    return fail(fieldReject(D0_REJECT.CARDHOLDER_ID, '302-C2', 'The cardholder ID is missing or invalid.'));
  const groupId = fieldValue(insurance, 'C1')?.trim() || null;
  if (groupId !== null && (groupId.length > 15 || !isText(groupId)))
    return fail(fieldReject(D0_REJECT.GROUP, '301-C1', 'The group ID is longer than 15 characters or not text.'));
  const patient = segmentOf(t, group, 'AM01');
  if (!patient) return fail(fieldReject(D0_REJECT.PATIENT_SEGMENT, 'AM01', 'The patient segment (AM01) is missing.'));
  const dateOfBirth = readDate(fieldValue(patient, 'C4'));
  if (!dateOfBirth)
    return fail(fieldReject(D0_REJECT.DATE_OF_BIRTH, '304-C4', 'The date of birth is missing or not a real date.'));
  return ok({ cardholderId, groupId, dateOfBirth });
}

function readPrescription(claim: Segment) {
  const qualifier = fieldValue(claim, 'EM');
  if (qualifier !== undefined && qualifier !== '1')
    return fail(
      fieldReject(
        D0_REJECT.PRESCRIPTION_NUMBER_QUALIFIER,
        '455-EM',
        'Only prescription billing is supported: 455-EM must be 1.',
      ),
    );
  const prescriptionNumber = fieldValue(claim, 'D2')?.trim() ?? '';
  if (!/^[A-Za-z0-9-]{1,12}$/.test(prescriptionNumber))
    return fail(fieldReject(D0_REJECT.PRESCRIPTION_NUMBER, '402-D2', 'The prescription number is missing or invalid.'));
  const fill = readWholeNumber(fieldValue(claim, 'D3'));
  if (fill === null || fill > 99)
    return fail(fieldReject(D0_REJECT.FILL_NUMBER, '403-D3', 'The fill number must be 0 to 99.'));
  return ok({ prescriptionNumber, fillNumber: fill });
}

function readProduct(claim: Segment) {
  const qualifier = fieldValue(claim, 'E1');
  if (qualifier !== undefined && qualifier !== '03')
    return fail(
      fieldReject(D0_REJECT.PRODUCT_ID_QUALIFIER, '436-E1', 'Products are identified by NDC: 436-E1 must be 03.'),
    );
  const productId = fieldValue(claim, 'D7')?.trim() ?? '';
  if (!/^\d{11}$/.test(productId))
    return fail(fieldReject(D0_REJECT.PRODUCT_ID, '407-D7', 'The product ID must be an 11-digit NDC.'));
  return ok(productId);
}

function readAmount(segment: Segment | undefined, id: string, reject: FieldReject) {
  const raw = fieldValue(segment, id);
  const cents = raw === undefined ? null : decodeOverpunch(raw);
  return cents === null ? fail(reject) : ok(centsToMoney(cents));
}

/** A B1 (or the billing half of a B3) as the JSON claim request: the same use case answers both. */
export function readClaimRequest(t: Transmission, header: RequestHeaderFacts, group: Segment[]): Read<ClaimRequest> {
  const person = readCardholder(t, group);
  if (!person.ok) return person;
  const claim = findSegment(group, 'AM07');
  if (!claim) return fail(fieldReject(D0_REJECT.CLAIM_SEGMENT, 'AM07', 'The claim segment (AM07) is missing.'));
  const rx = readPrescription(claim);
  if (!rx.ok) return rx;
  // 406-D6 2 = compound: its ingredients (AM10) are not adjudicated here.
  if (fieldValue(claim, 'D6') === '2')
    return fail(
      fieldReject(D0_REJECT.COMPOUND_CODE, '406-D6', 'Compound claims are not taken over D.0; call the help desk.'),
    );
  const product = readProduct(claim);
  if (!product.ok) return product;
  // 308-C8: OpenPBM pays as the primary payer only; a claim after another payer would pay twice.
  const otherCoverage = fieldValue(claim, 'C8');
  if (otherCoverage !== undefined && !/^[01]$/.test(otherCoverage))
    return fail(
      fieldReject(
        D0_REJECT.OTHER_COVERAGE,
        '308-C8',
        'OpenPBM pays as primary only: send 308-C8 as 0 or 1 (coordination of benefits is not supported).',
      ),
    );
  const quantity = readQuantity(fieldValue(claim, 'E7'));
  if (quantity === null || quantity <= 0)
    return fail(fieldReject(D0_REJECT.QUANTITY, '442-E7', 'The quantity dispensed is missing or zero.'));
  const days = readWholeNumber(fieldValue(claim, 'D5'));
  if (days === null || days < 1 || days > 365)
    return fail(fieldReject(D0_REJECT.DAYS_SUPPLY, '405-D5', 'The days supply must be 1 to 365.'));
  const daw = fieldValue(claim, 'D8');
  if (daw !== undefined && !/^\d$/.test(daw))
    return fail(fieldReject(D0_REJECT.DAW, '408-D8', 'The DAW code must be one digit.'));
  const levelOfService = fieldValue(claim, 'DI');
  if (levelOfService !== undefined && !/^\d{1,2}$/.test(levelOfService))
    return fail(fieldReject(D0_REJECT.LEVEL_OF_SERVICE, '418-DI', 'The level of service must be a number.'));
  const paNumber = fieldValue(claim, 'EV')?.trim() || null;
  if (paNumber !== null && (paNumber.length > 20 || !isText(paNumber)))
    return fail(fieldReject(D0_REJECT.PA_NUMBER, '462-EV', 'The prior authorization number is too long or not text.'));

  const prescriber = findSegment(group, 'AM03');
  if (!prescriber)
    return fail(fieldReject(D0_REJECT.PRESCRIBER_SEGMENT, 'AM03', 'The prescriber segment (AM03) is missing.'));
  const prescriberQualifier = fieldValue(prescriber, 'EZ');
  if (prescriberQualifier !== undefined && prescriberQualifier !== '01')
    return fail(
      fieldReject(D0_REJECT.PRESCRIBER_ID_QUALIFIER, '466-EZ', 'Prescribers are identified by NPI: 466-EZ must be 01.'),
    );
  const prescriberNpi = fieldValue(prescriber, 'DB')?.trim() ?? '';
  if (!/^\d{10}$/.test(prescriberNpi) || !isValidNpi(prescriberNpi))
    return fail(fieldReject(D0_REJECT.PRESCRIBER_ID, '411-DB', 'The prescriber ID is not a valid NPI.'));

  const pricing = findSegment(group, 'AM11');
  const cost = readAmount(
    pricing,
    'D9',
    fieldReject(D0_REJECT.INGREDIENT_COST, '409-D9', 'The ingredient cost submitted is missing or not an amount.'),
  );
  if (!cost.ok) return cost;
  const uc = readAmount(
    pricing,
    'DQ',
    fieldReject(D0_REJECT.USUAL_AND_CUSTOMARY, '426-DQ', 'The usual and customary charge is missing or not an amount.'),
  );
  if (!uc.ok) return uc;

  const request: ClaimRequest = {
    bin: header.bin,
    pcn: header.pcn,
    groupId: person.value.groupId,
    cardholderId: person.value.cardholderId,
    patient: { dateOfBirth: person.value.dateOfBirth },
    pharmacyNpi: header.pharmacyNpi,
    prescriptionNumber: rx.value.prescriptionNumber,
    fillNumber: rx.value.fillNumber,
    dateOfService: header.dateOfService,
    productId: product.value,
    quantityDispensed: quantity,
    daysSupply: days,
    prescriberNpi,
    ...(daw !== undefined ? { dawCode: daw } : {}),
    priorAuthorizationNumber: paNumber,
    submittedIngredientCost: cost.value,
    usualAndCustomaryCharge: uc.value,
    // 418-DI level of service 03 = emergency
    emergencySupply: levelOfService !== undefined && Number(levelOfService) === 3,
  };
  const schemaError = firstSchemaError(request);
  return schemaError ? fail(schemaError) : ok(request);
}

/** Which D.0 field (and reject) a JSON claim field comes from: use-case errors name JSON paths. */
export const PATH_REJECTS: Record<string, { reject: FieldReject['reject']; field: string }> = {
  bin: { reject: D0_REJECT.BIN, field: '101-A1' },
  pcn: { reject: D0_REJECT.PCN, field: '104-A4' },
  groupId: { reject: D0_REJECT.GROUP, field: '301-C1' },
  cardholderId: { reject: D0_REJECT.CARDHOLDER_ID, field: '302-C2' },
  patient: { reject: D0_REJECT.DATE_OF_BIRTH, field: '304-C4' },
  'patient.dateOfBirth': { reject: D0_REJECT.DATE_OF_BIRTH, field: '304-C4' },
  pharmacyNpi: { reject: D0_REJECT.SERVICE_PROVIDER_ID, field: '201-B1' },
  prescriptionNumber: { reject: D0_REJECT.PRESCRIPTION_NUMBER, field: '402-D2' },
  fillNumber: { reject: D0_REJECT.FILL_NUMBER, field: '403-D3' },
  dateOfService: { reject: D0_REJECT.DATE_OF_SERVICE, field: '401-D1' },
  productId: { reject: D0_REJECT.PRODUCT_ID, field: '407-D7' },
  quantityDispensed: { reject: D0_REJECT.QUANTITY, field: '442-E7' },
  daysSupply: { reject: D0_REJECT.DAYS_SUPPLY, field: '405-D5' },
  prescriberNpi: { reject: D0_REJECT.PRESCRIBER_ID, field: '411-DB' },
  dawCode: { reject: D0_REJECT.DAW, field: '408-D8' },
  priorAuthorizationNumber: { reject: D0_REJECT.PA_NUMBER, field: '462-EV' },
  submittedIngredientCost: { reject: D0_REJECT.INGREDIENT_COST, field: '409-D9' },
  usualAndCustomaryCharge: { reject: D0_REJECT.USUAL_AND_CUSTOMARY, field: '426-DQ' },
  emergencySupply: { reject: D0_REJECT.LEVEL_OF_SERVICE, field: '418-DI' },
};

/**
 * The JSON route's own schema, so a D.0 claim is held to exactly what a JSON claim is. Compiled
 * once (the claim hot path); the two dates are left out because they were read as real calendar
 * dates above (TypeBox does not know the "date" format).
 */
const JSON_CLAIM = TypeCompiler.Compile(Type.Omit(ClaimRequestSchema, ['patient', 'dateOfService']));

function firstSchemaError(request: ClaimRequest): FieldReject | null {
  const { patient: _patient, dateOfService: _dateOfService, ...rest } = request;
  if (JSON_CLAIM.Check(rest)) return null;
  const e = JSON_CLAIM.Errors(rest).First();
  if (!e) return null;
  const path = e.path.slice(1).replace(/\//g, '.');
  const hit = PATH_REJECTS[path] ?? PATH_REJECTS[path.split('.')[0]];
  return fieldReject(hit?.reject ?? D0_REJECT.SYNTAX, hit?.field ?? path, `${hit?.field ?? path}: ${e.message}`);
}

/** The claim a B2 (or the reversal half of a B3) voids: pharmacy + prescription + fill + date of service. */
export interface ReversalKey {
  pharmacyNpi: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  productId: string | null;
}

export function readReversalKey(header: RequestHeaderFacts, group: Segment[]): Read<ReversalKey> {
  const claim = findSegment(group, 'AM07');
  if (!claim) return fail(fieldReject(D0_REJECT.CLAIM_SEGMENT, 'AM07', 'The claim segment (AM07) is missing.'));
  const rx = readPrescription(claim);
  if (!rx.ok) return rx;
  const d7 = fieldValue(claim, 'D7')?.trim();
  let productId: string | null = null;
  if (d7) {
    const product = readProduct(claim);
    if (!product.ok) return product;
    productId = product.value;
  }
  return ok({ pharmacyNpi: header.pharmacyNpi, ...rx.value, dateOfService: header.dateOfService, productId });
}

export interface EligibilityQuestion {
  bin: string;
  pcn: string | null;
  groupId: string | null;
  cardholderId: string;
  dateOfBirth: string;
  dateOfService: string;
}

export function readEligibilityQuestion(
  t: Transmission,
  header: RequestHeaderFacts,
  group: Segment[] | undefined,
): Read<EligibilityQuestion> {
  const person = readCardholder(t, group);
  if (!person.ok) return person;
  return ok({ bin: header.bin, pcn: header.pcn, ...person.value, dateOfService: header.dateOfService });
}
