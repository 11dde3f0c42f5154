import type { ReactNode } from 'react';
import { useLang, useText } from '../../i18n/i18n';
import { KeyValues } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { patientName } from './member-name';
import type { Patient } from '../../api/types';

const TEXT = {
  en: {
    memberId: 'Member ID',
    dob: 'Date of birth',
    plan: 'Health plan',
    pharmacyPlan: 'Pharmacy benefit (who pays for drugs)',
    processor: 'Processor',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Group',
    phone: 'Processor phone',
    eligibility: 'Eligibility',
    eligible: 'Eligible today',
    notEligible: 'Not eligible today',
    since: 'since {date}',
    ended: 'ended {date}',
    until: 'through {date}',
  },
  es: {
    memberId: 'Número de afiliado',
    dob: 'Fecha de nacimiento',
    plan: 'Plan de salud',
    pharmacyPlan: 'Beneficio de farmacia (quién paga los medicamentos)',
    processor: 'Procesador',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Grupo',
    phone: 'Teléfono del procesador',
    eligibility: 'Elegibilidad',
    eligible: 'Elegible hoy',
    notEligible: 'No elegible hoy',
    since: 'desde {date}',
    ended: 'terminó {date}',
    until: 'hasta {date}',
  },
};

/** Member, plan, processor (BIN/PCN/group) and eligibility: what routes a PA to the right place. */
export function InsuranceCard({
  patient: p,
  headingLevel = 2,
  title,
  children,
}: {
  patient: Patient;
  headingLevel?: 2 | 3;
  title?: string;
  children?: ReactNode;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const proc = p.pharmacyBenefit?.processor;
  const period = p.eligible
    ? (p.terminationDate ? t.until : t.since).replace('{date}', formatDate(p.terminationDate ?? p.effectiveDate, lang))
    : p.terminationDate
      ? t.ended.replace('{date}', formatDate(p.terminationDate, lang))
      : '';
  return (
    <article className="card">
      <H>{title ?? patientName(p)}</H>
      <KeyValues
        rows={[
          [t.memberId, p.memberId],
          [t.dob, formatDate(p.dateOfBirth, lang)],
          [
            t.eligibility,
            <>
              <span className={`badge badge-${p.eligible ? 'good' : 'bad'}`}>
                {p.eligible ? t.eligible : t.notEligible}
              </span>{' '}
              {period}
            </>,
          ],
          [t.plan, p.plan ? `${p.plan.name} (${p.plan.lineOfBusiness})` : '—'],
          [t.pharmacyPlan, p.pharmacyBenefit?.planName ?? '—'],
          [t.processor, proc?.name ?? '—'],
          [t.bin, proc?.bin ?? '—'],
          [t.pcn, proc?.pcn ?? '—'],
          [t.group, proc?.groupId ?? '—'],
          [t.phone, proc?.phone ?? '—'],
        ]}
      />
      {children ? <p>{children}</p> : null}
    </article>
  );
}
