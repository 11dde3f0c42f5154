import { useState, type FormEvent } from 'react';
import { Link } from '../../app/router';
import { fill, useText } from '../../i18n/i18n';
import { Async, Field, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { FormularyAnswer, PlanSummary } from '../../api/types';
import { criteriaTitles, FormularyTable } from './formulary-table';
import type { CriteriaSummary } from './api-types';

const PAGE = 50;
const MAX = 500;

const TEXT = {
  en: {
    title: 'Formulary of {plan}',
    back: 'All plans',
    search: 'Drug name, ingredient, class, NDC or RxCUI',
    searchButton: 'Search',
    coveredOnly: 'Covered drugs only',
    hint: 'Leave empty to list the formulary from the top.',
    carved: 'This plan’s pharmacy benefit is paid by {payer}; its formulary is shown.',
    empty: 'No drug matches. Try part of the name or the ingredient.',
    more: 'Show more',
    showing: 'Showing {n} drugs',
    capped: 'Showing the first {n}; narrow the search to see others.',
  },
  es: {
    title: 'Formulario de {plan}',
    back: 'Todos los planes',
    search: 'Nombre, ingrediente, clase, NDC o RxCUI',
    searchButton: 'Buscar',
    coveredOnly: 'Solo medicamentos cubiertos',
    hint: 'Déjelo vacío para ver el formulario desde el principio.',
    carved: 'El beneficio de farmacia de este plan lo paga {payer}; se muestra su formulario.',
    empty: 'Ningún medicamento coincide. Pruebe con parte del nombre o el ingrediente.',
    more: 'Mostrar más',
    showing: 'Se muestran {n} medicamentos',
    capped: 'Se muestran los primeros {n}; afine la búsqueda para ver otros.',
  },
};

/** GET /plans/{planId}/formulary?q=&coveredOnly=&limit=: search, then "Show more" raises the limit (the API pages by limit only). */
export function FormularyPage({ planId }: { planId: string }) {
  const t = useText(TEXT);
  const plans = useApi<{ items: PlanSummary[] }>('/plans');
  const criteria = useApi<{ items: CriteriaSummary[] }>('/criteria', { all: 'true' });
  const plan = plans.data?.items.find((p) => p.id === planId);
  const [draft, setDraft] = useState({ q: '', coveredOnly: false });
  const [search, setSearch] = useState({ q: '', coveredOnly: false, limit: PAGE });
  const formulary = useApi<FormularyAnswer>(`/plans/${encodeURIComponent(planId)}/formulary`, {
    q: search.q || undefined,
    coveredOnly: search.coveredOnly ? 'true' : undefined,
    limit: search.limit,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ q: draft.q.trim(), coveredOnly: draft.coveredOnly, limit: PAGE });
  };
  return (
    <Page title={fill(t.title, { plan: plan?.name ?? planId })} actions={<Link to="/admin/plans">{t.back}</Link>}>
      <form className="card" onSubmit={submit} role="search">
        <div className="row">
          <Field label={t.search} hint={t.hint}>
            {(p) => (
              <input
                {...p}
                type="search"
                value={draft.q}
                maxLength={100}
                onChange={(e) => setDraft({ ...draft, q: e.target.value })}
              />
            )}
          </Field>
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                checked={draft.coveredOnly}
                onChange={(e) => setDraft({ ...draft, coveredOnly: e.target.checked })}
              />{' '}
              {t.coveredOnly}
            </label>
          </div>
          <div className="field">
            <button type="submit" className="primary">
              {t.searchButton}
            </button>
          </div>
        </div>
      </form>
      <Async state={formulary} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            {d.formularyPlanId !== d.planId ? (
              <p className="banner banner-info">{fill(t.carved, { payer: d.formularyPlanId })}</p>
            ) : null}
            <p className="muted" aria-live="polite">
              {fill(t.showing, { n: d.items.length })}
            </p>
            <FormularyTable items={d.items} titles={criteriaTitles(criteria.data?.items)} />
            {d.items.length >= search.limit && search.limit < MAX ? (
              <button
                type="button"
                onClick={() => setSearch({ ...search, limit: Math.min(MAX, search.limit + PAGE) })}
                disabled={formulary.loading}
              >
                {t.more}
              </button>
            ) : null}
            {d.items.length >= MAX ? <p className="muted">{fill(t.capped, { n: MAX })}</p> : null}
          </>
        )}
      </Async>
    </Page>
  );
}
