import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useLang, useText } from '../i18n/i18n';
import { Empty, ErrorBanner, Field } from './components';
import { formatDate } from './format';
import { useAction } from './use-api';
import type { Patient } from '../api/types';
import { TableBox } from './table-box';

const TEXT = {
  en: {
    lastName: 'Last name',
    dob: 'Date of birth',
    firstName: 'First name (optional)',
    zip: 'ZIP code (optional)',
    search: 'Search',
    searching: 'Searching…',
    none: 'No member matches. Check the spelling and the date of birth.',
    results: 'Members found',
    name: 'Name',
    memberId: 'Member ID',
    plan: 'Plan',
    coverage: 'Coverage',
    eligible: 'Covered',
    notEligible: 'Not covered today',
    select: 'Use this member',
    selected: 'Selected',
    findBy: 'Find the member by',
    byName: 'Name and birth date',
    byId: 'Member ID',
    idField: 'Member ID on the card',
    idDob: 'Date of birth (prescribers and pharmacies)',
    noneById: 'No member has this ID (with this date of birth). Check the card.',
  },
  es: {
    lastName: 'Apellido',
    dob: 'Fecha de nacimiento',
    firstName: 'Nombre (opcional)',
    zip: 'Código postal (opcional)',
    search: 'Buscar',
    searching: 'Buscando…',
    none: 'Ningún afiliado coincide. Revise el apellido y la fecha de nacimiento.',
    results: 'Afiliados encontrados',
    name: 'Nombre',
    memberId: 'Número de afiliado',
    plan: 'Plan',
    coverage: 'Cobertura',
    eligible: 'Con cobertura',
    notEligible: 'Sin cobertura hoy',
    select: 'Usar este afiliado',
    selected: 'Seleccionado',
    findBy: 'Buscar al afiliado por',
    byName: 'Nombre y nacimiento',
    byId: 'Número de afiliado',
    idField: 'Número de afiliado de la tarjeta',
    idDob: 'Fecha de nacimiento (recetadores y farmacias)',
    noneById: 'Ningún afiliado tiene este número (con esta fecha de nacimiento). Revise la tarjeta.',
  },
};

/**
 * Patient insurance search (GET /members/search): last name + date of birth, optionally first name
 * and ZIP; or the member ID from the card (a faxed form often has only that).
 */
export function PatientSearch({
  onSelect,
  selectedId,
  onSearch,
}: {
  onSelect: (p: Patient) => void;
  selectedId?: string | null;
  /** A new search began: the page clears the answer it showed for the last patient (docs/design.md#forms-and-answers). */
  onSearch?: () => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const formId = useId();
  const [mode, setMode] = useState<'name' | 'id'>('name');
  const [q, setQ] = useState({ lastName: '', dateOfBirth: '', firstName: '', zip: '', memberId: '' });
  const [results, setResults] = useState<Patient[] | null>(null);
  const search = useAction((query: Record<string, string>) => api.get<{ items: Patient[] }>('/members/search', query));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResults(null);
    onSearch?.();
    const query: Record<string, string> =
      mode === 'id'
        ? { memberId: q.memberId.trim(), ...(q.dateOfBirth ? { dateOfBirth: q.dateOfBirth } : {}) }
        : { lastName: q.lastName, dateOfBirth: q.dateOfBirth, firstName: q.firstName, zip: q.zip };
    const r = await search.run(query);
    setResults(r ? r.items : null);
  };
  const set = (k: keyof typeof q) => (v: string) => setQ((s) => ({ ...s, [k]: v }));

  return (
    <div>
      <form onSubmit={submit} aria-label={t.search}>
        <fieldset className="inline-choices">
          <legend>{t.findBy}</legend>
          {(
            [
              ['name', t.byName],
              ['id', t.byId],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${formId}-by`}
                value={value}
                checked={mode === value}
                onChange={() => {
                  setMode(value);
                  setResults(null);
                }}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {mode === 'id' ? (
          <div className="row">
            <Field label={t.idField}>
              {(p) => (
                <input
                  {...p}
                  value={q.memberId}
                  onChange={(e) => set('memberId')(e.target.value)}
                  required
                  autoComplete="off"
                  spellCheck={false}
                />
              )}
            </Field>
            <Field label={t.idDob}>
              {(p) => (
                <input {...p} type="date" value={q.dateOfBirth} onChange={(e) => set('dateOfBirth')(e.target.value)} />
              )}
            </Field>
            <div className="field">
              <button type="submit" disabled={search.busy}>
                {search.busy ? t.searching : t.search}
              </button>
            </div>
          </div>
        ) : (
          <div className="row">
            <Field label={t.lastName}>
              {(p) => (
                <input
                  {...p}
                  value={q.lastName}
                  onChange={(e) => set('lastName')(e.target.value)}
                  required
                  autoComplete="off"
                />
              )}
            </Field>
            <Field label={t.dob}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={q.dateOfBirth}
                  onChange={(e) => set('dateOfBirth')(e.target.value)}
                  required
                />
              )}
            </Field>
            <Field label={t.firstName}>
              {(p) => (
                <input
                  {...p}
                  value={q.firstName}
                  onChange={(e) => set('firstName')(e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
            <Field label={t.zip}>
              {(p) => (
                <input
                  {...p}
                  value={q.zip}
                  onChange={(e) => set('zip')(e.target.value)}
                  inputMode="numeric"
                  pattern="\d{5}(-?\d{4})?"
                />
              )}
            </Field>
            <div className="field">
              <button type="submit" disabled={search.busy}>
                {search.busy ? t.searching : t.search}
              </button>
            </div>
          </div>
        )}
      </form>
      <ErrorBanner error={search.error} />
      {results && results.length === 0 ? <Empty>{mode === 'id' ? t.noneById : t.none}</Empty> : null}
      {results && results.length > 0 ? (
        <TableBox label={t.results}>
          <table>
            <caption>{t.results}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.dob}</th>
                <th scope="col">{t.memberId}</th>
                <th scope="col">{t.plan}</th>
                <th scope="col">{t.coverage}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.select}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr key={p.memberId}>
                  <td>
                    {p.firstName} {p.lastName}
                  </td>
                  <td>{formatDate(p.dateOfBirth, lang)}</td>
                  <td>{p.memberId}</td>
                  <td>{p.plan?.name ?? '—'}</td>
                  <td>{p.eligible ? t.eligible : <span className="field-error">{t.notEligible}</span>}</td>
                  <td>
                    {selectedId === p.memberId ? (
                      <strong>{t.selected}</strong>
                    ) : (
                      <button
                        type="button"
                        onClick={() => onSelect(p)}
                        aria-label={`${t.select}: ${p.firstName} ${p.lastName} (${p.memberId})`}
                      >
                        {t.select}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      ) : null}
    </div>
  );
}
