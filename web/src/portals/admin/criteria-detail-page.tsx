import { Link, useRouter } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import type { ApiAnswer } from '../../api/api-shapes';
import { Async, KeyValues, Notice, Page, Section } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { CriteriaSet, CriteriaSummary } from './api-types';
import { CriteriaDiffView } from './criteria-diff-view';
import { CriteriaDrugs } from './criteria-drugs';
import { QuestionList } from './question-list';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    back: 'All criteria',
    summary: 'Summary',
    version: 'Version',
    effective: 'In effect since',
    scope: 'Authorization covers',
    scopeGroup: 'Every strength of the drug-form group',
    scopeBrand: 'The brand only',
    duration: 'Approval lasts',
    days: '{n} days',
    quantity: 'Quantity limit on approval',
    qty: '{units} per {days} days',
    none: 'None',
    drugs: 'Drugs covered',
    questions: 'Questions',
    rules: 'Rules (all must be met to approve automatically)',
    rule: 'Rule',
    meaning: 'Meaning',
    expression: 'FHIRPath expression',
    documents: 'Required documents',
    noDocuments: 'No document is required.',
    facts: 'Facts the plan computes (never asked)',
    lookback: 'look-back {n} days',
    versions: 'Other versions',
    current: 'current',
    edit: 'Edit (draft)',
    published: 'Version {v} is published. Cases opened before it keep the version they started with.',
    changes: 'Changes from version {v}',
  },
  es: {
    back: 'Todos los criterios',
    summary: 'Resumen',
    version: 'Versión',
    effective: 'Vigente desde',
    scope: 'La autorización cubre',
    scopeGroup: 'Todas las concentraciones del grupo',
    scopeBrand: 'Solo la marca',
    duration: 'La aprobación dura',
    days: '{n} días',
    quantity: 'Límite de cantidad al aprobar',
    qty: '{units} cada {days} días',
    none: 'Ninguno',
    drugs: 'Medicamentos cubiertos',
    questions: 'Preguntas',
    rules: 'Reglas (todas deben cumplirse para aprobar automáticamente)',
    rule: 'Regla',
    meaning: 'Significado',
    expression: 'Expresión FHIRPath',
    documents: 'Documentos requeridos',
    noDocuments: 'No se requiere ningún documento.',
    facts: 'Datos que calcula el plan (no se preguntan)',
    lookback: 'últimos {n} días',
    versions: 'Otras versiones',
    current: 'vigente',
    edit: 'Editar (borrador)',
    published: 'Se publicó la versión {v}. Los casos abiertos antes conservan la versión con la que empezaron.',
    changes: 'Cambios respecto a la versión {v}',
  },
};

/** GET /criteria/{id}[?version=n]: the drugs it covers, its version and date, the questions and rules. */
export function CriteriaDetailPage({ id }: { id: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const { search } = useRouter();
  const version = search.get('version') ?? undefined;
  const set = useApi<CriteriaSet>(`/criteria/${encodeURIComponent(id)}`, { version });
  const all = useApi<{ items: CriteriaSummary[] }>('/criteria', { all: 'true' });
  const published = search.get('published');
  const shown = set.data?.version;
  const diff = useApi<ApiAnswer<'/api/v1/criteria/{id}/diff', 'get'>>(
    shown && shown > 1 ? `/criteria/${encodeURIComponent(id)}/diff` : null,
    { from: (shown ?? 2) - 1, to: shown ?? 1 },
  );
  return (
    <Page
      title={set.data?.title ?? id}
      actions={
        <>
          <Link to={`/admin/criteria/${encodeURIComponent(id)}/edit`}>{t.edit}</Link>{' '}
          <Link to="/admin/criteria">{t.back}</Link>
        </>
      }
    >
      {published ? <Notice tone="success">{fill(t.published, { v: published })}</Notice> : null}
      <Async state={set}>
        {(c) => {
          const versions = (all.data?.items ?? []).filter((v) => v.id === c.id).sort((a, b) => b.version - a.version);
          const meta = versions.find((v) => v.version === c.version);
          return (
            <>
              <Section title={t.summary}>
                <KeyValues
                  rows={[
                    [t.version, `v${c.version}`],
                    [t.effective, meta ? formatDate(meta.createdAt, lang) : '—'],
                    [t.scope, c.scope === 'brand-only' ? t.scopeBrand : t.scopeGroup],
                    [t.duration, fill(t.days, { n: c.approval.durationDays })],
                    [
                      t.quantity,
                      c.approval.maxQuantityPerDays
                        ? fill(t.qty, {
                            units: c.approval.maxQuantityPerDays.units,
                            days: c.approval.maxQuantityPerDays.days,
                          })
                        : t.none,
                    ],
                  ]}
                />
                {versions.length > 1 ? (
                  <p>
                    {t.versions}:{' '}
                    {versions
                      .filter((v) => v.version !== c.version)
                      .map((v, i) => (
                        <span key={v.version}>
                          {i > 0 ? ', ' : ''}
                          <Link
                            to={`/admin/criteria/${encodeURIComponent(c.id)}${v.current ? '' : `?version=${v.version}`}`}
                          >
                            v{v.version}
                            {v.current ? ` (${t.current})` : ''}
                          </Link>
                        </span>
                      ))}
                  </p>
                ) : null}
              </Section>
              {c.version > 1 && diff.data ? (
                <Section title={fill(t.changes, { v: c.version - 1 })}>
                  <CriteriaDiffView diff={diff.data} />
                </Section>
              ) : null}
              <Section title={t.drugs}>
                {c.appliesTo.note ? <p>{c.appliesTo.note}</p> : null}
                <CriteriaDrugs groupIds={c.appliesTo.scdf} />
              </Section>
              <Section title={t.questions}>
                <QuestionList items={c.questionnaire.item ?? []} />
              </Section>
              <Section title={t.rules}>
                <TableBox label={t.rules}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t.rule}</th>
                        <th scope="col">{t.meaning}</th>
                        <th scope="col">{t.expression}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.rules.map((r) => (
                        <tr key={r.id}>
                          <th scope="row">{r.id}</th>
                          <td>{r.text}</td>
                          <td className="admin-code">{r.expression}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableBox>
              </Section>
              <Section title={t.documents}>
                {c.requiredDocuments.length ? (
                  <ul>
                    {c.requiredDocuments.map((d) => (
                      <li key={d.id}>{d.text}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t.noDocuments}</p>
                )}
                {c.facts.length ? (
                  <>
                    <h3>{t.facts}</h3>
                    <ul>
                      {c.facts.map((f) => (
                        <li key={f.name}>
                          <span className="admin-code">{f.name}</span>: {f.kind}
                          {f.kind === 'days-supply-filled' ? (
                            <>
                              {f.ingredients?.length ? ` (${f.ingredients.join(', ')})` : ''}
                              {f.drugClasses?.length ? ` (${f.drugClasses.join(', ')})` : ''}
                              {`, ${fill(t.lookback, { n: f.lookbackDays })}`}
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </Section>
            </>
          );
        }}
      </Async>
    </Page>
  );
}
