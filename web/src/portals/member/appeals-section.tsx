import { useState } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, KeyValues, Notice, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { nameWithCredential } from '../../ui/plain-words';
import { useApi } from '../../ui/use-api';
import type { AppealSummary, AppealView, RequestView } from '../../api/types';
import { isAppealable, isOpenAppeal } from '../../ui/statuses';
import { decisionReasons } from '../../ui/decision-reasons';
import { nextLevelName } from '../../ui/next-level-words';
import { AppealForm } from './appeal-form';
import { Letters } from './letters';
import { WithdrawAppeal } from './withdraw-appeal';

const TEXT = {
  en: {
    title: 'Appeals',
    none: 'No appeal has been filed for this request.',
    file: 'File an appeal',
    canAppeal:
      'You can ask the plan to look at this decision again. Your denial letter says how many days you have to appeal.',
    appealBy: 'You can ask the plan to look at this decision again. Appeal by {date}.',
    closed:
      'The time to appeal this decision ended on {date}. Call member services if you think you still have a right to appeal.',
    openAlready: 'Your appeal is open. The plan will decide by the due date below.',
    won: 'Your appeal was won, so there is nothing more to appeal here.',
    filed: 'Your appeal was received.',
    appeal: 'Appeal filed {date}',
    status: 'Status',
    received: 'Received',
    due: 'Decision due',
    urgency: 'Speed',
    urgent: 'Urgent (expedited)',
    standard: 'Standard',
    decided: 'Decided',
    reasons: 'Reasons',
    auth: 'Authorization number',
    period: 'Approved from – to',
    nextLevel: 'If you disagree, next you can go to',
    statement: 'What you wrote',
    documents: 'Documents you sent',
    letters: 'Letters about this appeal',
    by: 'Decided by',
  },
  es: {
    title: 'Apelaciones',
    none: 'No se ha presentado ninguna apelación para esta solicitud.',
    file: 'Presentar una apelación',
    canAppeal:
      'Puede pedir al plan que revise esta decisión otra vez. Su carta de denegación indica cuántos días tiene para apelar.',
    appealBy: 'Puede pedir al plan que revise esta decisión otra vez. Apele a más tardar el {date}.',
    closed:
      'El plazo para apelar esta decisión terminó el {date}. Llame a Servicios al afiliado si cree que todavía tiene derecho a apelar.',
    openAlready: 'Su apelación está abierta. El plan decidirá antes de la fecha límite que aparece abajo.',
    won: 'Usted ganó la apelación, así que no hay nada más que apelar aquí.',
    filed: 'Se recibió su apelación.',
    appeal: 'Apelación presentada el {date}',
    status: 'Estado',
    received: 'Recibida',
    due: 'Fecha límite de decisión',
    urgency: 'Rapidez',
    urgent: 'Urgente (acelerada)',
    standard: 'Estándar',
    decided: 'Decidida',
    reasons: 'Motivos',
    auth: 'Número de autorización',
    period: 'Aprobado desde – hasta',
    nextLevel: 'Si no está de acuerdo, después puede acudir a',
    statement: 'Lo que usted escribió',
    documents: 'Documentos que envió',
    letters: 'Cartas sobre esta apelación',
    by: 'Decidida por',
  },
};

/** The member's appeals on one case (GET /appeals?paRequestId=…) and, when it can be appealed, the form to file one. */
export function AppealsSection({ pa, onChanged }: { pa: RequestView; onChanged: () => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const list = useApi<{ items: AppealSummary[] }>('/appeals', { paRequestId: pa.id });
  const [filing, setFiling] = useState(false);
  const [notice, setNotice] = useState<{ text: string; warnings: string[] } | null>(null);
  const items = list.data?.items ?? [];
  const open = items.find((a) => isOpenAppeal(a.status));
  const won = items.find((a) => a.status === 'overturned');
  const windowClosed = pa.appealFiling?.open === false;
  const appealable = isAppealable(pa.status) && list.data !== undefined && !open && !won && !windowClosed;
  return (
    <Section title={t.title}>
      {notice ? (
        <Notice tone={notice.warnings.length ? 'warning' : 'success'}>
          {notice.text}
          {notice.warnings.map((w) => (
            <span key={w}> {w}</span>
          ))}
        </Notice>
      ) : null}
      {appealable && !filing ? (
        <>
          <p>
            {pa.appealFiling ? fill(t.appealBy, { date: formatDate(pa.appealFiling.deadline, lang) }) : t.canAppeal}
          </p>
          <button type="button" className="primary" onClick={() => setFiling(true)}>
            {t.file}
          </button>
        </>
      ) : null}
      {filing ? (
        <AppealForm
          paRequestId={pa.id}
          onCancel={() => setFiling(false)}
          onFiled={(_appeal, warnings) => {
            setFiling(false);
            setNotice({ text: t.filed, warnings });
            list.reload();
            onChanged();
          }}
        />
      ) : null}
      {open ? <p>{t.openAlready}</p> : null}
      {windowClosed && !open && !won && items.length === 0 && pa.appealFiling ? (
        <p>{fill(t.closed, { date: formatDate(pa.appealFiling.deadline, lang) })}</p>
      ) : null}
      {won ? <p>{t.won}</p> : null}
      <Async state={list} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            {d.items.map((a) => (
              <AppealCard
                key={`${a.id}-${a.status}`}
                id={a.id}
                onChanged={() => {
                  list.reload();
                  onChanged();
                }}
              />
            ))}
          </>
        )}
      </Async>
    </Section>
  );
}

function AppealCard({ id, onChanged }: { id: string; onChanged: () => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const state = useApi<AppealView>(`/appeals/${encodeURIComponent(id)}`);
  return (
    <article className="card appeal">
      <Async state={state}>
        {(a) => {
          const isOpen = isOpenAppeal(a.status);
          // The reviewer's words on English screens; the stored wording in the portal's language otherwise.
          const reasons = decisionReasons(a, lang);
          return (
            <>
              <h3>{fill(t.appeal, { date: formatDate(a.receivedAt, lang) })}</h3>
              <KeyValues
                rows={[
                  [t.status, <StatusBadge status={a.status} />],
                  [t.urgency, a.urgency === 'urgent' ? t.urgent : t.standard],
                  [t.received, formatDateTime(a.receivedAt, lang)],
                  [
                    t.due,
                    isOpen ? (
                      <>
                        {formatDateTime(a.dueAt, lang)} <DueIn dueAt={a.dueAt} />
                      </>
                    ) : (
                      formatDateTime(a.dueAt, lang)
                    ),
                  ],
                  ...(a.decidedAt ? ([[t.decided, formatDateTime(a.decidedAt, lang)]] as [string, string][]) : []),
                  ...(a.decidedBy
                    ? ([[t.by, nameWithCredential(a.decidedBy.name, a.decidedBy.credential)]] as [string, string][])
                    : []),
                  ...(a.authorizationNumber ? ([[t.auth, a.authorizationNumber]] as [string, string][]) : []),
                  ...(a.effectiveFrom
                    ? ([[t.period, `${formatDate(a.effectiveFrom, lang)} – ${formatDate(a.effectiveTo, lang)}`]] as [
                        string,
                        string,
                      ][])
                    : []),
                ]}
              />
              {reasons.length ? (
                <>
                  <h4>{t.reasons}</h4>
                  <ul>
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {a.nextLevel ? (
                <p>
                  {t.nextLevel}: {nextLevelName(a, lang)}
                </p>
              ) : null}
              <h4>{t.statement}</h4>
              <p style={{ whiteSpace: 'pre-wrap' }}>{a.statement}</p>
              {a.attachments.length ? (
                <>
                  <h4>{t.documents}</h4>
                  <ul>
                    {a.attachments.map((f) => (
                      <li key={f.id}>{f.filename}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h4>{t.letters}</h4>
              <Letters query={{ appealId: a.id }} />
              {isOpen ? <WithdrawAppeal appealId={a.id} onWithdrawn={onChanged} /> : null}
            </>
          );
        }}
      </Async>
    </article>
  );
}
