import type { ApiAnswer } from '../../api/api-shapes';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import type { Patient } from '../../api/types';
import { MemberItems } from './attach-form';
import { PatientSearch } from '../../ui/patient-search';

const TEXT = {
  en: {
    caseId: 'Case ID of the denied request',
    find: 'Or find the case by member',
    urgency: 'Urgency',
    standard: 'Standard',
    urgent: 'Expedited (urgent)',
    filedBy: 'Who is appealing?',
    member: 'The member',
    prescriber: 'The prescriber',
    representative: 'A representative for the member',
    repName: 'Representative’s name',
    statement: 'Why the decision should change (as written on the fax)',
    file: 'File the appeal',
    filing: 'Filing…',
    hint: 'The appeal is received at the fax’s arrival time: the filing window and the appeal clock run from then.',
  },
  es: {
    caseId: 'ID del caso denegado',
    find: 'O busque el caso por afiliado',
    urgency: 'Urgencia',
    standard: 'Estándar',
    urgent: 'Acelerada (urgente)',
    filedBy: '¿Quién apela?',
    member: 'El afiliado',
    prescriber: 'El médico',
    representative: 'Un representante del afiliado',
    repName: 'Nombre del representante',
    statement: 'Por qué debe cambiar la decisión (según el fax)',
    file: 'Presentar la apelación',
    filing: 'Presentando…',
    hint: 'La apelación se recibe a la hora de llegada del fax: el plazo y el reloj de la apelación cuentan desde entonces.',
  },
};

export type FiledAppeal = ApiAnswer<'/api/v1/fax/inbound/{id}/appeal', 'post', 201>;

/** An appeal that arrived by fax (POST /fax/inbound/{id}/appeal): filed as received when the fax came in. */
export function FileAppealForm({ faxId, onFiled }: { faxId: string; onFiled: (a: FiledAppeal) => void }) {
  const t = useText(TEXT);
  const [member, setMember] = useState<Patient | null>(null);
  const [f, setF] = useState({
    paRequestId: '',
    urgency: 'standard',
    filedBy: 'member',
    representativeName: '',
    statement: '',
  });
  const action = useAction((body: object) =>
    api.post<FiledAppeal>(`/fax/inbound/${encodeURIComponent(faxId)}/appeal`, body),
  );
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run({
      paRequestId: f.paRequestId.trim(),
      urgency: f.urgency,
      statement: f.statement.trim(),
      filedBy: f.filedBy,
      ...(f.filedBy === 'representative' ? { representativeName: f.representativeName.trim() } : {}),
    });
    if (r) onFiled(r);
  };
  const radio = (name: 'urgency' | 'filedBy', value: string, label: string) => (
    <label className="choice" key={value}>
      <input type="radio" name={`appeal-${name}`} checked={f[name] === value} onChange={() => set(name)(value)} />
      {label}
    </label>
  );

  return (
    <div>
      <p className="muted">{t.hint}</p>
      <details>
        <summary>{t.find}</summary>
        <PatientSearch selectedId={member?.memberId} onSelect={setMember} />
        {member ? (
          <MemberItems member={member} target="case" chosenId={f.paRequestId} onChoose={set('paRequestId')} />
        ) : null}
      </details>
      <form onSubmit={submit} aria-label={t.file}>
        <Field label={t.caseId}>
          {(p) => (
            <input
              {...p}
              value={f.paRequestId}
              onChange={(e) => set('paRequestId')(e.target.value)}
              required
              maxLength={64}
              autoComplete="off"
            />
          )}
        </Field>
        <fieldset>
          <legend>{t.filedBy}</legend>
          {radio('filedBy', 'member', t.member)}
          {radio('filedBy', 'prescriber', t.prescriber)}
          {radio('filedBy', 'representative', t.representative)}
        </fieldset>
        {f.filedBy === 'representative' ? (
          <Field label={t.repName}>
            {(p) => (
              <input
                {...p}
                value={f.representativeName}
                onChange={(e) => set('representativeName')(e.target.value)}
                required
                maxLength={200}
              />
            )}
          </Field>
        ) : null}
        <fieldset>
          <legend>{t.urgency}</legend>
          {radio('urgency', 'standard', t.standard)}
          {radio('urgency', 'urgent', t.urgent)}
        </fieldset>
        <Field label={t.statement}>
          {(p) => (
            <textarea
              {...p}
              value={f.statement}
              onChange={(e) => set('statement')(e.target.value)}
              required
              maxLength={8000}
            />
          )}
        </Field>
        <ErrorBanner error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t.filing : t.file}
        </button>
      </form>
    </div>
  );
}
