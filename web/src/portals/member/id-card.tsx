import { useId } from 'react';
import { useText } from '../../i18n/i18n';
import type { Patient } from '../../api/types';

const TEXT = {
  en: {
    title: 'My pharmacy ID card',
    hint: 'Show this card at the pharmacy: it has what the pharmacy needs to send the claim.',
    member: 'Member',
    memberId: 'Member ID',
    bin: 'RxBIN',
    pcn: 'RxPCN',
    group: 'RxGroup',
    helpDesk: 'Pharmacy help desk',
    none: 'No pharmacy benefit is on file, so there is no card. Call member services.',
  },
  es: {
    title: 'Mi tarjeta de farmacia',
    hint: 'Muestre esta tarjeta en la farmacia: tiene lo que la farmacia necesita para enviar la reclamación.',
    member: 'Afiliado',
    memberId: 'Número de afiliado',
    bin: 'RxBIN',
    pcn: 'RxPCN',
    group: 'RxGroup',
    helpDesk: 'Ayuda para farmacias',
    none: 'No hay un beneficio de farmacia registrado, así que no hay tarjeta. Llame a Servicios al afiliado.',
  },
};

/**
 * The digital ID card: the fields a pharmacy keys to bill the claim (NCPDP's pharmacy ID card
 * fields: RxBIN, RxPCN, RxGroup, the cardholder ID) and the processor's help desk, from the plan that pays
 * the pharmacy benefit (a carve-out's processor when the benefit is carved out).
 */
export function IdCard({ member }: { member: Patient }) {
  const t = useText(TEXT);
  const hid = useId();
  const benefit = member.pharmacyBenefit;
  const proc = benefit?.processor ?? null;
  if (!benefit || !proc)
    return (
      <section className="card" aria-labelledby={hid}>
        <h2 id={hid}>{t.title}</h2>
        <p>{t.none}</p>
      </section>
    );
  const rows: [string, string | null][] = [
    [t.member, `${member.firstName} ${member.lastName}`],
    [t.memberId, member.memberId],
    [t.bin, proc.bin],
    [t.pcn, proc.pcn],
    [t.group, proc.groupId],
  ];
  return (
    <section className="card" aria-labelledby={hid}>
      <h2 id={hid}>{t.title}</h2>
      <p className="muted">{t.hint}</p>
      <div className="id-card" role="group" aria-label={t.title}>
        <p className="id-card-plan">{benefit.planName}</p>
        <dl>
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <p className="id-card-help">
          {proc.name} · {t.helpDesk}: {proc.phone ? <a href={`tel:${proc.phone}`}>{proc.phone}</a> : '—'}
        </p>
      </div>
    </section>
  );
}
