import { useLang, useText } from '../../i18n/i18n';
import { TableBox } from '../../ui/table-box';
import { rejectInWords } from '../../ui/reject-words';
import type { ClaimsReport } from './api-types';

const TEXT = {
  en: {
    caption: 'Reject codes returned',
    code: 'Code',
    meaning: 'What it means',
    count: 'Rejected claims',
    none: 'No claim was rejected in this period.',
  },
  es: {
    caption: 'Códigos de rechazo devueltos',
    code: 'Código',
    meaning: 'Qué significa',
    count: 'Reclamaciones rechazadas',
    none: 'Ninguna reclamación fue rechazada en este período.',
  },
};

/** Each NCPDP reject code of the range, most frequent first, in plain words (NCPDP's text where we have none). */
export function RejectCodeTable({ codes }: { codes: ClaimsReport['rejectCodes'] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (codes.length === 0) return <p className="empty">{t.none}</p>;
  return (
    <TableBox label={t.caption}>
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.code}</th>
            <th scope="col">{t.meaning}</th>
            <th scope="col">{t.count}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.code}</th>
              <td>{rejectInWords(c.code, lang) ?? c.description ?? '—'}</td>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
