import type { Reject } from '../claims/claim-types.js';

/**
 * Reject codes (511-FB) the D.0 edge answers before adjudication: a field missing or invalid
 * ("M/I") in the transmission, a transaction OpenPBM does not take, or a fault on its side. The
 * adjudication's own codes (41, 52, 75, …) come with the claim answer.
 */
export const D0_REJECT = {
  BIN: { code: '01', description: 'M/I BIN Number' },
  VERSION: { code: '02', description: 'M/I Version/Release Number' },
  TRANSACTION_CODE: { code: '03', description: 'M/I Transaction Code' },
  PCN: { code: '04', description: 'M/I Processor Control Number' },
  SERVICE_PROVIDER_ID: { code: '05', description: 'M/I Service Provider Number' },
  GROUP: { code: '06', description: 'M/I Group ID' },
  CARDHOLDER_ID: { code: '07', description: 'M/I Cardholder ID' },
  DATE_OF_BIRTH: { code: '09', description: 'M/I Date Of Birth' },
  OTHER_COVERAGE: { code: '13', description: 'M/I Other Coverage Code' },
  DATE_OF_SERVICE: { code: '15', description: 'M/I Date Of Service' },
  PRESCRIPTION_NUMBER: { code: '16', description: 'M/I Prescription/Service Reference Number' },
  FILL_NUMBER: { code: '17', description: 'M/I Fill Number' },
  DAYS_SUPPLY: { code: '19', description: 'M/I Days Supply' },
  COMPOUND_CODE: { code: '20', description: 'M/I Compound Code' },
  PRODUCT_ID: { code: '21', description: 'M/I Product/Service ID' },
  DAW: { code: '22', description: 'M/I Dispense As Written (DAW)/Product Selection Code' },
  INGREDIENT_COST: { code: '23', description: 'M/I Ingredient Cost Submitted' },
  PRESCRIBER_ID: { code: '25', description: 'M/I Prescriber ID' },
  LEVEL_OF_SERVICE: { code: '32', description: 'M/I Level Of Service' },
  NON_MATCHED_PHARMACY: { code: '50', description: 'Non-Matched Pharmacy Number' },
  REVERSAL_NOT_PROCESSED: { code: '87', description: 'Reversal Not Processed' },
  // The processor cannot reach its own database just now: the switch may resend (Telecommunication D.0 reject codes 90–99).
  SYSTEM_UNAVAILABLE: { code: '92', description: 'System Unavailable/Host Unavailable' },
  HOST_ERROR: { code: '99', description: 'Host Processing Error' },
  VERSION_NOT_SUPPORTED: { code: '1R', description: 'Version/Release Not Supported' },
  TRANSACTION_NOT_SUPPORTED: { code: '1S', description: 'Transaction Code/Type Not Supported' },
  COUNT_MISMATCH: { code: '1U', description: 'Transaction Count Does Not Match Number of Transactions' },
  TRANSACTION_COUNT: { code: 'A9', description: 'M/I Transaction Count' },
  SERVICE_PROVIDER_ID_QUALIFIER: { code: 'B2', description: 'M/I Service Provider ID Qualifier' },
  USUAL_AND_CUSTOMARY: { code: 'DQ', description: 'M/I Usual And Customary Charge' },
  PRODUCT_ID_QUALIFIER: { code: 'E1', description: 'M/I Product/Service ID Qualifier' },
  QUANTITY: { code: 'E7', description: 'M/I Quantity Dispensed' },
  PRESCRIPTION_NUMBER_QUALIFIER: {
    code: 'EM',
    description: 'M/I Prescription/Service Reference Number Qualifier',
  },
  PA_NUMBER: { code: 'EV', description: 'M/I Prior Authorization Number Submitted' },
  PRESCRIBER_ID_QUALIFIER: { code: 'EZ', description: 'M/I Prescriber ID Qualifier' },
  CLAIM_SEGMENT: { code: 'PC', description: 'M/I Request Claim Segment' },
  INSURANCE_SEGMENT: { code: 'PJ', description: 'M/I Request Insurance Segment' },
  PATIENT_SEGMENT: { code: 'PK', description: 'M/I Request Patient Segment' },
  PRESCRIBER_SEGMENT: { code: 'PN', description: 'M/I Request Prescriber Segment' },
  SYNTAX: { code: 'R8', description: 'Syntax Error' },
} as const satisfies Record<string, Reject>;

/** A reject with the field it is about and a sentence for the pharmacist. */
export interface FieldReject {
  reject: Reject;
  /** The data element in error (e.g. 302-C2), for the message. */
  field: string;
  message: string;
}

export const fieldReject = (reject: Reject, field: string, message: string): FieldReject => ({
  reject,
  field,
  message,
});
