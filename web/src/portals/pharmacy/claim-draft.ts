import { fromCents, isMoneyText, toCents } from '../../../../src/shared/money';
import { normalizeNdc } from '../../../../src/shared/field-checks';
import type { ClaimRequest } from '../../api/types';

/** What the claim form holds while it is typed: every field as text. */
export interface ClaimDraft {
  bin: string;
  pcn: string;
  groupId: string;
  cardholderId: string;
  dateOfBirth: string;
  prescriptionNumber: string;
  fillNumber: string;
  dateOfService: string;
  prescriberNpi: string;
  productId: string;
  drugName: string;
  quantityDispensed: string;
  daysSupply: string;
  dawCode: string;
  priorAuthorizationNumber: string;
  submittedIngredientCost: string;
  usualAndCustomaryCharge: string;
  emergencySupply: boolean;
}

export function emptyDraft(today: string): ClaimDraft {
  return {
    bin: '',
    pcn: '',
    groupId: '',
    cardholderId: '',
    dateOfBirth: '',
    prescriptionNumber: '',
    fillNumber: '0',
    dateOfService: today,
    prescriberNpi: '',
    productId: '',
    drugName: '',
    quantityDispensed: '',
    daysSupply: '',
    dawCode: '0',
    priorAuthorizationNumber: '',
    submittedIngredientCost: '',
    usualAndCustomaryCharge: '',
    emergencySupply: false,
  };
}

/** "12.5" → "12.50" (half-up to the cent, the one money rule); anything else is sent as typed for the API to refuse. */
const money = (s: string) => (isMoneyText(s) ? fromCents(toCents(s)) : s.trim());
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The B1 request the API expects (ClaimRequestSchema); the pharmacy is always the caller. */
export function toClaimRequest(d: ClaimDraft, pharmacyNpi: string): ClaimRequest {
  return {
    bin: d.bin.trim(),
    pcn: orNull(d.pcn),
    groupId: orNull(d.groupId),
    cardholderId: d.cardholderId.trim(),
    patient: { dateOfBirth: d.dateOfBirth },
    pharmacyNpi,
    prescriptionNumber: d.prescriptionNumber.trim(),
    fillNumber: Number(d.fillNumber),
    dateOfService: d.dateOfService,
    // 4-4-2, 5-3-2 and 5-4-1 become the 11-digit 5-4-2 form (HIPAA); anything else goes as typed for the API to refuse.
    productId: normalizeNdc(d.productId) ?? d.productId.trim(),
    quantityDispensed: Number(d.quantityDispensed),
    daysSupply: Number(d.daysSupply),
    prescriberNpi: d.prescriberNpi.trim(),
    ...(d.dawCode ? { dawCode: d.dawCode } : {}),
    priorAuthorizationNumber: orNull(d.priorAuthorizationNumber),
    submittedIngredientCost: money(d.submittedIngredientCost),
    usualAndCustomaryCharge: money(d.usualAndCustomaryCharge),
    ...(d.emergencySupply ? { emergencySupply: true } : {}),
  };
}

/**
 * Today's date on the server's clock (the test clock may differ from the browser's), where the
 * pharmacy is: the browser's own time zone. The server counts dates in the plan's zone and accepts
 * a date of service up to one day after the plan's today (docs/design.md#time-zones), so a
 * pharmacy ahead of its members' plan is never refused for its own today.
 */
export function serverToday(clockOffsetMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + clockOffsetMs));
}
