import type { ApiAnswer } from '../../api/api-shapes';
import { useText } from '../../i18n/i18n';
import { Notice, Section } from '../../ui/components';
import { TableBox } from '../../ui/table-box';

/** What an import loaded and rejected: POST /criteria's answer (POST /imports/{kind} adds its runId; GET /imports lists them). */
export type ImportSummary = ApiAnswer<'/api/v1/criteria', 'post'>;

export const loadedText = (loaded: Record<string, number>) =>
  Object.entries(loaded)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ') || '0';

const TEXT = {
  en: {
    result: 'Result',
    loaded: 'Loaded',
    rejected: 'Rows not loaded',
    row: 'Row',
    id: 'Id',
    reason: 'Reason',
    warnings: 'Warnings',
    nothingRejected: 'Every row loaded.',
  },
  es: {
    result: 'Resultado',
    loaded: 'Cargado',
    rejected: 'Filas no cargadas',
    row: 'Fila',
    id: 'Id',
    reason: 'Motivo',
    warnings: 'Advertencias',
    nothingRejected: 'Se cargaron todas las filas.',
  },
};

export function ImportResult({ result }: { result: ImportSummary }) {
  const t = useText(TEXT);
  return (
    <Section title={t.result}>
      <Notice tone={result.rejected.length ? 'warning' : 'success'}>
        {t.loaded}: {loadedText(result.loaded)}.{' '}
        {result.rejected.length ? `${t.rejected}: ${result.rejected.length}.` : t.nothingRejected}
      </Notice>
      {result.rejected.length ? (
        <TableBox label={t.rejected}>
          <table>
            <caption>{t.rejected}</caption>
            <thead>
              <tr>
                <th scope="col">{t.row}</th>
                <th scope="col">{t.id}</th>
                <th scope="col">{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {result.rejected.slice(0, 200).map((r) => (
                <tr key={`${r.row}-${r.id ?? ''}`}>
                  <td>{r.row}</td>
                  <td>{r.id ?? '—'}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      ) : null}
      {result.warnings.length ? (
        <>
          <h3>{t.warnings}</h3>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
