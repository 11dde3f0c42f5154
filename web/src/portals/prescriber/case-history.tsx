import { useLang, useText } from '../../i18n/i18n';
import { Section } from '../../ui/components';
import { formatDateTime, statusLabel } from '../../ui/format';
import type { HistoryEntry } from './types';

const ACTION: Record<string, { en: string; es: string }> = {
  initiated: { en: 'Request started', es: 'Solicitud iniciada' },
  'answers-saved': { en: 'Draft answers saved', es: 'Borrador de respuestas guardado' },
  'attachment-added': { en: 'Document attached', es: 'Documento adjuntado' },
  submitted: { en: 'Submitted', es: 'Enviada' },
  'submitted-incomplete': { en: 'Submitted with missing information', es: 'Enviada con información faltante' },
  'routed-to-review': { en: 'Sent to clinical review', es: 'Enviada a revisión clínica' },
  'returned-to-review': { en: 'Back in clinical review', es: 'De vuelta en revisión clínica' },
  assigned: { en: 'Reviewer assigned', es: 'Revisor asignado' },
  'information-requested': { en: 'More information requested', es: 'Se pidió más información' },
  'information-received': { en: 'Information received', es: 'Información recibida' },
  'information-not-received': { en: 'Information not received in time', es: 'La información no llegó a tiempo' },
  'urgency-reclassified': { en: 'Urgency changed to standard', es: 'Urgencia cambiada a estándar' },
  'due-soon': { en: 'Decision due soon', es: 'La decisión vence pronto' },
  escalated: { en: 'Escalated', es: 'Escalada' },
  cancelled: { en: 'Withdrawn', es: 'Retirada' },
};

const TEXT = { en: { title: 'History', by: 'by {who}', system: 'OpenPBM' }, es: { title: 'Historial', by: 'por {who}', system: 'OpenPBM' } };

function actionLabel(action: string, lang: 'en' | 'es'): string {
  if (action.startsWith('determination:')) return statusLabel(action.slice('determination:'.length), lang);
  return ACTION[action]?.[lang] ?? action.replace(/[-:]/g, ' ');
}

/** Every step of the case, oldest first. */
export function CaseHistory({ history }: { history: HistoryEntry[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Section title={t.title}>
      <ol className="timeline">
        {history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time> — <strong>{actionLabel(h.action, lang)}</strong>{' '}
            <span className="muted">{t.by.replace('{who}', h.actor === 'system' ? t.system : h.actor)}</span>
            {h.reason ? <div>{h.reason}</div> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
