import { fill, useLang, useText, type Lang } from '../../i18n/i18n';
import { Empty, KeyValues } from '../../ui/components';
import { formatDate, formatDateTime, statusLabel } from '../../ui/format';
import type {
  QuestionnaireItem,
  QuestionnaireResponseItem as ResponseItem,
  QuestionnaireResponseItemAnswer as ResponseAnswer,
} from '@medplum/fhirtypes';
import type { Determination, InformationRequest, RequestView, RuleTrace } from '../../api/types';
import { personName } from './text-helpers';
import { answerIsOption, itemText, optionLabel } from '../../questionnaire/questionnaire-extensions';
import { informationItemText, informationNote, type CaseWords } from '../../ui/information-words';
import { factText, ruleText } from '../../ui/plan-text';

/** The read-only parts of a case a reviewer weighs: answers, the criteria trace, information requests, the decision. */
const TEXT = {
  en: {
    noAnswers: 'No answers were given.',
    yes: 'Yes',
    no: 'No',
    unanswered: 'Not answered',
    file: 'Attached file: {name}',
    noTrace: 'The criteria have not been evaluated yet (the answers are not complete).',
    met: 'Met',
    notMet: 'Not met',
    unknown: 'Unknown',
    outcome: 'Automatic outcome',
    approve: 'every criterion met',
    review: 'needs a clinician',
    evaluated: 'Evaluated {at}',
    used: 'Values used',
    facts: 'Facts the plan computed',
    noRequests: 'No information has been requested.',
    request: 'Request {n}',
    requestedBy: 'Asked by {by} on {at}; answer due {due}',
    items: 'Asked for',
    question: 'Question',
    document: 'Document',
    note: 'Note',
    response: 'Response',
    respondedAt: 'Answered {at} by {by}',
    answersUpdated: 'The answers were updated (see the answers above).',
    attachmentsSent: '{n} document(s) sent',
    noResponse: 'No answer yet.',
    decision: 'Decision',
    reasons: 'Reasons',
    decidedBy: 'Decided by',
    decidedAt: 'Decided',
    authorization: 'Authorization number',
    period: 'Authorization period',
    approvedQuantity: 'Approved quantity',
    criteriaNotMet: 'Criteria not met',
  },
  es: {
    noAnswers: 'No se dieron respuestas.',
    yes: 'Sí',
    no: 'No',
    unanswered: 'Sin responder',
    file: 'Archivo adjunto: {name}',
    noTrace: 'Los criterios aún no se han evaluado (las respuestas no están completas).',
    met: 'Cumple',
    notMet: 'No cumple',
    unknown: 'Desconocido',
    outcome: 'Resultado automático',
    approve: 'cumple todos los criterios',
    review: 'requiere un clínico',
    evaluated: 'Evaluado {at}',
    used: 'Valores usados',
    facts: 'Datos calculados por el plan',
    noRequests: 'No se ha pedido información.',
    request: 'Solicitud {n}',
    requestedBy: 'Pedida por {by} el {at}; respuesta antes de {due}',
    items: 'Se pidió',
    question: 'Pregunta',
    document: 'Documento',
    note: 'Nota',
    response: 'Respuesta',
    respondedAt: 'Respondida {at} por {by}',
    answersUpdated: 'Se actualizaron las respuestas (vea las respuestas arriba).',
    attachmentsSent: '{n} documento(s) enviados',
    noResponse: 'Todavía sin respuesta.',
    decision: 'Decisión',
    reasons: 'Motivos',
    decidedBy: 'Decidida por',
    decidedAt: 'Fecha de decisión',
    authorization: 'Número de autorización',
    period: 'Periodo de autorización',
    approvedQuantity: 'Cantidad aprobada',
    criteriaNotMet: 'Criterios no cumplidos',
  },
};

/** The criteria set's questions by linkId (their words in the screen's language come from them). */
function questionItems(
  items: QuestionnaireItem[] | undefined,
  out = new Map<string, QuestionnaireItem>(),
): Map<string, QuestionnaireItem> {
  for (const it of items ?? []) {
    if (it.text) out.set(it.linkId, it);
    questionItems(it.item, out);
  }
  return out;
}

/**
 * An answer in words. A chosen option keeps its canonical (English) display in the answers; a screen in
 * another language shows the criteria set's translation of that option (docs/design.md#portal-language).
 */
function answerText(a: ResponseAnswer, t: (typeof TEXT)['en'], lang: Lang, question?: QuestionnaireItem): string {
  for (const [key, v] of Object.entries(a)) {
    if (!key.startsWith('value') || v === undefined || v === null) continue;
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    if (key === 'valueDate') return formatDate(String(v), lang);
    if (key === 'valueDateTime') return formatDateTime(String(v), lang);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (key === 'valueCoding') {
        const option = lang === 'en' ? undefined : question?.answerOption?.find((x) => answerIsOption(a, x));
        const display = option ? optionLabel(option, lang) : o.display;
        return display ? `${String(display)} (${String(o.code)})` : String(o.code ?? '');
      }
      if (key === 'valueQuantity') return `${String(o.value ?? '')} ${String(o.unit ?? '')}`.trim();
      if (key === 'valueAttachment') return fill(t.file, { name: String(o.title ?? o.url ?? '') });
      return JSON.stringify(v);
    }
    return String(v);
  }
  return t.unanswered;
}

interface AnswerRow {
  question: string;
  answer: string;
  depth: number;
}

function answerRows(
  items: ResponseItem[] | undefined,
  questions: Map<string, QuestionnaireItem>,
  t: (typeof TEXT)['en'],
  lang: Lang,
  depth = 0,
  out: AnswerRow[] = [],
): AnswerRow[] {
  for (const it of items ?? []) {
    const q = questions.get(it.linkId);
    const question = q ? itemText(q, lang) : (it.text ?? it.linkId);
    const answers = it.answer ?? [];
    if (answers.length > 0 || !it.item?.length)
      out.push({
        question,
        answer: answers.length ? answers.map((a) => answerText(a, t, lang, q)).join('; ') : t.unanswered,
        depth,
      });
    answerRows(it.item, questions, t, lang, depth + 1, out);
    for (const a of answers) answerRows(a.item, questions, t, lang, depth + 1, out);
  }
  return out;
}

export function AnswerList({ view }: { view: RequestView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const rows = answerRows(view.answers?.item, questionItems(view.questionnaire?.item), t, lang);
  if (rows.length === 0) return <Empty>{t.noAnswers}</Empty>;
  return (
    <dl className="answers">
      {rows.map((r, i) => (
        <div key={i} style={{ marginLeft: `${r.depth * 1.25}rem`, marginBottom: '0.5rem' }}>
          <dt className="muted">{r.question}</dt>
          <dd style={{ margin: 0, fontWeight: 500 }}>{r.answer}</dd>
        </div>
      ))}
    </dl>
  );
}

function ResultBadge({ result }: { result: RuleTrace['result'] }) {
  const t = useText(TEXT);
  const [tone, label] =
    result === 'met' ? ['good', t.met] : result === 'not-met' ? ['bad', t.notMet] : ['wait', t.unknown];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

function valueText(v: unknown, t: (typeof TEXT)['en']): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.code === 'string') return o.display ? `${o.code} (${String(o.display)})` : o.code;
  return JSON.stringify(v);
}

/**
 * A criterion of the trace in the screen's language: the case's criteria set words it (with its
 * translation); the trace's own English text where the set no longer has the rule.
 */
export function criterionText(view: RequestView, r: { id: string; text: string }, lang: Lang): string {
  return view.criteria.rules.some((x) => x.id === r.id) ? ruleText(view.criteria.rules, r.id, lang) : r.text;
}

export function CriteriaTrace({ view }: { view: RequestView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const ev = view.criteriaEvaluation;
  const rules = ev?.evaluation?.rules ?? [];
  if (!ev || rules.length === 0) return <Empty>{t.noTrace}</Empty>;
  const facts = Object.entries(ev.facts ?? {});
  const questions = questionItems(view.questionnaire?.item);
  /** A value the rule read, by its name in words: the fact the plan computed, or the question it answers. */
  const valueName = (key: string) => {
    if (key.startsWith('facts.')) return factText(view.criteria.facts, key, lang);
    const q = questions.get(key);
    return q ? itemText(q, lang) : key;
  };
  return (
    <>
      <p>
        {t.outcome}: <strong>{ev.evaluation?.outcome === 'approve' ? t.approve : t.review}</strong>
        {ev.evaluatedAt ? (
          <span className="muted"> · {fill(t.evaluated, { at: formatDateTime(ev.evaluatedAt, lang) })}</span>
        ) : null}
      </p>
      <ul className="timeline criteria-trace">
        {rules.map((r) => (
          <li key={r.id} data-result={r.result}>
            <ResultBadge result={r.result} /> {criterionText(view, r, lang)}
            {r.values && Object.keys(r.values).length ? (
              <div className="muted">
                {t.used}:{' '}
                {Object.entries(r.values)
                  .map(([k, v]) => `${valueName(k)}: ${valueText(v, t)}`)
                  .join('; ')}
              </div>
            ) : null}
            {r.error ? <div className="field-error">{r.error}</div> : null}
          </li>
        ))}
      </ul>
      {facts.length ? (
        <>
          <h3>{t.facts}</h3>
          <KeyValues rows={facts.map(([k, v]) => [factText(view.criteria.facts, k, lang), valueText(v, t)])} />
        </>
      ) : null}
    </>
  );
}

function InformationRequestItem({ r, c }: { r: InformationRequest; c: CaseWords }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <li>
      <h3>
        {fill(t.request, { n: r.sequence })} · {statusLabel(r.status, lang)}
      </h3>
      <p className="muted">
        {fill(t.requestedBy, {
          by: r.requestedBy,
          at: formatDateTime(r.requestedAt, lang),
          due: formatDateTime(r.dueAt, lang),
        })}
      </p>
      <p>{t.items}:</p>
      <ul>
        {r.items.map((it) => (
          <li key={it.id} style={{ border: 'none', padding: 0 }}>
            {it.question
              ? `${t.question}: ${informationItemText({ linkId: it.linkId, question: it.question }, c, lang)}`
              : null}
            {it.question && it.document ? ' · ' : null}
            {it.document
              ? `${t.document}: ${informationItemText({ documentId: it.documentId, document: it.document }, c, lang)}`
              : null}
          </li>
        ))}
      </ul>
      {informationNote(r, lang) ? (
        <p>
          {t.note}: {informationNote(r, lang)}
        </p>
      ) : null}
      <h4>{t.response}</h4>
      {r.respondedAt ? (
        <div>
          <p className="muted">
            {fill(t.respondedAt, { at: formatDateTime(r.respondedAt, lang), by: r.response?.by ?? '—' })}
          </p>
          {r.response?.note ? <p>{r.response.note}</p> : null}
          {r.response?.answered ? <p>{t.answersUpdated}</p> : null}
          {r.response?.attachmentIds?.length ? (
            <p>{fill(t.attachmentsSent, { n: r.response.attachmentIds.length })}</p>
          ) : null}
        </div>
      ) : (
        <p className="empty">{t.noResponse}</p>
      )}
    </li>
  );
}

/** `c`: the case's criteria set words (a question or document of the set is worded from it, translated). */
export function InformationRequests({ requests, c }: { requests: InformationRequest[]; c: CaseWords }) {
  const t = useText(TEXT);
  if (requests.length === 0) return <Empty>{t.noRequests}</Empty>;
  return (
    <ol className="timeline">
      {requests.map((r) => (
        <InformationRequestItem key={r.id} r={r} c={c} />
      ))}
    </ol>
  );
}

export function DeterminationSummary({ d, traceTexts }: { d: Determination; traceTexts: Map<string, string> }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <>
      <KeyValues
        rows={[
          [t.decision, statusLabel(d.decision, lang)],
          [t.decidedBy, personName(d.decidedBy)],
          [t.decidedAt, formatDateTime(d.decidedAt, lang)],
          ...(d.authorizationNumber ? ([[t.authorization, d.authorizationNumber]] as [string, string][]) : []),
          ...(d.effectiveFrom
            ? ([[t.period, `${formatDate(d.effectiveFrom, lang)} – ${formatDate(d.effectiveTo, lang)}`]] as [
                string,
                string,
              ][])
            : []),
          ...(d.approvedQuantity != null
            ? ([[t.approvedQuantity, String(d.approvedQuantity)]] as [string, string][])
            : []),
        ]}
      />
      {d.reasons?.length ? (
        <>
          <h3>{t.reasons}</h3>
          <ul>
            {d.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {d.criteriaNotMet?.length ? (
        <>
          <h3>{t.criteriaNotMet}</h3>
          <ul>
            {d.criteriaNotMet.map((id) => (
              <li key={id}>{traceTexts.get(id) ?? id}</li>
            ))}
          </ul>
        </>
      ) : null}
      {d.note ? (
        <p>
          {t.note}: {d.note}
        </p>
      ) : null}
    </>
  );
}
