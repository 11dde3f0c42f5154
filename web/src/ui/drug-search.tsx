import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useLang, useText } from '../i18n/i18n';
import { Empty, ErrorBanner, Field } from './components';
import { useAction, useApi } from './use-api';
import type { FormularyHit, PlanSummary } from '../api/types';
import { DrugName } from './drug-name-view';
import { compareDrugNames } from './drug-name';

const TEXT = {
  en: {
    plan: 'Plan formulary',
    choosePlan: 'Choose a plan',
    drug: 'Drug name, ingredient, NDC or RxCUI',
    search: 'Search drugs',
    searching: 'Searching…',
    none: 'No drug matches on this plan’s formulary.',
    results: 'Drugs found',
    name: 'Drug',
    coverage: 'Coverage',
    ndc: 'NDC',
    use: 'Use',
    covered: 'Covered',
    notCovered: 'Not covered',
    tier: 'tier',
    pa: 'PA required',
    step: 'Step therapy',
    ql: 'Limit {units} per {days} days',
    ndcFor: 'NDC for',
    useConcept: 'Use (no package NDC)',
  },
  es: {
    plan: 'Formulario del plan',
    choosePlan: 'Elija un plan',
    drug: 'Medicamento, ingrediente, NDC o RxCUI',
    search: 'Buscar medicamentos',
    searching: 'Buscando…',
    none: 'Ningún medicamento coincide en el formulario de este plan.',
    results: 'Medicamentos encontrados',
    name: 'Medicamento',
    coverage: 'Cobertura',
    ndc: 'NDC',
    use: 'Usar',
    covered: 'Cubierto',
    notCovered: 'No cubierto',
    tier: 'nivel',
    pa: 'Requiere PA',
    step: 'Terapia escalonada',
    ql: 'Límite {units} cada {days} días',
    ndcFor: 'NDC de',
    useConcept: 'Usar (sin NDC de envase)',
  },
};

export interface DrugChoice {
  /** Empty when the drug was chosen as a concept (RxCUI) that has no package in the catalog. */
  ndc: string;
  rxcui: string;
  name: string;
}

/**
 * Searches a plan's formulary (GET /plans/{planId}/formulary) and hands back the chosen package NDC.
 * Claims need a package NDC; a PA request may name the drug by RxCUI (`allowConcept`).
 */
export function DrugSearch({
  planId,
  onSelect,
  allowConcept = false,
}: {
  planId?: string | null;
  onSelect: (d: DrugChoice) => void;
  allowConcept?: boolean;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const plans = useApi<{ items: PlanSummary[] }>('/plans');
  const [plan, setPlan] = useState(planId ?? '');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<FormularyHit[] | null>(null);
  const search = useAction((p: string, query: string) =>
    api.get<{ items: FormularyHit[] }>(`/plans/${encodeURIComponent(p)}/formulary`, { q: query, limit: 20 }),
  );
  useEffect(() => {
    if (planId) setPlan(planId);
  }, [planId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setHits(null); // the last search's answer goes as a new one starts (issue #14 item 9)
    const r = await search.run(plan, q);
    // Strengths in numeric order (2.5 mg before 10 mg), by the names people read.
    setHits(
      r
        ? r.items
            .filter((h) => allowConcept || h.ndcs.length > 0)
            .sort((a, b) => compareDrugNames(a.name, b.name, lang))
        : null,
    );
  };

  return (
    <div>
      <form onSubmit={submit} aria-label={t.search}>
        <div className="row">
          {/* Plan names are long: let the select shrink on a phone instead of widening the page. */}
          <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Field label={t.plan}>
              {(p) => (
                <select
                  {...p}
                  value={plan}
                  onChange={(e) => setPlan(e.target.value)}
                  required
                  style={{ width: '100%' }}
                >
                  <option value="">{t.choosePlan}</option>
                  {plans.data?.items.map((pl) => (
                    <option key={pl.id} value={pl.id}>
                      {pl.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={t.drug}>
            {(p) => (
              <input
                {...p}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                required
                minLength={2}
                autoComplete="off"
              />
            )}
          </Field>
          <div className="field">
            <button type="submit" disabled={search.busy}>
              {search.busy ? t.searching : t.search}
            </button>
          </div>
        </div>
      </form>
      <ErrorBanner error={plans.error ?? search.error} />
      {hits && hits.length === 0 ? <Empty>{t.none}</Empty> : null}
      {hits && hits.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t.results}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.coverage}</th>
                <th scope="col">{t.ndc}</th>
              </tr>
            </thead>
            <tbody>
              {hits.map((h) => (
                <DrugRow key={h.rxcui} hit={h} onSelect={onSelect} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function DrugRow({ hit, onSelect }: { hit: FormularyHit; onSelect: (d: DrugChoice) => void }) {
  const t = useText(TEXT);
  const [ndc, setNdc] = useState(hit.ndcs[0] ?? '');
  const notes = [
    hit.covered ? `${t.covered}${hit.tier ? ` (${hit.tier} ${t.tier})` : ''}` : t.notCovered,
    hit.priorAuthorization ? t.pa : null,
    hit.stepTherapy ? t.step : null,
    hit.quantityLimit
      ? t.ql.replace('{units}', String(hit.quantityLimit.units)).replace('{days}', String(hit.quantityLimit.days))
      : null,
  ].filter(Boolean);
  return (
    <tr>
      <td>
        <DrugName name={hit.name} />
      </td>
      <td>{notes.join(' · ')}</td>
      <td>
        {hit.ndcs.length === 0 ? (
          <button
            type="button"
            onClick={() => onSelect({ ndc: '', rxcui: hit.rxcui, name: hit.name })}
            aria-label={`${t.use} RxCUI ${hit.rxcui} (${hit.name})`}
          >
            {t.useConcept}
          </button>
        ) : (
          <div className="row">
            <select aria-label={`${t.ndcFor} ${hit.name}`} value={ndc} onChange={(e) => setNdc(e.target.value)}>
              {hit.ndcs.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => onSelect({ ndc, rxcui: hit.rxcui, name: hit.name })}
              aria-label={`${t.use} ${ndc} (${hit.name})`}
            >
              {t.use}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
