import { drugDbCode, type CodedAlternative } from './drug-coded.js';
import { questionSetXml } from './question-set-xml.js';
import type { ScriptQuestionSet } from './question-set.js';
import type { OutNode } from './script-xml.js';

/**
 * What OpenPBM answers on a case, as SCRIPT response elements (docs/epa-script.md#outcomes). The
 * same outcomes answer PARequest (PAResponse) and are pushed later (PANotification).
 */
export type CaseOutcome =
  | {
      kind: 'approved';
      authorizationNumber: string;
      effectiveFrom: string;
      effectiveTo: string;
      quantity?: number;
      daysSupply?: number;
      note?: string;
    }
  | { kind: 'denied'; reasons: string[]; appealRights: string; appealDeadline?: string; partial?: boolean }
  | { kind: 'pended'; dueAt?: string; note: string }
  | { kind: 'closed'; reasonCode: ClosedReason; description: string }
  | { kind: 'open'; questionSet: ScriptQuestionSet; deadline: string; note?: string };

/** OpenPBM's closed-reason codes (the licensed SCRIPT code list is not public): docs/epa-script.md. */
export type ClosedReason =
  'PANotRequired' | 'AuthorizationOnFile' | 'NotCovered' | 'Cancelled' | 'ClosedNoResponse' | 'NoFurtherInformation';

/** SCRIPT Error codes: 900 rejected (the message is at fault), 601 unable to process now, 602 system error. */
export type ErrorCode = '900' | '601' | '602';
export type ErrorDescriptionCode =
  | 'SCHEMA'
  | 'NOT_AUTHORIZED'
  | 'PRESCRIBER_NOT_ALLOWED'
  | 'PATIENT_NOT_FOUND'
  | 'PLAN_NOT_FOUND'
  | 'CASE_NOT_FOUND'
  | 'DRUG_NOT_FOUND'
  | 'INVALID_STATE'
  | 'INVALID_ANSWERS'
  | 'IN_PROGRESS'
  | 'UNAVAILABLE'
  | 'SYSTEM';

const dateOnly = (d: string) => ({ Date: d });

function period(from: string, to: string): OutNode {
  return { EffectiveDate: dateOnly(from), ExpirationDate: dateOnly(to) };
}

export function alternativesXml(alternatives: CodedAlternative[]): OutNode | undefined {
  if (!alternatives.length) return undefined;
  return {
    Alternative: alternatives.slice(0, 5).map((a) => ({
      DrugDescription: a.name,
      DrugCoded: { DrugDBCode: drugDbCode(a.rxcui, a.termType) },
      FormularyTier: a.tier,
      PARequired: a.priorAuthorizationRequired ? 'true' : 'false',
      EstimatedPatientPay: a.estimatedPatientPay ?? undefined,
    })),
  };
}

/** The Response element of PAResponse and PANotification. */
export function outcomeXml(o: CaseOutcome): OutNode {
  switch (o.kind) {
    case 'approved':
      return {
        Approved: {
          AuthorizationNumber: o.authorizationNumber,
          AuthorizationPeriod: period(o.effectiveFrom, o.effectiveTo),
          Quantity: o.quantity === undefined ? undefined : { Value: String(o.quantity) },
          DaysSupply: o.daysSupply === undefined ? undefined : String(o.daysSupply),
          Note: o.note,
        },
      };
    case 'denied':
      return {
        Denied: {
          PartialApproval: o.partial ? 'true' : undefined,
          DenialReason: o.reasons,
          AppealRights: o.appealRights,
          AppealDeadline: o.appealDeadline ? dateOnly(o.appealDeadline) : undefined,
        },
      };
    case 'pended':
      return { Pended: { DueTime: o.dueAt ? { DateTime: o.dueAt } : undefined, Note: o.note } };
    case 'closed':
      return { Closed: { ReasonCode: o.reasonCode, Description: o.description } };
    case 'open':
      return {
        Open: {
          DeadlineForReply: { DateTime: o.deadline },
          Note: o.note,
          QuestionSet: questionSetXml(o.questionSet),
        },
      };
  }
}

export function caseResponseBody(paReferenceId: string, outcome: CaseOutcome): OutNode {
  return { PAReferenceID: paReferenceId, Response: outcomeXml(outcome) };
}

export type InitiationOutcome =
  | { kind: 'open'; paReferenceId: string; deadline: string; questionSet: ScriptQuestionSet }
  | {
      kind: 'closed';
      reasonCode: ClosedReason;
      description: string;
      authorization?: { number: string; effectiveFrom: string; effectiveTo: string };
      alternatives?: CodedAlternative[];
    };

export function initiationResponseBody(o: InitiationOutcome): OutNode {
  if (o.kind === 'open')
    return {
      Response: {
        Open: {
          PAReferenceID: o.paReferenceId,
          DeadlineForReply: { DateTime: o.deadline },
          QuestionSet: questionSetXml(o.questionSet),
        },
      },
    };
  return {
    Response: {
      Closed: {
        ReasonCode: o.reasonCode,
        Description: o.description,
        AuthorizationNumber: o.authorization?.number,
        AuthorizationPeriod: o.authorization
          ? period(o.authorization.effectiveFrom, o.authorization.effectiveTo)
          : undefined,
        Alternatives: o.alternatives ? alternativesXml(o.alternatives) : undefined,
      },
    },
  };
}

export function errorBody(code: ErrorCode, descriptionCode: ErrorDescriptionCode, description: string): OutNode {
  return { Code: code, DescriptionCode: descriptionCode, Description: description.slice(0, 2000) };
}
