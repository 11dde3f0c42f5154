import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { KeyValues, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { cardStyle, DueCell } from './due-cell';
import { QUEUE_TEXT } from './queue-text';
import { UrgencyLabel } from './record-parts';
import type { AppealSummary } from '../../api/types';
import { useNarrow } from './use-narrow';
import { assigneeLabel } from '../../ui/people';
import { TableBox } from '../../ui/table-box';

/** Open appeals by due time: a table on wide screens, cards on phones. */
export function AppealQueue({ items }: { items: AppealSummary[] }) {
  const t = useText(QUEUE_TEXT);
  const { lang } = useLang();
  const narrow = useNarrow();
  const appealLink = (a: AppealSummary) => <Link to={`/review/appeals/${encodeURIComponent(a.id)}`}>{a.id}</Link>;
  const caseLink = (a: AppealSummary) => (
    <Link to={`/review/cases/${encodeURIComponent(a.paRequestId)}`}>{a.paRequestId}</Link>
  );
  const filedBy = (a: AppealSummary) => (a.representativeName ? `${a.filedBy} (${a.representativeName})` : a.filedBy);
  if (narrow) {
    return (
      <ul aria-label={t.appealsCaption} style={{ padding: 0, margin: 0 }}>
        {items.map((a) => (
          <li
            key={a.id}
            className={a.overdue ? 'card overdue' : 'card'}
            style={{ ...cardStyle(Boolean(a.overdue)), overflowWrap: 'anywhere' }}
            data-appeal-id={a.id}
          >
            <h3 style={{ marginTop: 0 }}>{appealLink(a)}</h3>
            <p>
              <StatusBadge status={a.status} /> <UrgencyLabel urgency={a.urgency} />
            </p>
            <p>
              <DueCell dueAt={a.dueAt} overdue={Boolean(a.overdue)} />
            </p>
            <KeyValues
              rows={[
                [t.originalCase, caseLink(a)],
                [t.member, a.memberId],
                [t.filedBy, filedBy(a)],
                [t.received, formatDateTime(a.receivedAt, lang)],
                [t.assigned, assigneeLabel(a, lang) ?? t.nobody],
              ]}
            />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <TableBox label={t.appealsCaption}>
      <table>
        <caption>{t.appealsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.appeal}</th>
            <th scope="col">{t.originalCase}</th>
            <th scope="col">{t.member}</th>
            <th scope="col">{t.urgency}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.filedBy}</th>
            <th scope="col">{t.received}</th>
            <th scope="col">{t.due}</th>
            <th scope="col">{t.assigned}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className={a.overdue ? 'overdue' : undefined} data-appeal-id={a.id}>
              <td>{appealLink(a)}</td>
              <td>{caseLink(a)}</td>
              <td>{a.memberId}</td>
              <td>
                <UrgencyLabel urgency={a.urgency} />
              </td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>{filedBy(a)}</td>
              <td>{formatDateTime(a.receivedAt, lang)}</td>
              <td>
                <DueCell dueAt={a.dueAt} overdue={Boolean(a.overdue)} />
              </td>
              <td>{assigneeLabel(a, lang) ?? <span className="muted">{t.nobody}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
