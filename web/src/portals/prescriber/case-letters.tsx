import { useEffect, useRef } from 'react';
import { useLang, useText } from '../../i18n/i18n';
import { Async, FileLink, Section, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { STAFF_LETTER_KINDS, type Words } from '../../ui/plain-words';
import type { NoticeSummary } from '../../api/types';
import { TableBox } from '../../ui/table-box';
import { letterDeliveryLabel } from '../../ui/letter-delivery';

const KIND: Words = {
  ...STAFF_LETTER_KINDS,
  'information-request': { en: 'Request for information', es: 'Solicitud de información' },
  'incomplete-request': { en: 'Incomplete request notice', es: 'Aviso de solicitud incompleta' },
  'closure-no-response': { en: 'Closed — no response', es: 'Cerrada — sin respuesta' },
  'urgency-reclassified': { en: 'Urgency changed to standard', es: 'Urgencia cambiada a estándar' },
  'pa-needed': { en: 'Prior authorization needed', es: 'Se necesita autorización previa' },
  cancellation: { en: 'Withdrawal confirmation', es: 'Confirmación de retiro' },
  escalation: { en: 'Escalation', es: 'Escalamiento' },
  'appeal-decision': { en: 'Appeal decision', es: 'Decisión de la apelación' },
};

const TEXT = {
  en: {
    title: 'Letters',
    none: 'No letters yet.',
    letter: 'Letter',
    to: 'To',
    via: 'Sent by',
    status: 'Delivery',
    date: 'Date',
    open: 'Open PDF',
    recipients: { member: 'Patient', prescriber: 'You', pharmacy: 'Pharmacy' } as Record<string, string>,
  },
  es: {
    title: 'Cartas',
    none: 'Aún no hay cartas.',
    letter: 'Carta',
    to: 'Para',
    via: 'Enviada por',
    status: 'Entrega',
    date: 'Fecha',
    open: 'Abrir PDF',
    recipients: { member: 'Paciente', prescriber: 'Usted', pharmacy: 'Farmacia' } as Record<string, string>,
  },
};

/** The case's letters (GET /notices?paRequestId=), each opening as a PDF. */
export function CaseLetters({ caseId, version }: { caseId: string; version: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const state = useApi<{ items: NoticeSummary[] }>('/notices', { paRequestId: caseId });
  // `version` (the case's last history time) changes when the case does: new letters may exist.
  const seen = useRef(version);
  const { reload } = state;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  return (
    <Section title={t.title}>
      <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.letter}</th>
                  <th scope="col">{t.to}</th>
                  <th scope="col">{t.via}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.date}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <FileLink path={`/notices/${encodeURIComponent(n.id)}/pdf`}>
                        {KIND[n.kind]?.[lang] ?? n.kind}
                      </FileLink>
                      <span className="visually-hidden"> ({t.open})</span>
                    </td>
                    <td>{t.recipients[n.recipient] ?? n.recipient}</td>
                    <td>{letterDeliveryLabel(n, lang)}</td>
                    <td>
                      <StatusBadge status={n.status} />
                    </td>
                    <td>{formatDateTime(n.sentAt ?? n.createdAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Section>
  );
}
