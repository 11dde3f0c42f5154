import type { ElementDef } from './script-schema.js';

/**
 * The SCRIPT ePA and RTPB messages OpenPBM reads and writes, modelled on the publicly documented
 * transaction, segment and element names of NCPDP SCRIPT 2017071 ePA (the version CMS names for
 * Part D, 42 CFR 423.160) and the NCPDP RTPB standard. The exact subset is in docs/epa-script.md.
 */
export const SCRIPT_NAMESPACE = 'http://www.ncpdp.org/schema/SCRIPT';
export const SCRIPT_VERSION = '2017071';

const leaf = (name: string, doc: string, o: Partial<ElementDef> = {}): ElementDef => ({
  name,
  doc,
  text: 'string',
  ...o,
});
const opt = (def: ElementDef): ElementDef => ({ ...def, min: 0 });
const group = (name: string, doc: string, children: ElementDef[], o: Partial<ElementDef> = {}): ElementDef => ({
  name,
  doc,
  children,
  ...o,
});
const dateEl = (name: string, doc: string, o: Partial<ElementDef> = {}) =>
  group(name, doc, [leaf('Date', 'YYYY-MM-DD', { text: 'date' })], o);

export const HEADER: ElementDef = group('Header', 'Routing and identity of this message', [
  leaf('To', 'Receiver: the payer (OpenPBM)', { maxLength: 35, attributes: { Qualifier: ['P', 'ZZZ'] } }),
  leaf('From', 'Sender: the EHR or hub (its OpenPBM client id)', {
    maxLength: 64,
    attributes: { Qualifier: ['C', 'D', 'ZZZ'] },
  }),
  leaf('MessageID', "The sender's unique id of this message (a resend with the same id gets the original answer)", {
    maxLength: 35,
  }),
  opt(leaf('RelatesToMessageID', 'The message this one answers', { maxLength: 35 })),
  leaf('SentTime', 'When the sender sent it', { text: 'datetime' }),
  opt(leaf('PrescriberOrderNumber', "The prescriber system's order number", { maxLength: 35 })),
]);

const NAME = group('Name', 'Person name', [
  leaf('LastName', 'Family name', { maxLength: 35 }),
  opt(leaf('FirstName', 'Given name', { maxLength: 35 })),
]);

export const PATIENT: ElementDef = group('Patient', 'The patient', [
  group('HumanPatient', 'A person', [
    NAME,
    opt(leaf('Gender', 'M, F or U', { values: ['M', 'F', 'U'] })),
    dateEl('DateOfBirth', "Patient's date of birth (matched with the cardholder ID)"),
  ]),
]);

export const BENEFITS: ElementDef = group(
  'BenefitsCoordination',
  "The patient's pharmacy benefit (from the eligibility response)",
  [
    opt(
      group('PayerIdentification', 'The processor', [
        opt(leaf('ProcessorIdentificationNumber', 'BIN (6 digits)', { maxLength: 6 })),
        opt(leaf('MutuallyDefined', 'PCN', { maxLength: 10 })),
      ]),
    ),
    leaf('CardholderID', 'Member ID (OpenPBM member id)', { maxLength: 35 }),
    opt(leaf('GroupID', 'Group ID', { maxLength: 35 })),
  ],
  { max: 3 },
);

export const PRESCRIBER: ElementDef = group('Prescriber', 'The prescriber the hub sends for', [
  group('NonVeterinarian', 'A prescriber of human medicine', [
    group('Identification', 'Identifiers', [leaf('NPI', 'Individual NPI (check digit verified)', { text: 'npi' })]),
    opt(NAME),
  ]),
]);

export const PHARMACY: ElementDef = opt(
  group('Pharmacy', 'The pharmacy (optional)', [
    group('Identification', 'Identifiers', [
      opt(leaf('NCPDPID', 'NCPDP provider id', { maxLength: 7 })),
      opt(leaf('NPI', 'Pharmacy NPI', { text: 'npi' })),
    ]),
    opt(leaf('BusinessName', 'Pharmacy name', { maxLength: 70 })),
  ]),
);

const DRUG_CODED = group('DrugCoded', 'The coded product: NDC or RxNorm (at least one)', [
  opt(
    group('ProductCode', 'NDC', [
      leaf('Code', '11-digit NDC', { maxLength: 13 }),
      leaf('Qualifier', 'ND (NDC)', { values: ['ND'] }),
    ]),
  ),
  opt(
    group('DrugDBCode', 'RxNorm concept', [
      leaf('Code', 'RxCUI', { maxLength: 10 }),
      leaf('Qualifier', 'RxNorm term type', { values: ['SCD', 'SBD', 'GPCK', 'BPCK'] }),
    ]),
  ),
]);

export const QUANTITY: ElementDef = group('Quantity', 'Quantity prescribed', [
  leaf('Value', 'Metric decimal quantity', { text: 'decimal' }),
  opt(leaf('CodeListQualifier', '38 = original quantity', { maxLength: 2 })),
  opt(
    group('QuantityUnitOfMeasure', 'NCI unit of measure', [
      leaf('Code', 'NCI code (e.g. C28254 mL)', { maxLength: 15 }),
    ]),
  ),
]);

export const MEDICATION: ElementDef = group('MedicationPrescribed', 'The medication that needs the decision', [
  opt(leaf('DrugDescription', 'Drug name as prescribed', { maxLength: 105 })),
  DRUG_CODED,
  QUANTITY,
  leaf('DaysSupply', "Days' supply (1–365)", { text: 'integer' }),
  opt(
    group('Diagnosis', 'Diagnosis', [
      opt(leaf('ClinicalInformationQualifier', '1 = prescriber supplied', { maxLength: 1 })),
      group('Primary', 'Primary diagnosis', [
        leaf('Code', 'ICD-10-CM code', { maxLength: 15 }),
        leaf('Qualifier', 'ABF (ICD-10-CM)', { values: ['ABF'] }),
      ]),
    ]),
  ),
]);

const PRIORITY = opt(
  leaf('PAPriorityIndicator', 'EX = expedited (urgent: serious jeopardy to life, health or function), ST = standard', {
    values: ['EX', 'ST'],
  }),
);
const PA_REFERENCE = leaf('PAReferenceID', "OpenPBM's case id (returned at initiation)", { maxLength: 35 });
const NOTE = (name: string, doc: string) => opt(leaf(name, doc, { maxLength: 2000 }));

export const ATTACHMENT: ElementDef = group(
  'Attachment',
  'A document: PDF, PNG, JPEG or TIFF (the bytes are checked, not the MIME type)',
  [
    opt(
      leaf('AttachmentID', 'The requested attachment it answers (AttachmentRequest/AttachmentID)', { maxLength: 64 }),
    ),
    leaf('MIMEType', 'application/pdf, image/png, image/jpeg or image/tiff', {
      values: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'],
    }),
    opt(leaf('Description', 'File name or description', { maxLength: 200 })),
    leaf('AttachmentData', 'The file, base64', { text: 'base64' }),
  ],
  { min: 0, max: 10 },
);

const ANSWER_QUESTION = group(
  'Question',
  'One answer',
  [
    leaf('QuestionID', 'The question answered (QuestionSet/Question/QuestionID)', { maxLength: 64 }),
    group(
      'QuestionResponse',
      'The answer, by question type',
      [
        leaf('FreeTextResponse', 'Free text answer', { maxLength: 2000 }),
        leaf('NumericResponse', 'Numeric answer', { text: 'decimal' }),
        dateEl('DateResponse', 'Date answer'),
        group('SelectedChoice', 'Chosen options', [leaf('ChoiceID', 'ChoiceID of an option', { maxLength: 64 })], {
          max: 50,
        }),
      ],
      { choice: true },
    ),
  ],
  { min: 0, max: 200 },
);

const ANSWERS: ElementDef = group('QuestionSet', 'The answers to the question set', [
  opt(leaf('QuestionSetID', 'The question set answered (criteria id and version)', { maxLength: 64 })),
  ANSWER_QUESTION,
]);

export const MESSAGE_BODIES: Record<string, ElementDef> = {
  PAInitiationRequest: group('PAInitiationRequest', 'Does this drug need PA for this patient? If so, the questions', [
    PRIORITY,
    PATIENT,
    BENEFITS,
    PRESCRIBER,
    PHARMACY,
    MEDICATION,
    NOTE('PANote', 'Why the request is urgent (required with EX)'),
  ]),
  PARequest: group('PARequest', 'Answers to the question set (and documents)', [
    PA_REFERENCE,
    PRESCRIBER,
    opt(ANSWERS),
    ATTACHMENT,
    NOTE('PANote', 'A note to the reviewer (answers to reviewer questions asked as free text)'),
  ]),
  PAAppealRequest: group('PAAppealRequest', 'Appeal of a denial, partial approval or closure', [
    PA_REFERENCE,
    PRESCRIBER,
    PRIORITY,
    leaf('AppealReason', 'Why the decision should change', { maxLength: 4000 }),
    ATTACHMENT,
  ]),
  PACancelRequest: group('PACancelRequest', 'Withdraw an open request', [
    PA_REFERENCE,
    PRESCRIBER,
    NOTE('CancelReason', 'Why'),
  ]),
  RTPBRequest: group('RTPBRequest', 'Real-time prescription benefit: patient pay and alternatives at prescribing', [
    PATIENT,
    BENEFITS,
    PRESCRIBER,
    PHARMACY,
    MEDICATION,
  ]),
};

export const MESSAGE: ElementDef = group(
  'Message',
  'One SCRIPT message',
  [
    HEADER,
    group(
      'Body',
      'Exactly one transaction',
      Object.values(MESSAGE_BODIES).map((b) => ({ ...b, min: 0 })),
      { choice: true },
    ),
  ],
  {
    attributes: {
      DatatypesVersion: null,
      TransportVersion: null,
      TransactionDomain: ['SCRIPT'],
      TransactionVersion: null,
      StructuresVersion: null,
      ECLVersion: null,
    },
  },
);

export type InboundTransaction = keyof typeof MESSAGE_BODIES;
