/** The claim fields the pharmacy keys in (ClaimRequestSchema). */
export interface ClaimRequest {
  bin: string;
  pcn: string | null;
  groupId: string | null;
  cardholderId: string;
  patient: { dateOfBirth: string };
  pharmacyNpi: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  productId: string;
  quantityDispensed: number;
  daysSupply: number;
  prescriberNpi: string;
  dawCode?: string;
  priorAuthorizationNumber?: string | null;
  submittedIngredientCost: string;
  usualAndCustomaryCharge: string;
  emergencySupply?: boolean;
}
