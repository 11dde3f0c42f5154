import type { ApiAnswer } from '../../api/api-shapes';
import { fill, useLang, useText } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import { TableBox } from '../../ui/table-box';

export type SimulationReport = ApiAnswer<'/api/v1/criteria/{id}/simulations', 'post'>;

const TEXT = {
  en: {
    summary: 'Replayed {n} cases decided with version {v} since {since}.',
    toDenial: 'Approvals that would become denials',
    toApproval: 'Denials that would become approvals',
    other: 'Other changes (to or from clinical review)',
    unchanged: 'Unchanged',
    byRule: 'By rule',
    rule: 'Rule',
    metToNotMet: 'Met → not met',
    notMetToMet: 'Not met → met',
    otherRule: 'Other',
    cases: 'Cases that change',
    case: 'Case',
    decided: 'Decided',
    decision: 'Decision',
    outcome: 'Criteria: now → with the draft',
    rules: 'Rules that change',
    recomputed: 'Facts recomputed from claim history as of each decision (their definition changed): {names}.',
    notReplayable: '{n} decided cases could not be replayed: {why}.',
    approve: 'approve',
    deny: 'deny',
    review: 'clinical review',
  },
  es: {
    summary: 'Se repitieron {n} casos decididos con la versión {v} desde {since}.',
    toDenial: 'Aprobaciones que pasarían a negaciones',
    toApproval: 'Negaciones que pasarían a aprobaciones',
    other: 'Otros cambios (hacia o desde revisión clínica)',
    unchanged: 'Sin cambios',
    byRule: 'Por regla',
    rule: 'Regla',
    metToNotMet: 'Cumplida → no cumplida',
    notMetToMet: 'No cumplida → cumplida',
    otherRule: 'Otro',
    cases: 'Casos que cambian',
    case: 'Caso',
    decided: 'Decidido',
    decision: 'Decisión',
    outcome: 'Criterios: ahora → con el borrador',
    rules: 'Reglas que cambian',
    recomputed:
      'Datos recalculados del historial de reclamaciones a la fecha de cada decisión (cambió su definición): {names}.',
    notReplayable: '{n} casos decididos no se pudieron repetir: {why}.',
    approve: 'aprobar',
    deny: 'negar',
    review: 'revisión clínica',
  },
};

/** What publishing the draft would have changed on past cases: counts, by rule, and the cases. */
export function SimulationReportView({ report }: { report: SimulationReport }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const word = (o: 'approve' | 'deny' | 'review') => t[o];
  return (
    <div className="simulation-report" data-testid="simulation-report">
      <p>{fill(t.summary, { n: report.replayed, v: report.currentVersion, since: formatDate(report.since, lang) })}</p>
      <dl className="kv">
        <dt>{t.toDenial}</dt>
        <dd data-count="approvals-to-denials">{report.approvalsToDenials}</dd>
        <dt>{t.toApproval}</dt>
        <dd data-count="denials-to-approvals">{report.denialsToApprovals}</dd>
        <dt>{t.other}</dt>
        <dd>{report.otherChanges}</dd>
        <dt>{t.unchanged}</dt>
        <dd>{report.unchanged}</dd>
      </dl>
      {report.recomputedFacts.length ? <p>{fill(t.recomputed, { names: report.recomputedFacts.join(', ') })}</p> : null}
      {report.notReplayable.length ? (
        <p>
          {fill(t.notReplayable, {
            n: report.notReplayable.length,
            why: [...new Set(report.notReplayable.map((c) => c.reason))].join('; '),
          })}
        </p>
      ) : null}
      {report.byRule.length ? (
        <>
          <h3>{t.byRule}</h3>
          <TableBox label={t.byRule}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.rule}</th>
                  <th scope="col">{t.metToNotMet}</th>
                  <th scope="col">{t.notMetToMet}</th>
                  <th scope="col">{t.otherRule}</th>
                </tr>
              </thead>
              <tbody>
                {report.byRule.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.id}
                      {r.text ? <div className="muted">{r.text}</div> : null}
                    </th>
                    <td>{r.metToNotMet}</td>
                    <td>{r.notMetToMet}</td>
                    <td>{r.otherChanges}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      ) : null}
      {report.changes.length ? (
        <>
          <h3>{t.cases}</h3>
          <TableBox label={t.cases}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.case}</th>
                  <th scope="col">{t.decided}</th>
                  <th scope="col">{t.decision}</th>
                  <th scope="col">{t.outcome}</th>
                  <th scope="col">{t.rules}</th>
                </tr>
              </thead>
              <tbody>
                {report.changes.map((c) => (
                  <tr key={c.caseId}>
                    <th scope="row">{c.caseId}</th>
                    <td>{formatDate(c.decidedAt, lang)}</td>
                    <td>{c.decision}</td>
                    <td>
                      {word(c.before)} → {word(c.after)}
                    </td>
                    <td>{c.rules.map((r) => `${r.id}: ${r.before} → ${r.after}`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      ) : null}
    </div>
  );
}
