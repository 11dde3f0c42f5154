import type { Reject } from '../claim-types.js';

/** NCPDP Telecommunication D.0 reject codes (511-FB) that OpenPBM returns, with their standard text. */
export const REJECT = {
  BIN: { code: '01', description: 'M/I BIN Number' },
  PCN: { code: '04', description: 'M/I Processor Control Number' },
  GROUP: { code: '06', description: 'M/I Group ID' },
  DOB: { code: '09', description: 'M/I Date Of Birth' },
  OTHER_PROCESSOR: { code: '41', description: 'Submit Bill To Other Processor Or Primary Payer' },
  DAW: { code: '22', description: 'M/I Dispense As Written (DAW)/Product Selection Code' },
  CARDHOLDER: { code: '52', description: 'Non-Matched Cardholder ID' },
  PRODUCT: { code: '54', description: 'Non-Matched Product/Service ID Number' },
  AGE: { code: '60', description: 'Product/Service Not Covered For Patient Age' },
  SEX: { code: '61', description: 'Product/Service Not Covered For Patient Gender' },
  NOT_COVERED_PATIENT: { code: '65', description: 'Patient Is Not Covered' },
  NOT_COVERED: { code: '70', description: 'Product/Service Not Covered - Plan/Benefit Exclusion' },
  PA_REQUIRED: { code: '75', description: 'Prior Authorization Required' },
  LIMIT: { code: '76', description: 'Plan Limitations Exceeded' },
  REFILL_TOO_SOON: { code: '79', description: 'Refill Too Soon' },
  REVERSAL_NOT_PROCESSED: { code: '87', description: 'Reversal Not Processed' },
  STEP_THERAPY: {
    code: '608',
    description: 'Step Therapy, Alternate Drug Therapy Required Prior To Use Of Submitted Product Service ID',
  },
} as const satisfies Record<string, Reject>;
