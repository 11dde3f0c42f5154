import { useState, type FormEvent } from 'react';
import { useText } from '../../i18n/i18n';
import { Field } from '../../ui/components';
import type { ApiState } from '../../ui/use-api';
import type { PlanSummary } from '../../api/types';

export interface ReportQuery {
  from: string;
  to: string;
  planId: string;
}

const TEXT = {
  en: {
    legend: 'Report range',
    from: 'From',
    to: 'To',
    plan: 'Plan',
    allPlans: 'All plans',
    apply: 'Show',
    hint: 'Calendar days in UTC, both included',
    plansFailed: 'Plans could not be loaded',
  },
  es: {
    legend: 'Período del informe',
    from: 'Desde',
    to: 'Hasta',
    plan: 'Plan',
    allPlans: 'Todos los planes',
    apply: 'Mostrar',
    hint: 'Días en UTC, ambos incluidos',
    plansFailed: 'No se pudieron cargar los planes',
  },
};

/** From / to dates and a plan; the report reloads when the form is submitted. */
export function ReportFilters({
  value,
  plans,
  onApply,
}: {
  value: ReportQuery;
  plans: ApiState<{ items: PlanSummary[] }>;
  onApply: (q: ReportQuery) => void;
}) {
  const t = useText(TEXT);
  const [draft, setDraft] = useState(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="card admin-filters" onSubmit={submit} aria-label={t.legend}>
      <div className="row">
        <Field label={t.from}>
          {(p) => (
            <input
              {...p}
              type="date"
              required
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.to}>
          {(p) => (
            <input
              {...p}
              type="date"
              required
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.plan} error={plans.error ? `${t.plansFailed}: ${plans.error.message}` : null}>
          {(p) => (
            <select {...p} value={draft.planId} onChange={(e) => setDraft({ ...draft, planId: e.target.value })}>
              <option value="">{t.allPlans}</option>
              {(plans.data?.items ?? []).map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.name} ({plan.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <button type="submit" className="primary">
            {t.apply}
          </button>
        </div>
      </div>
      <p className="muted">{t.hint}</p>
    </form>
  );
}
