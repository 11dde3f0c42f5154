import { useState, type FormEvent } from 'react';
import { withQuery } from '../../api/client';
import { Link, useRouter } from '../../app/router';
import { useText } from '../../i18n/i18n';
import { Async, Field, Notice, Page, Section } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import { InsuranceCard } from './insurance-card';
import type { Patient } from '../../api/types';

const TEXT = {
  en: {
    title: 'Find a patient’s insurance',
    intro: 'Search by last name and date of birth. Add the first name or ZIP code when there are several matches.',
    lastName: 'Last name',
    dob: 'Date of birth',
    firstName: 'First name (optional)',
    zip: 'ZIP code (optional)',
    search: 'Search',
    required: 'Required',
    zipFormat: 'Five digits, or ZIP+4',
    results: 'Patients found',
    notFound:
      'No member found with that last name and date of birth. Check the spelling and the date, or ask the patient for their member ID card.',
    open: 'Check coverage and start a request',
  },
  es: {
    title: 'Buscar el seguro de un paciente',
    intro:
      'Busque por apellido y fecha de nacimiento. Agregue el nombre o el código postal si hay varias coincidencias.',
    lastName: 'Apellido',
    dob: 'Fecha de nacimiento',
    firstName: 'Nombre (opcional)',
    zip: 'Código postal (opcional)',
    search: 'Buscar',
    required: 'Obligatorio',
    zipFormat: 'Cinco dígitos, o ZIP+4',
    results: 'Pacientes encontrados',
    notFound:
      'No se encontró ningún afiliado con ese apellido y fecha de nacimiento. Revise la ortografía y la fecha, o pida al paciente su tarjeta de afiliado.',
    open: 'Revisar cobertura e iniciar una solicitud',
  },
};

/** `/prescriber/patients`: patient insurance search (the search is kept in the address, so Back returns to it). */
export function PatientSearchPage() {
  const t = useText(TEXT);
  const { search, navigate } = useRouter();
  const query = {
    lastName: search.get('lastName') ?? '',
    dateOfBirth: search.get('dateOfBirth') ?? '',
    firstName: search.get('firstName') ?? '',
    zip: search.get('zip') ?? '',
  };
  const [form, setForm] = useState(query);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof query, string>>>({});
  const ready = query.lastName.trim() !== '' && query.dateOfBirth !== '';
  const results = useApi<{ items: Patient[] }>(ready ? '/members/search' : null, {
    lastName: query.lastName.trim(),
    dateOfBirth: query.dateOfBirth,
    firstName: query.firstName.trim() || undefined,
    zip: query.zip.trim() || undefined,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!form.lastName.trim()) next.lastName = t.required;
    if (!form.dateOfBirth) next.dateOfBirth = t.required;
    if (form.zip.trim() && !/^\d{5}(-?\d{4})?$/.test(form.zip.trim())) next.zip = t.zipFormat;
    setErrors(next);
    if (Object.keys(next).length) return;
    navigate(withQuery('/prescriber/patients', form));
  };
  const set = (k: keyof typeof query) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <Page title={t.title}>
      <Section title={t.search}>
        <p className="muted">{t.intro}</p>
        <form onSubmit={submit} noValidate>
          <div className="row">
            <Field label={t.lastName} error={errors.lastName}>
              {(p) => <input {...p} value={form.lastName} onChange={set('lastName')} autoComplete="off" required />}
            </Field>
            <Field label={t.dob} error={errors.dateOfBirth}>
              {(p) => <input {...p} type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} required />}
            </Field>
            <Field label={t.firstName}>
              {(p) => <input {...p} value={form.firstName} onChange={set('firstName')} autoComplete="off" />}
            </Field>
            <Field label={t.zip} error={errors.zip}>
              {(p) => <input {...p} value={form.zip} onChange={set('zip')} inputMode="numeric" size={10} />}
            </Field>
            <div className="field">
              <button type="submit" className="primary">
                {t.search}
              </button>
            </div>
          </div>
        </form>
      </Section>
      {ready ? (
        <Async state={results}>
          {(data) =>
            data.items.length === 0 ? (
              <Notice tone="warning">{t.notFound}</Notice>
            ) : (
              <section aria-label={t.results}>
                <h2>{t.results}</h2>
                {data.items.map((p) => (
                  <InsuranceCard key={p.memberId} patient={p} headingLevel={3}>
                    <Link to={`/prescriber/patients/${encodeURIComponent(p.memberId)}`}>{t.open}</Link>
                  </InsuranceCard>
                ))}
              </section>
            )
          }
        </Async>
      ) : null}
    </Page>
  );
}
