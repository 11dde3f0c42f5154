import { fill, useLang, useText } from '../../i18n/i18n';
import { formatMoney } from '../../ui/format';
import type { Coverage } from '../../api/types';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    caption: 'Retail or mail order: my estimated cost',
    where: 'Where',
    supply: 'Supply',
    cost: 'My estimated cost',
    retail: 'Retail pharmacy',
    mail: 'Mail order',
    days: '{days} days',
    noMail: 'Mail order is not offered for this drug’s tier.',
  },
  es: {
    caption: 'Farmacia minorista o por correo: mi costo estimado',
    where: 'Dónde',
    supply: 'Suministro',
    cost: 'Mi costo estimado',
    retail: 'Farmacia minorista',
    mail: 'Por correo',
    days: '{days} días',
    noMail: 'El pedido por correo no se ofrece para el nivel de este medicamento.',
  },
};

/** Retail vs mail-order patient pay from the coverage answer's pharmacyPrices. */
export function PharmacyPrices({ prices }: { prices: Coverage['pharmacyPrices'] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (prices.length === 0) return null;
  return (
    <>
      <TableBox label={t.caption}>
        <table className="stack-on-narrow">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.where}</th>
              <th scope="col">{t.supply}</th>
              <th scope="col">{t.cost}</th>
            </tr>
          </thead>
          <tbody>
            {prices.map((p) => (
              <tr key={p.pharmacyType}>
                <th scope="row">{p.pharmacyType === 'mail' ? t.mail : t.retail}</th>
                <td data-label={t.supply}>{fill(t.days, { days: p.daysSupply })}</td>
                <td data-label={t.cost}>{p.patientPay !== null ? formatMoney(p.patientPay, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      {prices.every((p) => p.pharmacyType !== 'mail') ? <p className="muted">{t.noMail}</p> : null}
    </>
  );
}
