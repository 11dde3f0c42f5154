import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/client';
import { useLang, useText } from '../../i18n/i18n';
import { Async, ErrorBanner, Field, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useAction, useApi } from '../../ui/use-api';
import type { AppealSummary, Patient, RequestSummary } from '../../api/types';
import type { AttachResult } from './types';
import { PatientSearch } from '../../ui/patient-search';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    caseId: 'Case ID (PA request)',
    appealId: 'Appeal ID',
    find: 'Or find it by member',
    memberCases: 'Cases of {name}',
    memberAppeals: 'Appeals of {name}',
    noCases: 'This member has no PA cases.',
    noAppeals: 'This member has no appeals.',
    id: 'ID',
    drug: 'Drug',
    status: 'Status',
    received: 'Received',
    choose: 'Choose',
    chosen: 'Chosen',
    note: 'Note (optional)',
    documentOnly: 'File as a document only (do not use it as the answer to an open information request)',
    infoHint:
      'When the case is waiting for information from the prescriber, the fax is filed as their answer and the case goes back to review.',
    attachCase: 'Attach the fax to this case',
    attachAppeal: 'Attach the fax to this appeal',
    attaching: 'Attaching…',
    urgency: 'Urgency',
  },
  es: {
    caseId: 'ID del caso (solicitud de autorización previa)',
    appealId: 'ID de la apelación',
    find: 'O búsquelo por afiliado',
    memberCases: 'Casos de {name}',
    memberAppeals: 'Apelaciones de {name}',
    noCases: 'Este afiliado no tiene casos.',
    noAppeals: 'Este afiliado no tiene apelaciones.',
    id: 'ID',
    drug: 'Medicamento',
    status: 'Estado',
    received: 'Recibido',
    choose: 'Elegir',
    chosen: 'Elegido',
    note: 'Nota (opcional)',
    documentOnly: 'Archivar solo como documento (no como respuesta a una solicitud de información abierta)',
    infoHint:
      'Si el caso espera información del médico, el fax se archiva como su respuesta y el caso vuelve a revisión.',
    attachCase: 'Adjuntar el fax a este caso',
    attachAppeal: 'Adjuntar el fax a esta apelación',
    attaching: 'Adjuntando…',
    urgency: 'Urgencia',
  },
};

/** Files a fax with an existing case or an open appeal (POST /fax/inbound/{id}/attach). */
export function AttachForm({
  faxId,
  target,
  onAttached,
}: {
  faxId: string;
  target: 'case' | 'appeal';
  onAttached: (r: AttachResult) => void;
}) {
  const t = useText(TEXT);
  const [id, setId] = useState('');
  const [note, setNote] = useState('');
  const [documentOnly, setDocumentOnly] = useState(false);
  const [member, setMember] = useState<Patient | null>(null);
  const action = useAction((body: object) =>
    api.post<AttachResult>(`/fax/inbound/${encodeURIComponent(faxId)}/attach`, body),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body =
      target === 'case'
        ? {
            paRequestId: id.trim(),
            ...(documentOnly ? { asInformationResponse: false } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          }
        : { appealId: id.trim(), ...(note.trim() ? { note: note.trim() } : {}) };
    const r = await action.run(body);
    if (r) onAttached(r);
  };

  return (
    <div>
      <details>
        <summary>{t.find}</summary>
        <PatientSearch selectedId={member?.memberId} onSelect={setMember} />
        {member ? <MemberItems member={member} target={target} chosenId={id} onChoose={setId} /> : null}
      </details>
      <form onSubmit={submit} aria-label={target === 'case' ? t.attachCase : t.attachAppeal}>
        <Field label={target === 'case' ? t.caseId : t.appealId}>
          {(p) => (
            <input
              {...p}
              value={id}
              onChange={(e) => setId(e.target.value)}
              required
              maxLength={64}
              autoComplete="off"
            />
          )}
        </Field>
        {target === 'case' ? (
          <>
            <p className="muted">{t.infoHint}</p>
            <label className="choice">
              <input type="checkbox" checked={documentOnly} onChange={(e) => setDocumentOnly(e.target.checked)} />
              {t.documentOnly}
            </label>
          </>
        ) : null}
        <Field label={t.note}>
          {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}
        </Field>
        <ErrorBanner error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t.attaching : target === 'case' ? t.attachCase : t.attachAppeal}
        </button>
      </form>
    </div>
  );
}

/** The member's cases (GET /pa-requests?memberId) or appeals (GET /appeals?memberId) to pick from. */
export function MemberItems({
  member,
  target,
  chosenId,
  onChoose,
}: {
  member: Patient;
  target: 'case' | 'appeal';
  chosenId: string;
  onChoose: (id: string) => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const name = `${member.firstName} ${member.lastName}`;
  const cases = useApi<{ items: RequestSummary[] }>(target === 'case' ? '/pa-requests' : null, {
    memberId: member.memberId,
    limit: 50,
  });
  const appeals = useApi<{ items: AppealSummary[] }>(target === 'appeal' ? '/appeals' : null, {
    memberId: member.memberId,
    limit: 50,
  });
  const choose = (id: string) =>
    chosenId === id ? (
      <strong>{t.chosen}</strong>
    ) : (
      <button type="button" onClick={() => onChoose(id)} aria-label={`${t.choose} ${id}`}>
        {t.choose}
      </button>
    );
  const received = { label: t.received, cell: (r: { receivedAt: string }) => formatDateTime(r.receivedAt, lang) };
  if (target === 'case') {
    return (
      <Async state={cases} empty={t.noCases} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <ChoiceTable
            caption={t.memberCases.replace('{name}', name)}
            idLabel={t.id}
            chooseLabel={t.choose}
            rows={d.items}
            columns={[
              { label: t.drug, cell: (c) => c.drug.name },
              { label: t.status, cell: (c) => <StatusBadge status={c.status} /> },
              received,
            ]}
            choose={choose}
          />
        )}
      </Async>
    );
  }
  return (
    <Async state={appeals} empty={t.noAppeals} isEmpty={(d) => d.items.length === 0}>
      {(d) => (
        <ChoiceTable
          caption={t.memberAppeals.replace('{name}', name)}
          idLabel={t.id}
          chooseLabel={t.choose}
          rows={d.items}
          columns={[
            { label: t.status, cell: (a) => <StatusBadge status={a.status} /> },
            { label: t.urgency, cell: (a) => a.urgency },
            received,
          ]}
          choose={choose}
        />
      )}
    </Async>
  );
}

interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
}

/** Rows to pick one of: the ID, the given columns, and a choose button (or "Chosen"). */
function ChoiceTable<R extends { id: string }>({
  caption,
  idLabel,
  chooseLabel,
  rows,
  columns,
  choose,
}: {
  caption: string;
  idLabel: string;
  chooseLabel: string;
  rows: R[];
  columns: Column<R>[];
  choose: (id: string) => ReactNode;
}) {
  return (
    <TableBox label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{idLabel}</th>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{chooseLabel}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              {columns.map((c) => (
                <td key={c.label}>{c.cell(r)}</td>
              ))}
              <td>{choose(r.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
