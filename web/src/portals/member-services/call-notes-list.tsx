import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { formatDateTime } from '../../ui/format';
import type { CallNote } from './types';
import { methodLabel, relationshipLabel, topicLabel } from './words';
import { actorLabel } from '../../ui/people';

const TEXT = {
  en: {
    by: 'Recorded {at} by {who}',
    caller: 'Caller: {name} ({relationship})',
    verified: 'Identity verified',
    notVerified: 'Identity NOT verified',
    how: 'How: {method}',
    noPhi: 'No protected health information may be disclosed to this caller.',
    list: 'Call notes, newest first',
    about: 'About',
    pa: 'PA request {id}',
    claim: 'Claim {id}',
    appeal: 'Appeal {id}',
  },
  es: {
    by: 'Registrada {at} por {who}',
    caller: 'Llamante: {name} ({relationship})',
    verified: 'Identidad verificada',
    notVerified: 'Identidad NO verificada',
    how: 'Cómo: {method}',
    noPhi: 'No se puede revelar información de salud protegida a quien llamó.',
    list: 'Notas de llamadas, las más recientes primero',
    about: 'Sobre',
    pa: 'Solicitud de autorización previa {id}',
    claim: 'Reclamación {id}',
    appeal: 'Apelación {id}',
  },
};

export function CallNotesList({ notes }: { notes: CallNote[] }) {
  const t = useText(TEXT);
  return (
    <ol className="timeline" aria-label={t.list}>
      {notes.map((n) => (
        <CallNoteItem key={n.id} note={n} />
      ))}
    </ol>
  );
}

function CallNoteItem({ note: n }: { note: CallNote }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <li>
      <h3>
        {topicLabel(n.topic, lang)}{' '}
        <span className={`badge ${n.identityVerified ? 'badge-good' : 'badge-bad'}`}>
          {n.identityVerified ? t.verified : t.notVerified}
        </span>
      </h3>
      <p className="muted">
        {fill(t.by, {
          at: formatDateTime(n.recordedAt, lang),
          who: actorLabel(
            { actor: n.recordedBy.username, actorName: n.recordedBy.name, actorRole: 'member-services' },
            lang,
          ),
        })}
      </p>
      <p>
        {fill(t.caller, { name: n.callerName, relationship: relationshipLabel(n.callerRelationship, lang) })}
        {n.identityVerified && n.verificationMethod ? (
          <> · {fill(t.how, { method: methodLabel(n.verificationMethod, lang) })}</>
        ) : null}
      </p>
      {!n.identityVerified ? <p className="field-error">{t.noPhi}</p> : null}
      <p style={{ whiteSpace: 'pre-wrap' }}>{n.note}</p>
      {n.paRequestId || n.claimId || n.appealId ? (
        <p className="muted">
          {t.about}:{' '}
          {n.paRequestId ? (
            <Link to={`/services/pa/${encodeURIComponent(n.paRequestId)}`}>{fill(t.pa, { id: n.paRequestId })}</Link>
          ) : null}
          {n.claimId ? <span> {fill(t.claim, { id: n.claimId })}</span> : null}
          {n.appealId ? <span> {fill(t.appeal, { id: n.appealId })}</span> : null}
        </p>
      ) : null}
    </li>
  );
}
