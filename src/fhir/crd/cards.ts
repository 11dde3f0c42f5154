import { randomUUID } from 'node:crypto';
import type { CoverageAnswer } from '../../coverage/check-coverage.js';
import type { CoverageFinding } from './coverage-information.js';

/** A CDS Hooks 2.0 card (cds-hooks.hl7.org/2.0 §Card Attributes). */
export interface Card {
  uuid: string;
  summary: string;
  detail?: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url?: string; topic?: { system: string; code: string; display: string } };
  suggestions?: Array<{
    label: string;
    uuid: string;
    actions: Array<{ type: string; description: string; resource?: unknown; resourceId?: string }>;
  }>;
  selectionBehavior?: 'at-most-one' | 'any';
  extension?: Record<string, unknown>;
}

const CARD_TYPE = 'http://terminology.hl7.org/CodeSystem/cdshooks-card-type';
const topic = (code: string, display: string) => ({ system: CARD_TYPE, code, display });
const SOURCE_LABEL = 'OpenPBM pharmacy benefit';

/** Summary ≤ 140 characters (CDS Hooks 2.0). */
const clip = (s: string) => (s.length <= 140 ? s : `${s.slice(0, 137)}...`);

export function coverageCard(options: {
  answer: CoverageAnswer;
  finding: CoverageFinding;
  orderReference: string;
  questionnaire?: string;
  packageUrl: string;
}): Card {
  const { answer, finding } = options;
  const what =
    finding.covered === 'not-covered'
      ? 'not covered'
      : finding.paNeeded === 'satisfied'
        ? `covered under authorization ${answer.activeAuthorization!.number}`
        : finding.paNeeded === 'auth-needed'
          ? 'covered; prior authorization needed'
          : 'covered; no prior authorization needed';
  const details = [answer.message];
  if (answer.estimatedPatientPay) details.push(`Estimated patient pay: $${answer.estimatedPatientPay}.`);
  if (finding.paNeeded === 'auth-needed' && options.questionnaire)
    details.push(
      `Complete the questionnaire ${options.questionnaire} (DTR: POST ${options.packageUrl}) and submit the request by PAS (Claim/$submit), ePA, the prescriber portal or fax.`,
    );
  return {
    uuid: randomUUID(),
    summary: clip(`${answer.drug.name}: ${what} (${answer.planName})`),
    detail: details.join('\n\n'),
    indicator: finding.covered === 'not-covered' || finding.paNeeded === 'auth-needed' ? 'warning' : 'info',
    source: { label: SOURCE_LABEL, topic: topic('coverage-info', 'Coverage Information') },
    extension: { 'davinci-crd.associated-resource': [{ reference: options.orderReference }] },
  };
}

/** Covered alternatives as suggestions that replace the order (CRD "therapy-alternatives-opt"). */
export function alternativesCard(answer: CoverageAnswer, order: { reference: string; resource: unknown }): Card | null {
  const alts = answer.alternatives.filter((a) => !a.priorAuthorizationRequired).slice(0, 3);
  if (!alts.length) return null;
  const resource = order.resource as Record<string, unknown>;
  return {
    uuid: randomUUID(),
    summary: clip(`Covered alternatives to ${answer.drug.name} without prior authorization`),
    detail: alts.map((a) => `${a.name}: ${a.tier} tier, estimated $${a.estimatedPatientPay ?? '—'}`).join('\n'),
    indicator: 'info',
    source: { label: SOURCE_LABEL, topic: topic('therapy-alternatives-opt', 'Optional Therapy Alternatives') },
    selectionBehavior: 'at-most-one',
    suggestions: alts.map((a) => ({
      label: `Order ${a.name} instead`,
      uuid: randomUUID(),
      actions: [
        { type: 'delete', description: `Remove the ${answer.drug.name} order`, resourceId: order.reference },
        {
          type: 'create',
          description: `Order ${a.name}`,
          resource: {
            ...resource,
            id: undefined,
            medicationCodeableConcept: {
              coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: a.rxcui, display: a.name }],
              text: a.name,
            },
            medicationReference: undefined,
          },
        },
      ],
    })),
    extension: { 'davinci-crd.associated-resource': [{ reference: order.reference }] },
  };
}

export function infoCard(
  summary: string,
  detail: string,
  indicator: Card['indicator'] = 'info',
  code = 'coverage-info',
): Card {
  return {
    uuid: randomUUID(),
    summary: clip(summary),
    detail,
    indicator,
    source: { label: SOURCE_LABEL, topic: topic(code, code === 'insurance' ? 'Insurance' : 'Coverage Information') },
  };
}
