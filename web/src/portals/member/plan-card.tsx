import { fill, useLang, useText } from '../../i18n/i18n';
import { KeyValues, Notice, Section } from '../../ui/components';
import { formatDate } from '../../ui/format';
import type { Patient } from '../../api/types';

const TEXT = {
  en: {
    title: 'My plan',
    name: 'Name',
    memberId: 'Member ID',
    plan: 'Plan',
    status: 'Coverage',
    active: 'Active',
    inactive: 'Not active today',
    since: 'Covered since',
    until: 'Coverage ends',
    pharmacy: 'Pharmacy benefit',
    processor: 'Processor',
    none: 'No plan is on file for you. Call member services.',
    carved: 'Your drugs are paid by {name}, not by your health plan.',
  },
  es: {
    title: 'Mi plan',
    name: 'Nombre',
    memberId: 'Número de afiliado',
    plan: 'Plan',
    status: 'Cobertura',
    active: 'Activa',
    inactive: 'No activa hoy',
    since: 'Cubierto desde',
    until: 'La cobertura termina',
    pharmacy: 'Beneficio de farmacia',
    processor: 'Procesador',
    none: 'No tenemos un plan registrado para usted. Llame a Servicios al afiliado.',
    carved: 'Sus medicamentos los paga {name}, no su plan de salud.',
  },
};

/** The member's eligibility and pharmacy benefit (GET /members/{id}). */
export function PlanCard({ member }: { member: Patient }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const benefit = member.pharmacyBenefit;
  const proc = benefit?.processor ?? null;
  const carved = benefit && member.plan && benefit.planId !== member.plan.id;
  return (
    <Section title={t.title}>
      {!member.plan ? <Notice tone="warning">{t.none}</Notice> : null}
      {carved && proc ? <Notice>{fill(t.carved, { name: proc.name })}</Notice> : null}
      <KeyValues
        rows={[
          [t.name, `${member.firstName} ${member.lastName}`],
          [t.memberId, member.memberId],
          [t.plan, member.plan?.name ?? '—'],
          [
            t.status,
            <span className={member.eligible ? 'badge badge-good' : 'badge badge-bad'}>
              {member.eligible ? t.active : t.inactive}
            </span>,
          ],
          [t.since, formatDate(member.effectiveDate, lang)],
          ...(member.terminationDate
            ? ([[t.until, formatDate(member.terminationDate, lang)]] as [string, string][])
            : []),
          [t.pharmacy, benefit?.planName ?? '—'],
          [t.processor, proc?.name ?? '—'],
        ]}
      />
    </Section>
  );
}
