import type { ReactNode } from 'react';
import { withQuery } from '../../api/client';
import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { KeyValues, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import type { RequestView } from '../../api/types';
import { decisionReasons } from '../../ui/decision-reasons';
import { nameWithCredential } from '../../ui/plain-words';

const TEXT = {
  en: {
    title: 'Decision',
    decision: 'Decision',
    decidedAt: 'Decided',
    decidedBy: 'Decided by',
    reasons: 'Reasons',
    authorization: 'Authorization number',
    period: 'Authorized period',
    periodText: '{from} through {to}',
    quantity: 'Approved quantity',
    quantityText: '{units} per {days} days',
    note: 'Reviewer’s note',
    renew: 'Renew this authorization',
    renewOpens: 'Renewal opens {date}',
    renewHint: 'A renewal can be sent from {date} (authorization ends {end}).',
    renewOpen: 'The renewal window is open: authorization {number} ends {end}.',
  },
  es: {
    title: 'Decisión',
    decision: 'Decisión',
    decidedAt: 'Decidida',
    decidedBy: 'Decidida por',
    reasons: 'Motivos',
    authorization: 'Número de autorización',
    period: 'Periodo autorizado',
    periodText: 'del {from} al {to}',
    quantity: 'Cantidad aprobada',
    quantityText: '{units} cada {days} días',
    note: 'Nota del revisor',
    renew: 'Renovar esta autorización',
    renewOpens: 'La renovación abre el {date}',
    renewHint: 'Se puede enviar una renovación a partir del {date} (la autorización termina el {end}).',
    renewOpen: 'La renovación está abierta: la autorización {number} termina el {end}.',
  },
};

const fillIn = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/** The determination in words: decision, reasons, authorization number and period, and Renew. */
export function CaseDecision({ view }: { view: RequestView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const d = view.determination;
  if (!d) return null;
  // The display name may already carry the credential ("Dana Whitfield, MD").
  const by = d.decidedBy ? nameWithCredential(d.decidedBy.name, d.decidedBy.credential) : null;
  const rows: [string, ReactNode][] = [
    [t.decision, <StatusBadge status={d.decision} />],
    [t.decidedAt, formatDateTime(d.decidedAt, lang)],
  ];
  if (by) rows.push([t.decidedBy, by]);
  if (d.authorizationNumber)
    rows.push([t.authorization, <strong className="auth-number">{d.authorizationNumber}</strong>]);
  if (d.effectiveFrom && d.effectiveTo)
    rows.push([
      t.period,
      fillIn(t.periodText, { from: formatDate(d.effectiveFrom, lang), to: formatDate(d.effectiveTo, lang) }),
    ]);
  if (d.approvedQuantity && d.perDays)
    rows.push([t.quantity, fillIn(t.quantityText, { units: d.approvedQuantity, days: d.perDays })]);
  const r = view.renewal;
  const reasons = decisionReasons(d, lang);
  return (
    <Section title={t.title}>
      <KeyValues rows={rows} />
      {reasons.length ? (
        <>
          <h3>{t.reasons}</h3>
          <ul>
            {reasons.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
      {r ? (
        <div className="renewal">
          {r.open ? (
            <>
              <p>{fillIn(t.renewOpen, { number: r.authorizationNumber, end: formatDate(r.effectiveTo, lang) })}</p>
              <Link
                className="button-link"
                to={withQuery('/prescriber/new', {
                  memberId: view.memberId,
                  rxcui: view.drug.rxcui,
                  renewalOf: r.authorizationNumber,
                })}
              >
                {t.renew}
              </Link>
            </>
          ) : (
            <>
              <button type="button" disabled aria-describedby={`renew-hint-${view.id}`}>
                {fillIn(t.renewOpens, { date: formatDate(r.opensOn, lang) })}
              </button>
              <p className="hint muted" id={`renew-hint-${view.id}`}>
                {fillIn(t.renewHint, { date: formatDate(r.opensOn, lang), end: formatDate(r.effectiveTo, lang) })}
              </p>
            </>
          )}
        </div>
      ) : null}
    </Section>
  );
}
