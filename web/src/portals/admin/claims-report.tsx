import { fill, useText } from '../../i18n/i18n';
import { Async } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { ClaimsReport as ClaimsReportAnswer } from './api-types';
import { ClaimsDayTable } from './claims-day-table';
import { ClaimsVolumeChart } from './claims-volume-chart';
import { RejectCodeTable } from './reject-code-table';
import type { ReportQuery } from './report-filters';

const TEXT = {
  en: {
    heading: 'Claims volume and reject codes',
    totals: '{paid} paid ({reversed} reversed since) and {rejected} rejected claims.',
  },
  es: {
    heading: 'Volumen de reclamaciones y códigos de rechazo',
    totals: '{paid} reclamaciones pagadas ({reversed} anuladas después) y {rejected} rechazadas.',
  },
};

/** GET /reports/claims for the dashboard's range and plan: the chart, its table, and the reject codes. */
export function ClaimsReport({ query }: { query: ReportQuery }) {
  const t = useText(TEXT);
  const report = useApi<ClaimsReportAnswer>('/reports/claims', {
    from: query.from,
    to: query.to,
    planId: query.planId || undefined,
  });
  return (
    <section className="card" aria-labelledby="admin-claims-heading">
      <h2 id="admin-claims-heading">{t.heading}</h2>
      <Async state={report}>
        {(r) => (
          <>
            <p aria-live="polite">
              {fill(t.totals, {
                paid: String(r.total.paid),
                reversed: String(r.total.reversed),
                rejected: String(r.total.rejected),
              })}
            </p>
            <ClaimsVolumeChart days={r.days} />
            <ClaimsDayTable days={r.days} />
            <RejectCodeTable codes={r.rejectCodes} />
          </>
        )}
      </Async>
    </section>
  );
}
