import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, KeyValues, Page, StatusBadge } from '../../ui/components';
import { formatDate, formatMoney } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { useMe } from '../../app/session';
import type { ClaimSummary, Patient, RequestSummary } from '../../api/types';
import { RequestException } from './request-exception';
import { RejectExplanation } from './reject-explanation';
import { approvalFor, ApprovedSinceNotice } from '../../ui/approved-since';
import { DrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    title: 'My claims',
    intro: 'Every prescription a pharmacy billed to your plan, newest first.',
    empty: 'No pharmacy has billed your plan yet.',
    caption: 'My pharmacy claims',
    date: 'Date filled',
    amount: 'Amount',
    pharmacy: 'Pharmacy',
    paid: 'Paid',
    rejected: 'Not paid',
    reversed: 'Reversed (cancelled by the pharmacy)',
    iPaid: 'What I paid',
    qty: '{qty} for {days} days',
    rxLabel: 'Prescription number',
    unknownPharmacy: 'A pharmacy',
    authLabel: 'Authorization number',
    unknownDrug: 'Drug code {ndc}',
  },
  es: {
    title: 'Mis reclamaciones',
    intro: 'Cada receta que una farmacia facturó a su plan, de la más reciente a la más antigua.',
    empty: 'Ninguna farmacia ha facturado a su plan todavía.',
    caption: 'Mis reclamaciones de farmacia',
    date: 'Fecha de surtido',
    amount: 'Cantidad',
    pharmacy: 'Farmacia',
    paid: 'Pagado',
    rejected: 'No pagado',
    reversed: 'Anulado (cancelado por la farmacia)',
    iPaid: 'Lo que pagué',
    qty: '{qty} para {days} días',
    rxLabel: 'Número de receta',
    unknownPharmacy: 'Una farmacia',
    authLabel: 'Número de autorización',
    unknownDrug: 'Código de medicamento {ndc}',
  },
};

/** GET /claims?memberId=…: date, drug, pharmacy, paid or not, what the member paid, and why any claim was not paid. */
export function ClaimsPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const me = useMe();
  const claims = useApi<{ items: ClaimSummary[] }>('/claims', { memberId: me.memberId });
  // A claim rejected before an approval (on appeal, deemed, or the plan's own) is advised from the approval.
  const cases = useApi<{ items: RequestSummary[] }>('/pa-requests');
  // Who may ask the plan for an exception depends on the line of business (request-exception.tsx).
  const member = useApi<Patient>(me.memberId ? `/members/${encodeURIComponent(me.memberId)}` : null);
  const lineOfBusiness = member.data?.plan?.lineOfBusiness ?? null;
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Async state={claims} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <ul className="claim-list" aria-label={t.caption}>
            {d.items.map((c) => {
              const paid = c.transactionStatus === 'P' && !c.reversed;
              const rejected = c.transactionStatus === 'R';
              return (
                <li key={c.claimId} className="card">
                  <h2 className="claim-title">
                    <span>
                      {c.drugName ? <DrugName name={c.drugName} /> : fill(t.unknownDrug, { ndc: c.productId })}
                    </span>{' '}
                    <StatusBadge
                      status={rejected ? 'rejected' : c.reversed ? 'cancelled' : 'paid'}
                      label={rejected ? t.rejected : c.reversed ? t.reversed : t.paid}
                    />
                  </h2>
                  <KeyValues
                    rows={[
                      [t.date, formatDate(c.dateOfService, lang)],
                      [t.amount, fill(t.qty, { qty: c.quantity, days: c.daysSupply })],
                      [
                        t.pharmacy,
                        // Members know a pharmacy by its name, address and phone, not its NPI.
                        <span key="ph" className="pharmacy">
                          <strong>{c.pharmacy?.name ?? t.unknownPharmacy}</strong>
                          {c.pharmacy?.address ? <span className="muted"> · {c.pharmacy.address}</span> : null}
                          {c.pharmacy?.phone ? (
                            <>
                              {' · '}
                              <a href={`tel:${c.pharmacy.phone.replace(/[^\d+]/g, '')}`}>{c.pharmacy.phone}</a>
                            </>
                          ) : null}
                        </span>,
                      ],
                      [t.rxLabel, c.prescriptionNumber],
                      [t.iPaid, paid ? formatMoney(c.patientPay ?? '0', lang) : '—'],
                      ...(paid && c.authorizationNumber
                        ? ([[t.authLabel, c.authorizationNumber]] as [string, string][])
                        : []),
                    ]}
                  />
                  {rejected && approvalFor(c, cases.data?.items) ? (
                    <ApprovedSinceNotice standing={approvalFor(c, cases.data?.items)!} audience="member" />
                  ) : null}
                  {rejected
                    ? c.rejects.map((r) => (
                        <RejectExplanation key={r.code} reject={r} nextSteps={c.nextSteps} message={c.message} />
                      ))
                    : null}
                  {rejected && lineOfBusiness && !approvalFor(c, cases.data?.items) ? (
                    <RequestException claim={c} lineOfBusiness={lineOfBusiness} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Async>
    </Page>
  );
}
