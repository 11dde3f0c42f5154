import { useLang, useText } from '../../i18n/i18n';
import { Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { ApiAnswer } from '../../api/api-shapes';
import { TableBox } from '../../ui/table-box';

/** GET /claims/{id}/ncpdp (src/ncpdp/get-claim-exchanges.ts), as generated from its schema. */
type ClaimExchanges = ApiAnswer<'/api/v1/claims/{claimId}/ncpdp', 'get'>;
type DecodedTransmission = ClaimExchanges['items'][number]['request'];
type DecodedSegment = DecodedTransmission['segments'][number];

const TEXT = {
  en: {
    title: 'Sent over NCPDP D.0',
    request: 'Request',
    response: 'Response',
    header: 'Header',
    group: 'Transaction',
    element: 'Field',
    name: 'Name',
    value: 'As sent',
    reading: 'Read as',
    issues: 'Not well formed',
    via: 'via',
  },
  es: {
    title: 'Enviada por NCPDP D.0',
    request: 'Solicitud',
    response: 'Respuesta',
    header: 'Encabezado',
    group: 'Transacción',
    element: 'Campo',
    name: 'Nombre',
    value: 'Como se envió',
    reading: 'Se lee',
    issues: 'Con defectos',
    via: 'por',
  },
};

function Fields({ title, segment }: { title: string; segment: Pick<DecodedSegment, 'fields'> }) {
  const t = useText(TEXT);
  return (
    <TableBox label={title}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.element}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.reading}</th>
          </tr>
        </thead>
        <tbody>
          {segment.fields.map((f, i) => (
            <tr key={i}>
              <td>{f.element ?? f.id}</td>
              <td>{f.name ?? '—'}</td>
              <td>
                <code>{f.value}</code>
              </td>
              <td>{f.reading ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

function Transmission({ title, t: tx }: { title: string; t: DecodedTransmission }) {
  const t = useText(TEXT);
  const name = (s: DecodedSegment) => `${s.id ?? '?'}${s.name ? ` ${s.name}` : ''}`;
  return (
    <details>
      <summary>{title}</summary>
      <Fields title={t.header} segment={{ fields: tx.header }} />
      {tx.segments.map((s, i) => (
        <Fields key={`s${i}`} title={name(s)} segment={s} />
      ))}
      {tx.groups.map((g, gi) =>
        g.map((s, i) => <Fields key={`g${gi}-${i}`} title={`${t.group} ${gi + 1} · ${name(s)}`} segment={s} />),
      )}
      {tx.issues.length ? (
        <p className="muted">
          {t.issues}: {tx.issues.map((i) => i.message).join('; ')}
        </p>
      ) : null}
    </details>
  );
}

/**
 * A claim that came over the wire: the D.0 request and response as the pharmacy system sent and
 * received them, decoded. Nothing is shown for a claim sent as JSON.
 */
export function D0Exchanges({ claimId }: { claimId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const state = useApi<ClaimExchanges>(`/claims/${encodeURIComponent(claimId)}/ncpdp`);
  const items = state.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Section title={t.title}>
      {items.map((x, i) => (
        <div key={i} className="d0-exchange">
          <h3>
            {x.transactionCode} · {x.status} · {formatDateTime(x.receivedAt, lang)} ({t.via} {x.channel.toUpperCase()})
          </h3>
          <Transmission title={t.request} t={x.request} />
          <Transmission title={t.response} t={x.response} />
        </div>
      ))}
    </Section>
  );
}
