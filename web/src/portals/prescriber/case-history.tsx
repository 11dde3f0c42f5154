import { useLang, useText } from '../../i18n/i18n';
import { Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { historyActionLabel, STAFF_HISTORY_ACTIONS, type Words } from '../../ui/plain-words';
import type { HistoryEntry } from '../../api/types';
import { actorLabel } from '../../ui/people';
import { historyReason } from '../../ui/decision-reasons';

const ACTION: Words = {
  ...STAFF_HISTORY_ACTIONS,
  'answers-saved': { en: 'Draft answers saved', es: 'Borrador de respuestas guardado' },
  'attachment-added': { en: 'Document attached', es: 'Documento adjuntado' },
  submitted: { en: 'Submitted', es: 'Enviada' },
  'submitted-incomplete': { en: 'Submitted with missing information', es: 'Enviada con información faltante' },
  'returned-to-review': { en: 'Back in clinical review', es: 'De vuelta en revisión clínica' },
  'information-requested': { en: 'More information requested', es: 'Se pidió más información' },
  'urgency-reclassified': { en: 'Urgency changed to standard', es: 'Urgencia cambiada a estándar' },
};

const TEXT = {
  en: { title: 'History', by: 'by {who}', system: 'OpenPBM' },
  es: { title: 'Historial', by: 'por {who}', system: 'OpenPBM' },
};

/** Every step of the case, oldest first. */
export function CaseHistory({ history }: { history: HistoryEntry[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Section title={t.title}>
      <ol className="timeline">
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time> —{' '}
            <strong>{historyActionLabel(ACTION, h.action, lang)}</strong>{' '}
            <span className="muted">
              {t.by.replace('{who}', h.actor === 'system' ? t.system : actorLabel(h, lang))}
            </span>
            {historyReason(h, lang) ? <div>{historyReason(h, lang)}</div> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
