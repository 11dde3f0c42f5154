import { useState, type FormEvent } from 'react';
import { useLang, useText } from '../../i18n/i18n';
import { Async, Field } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { FormularyHit } from '../../api/types';
import { DrugName } from '../../ui/drug-name-view';
import { compareDrugNames } from '../../ui/drug-name';

const TEXT = {
  en: {
    drug: 'Drug name',
    hint: 'Brand or generic name, ingredient, NDC or RxCUI',
    search: 'Search the formulary',
    required: 'Type at least two letters',
    results: 'Formulary results',
    coverage: 'Coverage',
    none: 'No drug on this plan’s formulary matches. Try the generic name.',
    covered: 'Covered',
    notCovered: 'Not covered',
    tier: 'tier {tier}',
    pa: 'PA required',
    step: 'step therapy',
    ql: 'quantity limit {units} per {days} days',
    choose: 'Check coverage',
  },
  es: {
    drug: 'Nombre del medicamento',
    hint: 'Nombre de marca o genérico, ingrediente, NDC o RxCUI',
    search: 'Buscar en el formulario',
    required: 'Escriba al menos dos letras',
    results: 'Resultados del formulario',
    coverage: 'Cobertura',
    none: 'Ningún medicamento del formulario de este plan coincide. Pruebe el nombre genérico.',
    covered: 'Cubierto',
    notCovered: 'No cubierto',
    tier: 'nivel {tier}',
    pa: 'Requiere AP',
    step: 'terapia escalonada',
    ql: 'límite de {units} cada {days} días',
    choose: 'Revisar cobertura',
  },
};

/** Searches a plan's formulary by name (GET /plans/{planId}/formulary?q=) and lets the user pick one drug. */
export function DrugSearch({
  planId,
  selected,
  onSelect,
  onSearch,
}: {
  planId: string;
  selected: string | null;
  onSelect: (hit: FormularyHit) => void;
  /** A new search began: the page clears the answer to the last one (issue #14 item 9). */
  onSearch?: () => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hits = useApi<{ items: FormularyHit[] }>(q ? `/plans/${encodeURIComponent(planId)}/formulary` : null, {
    q,
    limit: 25,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length < 2) return setError(t.required);
    setError(null);
    setQ(text.trim());
    onSearch?.();
  };
  return (
    <div>
      <form onSubmit={submit} noValidate className="row">
        <Field label={t.drug} hint={t.hint} error={error}>
          {(p) => (
            <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          )}
        </Field>
        <div className="field">
          <button type="submit">{t.search}</button>
        </div>
      </form>
      {q ? (
        <Async state={hits} empty={t.none} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <div className="table-wrap">
              <table>
                <caption>{t.results}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.drug}</th>
                    <th scope="col">{t.coverage}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t.choose}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.items]
                    .sort((a, b) => compareDrugNames(a.name, b.name, lang))
                    .map((h) => (
                      <tr key={h.rxcui}>
                        <td>
                          <DrugName name={h.name} />
                        </td>
                        <td>
                          <span className={`badge badge-${h.covered ? 'good' : 'bad'}`}>
                            {h.covered ? t.covered : t.notCovered}
                          </span>{' '}
                          <span className="muted">
                            {[
                              h.tier ? t.tier.replace('{tier}', h.tier) : null,
                              h.priorAuthorization ? t.pa : null,
                              h.stepTherapy ? t.step : null,
                              h.quantityLimit
                                ? t.ql
                                    .replace('{units}', String(h.quantityLimit.units))
                                    .replace('{days}', String(h.quantityLimit.days))
                                : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </span>
                        </td>
                        <td>
                          <button
                            type="button"
                            aria-pressed={selected === h.rxcui}
                            onClick={() => onSelect(h)}
                            style={{ whiteSpace: 'nowrap' }}
                          >
                            {t.choose}
                            <span className="visually-hidden">: {h.name}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
        </Async>
      ) : null}
    </div>
  );
}
