import { useState, type FormEvent } from 'react';
import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, Field, Notice, Page, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { ReverseClaim } from './reverse-claim';
import type { ClaimSummary, ReversalResponse } from '../../api/types';
import { DrugName } from '../../ui/drug-name-view';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'My claims',
    member: 'Member ID',
    filter: 'Show',
    all: 'Show all',
    empty: 'No claims yet from this pharmacy.',
    caption: 'Claims sent by this pharmacy, newest first',
    received: 'Received',
    rxShort: 'Rx',
    drug: 'Drug',
    qtyShort: '{q} for {d} days',
    amounts: 'Amounts',
    status: 'Status',
    patientPays: 'Patient pays',
    planPays: 'Plan pays',
    actions: 'Actions',
    paid: 'Paid',
    rejected: 'Rejected',
    duplicate: 'Duplicate',
    reversed: 'Reversed',
    open: 'Open claim {id}',
    newClaim: 'Submit a claim',
    dos: 'Service date',
    reversedNotice: 'Claim {id}: {message}',
  },
  es: {
    title: 'Mis reclamaciones',
    member: 'Número de afiliado',
    filter: 'Mostrar',
    all: 'Mostrar todas',
    empty: 'Esta farmacia aún no tiene reclamaciones.',
    caption: 'Reclamaciones de esta farmacia, la más reciente primero',
    received: 'Recibida',
    rxShort: 'Receta',
    drug: 'Medicamento',
    qtyShort: '{q} para {d} días',
    amounts: 'Importes',
    status: 'Estado',
    patientPays: 'Paga el paciente',
    planPays: 'Paga el plan',
    actions: 'Acciones',
    paid: 'Pagada',
    rejected: 'Rechazada',
    duplicate: 'Duplicada',
    reversed: 'Revertida',
    open: 'Abrir reclamación {id}',
    newClaim: 'Enviar una reclamación',
    dos: 'Fecha de servicio',
    reversedNotice: 'Reclamación {id}: {message}',
  },
};

/** The pharmacy's own claim history (GET /claims: a pharmacy sees only its own), with reversal of paid claims. */
export function ClaimsListPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [memberInput, setMemberInput] = useState('');
  const [memberId, setMemberId] = useState('');
  const [reversal, setReversal] = useState<ReversalResponse | null>(null);
  const claims = useApi<{ items: ClaimSummary[] }>('/claims', { memberId: memberId || undefined, limit: 200 });

  const filter = (e: FormEvent) => {
    e.preventDefault();
    setMemberId(memberInput.trim());
  };
  const label = (c: ClaimSummary) =>
    c.reversed
      ? t.reversed
      : c.transactionStatus === 'P'
        ? t.paid
        : c.transactionStatus === 'R'
          ? t.rejected
          : c.transactionStatus === 'D'
            ? t.duplicate
            : c.transactionStatus;

  return (
    <Page title={t.title} actions={<Link to="/pharmacy">{t.newClaim}</Link>}>
      <form onSubmit={filter} className="row" aria-label={t.filter}>
        <Field label={t.member}>
          {(p) => (
            <input
              {...p}
              value={memberInput}
              onChange={(e) => setMemberInput(e.target.value)}
              maxLength={20}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="field">
          <button type="submit">{t.filter}</button>
        </div>
        {memberId ? (
          <div className="field">
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setMemberInput('');
                setMemberId('');
              }}
            >
              {t.all}
            </button>
          </div>
        ) : null}
      </form>
      {reversal ? (
        <Notice tone={reversal.transactionStatus === 'A' ? 'success' : 'warning'}>
          {t.reversedNotice.replace('{id}', reversal.claimId).replace('{message}', reversal.message)}
        </Notice>
      ) : null}
      <Async state={claims} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.caption} className="card">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.received}</th>
                  <th scope="col">{t.member}</th>
                  <th scope="col">{t.drug}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.amounts}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr key={c.claimId}>
                    <td>
                      {/* The name starts with the words shown (WCAG 2.5.3), then says which claim. */}
                      <Link to={`/pharmacy/claims/${encodeURIComponent(c.claimId)}`}>
                        {formatDateTime(c.receivedAt, lang)}
                        <span className="visually-hidden"> — {t.open.replace('{id}', c.claimId)}</span>
                      </Link>
                      <div className="muted">
                        {t.rxShort} {c.prescriptionNumber} / {c.fillNumber} · {t.dos}{' '}
                        {formatDate(c.dateOfService, lang)}
                      </div>
                    </td>
                    <td>{c.memberId ?? '—'}</td>
                    <td>
                      {c.drugName ? <DrugName name={c.drugName} secondary={false} /> : '—'}
                      <div className="muted">
                        {c.productId} ·{' '}
                        {t.qtyShort.replace('{q}', String(c.quantity)).replace('{d}', String(c.daysSupply))}
                      </div>
                    </td>
                    <td>
                      <StatusBadge status={c.reversed ? 'cancelled' : c.transactionStatus} label={label(c)} />
                      {c.rejects.length ? (
                        <div className="muted">{c.rejects.map((r) => `${r.code} ${r.description}`).join('; ')}</div>
                      ) : null}
                    </td>
                    <td>
                      {c.planPay !== null || c.patientPay !== null ? (
                        <>
                          <div>
                            {t.planPays}: {formatMoney(c.planPay, lang)}
                          </div>
                          <div>
                            {t.patientPays}: {formatMoney(c.patientPay, lang)}
                          </div>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {c.transactionStatus === 'P' && !c.reversed ? (
                        <ReverseClaim
                          claimId={c.claimId}
                          onReversed={(r) => {
                            setReversal(r);
                            claims.reload();
                          }}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Page>
  );
}
