import { useLang, useText } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import { TableBox } from '../../ui/table-box';
import type { ClaimDay } from './api-types';

const TEXT = {
  en: {
    caption: 'Claims by day of service',
    day: 'Day of service',
    paid: 'Paid',
    reversed: 'Of those, reversed',
    rejected: 'Rejected',
  },
  es: {
    caption: 'Reclamaciones por día de servicio',
    day: 'Día de servicio',
    paid: 'Pagadas',
    reversed: 'De ellas, anuladas',
    rejected: 'Rechazadas',
  },
};

/** The chart's numbers, every day of the range, as a table (screen readers, keyboard, exact figures). */
export function ClaimsDayTable({ days }: { days: ClaimDay[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <TableBox label={t.caption} className="admin-day-table">
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.day}</th>
            <th scope="col">{t.paid}</th>
            <th scope="col">{t.reversed}</th>
            <th scope="col">{t.rejected}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDate(d.day, lang)}</th>
              <td>{d.paid}</td>
              <td>{d.reversed}</td>
              <td>{d.rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
