import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, StatusBadge } from '../../ui/components';
import { DrugName } from '../../ui/drug-name-view';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { CaseClaimHistory, ClaimSummary } from '../../api/types';

/**
 * The case member's pharmacy claims of the last year (GET /pa-requests/{id}/claim-history, a
 * clinician's audited PHI read): the fills the criteria's facts were computed from, and what else
 * the member takes. A list, not a table, so it reads on a phone too.
 */
const TEXT = {
  en: {
    period: 'Claims with dates of service from {from} to {to}, newest first.',
    none: 'No pharmacy claims for this member in the last year.',
    paid: 'Paid',
    rejected: 'Not paid',
    reversed: 'Reversed',
    duplicate: 'Duplicate',
    fill: '{date} · {qty} for {days} days · {pharmacy}',
    rejects: 'Reject: {codes}',
  },
  es: {
    period: 'Reclamaciones con fecha de servicio del {from} al {to}, las más recientes primero.',
    none: 'No hay reclamaciones de farmacia de este afiliado en el último año.',
    paid: 'Pagada',
    rejected: 'No pagada',
    reversed: 'Revertida',
    duplicate: 'Duplicada',
    fill: '{date} · {qty} para {days} días · {pharmacy}',
    rejects: 'Rechazo: {codes}',
  },
};

export function ClaimHistory({ caseId }: { caseId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const state = useApi<CaseClaimHistory>(`/pa-requests/${encodeURIComponent(caseId)}/claim-history`);
  return (
    <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
      {(d) => (
        <>
          <p className="muted">{fill(t.period, { from: formatDate(d.from, lang), to: formatDate(d.to, lang) })}</p>
          <ul className="timeline claim-history">
            {d.items.map((c) => (
              <ClaimLine key={c.claimId} claim={c} />
            ))}
          </ul>
        </>
      )}
    </Async>
  );
}

function ClaimLine({ claim: c }: { claim: ClaimSummary }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [key, label] = c.reversed
    ? ['cancelled', t.reversed]
    : c.transactionStatus === 'P'
      ? ['P', t.paid]
      : c.transactionStatus === 'R'
        ? ['R', t.rejected]
        : ['neutral', t.duplicate];
  return (
    <li data-claim-id={c.claimId}>
      <strong>{c.drugName ? <DrugName name={c.drugName} secondary={false} /> : c.productId}</strong>{' '}
      <StatusBadge status={key} label={label} />
      <div className="muted">
        {fill(t.fill, {
          date: formatDate(c.dateOfService, lang),
          qty: c.quantity,
          days: c.daysSupply,
          pharmacy: c.pharmacy?.name ?? c.pharmacyNpi,
        })}
      </div>
      {c.transactionStatus === 'R' && c.rejects.length ? (
        <div className="muted">
          {fill(t.rejects, { codes: c.rejects.map((r) => `${r.code} ${r.description}`).join('; ') })}
        </div>
      ) : null}
    </li>
  );
}
