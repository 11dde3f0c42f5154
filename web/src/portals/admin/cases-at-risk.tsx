import type { PlanSummary, ReviewQueue } from '../../api/types';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async } from '../../ui/components';
import { DrugName } from '../../ui/drug-name-view';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { assigneeLabel } from '../../ui/people';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    heading: 'Cases at risk of missing their clock',
    intro: "Open cases past their plan's warning time before the decision is due, or already overdue.",
    none: 'No open case is near its due time.',
    drug: 'Drug',
    member: 'Member',
    plan: 'Plan',
    due: 'Decision due',
    left: 'Time left',
    reviewer: 'Reviewer',
    nobody: 'Not assigned',
    unknownPlan: 'Plan not loaded',
    overdue: 'Overdue by {h} h {m} min',
    leftValue: '{h} h {m} min',
  },
  es: {
    heading: 'Casos en riesgo de vencer su plazo',
    intro: 'Casos abiertos que pasaron la hora de aviso de su plan antes de la decisión, o ya vencidos.',
    none: 'Ningún caso abierto está cerca de su vencimiento.',
    drug: 'Medicamento',
    member: 'Afiliado',
    plan: 'Plan',
    due: 'Decisión antes de',
    left: 'Tiempo restante',
    reviewer: 'Revisor',
    nobody: 'Sin asignar',
    unknownPlan: 'Plan no cargado',
    overdue: 'Vencido hace {h} h {m} min',
    leftValue: '{h} h {m} min',
  },
};

/**
 * The review queue's at-risk cases (GET /review-queue, an audited read), soonest due first. Plans are
 * named from GET /plans (the dashboard's list): an admin reads "Poppy Health Plan — IHSS", not its id.
 */
export function CasesAtRisk({ plans }: { plans: readonly PlanSummary[] | undefined }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const queue = useApi<ReviewQueue>('/review-queue');
  // Until /plans answers the cell waits empty; a plan the list lacks (removed since) says so in words.
  const planName = (id: string) => (plans ? (plans.find((p) => p.id === id)?.name ?? t.unknownPlan) : '');
  const left = (dueAt: string, now: string) => {
    const minutes = Math.round((new Date(dueAt).getTime() - new Date(now).getTime()) / 60_000);
    const abs = Math.abs(minutes);
    const parts = { h: Math.floor(abs / 60), m: abs % 60 };
    return minutes < 0 ? fill(t.overdue, parts) : fill(t.leftValue, parts);
  };
  return (
    <section aria-labelledby="cases-at-risk" className="card">
      <h2 id="cases-at-risk">{t.heading}</h2>
      <p>{t.intro}</p>
      <Async state={queue} empty={t.none} isEmpty={(q) => !q.items.some((c) => c.atRisk)}>
        {(q) => (
          <TableBox label={t.heading}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.drug}</th>
                  <th scope="col">{t.member}</th>
                  <th scope="col">{t.plan}</th>
                  <th scope="col">{t.due}</th>
                  <th scope="col">{t.left}</th>
                  <th scope="col">{t.reviewer}</th>
                </tr>
              </thead>
              <tbody>
                {q.items
                  .filter((c) => c.atRisk && c.dueAt)
                  .map((c) => (
                    <tr key={c.id} className={c.overdue ? 'row-overdue' : undefined}>
                      <td>
                        <DrugName name={c.drug.name} secondary={false} />
                      </td>
                      <td>{c.memberName ?? c.memberId}</td>
                      <td>{planName(c.planId)}</td>
                      <td>{formatDateTime(c.dueAt, lang)}</td>
                      <td>{left(c.dueAt!, q.now)}</td>
                      <td>{assigneeLabel(c, lang) ?? t.nobody}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </section>
  );
}
