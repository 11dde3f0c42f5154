import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useMe } from '../../app/session';
import { fill, useLang, useText, type Lang } from '../../i18n/i18n';
import { ErrorBanner, Field, Section } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import { DecisionForm, type DenialTemplate } from './decision-form';
import type { RequestView } from '../../api/types';
import { reasonLines } from './text-helpers';
import { assigneeLabel } from '../../ui/people';
import { ON_CLOCK } from '../../ui/statuses';
import { criterionText } from './case-details';

/** What a reviewer can do on an open case; each action refreshes the case and says what happened. */
const TEXT = {
  en: {
    title: 'Actions',
    assignedToYou: 'This case is assigned to you.',
    assignedTo: 'This case is assigned to {who}.',
    unassigned: 'Nobody has taken this case yet.',
    assign: 'Assign to me',
    assigning: 'Assigning…',
    assignedDone: 'The case is assigned to you.',
    infoTitle: 'Request information from the prescriber',
    questions: 'Questions for the prescriber',
    questionsHint: 'One question per line.',
    documents: 'Documents to send',
    documentsHint: 'One document per line, e.g. "Most recent HbA1c lab report".',
    note: 'Note to the prescriber (optional)',
    sendRequest: 'Send information request',
    sending: 'Sending…',
    needItem: 'Write at least one question or document.',
    infoDone: 'The information request was sent to the prescriber. The review clock stops until they answer.',
    waiting: 'Waiting for the prescriber to answer the information request. You can decide once the answer arrives.',
    decideTitle: 'Decide',
    decided: 'Decision recorded: {decision}.',
    urgencyTitle: 'Reclassify as standard',
    urgencyHint:
      'Only when the request does not meet the urgent definition (serious jeopardy to life, health or function, or severe pain). The prescriber and member are told.',
    reason: 'Why it is not urgent',
    reclassify: 'Reclassify as standard',
    needReason: 'Say why the request is not urgent.',
    urgencyDone: 'The request is now standard; the due time was recomputed.',
  },
  es: {
    title: 'Acciones',
    assignedToYou: 'Este caso está asignado a usted.',
    assignedTo: 'Este caso está asignado a {who}.',
    unassigned: 'Nadie ha tomado este caso todavía.',
    assign: 'Asignarme',
    assigning: 'Asignando…',
    assignedDone: 'El caso está asignado a usted.',
    infoTitle: 'Pedir información al recetador',
    questions: 'Preguntas para el recetador',
    questionsHint: 'Una pregunta por línea.',
    documents: 'Documentos que debe enviar',
    documentsHint: 'Un documento por línea, p. ej. "Último resultado de HbA1c".',
    note: 'Nota para el recetador (opcional)',
    sendRequest: 'Enviar solicitud de información',
    sending: 'Enviando…',
    needItem: 'Escriba al menos una pregunta o un documento.',
    infoDone: 'Se envió la solicitud de información al recetador. El plazo de revisión se detiene hasta que responda.',
    waiting: 'Esperando la respuesta del recetador. Podrá decidir cuando llegue.',
    decideTitle: 'Decidir',
    decided: 'Decisión registrada: {decision}.',
    urgencyTitle: 'Reclasificar como estándar',
    urgencyHint:
      'Solo cuando la solicitud no cumple la definición de urgente (riesgo grave para la vida, la salud o la función, o dolor intenso). Se avisa al recetador y al afiliado.',
    reason: 'Por qué no es urgente',
    reclassify: 'Reclasificar como estándar',
    needReason: 'Diga por qué la solicitud no es urgente.',
    urgencyDone: 'La solicitud ahora es estándar; se recalculó el plazo.',
  },
};

type Text = (typeof TEXT)['en'];
const OPEN = ON_CLOCK;
const DECIDABLE = ['submitted', 'in-review'];

/** The criteria not met (or not known) with the criteria set's wording: where a denial's reasons start. */
function denialTemplatesOf(view: RequestView, lang: Lang): DenialTemplate[] {
  const rules = view.criteriaEvaluation?.evaluation?.rules ?? [];
  return rules
    .filter((r) => r.result !== 'met' && view.denialTemplates?.[r.id])
    .map((r) => ({ ruleId: r.id, ruleText: criterionText(view, r, lang), ...view.denialTemplates![r.id] }));
}

export function CaseActions({
  view,
  onDone,
  memberLanguage,
}: {
  view: RequestView;
  onDone: (message: string) => void;
  /** The language the member's letter is written in. */
  memberLanguage?: 'en' | 'es';
}) {
  const t = useText(TEXT);
  const me = useMe();
  const { lang } = useLang();
  if (!OPEN.includes(view.status)) return null;
  const mine = view.assignedTo === me.username;
  return (
    <Section title={t.title} id="actions">
      <AssignAction view={view} mine={mine} t={t} onDone={onDone} />
      {view.status === 'awaiting-information' ? <p>{t.waiting}</p> : null}
      {DECIDABLE.includes(view.status) ? (
        <>
          <h3>{t.decideTitle}</h3>
          <DecisionForm
            kind="case"
            requestedQuantity={view.quantity}
            assignedToMe={mine}
            adverseRoles={view.adverseDecisionRoles}
            tierChoices={view.exceptionTiers}
            myRole={me.role}
            denialTemplates={denialTemplatesOf(view, lang)}
            memberLanguage={memberLanguage}
            onSubmit={(body) =>
              api.post<RequestView>(`/pa-requests/${encodeURIComponent(view.id)}/determination`, body)
            }
            onDone={(decision) => onDone(fill(t.decided, { decision }))}
          />
          <InformationRequestForm view={view} t={t} onDone={onDone} />
        </>
      ) : null}
      {view.urgency === 'urgent' ? <ReclassifyForm view={view} t={t} onDone={onDone} /> : null}
    </Section>
  );
}

function AssignAction({
  view,
  mine,
  t,
  onDone,
}: {
  view: RequestView;
  mine: boolean;
  t: Text;
  onDone: (m: string) => void;
}) {
  const { lang } = useLang();
  const action = useAction(() => api.post<RequestView>(`/pa-requests/${encodeURIComponent(view.id)}/assign`));
  return (
    <div>
      <p>
        {mine
          ? t.assignedToYou
          : view.assignedTo
            ? fill(t.assignedTo, { who: assigneeLabel(view, lang) ?? '' })
            : t.unassigned}
      </p>
      {mine ? null : (
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          onClick={async () => {
            if (await action.run()) onDone(t.assignedDone);
          }}
        >
          {action.busy ? t.assigning : t.assign}
        </button>
      )}
      <ErrorBanner error={action.error} />
    </div>
  );
}

function InformationRequestForm({ view, t, onDone }: { view: RequestView; t: Text; onDone: (m: string) => void }) {
  const [questions, setQuestions] = useState('');
  const [documents, setDocuments] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction((body: unknown) =>
    api.post<RequestView>(`/pa-requests/${encodeURIComponent(view.id)}/information-requests`, body),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const items = [
      ...reasonLines(questions).map((question) => ({ question })),
      ...reasonLines(documents).map((document) => ({ document })),
    ];
    if (items.length === 0) {
      setInvalid(t.needItem);
      return;
    }
    setInvalid(null);
    if (await action.run({ items, ...(note.trim() ? { note: note.trim() } : {}) })) {
      setQuestions('');
      setDocuments('');
      setNote('');
      onDone(t.infoDone);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t.infoTitle}</h3>
      <Field label={t.questions} hint={t.questionsHint} error={invalid}>
        {(p) => <textarea {...p} value={questions} onChange={(e) => setQuestions(e.target.value)} />}
      </Field>
      <Field label={t.documents} hint={t.documentsHint}>
        {(p) => <textarea {...p} value={documents} onChange={(e) => setDocuments(e.target.value)} />}
      </Field>
      <Field label={t.note}>{(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <ErrorBanner error={action.error} />
      <button type="submit" disabled={action.busy}>
        {action.busy ? t.sending : t.sendRequest}
      </button>
    </form>
  );
}

function ReclassifyForm({ view, t, onDone }: { view: RequestView; t: Text; onDone: (m: string) => void }) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction((r: string) =>
    api.post<RequestView>(`/pa-requests/${encodeURIComponent(view.id)}/urgency`, { urgency: 'standard', reason: r }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setInvalid(t.needReason);
      return;
    }
    setInvalid(null);
    if (await action.run(reason.trim())) {
      setReason('');
      onDone(t.urgencyDone);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t.urgencyTitle}</h3>
      <Field label={t.reason} hint={t.urgencyHint} error={invalid}>
        {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorBanner error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t.reclassify}
      </button>
    </form>
  );
}
