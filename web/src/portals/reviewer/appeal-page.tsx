import { api } from '../../api/client';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { fill, useLang, useText } from '../../i18n/i18n';
import { DueIn, ErrorBanner, KeyValues, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime, statusLabel } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { DecisionForm } from './decision-form';
import { AttachmentList, HistoryTimeline, NoticeTable, UrgencyLabel } from './record-parts';
import { RecordPage } from './record-page';
import type { AppealView } from '../../api/types';
import { assigneeLabel } from '../../ui/people';
import { personName } from './text-helpers';
import { nextLevelName } from '../../ui/next-level-words';

const TEXT = {
  en: {
    title: 'Appeal {id}',
    back: 'Back to the review queue',
    summary: 'Appeal',
    status: 'Status',
    case: 'Original case',
    drug: 'Drug',
    member: 'Member ID',
    prescriber: 'Prescriber NPI',
    urgency: 'Urgency',
    filedBy: 'Filed by',
    received: 'Received',
    due: 'Time left',
    dueAt: 'Due',
    overdue: 'Overdue',
    noticeDate: 'Date of the appealed notice',
    deadline: 'Filing deadline',
    assigned: 'Assigned to',
    nobody: 'Nobody',
    original: 'The decision being appealed',
    decision: 'Decision',
    decidedBy: 'Decided by',
    decidedAt: 'Decided',
    reasons: 'Reasons',
    statement: 'Statement',
    attachments: 'Documents sent with the appeal',
    outcome: 'Appeal decision',
    authorization: 'Authorization number',
    period: 'Authorization period',
    approvedQuantity: 'Approved quantity',
    nextLevel: 'Next level of review',
    actions: 'Actions',
    assignedToYou: 'This appeal is assigned to you.',
    assignedTo: 'This appeal is assigned to {who}.',
    unassigned:
      'Nobody has taken this appeal yet. A clinician who took no part in the original decision must review it.',
    assign: 'Assign to me',
    assignedDone: 'The appeal is assigned to you.',
    decide: 'Decide the appeal',
    decided: 'Appeal decision recorded: {decision}.',
    notices: 'Letters',
    history: 'History',
  },
  es: {
    title: 'Apelación {id}',
    back: 'Volver a la cola de revisión',
    summary: 'Apelación',
    status: 'Estado',
    case: 'Caso original',
    drug: 'Medicamento',
    member: 'Número de afiliado',
    prescriber: 'NPI del recetador',
    urgency: 'Urgencia',
    filedBy: 'Presentada por',
    received: 'Recibida',
    due: 'Tiempo restante',
    dueAt: 'Vence',
    overdue: 'Vencida',
    noticeDate: 'Fecha del aviso apelado',
    deadline: 'Plazo para apelar',
    assigned: 'Asignada a',
    nobody: 'Nadie',
    original: 'La decisión apelada',
    decision: 'Decisión',
    decidedBy: 'Decidida por',
    decidedAt: 'Fecha de decisión',
    reasons: 'Motivos',
    statement: 'Declaración',
    attachments: 'Documentos enviados con la apelación',
    outcome: 'Decisión de la apelación',
    authorization: 'Número de autorización',
    period: 'Periodo de autorización',
    approvedQuantity: 'Cantidad aprobada',
    nextLevel: 'Siguiente nivel de revisión',
    actions: 'Acciones',
    assignedToYou: 'Esta apelación está asignada a usted.',
    assignedTo: 'Esta apelación está asignada a {who}.',
    unassigned: 'Nadie ha tomado esta apelación. Debe revisarla un clínico que no participó en la decisión original.',
    assign: 'Asignarme',
    assignedDone: 'La apelación está asignada a usted.',
    decide: 'Decidir la apelación',
    decided: 'Decisión de la apelación registrada: {decision}.',
    notices: 'Cartas',
    history: 'Historial',
  },
};

const OPEN = ['submitted', 'in-review'];

export function AppealPage({ id }: { id: string }) {
  const t = useText(TEXT);
  return (
    <RecordPage<AppealView> title={fill(t.title, { id })} back={t.back} path={`/appeals/${encodeURIComponent(id)}`}>
      {(view, onDone) => <AppealBody view={view} onDone={onDone} />}
    </RecordPage>
  );
}

function AppealBody({ view, onDone }: { view: AppealView; onDone: (m: string) => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const open = OPEN.includes(view.status);
  const o = view.originalDetermination;
  return (
    <>
      <Section title={t.summary}>
        <KeyValues
          rows={[
            [t.status, <StatusBadge status={view.status} />],
            [
              t.case,
              <Link to={`/review/cases/${encodeURIComponent(view.paRequestId)}`} style={{ overflowWrap: 'anywhere' }}>
                {view.paRequestId}
              </Link>,
            ],
            [t.drug, view.drug?.name ?? '—'],
            [t.member, view.memberId],
            [t.prescriber, view.prescriberNpi],
            [t.urgency, <UrgencyLabel urgency={view.urgency} />],
            [t.filedBy, view.representativeName ? `${view.filedBy} (${view.representativeName})` : view.filedBy],
            [t.received, formatDateTime(view.receivedAt, lang)],
            [
              t.due,
              open ? (
                <span>
                  {view.overdue ? <span className="badge badge-bad">{t.overdue}</span> : null}{' '}
                  <DueIn dueAt={view.dueAt} />
                </span>
              ) : (
                '—'
              ),
            ],
            [t.dueAt, formatDateTime(view.dueAt, lang)],
            [t.noticeDate, formatDate(view.noticeDate, lang)],
            [t.deadline, formatDate(view.filingDeadline, lang)],
            [t.assigned, assigneeLabel(view, lang) ?? t.nobody],
          ]}
        />
      </Section>
      {open ? <AppealActions view={view} onDone={onDone} /> : <AppealOutcome view={view} />}
      <Section title={t.original}>
        {o ? (
          <>
            <KeyValues
              rows={[
                [t.decision, o.decision ? statusLabel(o.decision, lang) : '—'],
                [t.decidedBy, personName(o.decidedBy)],
                [t.decidedAt, formatDateTime(o.decidedAt, lang)],
              ]}
            />
            {o.reasons.length ? (
              <>
                <h3>{t.reasons}</h3>
                <ul>
                  {o.reasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <p className="empty">—</p>
        )}
      </Section>
      <Section title={t.statement}>
        <p style={{ whiteSpace: 'pre-wrap' }}>{view.statement}</p>
      </Section>
      <Section title={t.attachments}>
        <AttachmentList
          attachments={view.attachments}
          pathFor={(a) => `/appeals/${encodeURIComponent(view.id)}/attachments/${encodeURIComponent(a.id)}`}
        />
      </Section>
      <Section title={t.notices}>
        <NoticeTable notices={view.notices} />
      </Section>
      <Section title={t.history}>
        <HistoryTimeline history={view.history} />
      </Section>
    </>
  );
}

function AppealActions({ view, onDone }: { view: AppealView; onDone: (m: string) => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const me = useMe();
  const mine = view.assignedTo === me.username;
  const assign = useAction(() => api.post<AppealView>(`/appeals/${encodeURIComponent(view.id)}/assign`));
  return (
    <Section title={t.actions}>
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
          disabled={assign.busy}
          onClick={async () => {
            if (await assign.run()) onDone(t.assignedDone);
          }}
        >
          {t.assign}
        </button>
      )}
      <ErrorBanner error={assign.error} />
      <h3>{t.decide}</h3>
      <DecisionForm
        kind="appeal"
        requestedQuantity={null}
        onSubmit={(body) =>
          api.post<AppealView>(`/appeals/${encodeURIComponent(view.id)}/decision`, {
            decision: body.decision,
            reasons: body.reasons,
            approvedQuantity: body.approvedQuantity,
            effectiveTo: body.effectiveTo,
            expectedVersion: view.version,
          })
        }
        onDone={(decision) => onDone(fill(t.decided, { decision }))}
      />
    </Section>
  );
}

function AppealOutcome({ view }: { view: AppealView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (!view.decision) return null;
  return (
    <Section title={t.outcome}>
      <KeyValues
        rows={[
          [t.decision, statusLabel(view.decision, lang)],
          [t.decidedBy, personName(view.decidedBy)],
          [t.decidedAt, formatDateTime(view.decidedAt, lang)],
          ...(view.authorizationNumber ? ([[t.authorization, view.authorizationNumber]] as [string, string][]) : []),
          ...(view.effectiveFrom
            ? ([[t.period, `${formatDate(view.effectiveFrom, lang)} – ${formatDate(view.effectiveTo, lang)}`]] as [
                string,
                string,
              ][])
            : []),
          ...(view.approvedQuantity != null
            ? ([[t.approvedQuantity, String(view.approvedQuantity)]] as [string, string][])
            : []),
          ...(view.nextLevel
            ? ([[t.nextLevel, nextLevelName(view, lang) ?? view.nextLevel]] as [string, string][])
            : []),
        ]}
      />
      {view.reasons.length ? (
        <>
          <h3>{t.reasons}</h3>
          <ul>
            {view.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
