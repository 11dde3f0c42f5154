import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Link, useRouter } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Empty, ErrorBanner, Field, Notice, Page, Section, StatusBadge } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import type { Items, Patient } from '../../api/types';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Find a member',
    intro: 'Find the caller’s member record, then verify who they are before you discuss anything about it.',
    byId: 'By member ID',
    memberId: 'Member ID',
    memberIdHint: 'As printed on the card, e.g. M000101',
    open: 'Open member',
    byName: 'By name and date of birth',
    lastName: 'Last name',
    dob: 'Date of birth',
    firstName: 'First name (optional)',
    zip: 'ZIP code (optional)',
    search: 'Search',
    required: 'Required',
    zipFormat: 'Five digits (or ZIP+4)',
    noId: 'No member has ID {id}. Check the number on the card, or search by name and date of birth.',
    noMatch:
      'No member matches {name}, born {dob}. Check the spelling and the date, or leave out the first name and ZIP.',
    results: 'Members found',
    name: 'Name',
    born: 'Date of birth',
    plan: 'Plan',
    coverage: 'Coverage',
    active: 'Covered',
    ended: 'Not covered',
  },
  es: {
    title: 'Buscar un afiliado',
    intro: 'Busque el registro del afiliado y verifique la identidad de quien llama antes de hablar de él.',
    byId: 'Por número de afiliado',
    memberId: 'Número de afiliado',
    memberIdHint: 'Como aparece en la tarjeta, p. ej. M000101',
    open: 'Abrir afiliado',
    byName: 'Por nombre y fecha de nacimiento',
    lastName: 'Apellido',
    dob: 'Fecha de nacimiento',
    firstName: 'Nombre (opcional)',
    zip: 'Código postal (opcional)',
    search: 'Buscar',
    required: 'Obligatorio',
    zipFormat: 'Cinco dígitos (o ZIP+4)',
    noId: 'Ningún afiliado tiene el número {id}. Revise la tarjeta o busque por nombre y fecha de nacimiento.',
    noMatch:
      'Ningún afiliado coincide con {name}, nacido el {dob}. Revise la ortografía y la fecha, o quite el nombre y el código postal.',
    results: 'Afiliados encontrados',
    name: 'Nombre',
    born: 'Fecha de nacimiento',
    plan: 'Plan',
    coverage: 'Cobertura',
    active: 'Cubierto',
    ended: 'Sin cobertura',
  },
};

export function FindMemberPage() {
  const t = useText(TEXT);
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <div className="grid">
        <FindById />
        <FindByName />
      </div>
    </Page>
  );
}

function FindById() {
  const t = useText(TEXT);
  const { navigate } = useRouter();
  const [id, setId] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const open = useAction(async (memberId: string) => {
    try {
      await api.get<Patient>(`/members/${encodeURIComponent(memberId)}`);
      navigate(`/services/members/${encodeURIComponent(memberId)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(memberId);
      else throw e;
    }
  });
  const value = id.trim().toUpperCase();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setMissing(null);
    if (value) void open.run(value);
  };
  return (
    <Section title={t.byId}>
      <form onSubmit={submit} noValidate>
        <Field label={t.memberId} hint={t.memberIdHint} error={touched && !value ? t.required : null}>
          {(p) => <input {...p} value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" maxLength={20} />}
        </Field>
        <button type="submit" className="primary" disabled={open.busy}>
          {t.open}
        </button>
      </form>
      {missing ? <Notice tone="warning">{fill(t.noId, { id: missing })}</Notice> : null}
      <ErrorBanner error={open.error} />
    </Section>
  );
}

interface NameSearch {
  lastName: string;
  dateOfBirth: string;
  firstName: string;
  zip: string;
}

function FindByName() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [form, setForm] = useState<NameSearch>({ lastName: '', dateOfBirth: '', firstName: '', zip: '' });
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{ query: NameSearch; items: Patient[] } | null>(null);
  const search = useAction(async (q: NameSearch) => {
    const r = await api.get<Items<Patient>>('/members/search', {
      lastName: q.lastName.trim(),
      dateOfBirth: q.dateOfBirth,
      firstName: q.firstName.trim(),
      zip: q.zip.trim(),
    });
    setResult({ query: q, items: r.items });
  });
  const zipBad = form.zip.trim() !== '' && !/^\d{5}(-?\d{4})?$/.test(form.zip.trim());
  const errors = {
    lastName: touched && !form.lastName.trim() ? t.required : null,
    dateOfBirth: touched && !form.dateOfBirth ? t.required : null,
    zip: zipBad ? t.zipFormat : null,
  };
  const set = (k: keyof NameSearch) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!form.lastName.trim() || !form.dateOfBirth || zipBad) return;
    setResult(null);
    void search.run(form);
  };
  return (
    <Section title={t.byName}>
      <form onSubmit={submit} noValidate>
        <Field label={t.lastName} error={errors.lastName}>
          {(p) => <input {...p} value={form.lastName} onChange={set('lastName')} autoComplete="off" maxLength={100} />}
        </Field>
        <Field label={t.dob} error={errors.dateOfBirth}>
          {(p) => <input {...p} type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} />}
        </Field>
        <Field label={t.firstName}>
          {(p) => (
            <input {...p} value={form.firstName} onChange={set('firstName')} autoComplete="off" maxLength={100} />
          )}
        </Field>
        <Field label={t.zip} error={errors.zip}>
          {(p) => (
            <input
              {...p}
              value={form.zip}
              onChange={set('zip')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={10}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={search.busy}>
          {t.search}
        </button>
      </form>
      <ErrorBanner error={search.error} />
      {result && result.items.length === 0 ? (
        <Notice tone="warning">
          {fill(t.noMatch, {
            name: [result.query.firstName.trim(), result.query.lastName.trim()].filter(Boolean).join(' '),
            dob: formatDate(result.query.dateOfBirth, lang),
          })}
        </Notice>
      ) : null}
      {result && result.items.length > 0 ? <SearchResults items={result.items} /> : null}
    </Section>
  );
}

function SearchResults({ items }: { items: Patient[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (items.length === 0) return <Empty>—</Empty>;
  return (
    <TableBox label={t.results}>
      <table>
        <caption>{t.results}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.memberId}</th>
            <th scope="col">{t.born}</th>
            <th scope="col">{t.plan}</th>
            <th scope="col">{t.coverage}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.memberId}>
              <td>
                <Link to={`/services/members/${encodeURIComponent(m.memberId)}`}>
                  {m.firstName} {m.lastName}
                </Link>
              </td>
              <td>{m.memberId}</td>
              <td>{formatDate(m.dateOfBirth, lang)}</td>
              <td>{m.plan?.name ?? '—'}</td>
              <td>
                <StatusBadge status={m.eligible ? 'approved' : 'denied'} label={m.eligible ? t.active : t.ended} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
