import { useEffect, useMemo, useState } from 'react';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { diffCriteria } from '../../../../src/shared/criteria-diff';
import { validateCriteriaSet, type CriteriaSet } from '../../../../src/shared/criteria-set';
import type { ApiAnswer } from '../../api/api-shapes';
import { api } from '../../api/client';
import { Link, useRouter } from '../../app/router';
import { fill, useText } from '../../i18n/i18n';
import { QuestionnaireForm } from '../../questionnaire/questionnaire-form';
import { ErrorBanner, Field, Loading, Notice, Page, Section } from '../../ui/components';
import { useAction, useApi } from '../../ui/use-api';
import { CriteriaDiffView } from './criteria-diff-view';
import { errorsAt } from './criteria-draft-model';
import { CriteriaQuestionsEditor } from './criteria-questions-editor';
import { CriteriaRulesEditor } from './criteria-rules-editor';
import { SimulationReportView, type SimulationReport } from './simulation-report';

type Draft = ApiAnswer<'/api/v1/criteria/{id}/draft', 'get'>;

const TEXT = {
  en: {
    title: 'Edit draft: {id}',
    back: 'Back to the criteria set',
    noDraft:
      'No draft is open. A draft starts as a copy of the current version; the current version stays in effect until the draft is published.',
    start: 'Start a draft',
    status: 'Draft of version {v}, revision {r}',
    unsaved: 'Unsaved changes.',
    problems: '{n} problems to fix before the draft can be simulated or published.',
    valid: 'The draft is valid.',
    settings: 'Settings',
    setTitle: 'Title',
    duration: 'Approval lasts (days)',
    facts: 'Facts the plan computes from claim history (JSON)',
    factsHint: 'e.g. [{"name":"ageYears","kind":"member-age"}]; kinds: member-age, member-sex, days-supply-filled.',
    notJson: 'Not valid JSON: {m}',
    questions: 'Questions',
    rules: 'Rules (all must be met to approve automatically)',
    preview: 'Preview of the form prescribers see',
    noPreview: 'Fix the questions to see the preview.',
    changes: 'Changes from version {v}',
    simulate: 'Simulation on past cases',
    months: 'Months of decided cases to replay',
    save: 'Save draft',
    saved: 'Saved.',
    run: 'Simulate',
    stale: 'The draft changed after the last simulation: simulate again before publishing.',
    publish: 'Publish as version {v}',
    publishHint: 'Publishing needs a valid, saved draft simulated at its latest revision.',
    discard: 'Discard draft',
  },
  es: {
    title: 'Editar borrador: {id}',
    back: 'Volver al conjunto de criterios',
    noDraft:
      'No hay un borrador abierto. Un borrador empieza como copia de la versión vigente, que sigue en vigor hasta publicar el borrador.',
    start: 'Empezar un borrador',
    status: 'Borrador de la versión {v}, revisión {r}',
    unsaved: 'Cambios sin guardar.',
    problems: '{n} problemas que corregir antes de simular o publicar el borrador.',
    valid: 'El borrador es válido.',
    settings: 'Ajustes',
    setTitle: 'Título',
    duration: 'La aprobación dura (días)',
    facts: 'Datos que calcula el plan del historial de reclamaciones (JSON)',
    factsHint: 'p. ej. [{"name":"ageYears","kind":"member-age"}]; tipos: member-age, member-sex, days-supply-filled.',
    notJson: 'JSON no válido: {m}',
    questions: 'Preguntas',
    rules: 'Reglas (todas deben cumplirse para aprobar automáticamente)',
    preview: 'Vista previa del formulario que ven los recetadores',
    noPreview: 'Corrija las preguntas para ver la vista previa.',
    changes: 'Cambios respecto a la versión {v}',
    simulate: 'Simulación con casos pasados',
    months: 'Meses de casos decididos que repetir',
    save: 'Guardar borrador',
    saved: 'Guardado.',
    run: 'Simular',
    stale: 'El borrador cambió después de la última simulación: simule de nuevo antes de publicar.',
    publish: 'Publicar como versión {v}',
    publishHint: 'Para publicar, el borrador debe ser válido, estar guardado y simulado en su última revisión.',
    discard: 'Descartar borrador',
  },
};

/**
 * The criteria editor (docs/design.md#criteria-authoring): the draft's settings, questions, facts
 * and rules, validated as the author types by the server's own function; a preview with the
 * prescribers' form renderer; the diff from the version it came from; simulate, then publish.
 */
export function CriteriaEditorPage({ id }: { id: string }) {
  const t = useText(TEXT);
  const { navigate } = useRouter();
  const path = `/criteria/${encodeURIComponent(id)}`;
  const loaded = useApi<Draft>(`${path}/draft`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [body, setBody] = useState<CriteriaSet | null>(null);
  const [dirty, setDirty] = useState(false);
  const [factsText, setFactsText] = useState('');
  const [factsError, setFactsError] = useState<string | null>(null);
  const [months, setMonths] = useState(12);
  const [report, setReport] = useState<SimulationReport | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const [preview, setPreview] = useState<QuestionnaireResponse | null>(null);

  const adopt = (d: Draft) => {
    setDraft(d);
    setBody(d.body as unknown as CriteriaSet);
    setFactsText(JSON.stringify((d.body as { facts?: unknown }).facts ?? [], null, 2));
    setFactsError(null);
    setDirty(false);
    if (d.simulation && d.simulationCurrent) setReport(d.simulation);
  };
  useEffect(() => {
    if (loaded.data) adopt(loaded.data);
  }, [loaded.data]);

  const base = useApi<CriteriaSet>(draft ? path : null, draft ? { version: draft.baseVersion } : undefined);
  const validation = useMemo(() => (body ? validateCriteriaSet(body) : null), [body]);
  const errors = validation && !validation.ok ? validation.errors : [];
  const diff = useMemo(() => (body && base.data ? diffCriteria(base.data, body) : null), [body, base.data]);
  const questionsOk = !errors.some((e) => e.path.startsWith('questionnaire'));

  const edit = (next: CriteriaSet) => {
    setBody(next);
    setDirty(true);
    setSavedNote(false);
  };
  const start = useAction(async () => adopt(await api.post<Draft>(`${path}/draft`)));
  const save = useAction(async () => {
    const saved = await api.put<Draft>(`${path}/draft`, { revision: draft!.revision, criteriaSet: body });
    adopt(saved);
    setSavedNote(true);
    return saved;
  });
  const simulate = useAction(async () => {
    const current = dirty ? await save.run() : draft;
    if (!current) return;
    const r = await api.post<SimulationReport>(`${path}/simulations`, { months });
    setReport(r);
    setDraft({ ...current, simulation: r, simulationCurrent: r.draftRevision === current.revision });
  });
  const publish = useAction(async () => {
    const done = await api.post<{ version: number }>(`${path}/draft/publish`, { revision: draft!.revision });
    navigate(`/admin/criteria/${encodeURIComponent(id)}?published=${done.version}`);
  });
  const discard = useAction(async () => {
    await api.del(`${path}/draft`);
    navigate(`/admin/criteria/${encodeURIComponent(id)}`);
  });

  const back = <Link to={`/admin/criteria/${encodeURIComponent(id)}`}>{t.back}</Link>;
  if (loaded.loading && !draft) return <Loading />;
  if (!draft || !body)
    return (
      <Page title={fill(t.title, { id })} actions={back}>
        {loaded.error && loaded.error.status !== 404 ? <ErrorBanner error={loaded.error} /> : <p>{t.noDraft}</p>}
        <ErrorBanner error={start.error} />
        <button type="button" onClick={() => start.run()} disabled={start.busy}>
          {t.start}
        </button>
      </Page>
    );

  const canPublish =
    !dirty && errors.length === 0 && draft.simulationCurrent && report?.draftRevision === draft.revision;
  return (
    <Page title={fill(t.title, { id })} actions={back}>
      <p>
        {fill(t.status, { v: draft.baseVersion, r: draft.revision })} {dirty ? <strong>{t.unsaved}</strong> : null}
      </p>
      <div role="status" className="criteria-validation" data-valid={errors.length === 0}>
        {errors.length ? fill(t.problems, { n: errors.length }) : t.valid}
      </div>
      <Section title={t.settings}>
        <Field label={t.setTitle} error={errorsAt(errors, 'title')}>
          {(p) => <input {...p} value={body.title ?? ''} onChange={(e) => edit({ ...body, title: e.target.value })} />}
        </Field>
        <Field label={t.duration} error={errorsAt(errors, 'approval.durationDays')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={730}
              value={body.approval?.durationDays ?? ''}
              onChange={(e) => edit({ ...body, approval: { ...body.approval, durationDays: Number(e.target.value) } })}
            />
          )}
        </Field>
        <Field label={t.facts} hint={t.factsHint} error={factsError ?? errorsAt(errors, 'facts', false)}>
          {(p) => (
            <textarea
              {...p}
              className="admin-code"
              rows={6}
              spellCheck={false}
              value={factsText}
              onChange={(e) => {
                setFactsText(e.target.value);
                try {
                  edit({ ...body, facts: JSON.parse(e.target.value) });
                  setFactsError(null);
                } catch (err) {
                  setFactsError(fill(t.notJson, { m: (err as Error).message }));
                  setDirty(true);
                }
              }}
            />
          )}
        </Field>
      </Section>
      <Section title={t.questions}>
        <CriteriaQuestionsEditor set={body} errors={errors} onChange={edit} />
      </Section>
      <Section title={t.rules}>
        <CriteriaRulesEditor set={body} errors={errors} onChange={edit} />
      </Section>
      <Section title={t.preview}>
        {questionsOk && body.questionnaire ? (
          <QuestionnaireForm questionnaire={body.questionnaire} response={preview} onChange={setPreview} />
        ) : (
          <Notice tone="warning">{t.noPreview}</Notice>
        )}
      </Section>
      <Section title={fill(t.changes, { v: draft.baseVersion })}>
        {diff ? <CriteriaDiffView diff={diff} /> : <Loading />}
      </Section>
      <Section title={t.simulate}>
        <Field label={t.months}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={36}
              value={months}
              onChange={(e) => setMonths(Number(e.target.value))}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() => save.run()}
            disabled={save.busy || !dirty || !!factsError}
          >
            {t.save}
          </button>
          <button
            type="button"
            onClick={() => simulate.run()}
            disabled={simulate.busy || errors.length > 0 || !!factsError}
          >
            {t.run}
          </button>
        </div>
        {savedNote ? <Notice tone="success">{t.saved}</Notice> : null}
        <ErrorBanner error={save.error ?? simulate.error} />
        {report && report.draftRevision !== draft.revision ? <Notice tone="warning">{t.stale}</Notice> : null}
        {report ? <SimulationReportView report={report} /> : null}
      </Section>
      <Section title={fill(t.publish, { v: draft.baseVersion + 1 })}>
        <p className="muted">{t.publishHint}</p>
        <ErrorBanner error={publish.error ?? discard.error} />
        <div className="actions">
          <button type="button" onClick={() => publish.run()} disabled={!canPublish || publish.busy}>
            {fill(t.publish, { v: draft.baseVersion + 1 })}
          </button>
          <button type="button" className="secondary" onClick={() => discard.run()} disabled={discard.busy}>
            {t.discard}
          </button>
        </div>
      </Section>
    </Page>
  );
}
