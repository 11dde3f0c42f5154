import { useEffect, useId, useState, type FormEvent } from 'react';
import { fill, useLang, useText } from '../i18n/i18n';
import { Async, ErrorBanner, Field } from './components';
import { useApi } from './use-api';
import type { FormularyHit, PlanSummary } from '../api/types';
import { DrugName, useDrugName } from './drug-name-view';
import { compareDrugNames } from './drug-name';
import { tierLabel } from './plain-words';

const TEXT = {
  en: {
    plan: 'Plan formulary',
    choosePlan: 'Choose a plan',
    needPlan: 'Choose the plan whose formulary to search.',
    drug: 'Drug name',
    memberHint: 'Brand or generic name, for example metformin or Ozempic.',
    staffHint: 'Brand or generic name, ingredient, NDC or RxCUI',
    memberSearch: 'Search',
    staffSearch: 'Search the formulary',
    tooShort: 'Type at least 2 letters.',
    results: 'Drugs matching “{q}”',
    memberNone: 'No drug on your plan’s list matches that name. Check the spelling or try the generic name.',
    staffNone: 'No drug on this plan’s formulary matches. Try the generic name.',
    onMyPlan: 'On my plan:',
    yes: 'Yes',
    no: 'No',
    tier: 'Tier',
    approval: 'Approval needed',
    covered: 'Covered',
    notCovered: 'Not covered',
    pa: 'Prior authorization',
    step: 'Step therapy',
    ql: 'Limit {units} per {days} days',
    checkMine: 'Check my coverage',
    checkMineFor: 'Check my coverage for {name}',
    check: 'Check coverage',
    checkFor: 'Check coverage: {name}',
    ndcFor: 'NDC for {name}',
    use: 'Use',
    useNdc: 'Use {ndc} ({name})',
    useConcept: 'Use (no package NDC)',
    useConceptFor: 'Use {name} without a package NDC',
  },
  es: {
    plan: 'Formulario del plan',
    choosePlan: 'Elija un plan',
    needPlan: 'Elija el plan cuyo formulario desea buscar.',
    drug: 'Nombre del medicamento',
    memberHint: 'Nombre de marca o genérico, por ejemplo metformina u Ozempic.',
    staffHint: 'Nombre de marca o genérico, ingrediente, NDC o RxCUI',
    memberSearch: 'Buscar',
    staffSearch: 'Buscar en el formulario',
    tooShort: 'Escriba al menos 2 letras.',
    results: 'Medicamentos que coinciden con “{q}”',
    memberNone:
      'Ningún medicamento de la lista de su plan coincide con ese nombre. Revise la ortografía o pruebe el nombre genérico.',
    staffNone: 'Ningún medicamento del formulario de este plan coincide. Pruebe el nombre genérico.',
    onMyPlan: 'En mi plan:',
    yes: 'Sí',
    no: 'No',
    tier: 'Nivel',
    approval: 'Requiere aprobación',
    covered: 'Cubierto',
    notCovered: 'No cubierto',
    pa: 'Autorización previa',
    step: 'Terapia escalonada',
    ql: 'Límite de {units} cada {days} días',
    checkMine: 'Ver mi cobertura',
    checkMineFor: 'Ver mi cobertura de {name}',
    check: 'Revisar cobertura',
    checkFor: 'Revisar cobertura: {name}',
    ndcFor: 'NDC de {name}',
    use: 'Usar',
    useNdc: 'Usar {ndc} ({name})',
    useConcept: 'Usar (sin NDC de envase)',
    useConceptFor: 'Usar {name} sin NDC de envase',
  },
};

export interface DrugChoice {
  /** Empty when the drug was chosen as a concept (RxCUI) that has no package in the catalog. */
  ndc: string;
  rxcui: string;
  /** RxNorm's name as the API gives it; show it with <DrugName>. */
  name: string;
}

/**
 * What a choice hands back:
 *  - `drug`: the drug (RxCUI) — coverage checks and PA requests;
 *  - `package`: one package NDC — claims need one;
 *  - `package-or-drug`: a package NDC, or the RxCUI where the catalog has no package (fax intake).
 */
export type DrugPick = 'drug' | 'package' | 'package-or-drug';

/**
 * The one drug search of every portal (docs/design.md#words-from-facts): searches a plan's formulary
 * (GET /plans/{planId}/formulary?q=), lists drugs by the names people use — strengths in numeric order,
 * RxNorm's long name only as secondary text — with the plan's coverage in words, and hands back a choice.
 *
 * `audience` sets the words (a member reads "Approval needed", staff "Prior authorization" and the limits);
 * `choosePlan` lets staff pick the plan (pharmacy, intake) — otherwise `planId` is the plan.
 */
export function DrugSearch({
  planId,
  choosePlan = false,
  audience,
  pick,
  selected = null,
  onSelect,
  onSearch,
}: {
  planId?: string | null;
  choosePlan?: boolean;
  audience: 'member' | 'staff';
  pick: DrugPick;
  /** The RxCUI chosen last (its button shows pressed). */
  selected?: string | null;
  onSelect: (choice: DrugChoice) => void;
  /** A new search began: the page clears the answer to the last one (docs/design.md#forms-and-answers). */
  onSearch?: () => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const resultsId = useId();
  const member = audience === 'member';
  const plans = useApi<{ items: PlanSummary[] }>(choosePlan ? '/plans' : null);
  const [plan, setPlan] = useState(planId ?? '');
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ plan: string; q: string } | null>(null);
  const [error, setError] = useState<{ plan?: string; q?: string }>({});
  useEffect(() => {
    if (planId) setPlan(planId);
  }, [planId]);
  const results = useApi<{ items: FormularyHit[] }>(
    query ? `/plans/${encodeURIComponent(query.plan)}/formulary` : null,
    query ? { q: query.q, limit: 25 } : undefined,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    const errors = { plan: plan ? undefined : t.needPlan, q: q.length >= 2 ? undefined : t.tooShort };
    setError(errors);
    if (errors.plan || errors.q) return;
    setQuery({ plan, q });
    onSearch?.();
  };

  return (
    <div className="drug-search">
      {/* Without the plan list staff cannot search: say why the list is empty. */}
      <ErrorBanner error={plans.error} />
      <form className="row" role="search" noValidate onSubmit={submit}>
        {choosePlan ? (
          // Plan names are long: let the select shrink on a phone instead of widening the page.
          <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Field label={t.plan} error={error.plan}>
              {(p) => (
                <select
                  {...p}
                  value={plan}
                  onChange={(e) => {
                    setPlan(e.target.value);
                    setError((s) => ({ ...s, plan: undefined }));
                  }}
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
        ) : null}
        <Field label={t.drug} hint={member ? t.memberHint : t.staffHint} error={error.q}>
          {(p) => (
            <input
              {...p}
              type="search"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value.trim().length >= 2) setError((s) => ({ ...s, q: undefined }));
              }}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="field">
          <button type="submit" className={member ? 'primary' : undefined} disabled={results.loading}>
            {member ? t.memberSearch : t.staffSearch}
          </button>
        </div>
      </form>
      {query ? (
        <Async
          state={results}
          empty={member ? t.memberNone : t.staffNone}
          isEmpty={(d) => usable(d.items, pick).length === 0}
        >
          {(d) => (
            <>
              <h3 id={resultsId}>{fill(t.results, { q: query.q })}</h3>
              <ul className="drug-results" aria-labelledby={resultsId}>
                {usable(d.items, pick)
                  .sort((a, b) => compareDrugNames(a.name, b.name, lang))
                  .map((hit) => (
                    <DrugResult
                      key={hit.rxcui}
                      hit={hit}
                      audience={audience}
                      pick={pick}
                      selected={selected === hit.rxcui}
                      onSelect={onSelect}
                    />
                  ))}
              </ul>
            </>
          )}
        </Async>
      ) : null}
    </div>
  );
}

/** A claim needs a package: drugs without one are not offered there. */
const usable = (items: FormularyHit[], pick: DrugPick) =>
  pick === 'package' ? items.filter((h) => h.ndcs.length > 0) : [...items];

function DrugResult({
  hit,
  audience,
  pick,
  selected,
  onSelect,
}: {
  hit: FormularyHit;
  audience: 'member' | 'staff';
  pick: DrugPick;
  selected: boolean;
  onSelect: (choice: DrugChoice) => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const dn = useDrugName();
  const name = dn(hit.name);
  const [ndc, setNdc] = useState(hit.ndcs[0] ?? '');
  const choose = (packageNdc: string) => onSelect({ ndc: packageNdc, rxcui: hit.rxcui, name: hit.name });
  const coverage =
    audience === 'member' ? (
      <div className="muted">
        {hit.covered
          ? `${t.onMyPlan} ${t.yes} · ${t.tier}: ${tierLabel(hit.tier, lang)} · ${t.approval}: ${hit.priorAuthorization ? t.yes : t.no}`
          : `${t.onMyPlan} ${t.no}`}
      </div>
    ) : (
      <div>
        <span className={`badge badge-${hit.covered ? 'good' : 'bad'}`}>{hit.covered ? t.covered : t.notCovered}</span>{' '}
        <span className="muted">
          {[
            hit.tier ? `${t.tier}: ${tierLabel(hit.tier, lang)}` : null,
            hit.priorAuthorization ? t.pa : null,
            hit.stepTherapy ? t.step : null,
            hit.quantityLimit ? fill(t.ql, { units: hit.quantityLimit.units, days: hit.quantityLimit.days }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
    );
  let action;
  if (pick === 'drug') {
    const mine = audience === 'member';
    action = (
      <button
        type="button"
        aria-pressed={selected}
        onClick={() => choose('')}
        aria-label={fill(mine ? t.checkMineFor : t.checkFor, { name })}
        style={{ whiteSpace: 'nowrap' }}
      >
        {mine ? t.checkMine : t.check}
      </button>
    );
  } else if (hit.ndcs.length === 0) {
    action = (
      <button type="button" onClick={() => choose('')} aria-label={fill(t.useConceptFor, { name })}>
        {t.useConcept}
      </button>
    );
  } else {
    action = (
      <div className="row">
        <select aria-label={fill(t.ndcFor, { name })} value={ndc} onChange={(e) => setNdc(e.target.value)}>
          {hit.ndcs.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => choose(ndc)} aria-label={fill(t.useNdc, { ndc, name })}>
          {t.use}
        </button>
      </div>
    );
  }
  return (
    <li>
      <div>
        <strong>
          <DrugName name={hit.name} />
        </strong>
        {coverage}
      </div>
      {action}
    </li>
  );
}
