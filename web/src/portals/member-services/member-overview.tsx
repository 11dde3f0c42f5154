import { useLang, useText } from '../../i18n/i18n';
import { KeyValues, Section, StatusBadge } from '../../ui/components';
import { formatDate } from '../../ui/format';
import type { Patient } from '../../api/types';
import { languageName } from '../../ui/plain-words';

const TEXT = {
  en: {
    title: 'Eligibility, plan and processor',
    memberId: 'Member ID',
    born: 'Date of birth',
    zip: 'ZIP',
    language: 'Letter language',
    coverage: 'Coverage today',
    covered: 'Covered',
    notCovered: 'Not covered',
    from: 'Covered from',
    to: 'Covered until',
    open: 'No end date',
    plan: 'Plan',
    line: 'Line of business',
    benefit: 'Pharmacy benefit paid by',
    processor: 'Processor',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Group',
    helpDesk: 'Help desk phone',
    carvedOut:
      'This member’s prescriptions are paid by {name}, not by the plan: pharmacies bill it with the BIN, PCN and group below.',
  },
  es: {
    title: 'Elegibilidad, plan y procesador',
    memberId: 'Número de afiliado',
    born: 'Fecha de nacimiento',
    zip: 'Código postal',
    language: 'Idioma de las cartas',
    coverage: 'Cobertura hoy',
    covered: 'Cubierto',
    notCovered: 'Sin cobertura',
    from: 'Cubierto desde',
    to: 'Cubierto hasta',
    open: 'Sin fecha de fin',
    plan: 'Plan',
    line: 'Línea de negocio',
    benefit: 'Beneficio de farmacia pagado por',
    processor: 'Procesador',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Grupo',
    helpDesk: 'Teléfono de ayuda',
    carvedOut:
      'Las recetas de este afiliado las paga {name}, no el plan: las farmacias le facturan con el BIN, PCN y grupo indicados.',
  },
};

export function MemberOverview({ member }: { member: Patient }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const benefit = member.pharmacyBenefit;
  const processor = benefit?.processor ?? null;
  const carvedOut = benefit && member.plan && benefit.planId !== member.plan.id;
  return (
    <Section title={t.title}>
      <KeyValues
        rows={[
          [t.memberId, member.memberId],
          [t.born, formatDate(member.dateOfBirth, lang)],
          [t.zip, member.zip ?? '—'],
          [t.language, languageName(member.language)],
          [
            t.coverage,
            <StatusBadge
              key="c"
              status={member.eligible ? 'approved' : 'denied'}
              label={member.eligible ? t.covered : t.notCovered}
            />,
          ],
          [t.from, formatDate(member.effectiveDate, lang)],
          [t.to, member.terminationDate ? formatDate(member.terminationDate, lang) : t.open],
          [t.plan, member.plan?.name ?? '—'],
          [t.line, member.plan?.lineOfBusiness ?? '—'],
          [t.benefit, benefit?.planName ?? '—'],
          [t.processor, processor?.name ?? '—'],
          [t.bin, processor?.bin ?? '—'],
          [t.pcn, processor?.pcn ?? '—'],
          [t.group, processor?.groupId ?? '—'],
          [t.helpDesk, processor?.phone ?? '—'],
        ]}
      />
      {carvedOut ? <p>{t.carvedOut.replace('{name}', processor?.name ?? benefit.planName)}</p> : null}
    </Section>
  );
}
