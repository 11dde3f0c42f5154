import type { ReactNode } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { KeyValues, Notice, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { nameWithCredential } from '../../ui/plain-words';
import type { CaseStandingView, Determination } from '../../api/types';
import { decisionReasons } from '../../ui/decision-reasons';

const TEXT = {
  en: {
    title: 'Decision',
    decision: 'Decision',
    decidedAt: 'Decided',
    by: 'Decided by',
    auth: 'Authorization number',
    period: 'Approved from – to',
    quantity: 'Approved amount',
    quantityValue: '{units} every {days} days',
    reasons: 'Reasons',
    approvedHelp: 'Your pharmacy can fill this drug now; the approval is on file with the plan.',
    deniedHelp:
      'The plan did not approve this drug. You or your prescriber can appeal below. You can also ask your prescriber about a covered alternative.',
    partialHelp: 'The plan approved part of the request. You can appeal the part that was not approved below.',
    closedHelp:
      'The request was closed because the information the plan asked for did not arrive in time. Your prescriber can send a new request, or you can appeal below.',
  },
  es: {
    title: 'Decisión',
    decision: 'Decisión',
    decidedAt: 'Decidida',
    by: 'Decidida por',
    auth: 'Número de autorización',
    period: 'Aprobado desde – hasta',
    quantity: 'Cantidad aprobada',
    quantityValue: '{units} cada {days} días',
    reasons: 'Motivos',
    approvedHelp: 'Su farmacia ya puede surtir este medicamento; la aprobación está registrada en el plan.',
    deniedHelp:
      'El plan no aprobó este medicamento. Usted o su médico pueden apelar abajo. También puede preguntar a su médico por una alternativa cubierta.',
    partialHelp: 'El plan aprobó una parte de la solicitud. Puede apelar abajo la parte que no se aprobó.',
    closedHelp:
      'La solicitud se cerró porque la información que pidió el plan no llegó a tiempo. Su médico puede enviar una nueva solicitud o usted puede apelar abajo.',
  },
};

/** The case's determination: decision, reasons, authorization number and period. */
export function PaDecision({ d, standing }: { d: Determination; standing?: CaseStandingView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  // After an appeal was won the banner above says so; this decision's own advice ("appeal below") no longer holds.
  const wonOnAppeal = standing?.status.endsWith('on-appeal') ?? false;
  const help = wonOnAppeal
    ? null
    : d.decision === 'approved' || d.decision === 'deemed-approved'
      ? t.approvedHelp
      : d.decision === 'partially-approved'
        ? t.partialHelp
        : d.decision === 'denied'
          ? t.deniedHelp
          : d.decision === 'closed-no-response'
            ? t.closedHelp
            : null;
  const good = d.decision === 'approved' || d.decision === 'deemed-approved';
  const reasons = decisionReasons(d, lang);
  const rows: [string, ReactNode][] = [
    [t.decision, <StatusBadge status={d.decision} />],
    [t.decidedAt, formatDateTime(d.decidedAt, lang)],
  ];
  if (d.decidedBy?.name) rows.push([t.by, nameWithCredential(d.decidedBy.name, d.decidedBy.credential)]);
  if (d.authorizationNumber) rows.push([t.auth, d.authorizationNumber]);
  if (d.effectiveFrom)
    rows.push([t.period, `${formatDate(d.effectiveFrom, lang)} – ${formatDate(d.effectiveTo, lang)}`]);
  if (d.approvedQuantity != null && d.perDays != null)
    rows.push([t.quantity, fill(t.quantityValue, { units: d.approvedQuantity, days: d.perDays })]);
  return (
    <Section title={t.title}>
      {help ? <Notice tone={good ? 'success' : 'warning'}>{help}</Notice> : null}
      <KeyValues rows={rows} />
      {reasons.length ? (
        <>
          <h3>{t.reasons}</h3>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
