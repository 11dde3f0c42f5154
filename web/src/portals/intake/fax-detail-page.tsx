import { useState, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, KeyValues, Notice, Page, Section, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { LongId } from '../../ui/long-id';
import { AttachForm } from './attach-form';
import { CreateCaseForm } from './create-case-form';
import { FaxDocument } from './fax-document';
import { FileAppealForm, type FiledAppeal } from './file-appeal-form';
import { documentKind, faxStatusLabel, faxStatusTone, formatSize } from './fax-status';
import type { RequestView } from '../../api/types';
import { DraftAnswers } from '../prescriber/draft-answers';
import { statusLabel } from '../../ui/format';
import type { AttachResult, CreatedCase, FaxItem } from './types';
import { isOnClock } from '../../ui/statuses';

const TEXT = {
  en: {
    title: 'Fax from {from}',
    back: 'Back to inbound faxes',
    details: 'About this fax',
    document: 'The fax',
    received: 'Received',
    from: 'From (fax)',
    kind: 'Document',
    status: 'Status',
    filedWith: 'Filed with',
    handledBy: 'Filed by',
    handledAt: 'Filed at',
    note: 'Note',
    file: 'File this fax',
    what: 'What is this fax?',
    create: 'A new PA request: create a case',
    attachCase: 'Documents for an existing case',
    fileAppeal: 'A new appeal of a denied request: file the appeal',
    attachAppeal: 'Documents for an open appeal',
    created: 'Case {id} was created from this fax. Its clock started when the fax arrived.',
    attachedCase: 'The fax was attached to case {id}.',
    answered: 'It was filed as the answer to the open information request.',
    attachedAppeal: 'The fax was attached to appeal {id}.',
    appealFiled: 'Appeal {id} of case {case} was filed from this fax, received when the fax arrived.',
    theCase: 'The case',
    drug: 'Drug',
    member: 'Member',
    due: 'Decision due',
    caseLabel: 'Case',
    appealLabel: 'Appeal',
    receivedClock: 'Received (the clock runs from here)',
    keyAnswers:
      'Key the answers the fax gives to the plan’s questions, with the fax beside you. Submitting marks the request complete: it goes to a clinical reviewer (or is approved at once when every criterion is met) and the prescriber is faxed an acknowledgment.',
    submittedReview:
      'The request is complete and in the reviewers’ queue; its clock runs from the fax’s receipt. The prescriber is sent an acknowledgment.',
    submittedIncomplete: 'The request is still missing information: the prescriber was asked for it.',
    submittedDecided: 'The request was submitted and decided at once: {status}.',
  },
  es: {
    title: 'Fax de {from}',
    back: 'Volver a los faxes',
    details: 'Sobre este fax',
    document: 'El fax',
    received: 'Recibido',
    from: 'De (fax)',
    kind: 'Documento',
    status: 'Estado',
    filedWith: 'Archivado en',
    handledBy: 'Archivado por',
    handledAt: 'Archivado el',
    note: 'Nota',
    file: 'Archivar este fax',
    what: '¿Qué es este fax?',
    create: 'Una nueva solicitud de autorización previa: crear un caso',
    attachCase: 'Documentos de un caso existente',
    fileAppeal: 'Una nueva apelación de una solicitud denegada: presentarla',
    attachAppeal: 'Documentos de una apelación abierta',
    created: 'Se creó el caso {id} con este fax. Su plazo empezó al llegar el fax.',
    attachedCase: 'El fax se adjuntó al caso {id}.',
    answered: 'Se archivó como respuesta a la solicitud de información abierta.',
    attachedAppeal: 'El fax se adjuntó a la apelación {id}.',
    appealFiled: 'Se presentó la apelación {id} del caso {case} con este fax, recibida al llegar el fax.',
    theCase: 'El caso',
    drug: 'Medicamento',
    member: 'Afiliado',
    due: 'Decisión antes de',
    caseLabel: 'Caso',
    appealLabel: 'Apelación',
    receivedClock: 'Recibido (el plazo corre desde aquí)',
    keyAnswers:
      'Anote las respuestas que da el fax a las preguntas del plan, con el fax a la vista. Al enviar, la solicitud queda completa: pasa a un revisor clínico (o se aprueba al instante si cumple todos los criterios) y se envía al recetador un acuse de recibo por fax.',
    submittedReview:
      'La solicitud está completa y en la cola de los revisores; su plazo corre desde la llegada del fax. Se envía al recetador un acuse de recibo.',
    submittedIncomplete: 'A la solicitud aún le falta información: se la pedimos al recetador.',
    submittedDecided: 'La solicitud se envió y se decidió al instante: {status}.',
  },
};

type Action = 'create' | 'attach-case' | 'file-appeal' | 'attach-appeal';

/** One inbound fax: read it, then make it a case or file it with a case or appeal. */
export function FaxDetailPage({ faxId }: { faxId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const faxState = useApi<FaxItem>(`/fax/inbound/${encodeURIComponent(faxId)}`);
  const [action, setAction] = useState<Action>('create');
  const [done, setDone] = useState<string | null>(null);

  const onCreated = (c: CreatedCase) => {
    setDone(t.created.replace('{id}', c.paRequestId));
    faxState.reload();
  };
  const onFiled = (a: FiledAppeal) => {
    setDone(t.appealFiled.replace('{id}', a.appealId).replace('{case}', a.paRequestId));
    faxState.reload();
  };
  const onAttached = (r: AttachResult) => {
    setDone(
      [
        r.appealId ? t.attachedAppeal.replace('{id}', r.appealId) : t.attachedCase.replace('{id}', r.paRequestId ?? ''),
        r.answeredInformationRequest ? t.answered : '',
      ]
        .join(' ')
        .trim(),
    );
    faxState.reload();
  };

  return (
    <Page
      title={t.title.replace('{from}', faxState.data?.senderFax ?? '…')}
      actions={<Link to="/intake">{t.back}</Link>}
    >
      {done ? <Notice tone="success">{done}</Notice> : null}
      <Async state={faxState}>
        {(fax) => (
          <>
            {/* Two panes on a wide screen: the fax stays in view while intake keys what it says. */}
            <div className="two-panes">
              <div className="pane pane-sticky">
                <Section title={t.document}>
                  <FaxDocument fax={fax} />
                </Section>
              </div>
              <div className="pane">
                <Section title={t.details}>
                  <KeyValues
                    rows={[
                      [t.received, formatDateTime(fax.receivedAt, lang)],
                      [t.from, fax.senderFax],
                      [t.kind, `${documentKind(fax.contentType)} · ${formatSize(fax.size)}`],
                      [
                        t.status,
                        <StatusBadge
                          key="s"
                          status={faxStatusTone(fax.status)}
                          label={faxStatusLabel(fax.status, lang)}
                        />,
                      ],
                      ...(fax.status !== 'new'
                        ? ([
                            [
                              t.filedWith,
                              <LongId key="w">
                                {fax.appealId
                                  ? `${t.appealLabel} ${fax.appealId}`
                                  : fax.paRequestId
                                    ? `${t.caseLabel} ${fax.paRequestId}`
                                    : '—'}
                              </LongId>,
                            ],
                            [t.handledBy, fax.handledBy ?? '—'],
                            [t.handledAt, formatDateTime(fax.handledAt, lang)],
                          ] as [string, ReactNode][])
                        : []),
                      ...(fax.note ? ([[t.note, fax.note]] as [string, string][]) : []),
                    ]}
                  />
                </Section>
                {fax.paRequestId && !fax.appealId ? <FiledCase id={fax.paRequestId} onSubmitted={setDone} /> : null}
                {fax.status === 'new' ? (
                  <Section title={t.file}>
                    <fieldset>
                      <legend>{t.what}</legend>
                      {(
                        [
                          ['create', t.create],
                          ['attach-case', t.attachCase],
                          ['file-appeal', t.fileAppeal],
                          ['attach-appeal', t.attachAppeal],
                        ] as [Action, string][]
                      ).map(([value, label]) => (
                        <label key={value} className="choice">
                          <input
                            type="radio"
                            name="fax-action"
                            value={value}
                            checked={action === value}
                            onChange={() => setAction(value)}
                          />
                          {label}
                        </label>
                      ))}
                    </fieldset>
                    {action === 'create' ? <CreateCaseForm faxId={fax.id} onCreated={onCreated} /> : null}
                    {action === 'attach-case' ? (
                      <AttachForm key="case" faxId={fax.id} target="case" onAttached={onAttached} />
                    ) : null}
                    {action === 'file-appeal' ? <FileAppealForm faxId={fax.id} onFiled={onFiled} /> : null}
                    {action === 'attach-appeal' ? (
                      <AttachForm key="appeal" faxId={fax.id} target="appeal" onAttached={onAttached} />
                    ) : null}
                  </Section>
                ) : null}
              </div>
            </div>
          </>
        )}
      </Async>
    </Page>
  );
}

/**
 * The case the fax belongs to (GET /pa-requests/{id}). While it is a draft, intake keys the
 * question-set answers from the fax and submits it: the clock runs from the fax's receipt, the
 * case goes to the reviewers' queue (or is approved if every criterion is met), and the
 * prescriber is sent an acknowledgment.
 */
function FiledCase({ id, onSubmitted }: { id: string; onSubmitted: (message: string) => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const c = useApi<RequestView>(`/pa-requests/${encodeURIComponent(id)}`);
  return (
    <>
      <Section title={t.theCase}>
        <Async state={c}>
          {(x) => (
            <KeyValues
              rows={[
                [t.caseLabel, <LongId key="id">{x.id}</LongId>],
                [t.status, <StatusBadge key="s" status={x.status} />],
                [t.member, x.memberId],
                [t.drug, x.drug.name],
                [t.receivedClock, formatDateTime(x.receivedAt, lang)],
                [t.due, isOnClock(x.status) ? <DueIn key="d" dueAt={x.dueAt} /> : '—'],
              ]}
            />
          )}
        </Async>
      </Section>
      {c.data?.status === 'awaiting-answers' ? (
        <>
          <p className="muted">{t.keyAnswers}</p>
          <DraftAnswers
            view={c.data}
            onChanged={(next) => {
              c.reload();
              if (next && next.status !== 'awaiting-answers')
                onSubmitted(
                  next.status === 'in-review'
                    ? t.submittedReview
                    : next.status === 'awaiting-information'
                      ? t.submittedIncomplete
                      : t.submittedDecided.replace('{status}', statusLabel(next.status, lang)),
                );
            }}
          />
        </>
      ) : null}
    </>
  );
}
