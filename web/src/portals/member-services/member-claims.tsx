import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatMoney } from '../../ui/format';
import type { ApiState } from '../../ui/use-api';
import { ClaimExplanation } from './claim-explanation';
import type { CaseStandingView, ClaimSummary, Items, RequestSummary } from '../../api/types';
import { approvalFor, ApprovedSinceNotice } from '../../ui/approved-since';
import { DrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    title: 'Pharmacy claims',
    none: 'No pharmacy claims on file for this member.',
    paid: 'Paid',
    rejected: 'Not paid',
    duplicate: 'Duplicate',
    reversed: 'Reversed',
    filled: 'Filled {date}',
    rx: 'Rx {rx}, fill {fill}, {qty} for {days} days, pharmacy NPI {npi}',
    pay: 'Member paid {pay}; plan paid {plan}',
    auth: 'Authorization {n}',
  },
  es: {
    title: 'Reclamaciones de farmacia',
    none: 'No hay reclamaciones de farmacia para este afiliado.',
    paid: 'Pagada',
    rejected: 'No pagada',
    duplicate: 'Duplicada',
    reversed: 'Revertida',
    filled: 'Surtida el {date}',
    rx: 'Receta {rx}, surtido {fill}, {qty} para {days} días, farmacia NPI {npi}',
    pay: 'El afiliado pagó {pay}; el plan pagó {plan}',
    auth: 'Autorización {n}',
  },
};

export function MemberClaims({
  state,
  cases,
}: {
  state: ApiState<Items<ClaimSummary>>;
  /** The member's cases: a claim rejected before an approval is advised from it. */
  cases?: RequestSummary[];
}) {
  const t = useText(TEXT);
  return (
    <Section title={t.title} id="claims">
      <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <div>
            {d.items.map((c) => (
              <ClaimItem key={c.claimId} claim={c} approval={approvalFor(c, cases)} />
            ))}
          </div>
        )}
      </Async>
    </Section>
  );
}

function ClaimItem({ claim: c, approval }: { claim: ClaimSummary; approval?: CaseStandingView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const status = c.reversed
    ? { key: 'cancelled', label: t.reversed }
    : c.transactionStatus === 'P'
      ? { key: 'P', label: t.paid }
      : c.transactionStatus === 'R'
        ? { key: 'R', label: t.rejected }
        : { key: 'neutral', label: t.duplicate };
  return (
    <article style={{ borderTop: '1px solid var(--line)', paddingTop: '0.5rem' }}>
      <h3>
        {c.drugName ? <DrugName name={c.drugName} secondary={false} /> : c.productId}{' '}
        <StatusBadge status={status.key} label={status.label} />
      </h3>
      <p className="muted">
        {fill(t.filled, { date: formatDate(c.dateOfService, lang) })} ·{' '}
        {fill(t.rx, {
          rx: c.prescriptionNumber,
          fill: c.fillNumber,
          qty: c.quantity,
          days: c.daysSupply,
          npi: c.pharmacyNpi,
        })}
      </p>
      {c.transactionStatus === 'R' && approval ? <ApprovedSinceNotice standing={approval} audience="staff" /> : null}
      {c.transactionStatus === 'R' ? (
        <ClaimExplanation claim={c} />
      ) : (
        <p>
          {fill(t.pay, { pay: formatMoney(c.patientPay, lang), plan: formatMoney(c.planPay, lang) })}
          {c.authorizationNumber ? ` · ${fill(t.auth, { n: c.authorizationNumber })}` : ''}
        </p>
      )}
    </article>
  );
}
