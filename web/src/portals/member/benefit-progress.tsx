import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Section } from '../../ui/components';
import { formatDate, formatMoney } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { ApiAnswer } from '../../api/api-shapes';
import { toCents } from '../../../../src/shared/money';

type Accumulators = ApiAnswer<'/api/v1/members/{id}/accumulators', 'get'>;
type Standing = Accumulators['items'][number];

const TEXT = {
  en: {
    title: 'My spending this plan year',
    year: 'Plan year {from} to {to}',
    deductible: 'Deductible',
    outOfPocket: 'Out-of-pocket maximum',
    progress: '{spent} of {limit} — {left} left',
    met: '{limit} met: you have reached it.',
    noDeductible: 'Your plan has no deductible for drugs.',
    noMax: 'Your plan has no out-of-pocket maximum for drugs. You have paid {spent} this plan year.',
    deductibleHint: 'You pay the full cost of drugs the deductible applies to until it is met.',
    maxHint: 'After you reach it, you pay nothing more for covered drugs this plan year.',
  },
  es: {
    title: 'Mis gastos en este año del plan',
    year: 'Año del plan del {from} al {to}',
    deductible: 'Deducible',
    outOfPocket: 'Máximo de gastos de bolsillo',
    progress: '{spent} de {limit} — quedan {left}',
    met: '{limit} alcanzado.',
    noDeductible: 'Su plan no tiene deducible para medicamentos.',
    noMax:
      'Su plan no tiene un máximo de gastos de bolsillo para medicamentos. Ha pagado {spent} en este año del plan.',
    deductibleHint: 'Usted paga el costo total de los medicamentos a los que se aplica el deducible hasta alcanzarlo.',
    maxHint: 'Después de alcanzarlo, no paga nada más por medicamentos cubiertos en este año del plan.',
  },
};

/** Deductible and out-of-pocket progress (GET /members/{id}/accumulators), for the plan that pays. */
export function BenefitProgress({ memberId }: { memberId: string }) {
  const t = useText(TEXT);
  const state = useApi<Accumulators>(`/members/${encodeURIComponent(memberId)}/accumulators`);
  return (
    <Section title={t.title}>
      <Async state={state}>{(a) => (a.items[0] ? <StandingView s={a.items[0]} /> : null)}</Async>
    </Section>
  );
}

function StandingView({ s }: { s: Standing }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const money = (v: string | null) => formatMoney(v, lang);
  return (
    <>
      <p className="muted">
        {fill(t.year, { from: formatDate(s.planYearStart, lang), to: formatDate(s.planYearEnd, lang) })}
      </p>
      {s.deductible !== null ? (
        <Meter
          label={t.deductible}
          hint={t.deductibleHint}
          spent={s.deductibleMet}
          limit={s.deductible}
          left={s.deductibleRemaining}
        />
      ) : (
        <p>{t.noDeductible}</p>
      )}
      {s.outOfPocketMax !== null ? (
        <Meter
          label={t.outOfPocket}
          hint={t.maxHint}
          spent={s.outOfPocketSpent}
          limit={s.outOfPocketMax}
          left={s.outOfPocketRemaining}
        />
      ) : (
        <p>{fill(t.noMax, { spent: money(s.outOfPocketSpent) })}</p>
      )}
    </>
  );
}

function Meter(p: { label: string; hint: string; spent: string; limit: string; left: string | null }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const money = (v: string | null) => formatMoney(v, lang);
  const limitCents = toCents(p.limit);
  const spentCents = Math.min(toCents(p.spent), limitCents);
  const words =
    p.left !== null && toCents(p.left) === 0
      ? fill(t.met, { limit: money(p.limit) })
      : fill(t.progress, { spent: money(p.spent), limit: money(p.limit), left: money(p.left) });
  return (
    <div className="benefit-meter">
      <p>
        <strong>{p.label}</strong>: {words}
      </p>
      <progress max={limitCents} value={spentCents} aria-label={`${p.label}: ${words}`} />
      <p className="hint">{p.hint}</p>
    </div>
  );
}
