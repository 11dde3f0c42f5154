import { useState } from 'react';
import { useMe } from '../../app/session';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Page } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { PlanSummary } from '../../api/types';
import type { TurnaroundReport } from './api-types';
import { ApprovalChart } from './approval-chart';
import { ClaimsReport } from './claims-report';
import { CasesAtRisk } from './cases-at-risk';
import { defaultRange } from './metric-format';
import { MetricTiles } from './metric-tiles';
import { ReportFilters, type ReportQuery } from './report-filters';
import { WeeklyTrendChart } from './weekly-trend-chart';

const TEXT = {
  en: {
    title: 'Turnaround dashboard',
    intro:
      'Prior authorization requests decided in the range, split by standard and expedited (the figures CMS asks plans to publish).',
    empty: 'No prior authorization was decided, appealed or open in this range. Choose other dates or another plan.',
    showing: 'Decided {from} to {to} · {plan} · as of {at}',
    allPlans: 'all plans',
  },
  es: {
    title: 'Panel de tiempos de respuesta',
    intro:
      'Solicitudes de autorización previa decididas en el período, estándar y aceleradas (las cifras que CMS pide publicar).',
    empty:
      'No hubo autorizaciones previas decididas, apeladas ni abiertas en este período. Elija otras fechas u otro plan.',
    showing: 'Decididas del {from} al {to} · {plan} · a las {at}',
    allPlans: 'todos los planes',
  },
};

/** GET /reports/turnaround for a date range (default: the last 12 weeks on the server's clock) and plan. */
export function DashboardPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const me = useMe();
  const [query, setQuery] = useState<ReportQuery>(() => ({ ...defaultRange(me.serverTime), planId: '' }));
  const plans = useApi<{ items: PlanSummary[] }>('/plans');
  const report = useApi<TurnaroundReport>('/reports/turnaround', {
    from: query.from,
    to: query.to,
    planId: query.planId || undefined,
  });
  const planName = (id: string | null) => (id ? (plans.data?.items.find((p) => p.id === id)?.name ?? id) : t.allPlans);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <CasesAtRisk plans={plans.data?.items} />
      <ReportFilters value={query} plans={plans} onApply={setQuery} />
      <Async
        state={report}
        empty={t.empty}
        isEmpty={(r) => r.total.decided === 0 && r.total.open === 0 && r.total.appealsDecided === 0}
      >
        {(r) => (
          <>
            <p className="muted" aria-live="polite">
              {fill(t.showing, {
                from: formatDate(r.from, lang),
                to: formatDate(r.to, lang),
                plan: planName(r.planId),
                at: formatDateTime(r.generatedAt, lang),
              })}
            </p>
            <MetricTiles report={r} />
            <div className="admin-charts">
              <ApprovalChart report={r} />
              <WeeklyTrendChart weekly={r.weekly} />
            </div>
          </>
        )}
      </Async>
      {/* Both reports take the same range: when the turnaround report already refused it (say, from after
          to), the claims report would show the same error a second time, so it waits for a range that works. */}
      {report.error?.status === 400 ? null : <ClaimsReport query={query} />}
    </Page>
  );
}
