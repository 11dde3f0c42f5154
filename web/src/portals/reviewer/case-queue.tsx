import { useState } from 'react';
import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Field, KeyValues, StatusBadge } from '../../ui/components';
import { formatDateTime, statusLabel } from '../../ui/format';
import { cardStyle, DueCell } from './due-cell';
import { QUEUE_TEXT } from './queue-text';
import { UrgencyLabel } from './record-parts';
import type { RequestSummary } from '../../api/types';
import { useNarrow } from './use-narrow';
import { ON_CLOCK } from '../../ui/statuses';
import { useMe } from '../../app/session';
import { assigneeLabel } from '../../ui/people';
import { TableBox } from '../../ui/table-box';

const QUEUE_STATUSES = ON_CLOCK;

/** Open PA cases with filters: a table on wide screens, cards on phones. */
export function CaseQueue({ items }: { items: RequestSummary[] }) {
  const t = useText(QUEUE_TEXT);
  const { lang } = useLang();
  const narrow = useNarrow();
  const [urgency, setUrgency] = useState('');
  const [status, setStatus] = useState('');
  const [mine, setMine] = useState(false);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const me = useMe();
  const shown = items.filter(
    (c) =>
      (!urgency || c.urgency === urgency) &&
      (!status || c.status === status) &&
      (!mine || c.assignedTo === me.username) &&
      (!overdueOnly || Boolean(c.overdue)),
  );
  const link = (c: RequestSummary) => <Link to={`/review/cases/${encodeURIComponent(c.id)}`}>{c.drug.name}</Link>;
  const due = (c: RequestSummary) => (
    <DueCell dueAt={c.dueAt} overdue={Boolean(c.overdue)} stopped={c.status === 'awaiting-information'} />
  );
  return (
    <>
      <div className="row">
        <Field label={t.filterUrgency}>
          {(p) => (
            <select {...p} value={urgency} onChange={(e) => setUrgency(e.target.value)}>
              <option value="">{t.any}</option>
              <option value="urgent">{t.urgent}</option>
              <option value="standard">{t.standard}</option>
            </select>
          )}
        </Field>
        <Field label={t.filterStatus}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t.any}</option>
              {QUEUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <label className="choice">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
            {t.mine}
          </label>
          <label className="choice">
            <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
            {t.overdueOnly}
          </label>
        </div>
        <p className="muted" aria-live="polite">
          {fill(t.count, { n: shown.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t.emptyFiltered}</p>
      ) : narrow ? (
        <ul aria-label={t.caption} style={{ padding: 0, margin: 0 }}>
          {shown.map((c) => (
            <li
              key={c.id}
              className={c.overdue ? 'card overdue' : 'card'}
              style={cardStyle(Boolean(c.overdue))}
              data-case-id={c.id}
            >
              <h3 style={{ marginTop: 0 }}>{link(c)}</h3>
              <p>
                <StatusBadge status={c.status} /> <UrgencyLabel urgency={c.urgency} />
              </p>
              <p>{due(c)}</p>
              <KeyValues
                rows={[
                  [t.member, withId(c.memberName, c.memberId)],
                  [t.prescriber, withId(c.prescriberName, c.prescriberNpi)],
                  [t.received, formatDateTime(c.receivedAt, lang)],
                  [t.assigned, assigneeLabel(c, lang) ?? t.nobody],
                ]}
              />
            </li>
          ))}
        </ul>
      ) : (
        <TableBox label={t.caption}>
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.drug}</th>
                <th scope="col">{t.member}</th>
                <th scope="col">{t.prescriber}</th>
                <th scope="col">{t.urgency}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.received}</th>
                <th scope="col">{t.due}</th>
                <th scope="col">{t.assigned}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id} className={c.overdue ? 'overdue' : undefined} data-case-id={c.id}>
                  <td>
                    {link(c)}
                    <div className="muted">{c.id}</div>
                  </td>
                  <td>{withId(c.memberName, c.memberId)}</td>
                  <td>{withId(c.prescriberName, c.prescriberNpi)}</td>
                  <td>
                    <UrgencyLabel urgency={c.urgency} />
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{formatDateTime(c.receivedAt, lang)}</td>
                  <td>{due(c)}</td>
                  <td>{assigneeLabel(c, lang) ?? <span className="muted">{t.nobody}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </>
  );
}

/** "Jennifer Lewis (M000101)", or the id alone when the name is not known. */
function withId(name: string | null | undefined, id: string): string {
  return name ? `${name} (${id})` : id;
}
