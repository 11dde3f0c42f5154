import { useState } from 'react';
import { fill, useLang, useText, type Lang } from '../../i18n/i18n';
import { tierLabel } from '../../ui/plain-words';
import { KeyValues, Notice, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import { LongId } from '../../ui/long-id';
import { NotifyPrescriber, type PaContext } from './notify-prescriber';
import { howToRequestLabel, rejectHelp } from './reject-help';
import { ReverseClaim } from './reverse-claim';
import type { ClaimResponse, ClaimSummary, NextSteps, Processor, Reject } from '../../api/types';
import { DrugName } from '../../ui/drug-name-view';
import { serverWords } from '../../ui/problem-words';
import { TableBox } from '../../ui/table-box';

/** One claim's answer, whether it just came back from B1 or was read from the history. */
export interface ClaimAnswerView {
  claimId: string;
  status: string;
  reversed: boolean;
  reversedAt?: string | null;
  rejects: Reject[];
  message: string;
  authorizationNumber?: string | null;
  patientPay?: string | null;
  planPay?: string | null;
  ingredientCost?: string;
  dispensingFee?: string;
  basis?: string;
  nextSteps?: NextSteps;
  drugName?: string | null;
  emergencySupply?: boolean;
}

export const fromResponse = (r: ClaimResponse): ClaimAnswerView => ({
  claimId: r.claimId,
  status: r.transactionStatus,
  reversed: false,
  rejects: r.rejects,
  message: r.message,
  authorizationNumber: r.authorizationNumber,
  patientPay: r.pricing?.patientPay,
  planPay: r.pricing?.planPay,
  ingredientCost: r.pricing?.ingredientCost,
  dispensingFee: r.pricing?.dispensingFee,
  basis: r.pricing?.basis,
  nextSteps: r.nextSteps,
  drugName: r.drug?.name,
  emergencySupply: r.emergencySupply,
});

export const fromSummary = (s: ClaimSummary): ClaimAnswerView => ({
  claimId: s.claimId,
  status: s.transactionStatus,
  reversed: s.reversed,
  reversedAt: s.reversedAt,
  rejects: s.rejects,
  message: s.message,
  authorizationNumber: s.authorizationNumber,
  patientPay: s.patientPay,
  planPay: s.planPay,
  nextSteps: s.nextSteps,
  drugName: s.drugName,
});

const TEXT = {
  en: {
    paid: 'Paid',
    rejected: 'Rejected',
    duplicate: 'Duplicate',
    reversed: 'Reversed',
    claim: 'Claim',
    drug: 'Drug',
    planPays: 'Plan pays',
    patientPays: 'Patient pays',
    ingredient: 'Ingredient cost',
    fee: 'Dispensing fee',
    basis: 'Priced by',
    auth: 'Authorization used',
    emergency: 'Emergency supply',
    duplicateNote:
      'This prescription number, fill and date of service was already paid. Nothing more is paid; this is the original answer.',
    reversedNote: 'This claim was reversed on {date}. Nothing is paid for it.',
    reasons: 'Why it was rejected',
    nextSteps: 'What to do next',
    pa: 'Prior authorization',
    paBy: '{name} handles prior authorization for this plan.',
    paHow: 'The prescriber can request it by: {ways}.',
    paFax: 'PA fax',
    paPhone: 'PA phone',
    criteria: 'Criteria',
    other: 'Bill the other processor',
    processor: 'Processor',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Group',
    phone: 'Help desk',
    useCard: 'Put these card details in the claim',
    alternatives: 'Covered alternatives',
    altName: 'Drug',
    tier: 'Tier',
    estPay: 'Estimated patient pay',
    altPa: 'PA needed',
    yes: 'Yes',
    no: 'No',
    refill: 'Refill too soon',
    refillOn: 'It can be filled on {date}.',
    step: 'Step therapy',
    stepText: 'Needs {drugs} within the past {days} days first.',
    ql: 'Quantity limit',
    qlText: '{units} units per {days} days — at most {max} for this days supply.',
    statusLabel: 'Claim status',
  },
  es: {
    paid: 'Pagada',
    rejected: 'Rechazada',
    duplicate: 'Duplicada',
    reversed: 'Revertida',
    claim: 'Reclamación',
    drug: 'Medicamento',
    planPays: 'Paga el plan',
    patientPays: 'Paga el paciente',
    ingredient: 'Costo del ingrediente',
    fee: 'Cargo por despacho',
    basis: 'Precio según',
    auth: 'Autorización usada',
    emergency: 'Suministro de emergencia',
    duplicateNote:
      'Esta receta, surtido y fecha de servicio ya se pagó. No se paga nada más; esta es la respuesta original.',
    reversedNote: 'Esta reclamación se revirtió el {date}. No se paga nada por ella.',
    reasons: 'Motivo del rechazo',
    nextSteps: 'Qué hacer ahora',
    pa: 'Autorización previa',
    paBy: '{name} gestiona la autorización previa de este plan.',
    paHow: 'El médico puede pedirla por: {ways}.',
    paFax: 'Fax de autorización previa',
    paPhone: 'Teléfono de autorización previa',
    criteria: 'Criterios',
    other: 'Facturar al otro procesador',
    processor: 'Procesador',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Grupo',
    phone: 'Mesa de ayuda',
    useCard: 'Poner estos datos en la reclamación',
    alternatives: 'Alternativas cubiertas',
    altName: 'Medicamento',
    tier: 'Nivel',
    estPay: 'Pago estimado del paciente',
    altPa: 'Requiere autorización previa',
    yes: 'Sí',
    no: 'No',
    refill: 'Resurtido muy pronto',
    refillOn: 'Se puede surtir el {date}.',
    step: 'Terapia escalonada',
    stepText: 'Primero necesita {drugs} en los últimos {days} días.',
    ql: 'Límite de cantidad',
    qlText: '{units} unidades cada {days} días — máximo {max} para estos días de suministro.',
    statusLabel: 'Estado',
  },
};

type T = (typeof TEXT)['en'];

const BASIS: Record<string, { en: string; es: string }> = {
  'catalog-unit-price': { en: 'Catalog unit price (NADAC)', es: 'Precio unitario del catálogo (NADAC)' },
  'submitted-ingredient-cost': { en: 'Submitted ingredient cost', es: 'Costo del ingrediente enviado' },
  'usual-and-customary': { en: 'Usual and customary charge (lower)', es: 'Precio habitual (menor)' },
};
const basisLabel = (basis: string, lang: Lang) => BASIS[basis]?.[lang] ?? basis.replace(/-/g, ' ');
const block = { marginBottom: '1rem' } as const;

function statusText(a: ClaimAnswerView, t: T) {
  if (a.reversed) return t.reversed;
  return a.status === 'P' ? t.paid : a.status === 'D' ? t.duplicate : a.status === 'R' ? t.rejected : a.status;
}

/** The adjudication answer in words: amounts when paid, each reject with what to do next when not. */
export function ClaimAnswer({
  answer,
  paContext,
  onUseProcessor,
}: {
  answer: ClaimAnswerView;
  paContext?: PaContext | null;
  onUseProcessor?: (p: Processor) => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [reversed, setReversed] = useState(answer.reversed);
  const paid = answer.status === 'P' || answer.status === 'D';
  // A reject that an exception lifts names its kind (nextSteps.exception): the notice opens that question set.
  const exceptionKind = answer.nextSteps?.exception?.kind ?? null;
  const needsPa = answer.rejects.some((r) => r.code === '75') || exceptionKind !== null;
  return (
    <div className="claim-answer">
      <p>
        <span className="muted">{t.statusLabel}: </span>
        <StatusBadge
          status={reversed ? 'cancelled' : answer.status}
          label={statusText({ ...answer, reversed }, t)}
        />{' '}
        <span className="muted">
          <LongId>{`${t.claim} ${answer.claimId}`}</LongId>
        </span>
      </p>
      {answer.status === 'D' ? <Notice tone="warning">{t.duplicateNote}</Notice> : null}
      {answer.reversed && answer.reversedAt ? (
        <Notice tone="warning">{fill(t.reversedNote, { date: formatDateTime(answer.reversedAt, lang) })}</Notice>
      ) : null}
      {/* The processor's message is English: quoted on English screens; the status and reasons above say it. */}
      {serverWords(answer.message, lang) ? <p>{answer.message}</p> : null}
      {paid ? (
        <KeyValues
          rows={[
            [t.planPays, formatMoney(answer.planPay, lang)],
            [t.patientPays, formatMoney(answer.patientPay, lang)],
            ...(answer.ingredientCost
              ? ([[t.ingredient, formatMoney(answer.ingredientCost, lang)]] as [string, string][])
              : []),
            ...(answer.dispensingFee ? ([[t.fee, formatMoney(answer.dispensingFee, lang)]] as [string, string][]) : []),
            ...(answer.basis ? ([[t.basis, basisLabel(answer.basis, lang)]] as [string, string][]) : []),
            [t.drug, answer.drugName ? <DrugName name={answer.drugName} /> : '—'],
            ...(answer.authorizationNumber ? ([[t.auth, answer.authorizationNumber]] as [string, string][]) : []),
            ...(answer.emergencySupply ? ([[t.emergency, t.yes]] as [string, string][]) : []),
          ]}
        />
      ) : null}
      {answer.rejects.length > 0 ? (
        <>
          <h3>{t.reasons}</h3>
          <ul className="rejects">
            {answer.rejects.map((r) => (
              <li key={r.code}>
                <strong>
                  {r.code} — {r.description}
                </strong>
                {rejectHelp(r.code, lang) ? <div>{rejectHelp(r.code, lang)}</div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {answer.nextSteps && answer.status === 'R' ? (
        <NextStepsView steps={answer.nextSteps} t={t} lang={lang} onUseProcessor={onUseProcessor} />
      ) : null}
      {needsPa && paContext ? <NotifyPrescriber context={{ ...paContext, kind: exceptionKind }} /> : null}
      {/* Stays mounted after a reversal so its answer stays on screen. */}
      {paid && !answer.reversed ? (
        <ReverseClaim claimId={answer.claimId} onReversed={(r) => r.transactionStatus === 'A' && setReversed(true)} />
      ) : null}
    </div>
  );
}

function NextStepsView({
  steps,
  t,
  lang,
  onUseProcessor,
}: {
  steps: NextSteps;
  t: T;
  lang: Lang;
  onUseProcessor?: (p: Processor) => void;
}) {
  const pa = steps.priorAuthorization;
  const other = steps.otherProcessor;
  return (
    <>
      <h3>{t.nextSteps}</h3>
      {pa ? (
        <div style={block}>
          <h4>{t.pa}</h4>
          <p>
            {fill(t.paBy, { name: pa.processorName })}{' '}
            {fill(t.paHow, { ways: pa.howToRequest.map((w) => howToRequestLabel(w, lang)).join(', ') })}
          </p>
          <KeyValues
            rows={[
              [t.paFax, pa.fax ?? '—'],
              [t.paPhone, pa.phone ?? '—'],
              ...(pa.criteriaId ? ([[t.criteria, pa.criteriaId]] as [string, string][]) : []),
            ]}
          />
        </div>
      ) : null}
      {other ? (
        <div style={block}>
          <h4>{t.other}</h4>
          <KeyValues
            rows={[
              [t.processor, other.name],
              [t.bin, other.bin],
              [t.pcn, other.pcn ?? '—'],
              [t.group, other.groupId ?? '—'],
              [t.phone, other.phone ?? '—'],
            ]}
          />
          {onUseProcessor ? (
            <p>
              <button type="button" onClick={() => onUseProcessor(other)}>
                {t.useCard}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      {steps.refillAllowedOn ? (
        <div style={block}>
          <h4>{t.refill}</h4>
          <p>{fill(t.refillOn, { date: formatDate(steps.refillAllowedOn, lang) })}</p>
        </div>
      ) : null}
      {steps.stepTherapy ? (
        <div style={block}>
          <h4>{t.step}</h4>
          <p>{fill(t.stepText, { drugs: steps.stepTherapy.prerequisites, days: steps.stepTherapy.lookbackDays })}</p>
        </div>
      ) : null}
      {steps.quantityLimit ? (
        <div style={block}>
          <h4>{t.ql}</h4>
          <p>
            {fill(t.qlText, {
              units: steps.quantityLimit.units,
              days: steps.quantityLimit.days,
              max: steps.quantityLimit.maxForDaysSupply,
            })}
          </p>
        </div>
      ) : null}
      {steps.alternatives && steps.alternatives.length > 0 ? (
        <TableBox label={t.alternatives} style={block}>
          <table>
            <caption>{t.alternatives}</caption>
            <thead>
              <tr>
                <th scope="col">{t.altName}</th>
                <th scope="col">{t.tier}</th>
                <th scope="col">{t.estPay}</th>
                <th scope="col">{t.altPa}</th>
              </tr>
            </thead>
            <tbody>
              {steps.alternatives.map((a) => (
                <tr key={a.rxcui}>
                  <td>
                    <DrugName name={a.name} />
                  </td>
                  <td>{tierLabel(a.tier, lang)}</td>
                  <td>{formatMoney(a.estimatedPatientPay, lang)}</td>
                  <td>{a.priorAuthorizationRequired ? t.yes : t.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      ) : null}
    </>
  );
}
