import { useId, useState, type FormEvent } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Field, Section } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { FormularyHit } from '../../api/types';
import { tierLabel } from './plain-words';
import { DrugName, useDrugName } from '../../ui/drug-name-view';
import { compareDrugNames } from '../../ui/drug-name';

const TEXT = {
  en: {
    title: 'Look up a drug',
    label: 'Drug name',
    hint: 'Brand or generic name, for example metformin or Ozempic.',
    search: 'Search',
    results: 'Drugs matching “{q}”',
    none: 'No drug on your plan’s list matches that name. Check the spelling or try the generic name.',
    covered: 'On my plan:',
    tier: 'Tier',
    pa: 'Approval needed',
    yes: 'Yes',
    no: 'No',
    check: 'Check my coverage',
    checkFor: 'Check my coverage for {name}',
    tooShort: 'Type at least 2 letters.',
  },
  es: {
    title: 'Buscar un medicamento',
    label: 'Nombre del medicamento',
    hint: 'Nombre de marca o genérico, por ejemplo metformina u Ozempic.',
    search: 'Buscar',
    results: 'Medicamentos que coinciden con “{q}”',
    none: 'Ningún medicamento de la lista de su plan coincide con ese nombre. Revise la ortografía o pruebe el nombre genérico.',
    covered: 'En mi plan:',
    tier: 'Nivel',
    pa: 'Requiere aprobación',
    yes: 'Sí',
    no: 'No',
    check: 'Ver mi cobertura',
    checkFor: 'Ver mi cobertura de {name}',
    tooShort: 'Escriba al menos 2 letras.',
  },
};

/** Searches the plan's formulary by name (GET /plans/{planId}/formulary?q=…) and lets the member pick a drug. */
export function DrugSearch({
  planId,
  onChoose,
  onSearch,
}: {
  planId: string;
  onChoose: (hit: FormularyHit) => void;
  /** A new search began: the page clears the answer to the last one (issue #14 item 9). */
  onSearch?: () => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const resultsId = useId();
  const dn = useDrugName();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const results = useApi<{ items: FormularyHit[] }>(
    query ? `/plans/${encodeURIComponent(planId)}/formulary` : null,
    query ? { q: query, limit: 25 } : undefined,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q.length < 2) {
      setError(t.tooShort);
      return;
    }
    setError(null);
    setQuery(q);
    onSearch?.();
  };

  return (
    <Section title={t.title}>
      <form className="row" role="search" onSubmit={submit}>
        <Field label={t.label} hint={t.hint} error={error}>
          {(props) => (
            <input {...props} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          )}
        </Field>
        <div className="field">
          <button type="submit" className="primary">
            {t.search}
          </button>
        </div>
      </form>
      {query ? (
        <Async state={results} empty={t.none} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <>
              <h3 id={resultsId}>{fill(t.results, { q: query })}</h3>
              <ul className="drug-results" aria-labelledby={resultsId}>
                {[...d.items]
                  .sort((a, b) => compareDrugNames(a.name, b.name, lang))
                  .map((hit) => (
                    <li key={hit.rxcui}>
                      <div>
                        <strong>
                          <DrugName name={hit.name} />
                        </strong>
                        <div className="muted">
                          {hit.covered
                            ? `${t.covered} ${t.yes} · ${t.tier}: ${tierLabel(hit.tier, lang)} · ${t.pa}: ${hit.priorAuthorization ? t.yes : t.no}`
                            : `${t.covered} ${t.no}`}
                        </div>
                      </div>
                      <button
                        type="button"
                        onClick={() => onChoose(hit)}
                        aria-label={fill(t.checkFor, { name: dn(hit.name) })}
                      >
                        {t.check}
                      </button>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </Async>
      ) : null}
    </Section>
  );
}
