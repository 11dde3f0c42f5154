import { fill, useLang, useText } from '../../i18n/i18n';
import type { FormularyHit } from '../../api/types';
import { TableBox } from '../../ui/table-box';
import type { CriteriaSummary } from './api-types';
import { tierLabel } from '../../ui/plain-words';
import { DrugName } from '../../ui/drug-name-view';
import { formGroupName } from '../../ui/drug-name';

const TEXT = {
  en: {
    caption: 'Formulary drugs',
    drug: 'Drug',
    group: 'Drug-form group',
    covered: 'Covered',
    tier: 'Tier',
    rules: 'Rules',
    yes: 'Yes',
    no: 'Not covered',
    pa: 'PA',
    paTitle: 'Prior authorization ({criteria})',
    step: 'Step',
    ql: 'QL {units} per {days} days',
    age: 'Age {min}–{max}',
    none: 'None',
    generic: 'generic',
    brand: 'brand',
  },
  es: {
    caption: 'Medicamentos del formulario',
    drug: 'Medicamento',
    group: 'Grupo forma farmacéutica',
    covered: 'Cubierto',
    tier: 'Nivel',
    rules: 'Reglas',
    yes: 'Sí',
    no: 'No cubierto',
    pa: 'Autorización previa',
    paTitle: 'Autorización previa ({criteria})',
    step: 'Escalonada',
    ql: 'LC {units} cada {days} días',
    age: 'Edad {min}–{max}',
    none: 'Ninguna',
    generic: 'genérico',
    brand: 'marca',
  },
};

/**
 * Criteria set titles by id, from GET /criteria?all=true (every version, so a set is named even when no version is
 * current; the current version's title wins). The page loads it once, not each table on every search.
 */
export function criteriaTitles(items: CriteriaSummary[] | undefined): ReadonlyMap<string, string> {
  const titles = new Map<string, string>();
  for (const c of items ?? []) if (c.current || !titles.has(c.id)) titles.set(c.id, c.title);
  return titles;
}

/** Tier and the PA / step therapy / quantity limit flags of each drug. */
export function FormularyTable({ items, titles }: { items: FormularyHit[]; titles: ReadonlyMap<string, string> }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  // Criteria sets by their titles; the id only as secondary text (docs/design.md#words-from-facts).
  const criteriaTitle = (id: string) => titles.get(id) ?? id;
  return (
    <TableBox label={t.caption} className="card">
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.drug}</th>
            <th scope="col">{t.group}</th>
            <th scope="col">{t.covered}</th>
            <th scope="col">{t.tier}</th>
            <th scope="col">{t.rules}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const flags = [
              d.priorAuthorization ? (
                <span key="pa" className="badge badge-wait" title={fill(t.paTitle, { criteria: d.criteriaId ?? '—' })}>
                  {t.pa}
                  {d.criteriaId ? `: ${criteriaTitle(d.criteriaId)}` : ''}
                </span>
              ) : null,
              d.stepTherapy ? (
                <span key="st" className="badge badge-wait" title={d.stepTherapy}>
                  {t.step}: {d.stepTherapy}
                </span>
              ) : null,
              d.quantityLimit ? (
                <span key="ql" className="badge badge-neutral">
                  {fill(t.ql, { units: d.quantityLimit.units, days: d.quantityLimit.days })}
                </span>
              ) : null,
              d.minAge !== null || d.maxAge !== null ? (
                <span key="age" className="badge badge-neutral">
                  {fill(t.age, { min: d.minAge ?? 0, max: d.maxAge ?? '∞' })}
                </span>
              ) : null,
            ].filter(Boolean);
            return (
              <tr key={d.rxcui}>
                <th scope="row">
                  <DrugName name={d.name} />
                  <div className="muted">
                    RxCUI {d.rxcui} · {d.generic ? t.generic : (d.brandName ?? t.brand)}
                  </div>
                </th>
                <td>
                  {formGroupName(d.groupName, lang)}
                  <div className="muted">{d.drugClass ?? ''}</div>
                </td>
                <td>{d.covered ? t.yes : <span className="badge badge-bad">{t.no}</span>}</td>
                <td>{d.tier ? tierLabel(d.tier, lang) : '—'}</td>
                <td>
                  {flags.length ? <div className="admin-flags">{flags}</div> : <span className="muted">{t.none}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableBox>
  );
}
