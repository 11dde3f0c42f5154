import { readAnswers } from './question-set-xml.js';
import type { ScriptAnswer } from './question-set.js';
import { child, children, text, type InboundMessage } from './script-xml.js';
import type { ScriptNode } from './script-schema.js';

/** Typed views of validated inbound transactions (the schema already guaranteed presence and form). */
export interface PatientSegment {
  lastName: string;
  firstName?: string;
  dateOfBirth: string;
}
export interface CoverageSegment {
  cardholderId: string;
  bin?: string;
  pcn?: string;
  groupId?: string;
}
export interface MedicationSegment {
  description?: string;
  ndc?: string;
  rxcui?: string;
  /** DrugDBCode/Qualifier: the RxNorm term type the sender gave (SCD, SBD …). */
  rxcuiQualifier?: string;
  quantity: number;
  daysSupply: number;
  diagnosis?: string;
}
export interface AttachmentSegment {
  attachmentId?: string;
  mimeType: string;
  description?: string;
  data: Buffer;
  path: string;
}

export const bodyPath = (m: InboundMessage) => `Message/Body/${m.transaction}`;

export function prescriberNpi(body: ScriptNode): string {
  return text(child(body, 'Prescriber', 'NonVeterinarian', 'Identification', 'NPI'))!;
}

export function patientOf(body: ScriptNode): PatientSegment {
  const p = child(body, 'Patient', 'HumanPatient');
  return {
    lastName: text(child(p, 'Name', 'LastName'))!,
    firstName: text(child(p, 'Name', 'FirstName')),
    dateOfBirth: text(child(p, 'DateOfBirth', 'Date'))!,
  };
}

/** The first BenefitsCoordination loop is the pharmacy benefit OpenPBM administers. */
export function coverageOf(body: ScriptNode): CoverageSegment {
  const b = children(body, 'BenefitsCoordination')[0];
  return {
    cardholderId: text(child(b, 'CardholderID'))!,
    bin: text(child(b, 'PayerIdentification', 'ProcessorIdentificationNumber')),
    pcn: text(child(b, 'PayerIdentification', 'MutuallyDefined')),
    groupId: text(child(b, 'GroupID')),
  };
}

export function medicationOf(body: ScriptNode): MedicationSegment {
  const m = child(body, 'MedicationPrescribed');
  return {
    description: text(child(m, 'DrugDescription')),
    ndc: text(child(m, 'DrugCoded', 'ProductCode', 'Code')),
    rxcui: text(child(m, 'DrugCoded', 'DrugDBCode', 'Code')),
    rxcuiQualifier: text(child(m, 'DrugCoded', 'DrugDBCode', 'Qualifier')),
    quantity: Number(text(child(m, 'Quantity', 'Value'))),
    daysSupply: Number(text(child(m, 'DaysSupply'))),
    diagnosis: text(child(m, 'Diagnosis', 'Primary', 'Code')),
  };
}

export function attachmentsOf(body: ScriptNode, basePath: string): AttachmentSegment[] {
  const all = children(body, 'Attachment');
  return all.map((a, i) => ({
    attachmentId: text(child(a, 'AttachmentID')),
    mimeType: text(child(a, 'MIMEType'))!,
    description: text(child(a, 'Description')),
    data: Buffer.from(text(child(a, 'AttachmentData'))!.replace(/\s+/g, ''), 'base64'),
    path: `${basePath}/Attachment${all.length > 1 ? `[${i + 1}]` : ''}`,
  }));
}

export function answersOf(body: ScriptNode, basePath: string): ScriptAnswer[] | undefined {
  const set = child(body, 'QuestionSet');
  return set === undefined ? undefined : readAnswers(set, `${basePath}/QuestionSet`);
}
