import { useLang, useText } from '../../i18n/i18n';
import { DueIn } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { QUEUE_TEXT } from './queue-text';

/** Time left (or "Overdue" in words, not only red), the due instant, or why there is no clock. */
export function DueCell({ dueAt, overdue, stopped }: { dueAt: string | null; overdue: boolean; stopped?: boolean }) {
  const t = useText(QUEUE_TEXT);
  const { lang } = useLang();
  if (!dueAt) return <span className="muted">{stopped ? t.clockStopped : '—'}</span>;
  return (
    <>
      {overdue ? (
        <div>
          <span className="badge badge-bad">{t.overdue}</span>
        </div>
      ) : null}
      <div style={{ whiteSpace: 'nowrap' }}>
        <DueIn dueAt={dueAt} />
      </div>
      <div className="muted">{formatDateTime(dueAt, lang)}</div>
    </>
  );
}

/** Stacked cards on phones: an overdue one is tinted as well as labelled. */
export const cardStyle = (overdue: boolean) => ({
  listStyle: 'none',
  ...(overdue ? { background: 'var(--bad-bg)' } : {}),
});
