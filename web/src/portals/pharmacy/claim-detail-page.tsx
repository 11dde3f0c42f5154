import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, KeyValues, Page, Section } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { ClaimAnswer, fromSummary } from './claim-answer';
import { D0Exchanges } from './d0-exchanges';
import { LongId } from '../../ui/long-id';
import type { ClaimSummary } from '../../api/types';
import { DrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    title: 'Claim',
    claimId: 'Claim ID',
    back: 'Back to my claims',
    details: 'What was sent',
    answer: 'Answer',
    member: 'Member ID',
    rx: 'Prescription number',
    fill: 'Fill number',
    dos: 'Date of service',
    ndc: 'NDC',
    drug: 'Drug',
    qty: 'Quantity',
    days: 'Days supply',
    received: 'Received',
  },
  es: {
    title: 'Reclamación',
    claimId: 'ID de reclamación',
    back: 'Volver a mis reclamaciones',
    details: 'Lo enviado',
    answer: 'Respuesta',
    member: 'Número de afiliado',
    rx: 'Número de receta',
    fill: 'Número de surtido',
    dos: 'Fecha de servicio',
    ndc: 'NDC',
    drug: 'Medicamento',
    qty: 'Cantidad',
    days: 'Días de suministro',
    received: 'Recibida',
  },
};

/** One of the pharmacy's claims (GET /claims/{id}): what was sent, the answer, reversal and PA next steps. */
export function ClaimDetailPage({ claimId }: { claimId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const claim = useApi<ClaimSummary>(`/claims/${encodeURIComponent(claimId)}`);
  return (
    <Page title={t.title} actions={<Link to="/pharmacy/claims">{t.back}</Link>}>
      <Async state={claim}>
        {(c) => (
          <>
            <Section title={t.details}>
              <KeyValues
                rows={[
                  [t.claimId, <LongId key="id">{c.claimId}</LongId>],
                  [t.member, c.memberId],
                  [t.rx, c.prescriptionNumber],
                  [t.fill, String(c.fillNumber)],
                  [t.dos, formatDate(c.dateOfService, lang)],
                  [t.drug, <DrugName name={c.drugName} />],
                  [t.ndc, c.productId],
                  [t.qty, String(c.quantity)],
                  [t.days, String(c.daysSupply)],
                  [t.received, formatDateTime(c.receivedAt, lang)],
                ]}
              />
            </Section>
            <Section title={t.answer}>
              <ClaimAnswer
                answer={fromSummary(c)}
                paContext={
                  c.memberId
                    ? {
                        memberId: c.memberId,
                        prescriberNpi: '',
                        productId: c.productId,
                        quantity: c.quantity,
                        daysSupply: c.daysSupply,
                      }
                    : null
                }
              />
            </Section>
            <D0Exchanges claimId={c.claimId} />
          </>
        )}
      </Async>
    </Page>
  );
}
