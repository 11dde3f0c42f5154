import { useEffect, useRef } from 'react';
import { fill, useLang, useText, type Lang } from '../../i18n/i18n';
import { Async, KeyValues, Notice, Section } from '../../ui/components';
import { formatDate, formatMoney } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { Alternative, Coverage } from '../../api/types';
import { tierLabel } from './plain-words';
import { prerequisiteName } from '../../ui/plain-words';
import { DrugName, useDrugName } from '../../ui/drug-name-view';
import { PharmacyPrices } from './pharmacy-prices';
import { serverWords } from '../../ui/problem-words';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'My coverage for {name}',
    coverage: 'Coverage',
    covered: 'Covered',
    notCovered: 'Not covered',
    tier: 'Tier',
    cost: 'My estimated cost (30-day supply at a retail pharmacy)',
    noCost: 'No estimate',
    plan: 'Paid by',
    rules: 'What the plan needs first',
    noRules: 'No extra steps: your pharmacy can fill it.',
    pa: 'Your prescriber must get approval from the plan first (prior authorization). You can follow the request under Prior Authorizations.',
    auth: 'You are already approved: authorization {number}, from {from} to {to}.',
    stepHistory:
      'Step therapy: the plan covers this after you try {drug}. Our records show {found} days of it in the last {days} days (last filled {date}) — this step is met.',
    stepAuth: 'Step therapy: the plan covers this after you try {drug}. Your approval covers this step.',
    stepContinuing:
      'Step therapy: the plan covers this after you try {drug}. You already take this drug, so this step does not apply to your refills.',
    stepNone:
      'Step therapy: the plan covers this after you try {drug} first. We found no fill of it in the last {days} days. Your prescriber can ask for an exception.',
    stepShort:
      'Step therapy: the plan covers this after you try {drug} first. Our records show {found} days of it in the last {days} days; the plan needs at least {min}. Your prescriber can ask for an exception.',
    ql: 'Quantity limit: up to {units} every {days} days ({max} for a 30-day supply).',
    ageMet: 'Age limit: covered for your age.',
    ageNotMet: 'Age limit: not covered at your age without an exception ({range}).',
    notEligible: 'Your coverage is not active today, so a pharmacy claim would not be paid.',
    notOnList:
      'This drug is not on your plan’s list of covered drugs. Ask your prescriber about a covered alternative below, or to ask for a formulary exception.',
    alternatives: 'Covered alternatives',
    noAlternatives: 'The plan lists no covered alternatives for this drug.',
    drug: 'Drug',
    needsPa: 'Approval needed',
    yes: 'Yes',
    no: 'No',
    myCost: 'My estimated cost',
    close: 'Close',
    ages: 'ages {min} to {max}',
    planSays: 'The plan says:',
  },
  es: {
    title: 'Mi cobertura de {name}',
    coverage: 'Cobertura',
    covered: 'Cubierto',
    notCovered: 'No cubierto',
    tier: 'Nivel',
    cost: 'Mi costo estimado (30 días en una farmacia minorista)',
    noCost: 'Sin estimado',
    plan: 'Lo paga',
    rules: 'Lo que el plan necesita primero',
    noRules: 'No hay pasos adicionales: su farmacia puede surtirlo.',
    pa: 'Su médico debe obtener primero la aprobación del plan (autorización previa). Puede seguir la solicitud en Autorizaciones previas.',
    auth: 'Ya está aprobado: autorización {number}, del {from} al {to}.',
    stepHistory:
      'Terapia escalonada: el plan lo cubre después de probar {drug}. Nuestros registros muestran {found} días de ese medicamento en los últimos {days} días (último surtido el {date}): este paso se cumple.',
    stepAuth: 'Terapia escalonada: el plan lo cubre después de probar {drug}. Su aprobación cubre este paso.',
    stepContinuing:
      'Terapia escalonada: el plan lo cubre después de probar {drug}. Usted ya toma este medicamento, así que este paso no se aplica a sus resurtidos.',
    stepNone:
      'Terapia escalonada: el plan lo cubre después de probar primero {drug}. No encontramos ningún surtido en los últimos {days} días. Su médico puede pedir una excepción.',
    stepShort:
      'Terapia escalonada: el plan lo cubre después de probar primero {drug}. Nuestros registros muestran {found} días en los últimos {days} días; el plan necesita al menos {min}. Su médico puede pedir una excepción.',
    ql: 'Límite de cantidad: hasta {units} cada {days} días ({max} para 30 días).',
    ageMet: 'Límite de edad: cubierto para su edad.',
    ageNotMet: 'Límite de edad: no está cubierto a su edad sin una excepción ({range}).',
    notEligible: 'Su cobertura no está activa hoy, así que la farmacia no recibiría pago.',
    notOnList:
      'Este medicamento no está en la lista de medicamentos cubiertos de su plan. Pregunte a su médico por una alternativa cubierta o pídale que solicite una excepción.',
    alternatives: 'Alternativas cubiertas',
    noAlternatives: 'El plan no tiene alternativas cubiertas para este medicamento.',
    drug: 'Medicamento',
    needsPa: 'Requiere aprobación',
    yes: 'Sí',
    no: 'No',
    myCost: 'Mi costo estimado',
    close: 'Cerrar',
    ages: 'edades {min} a {max}',
    planSays: 'El plan dice:',
  },
};

/** The real-time coverage check for one drug (GET /coverage?memberId=…&rxcui=…). */
export function CoverageAnswer({
  memberId,
  rxcui,
  name,
  onClose,
}: {
  memberId: string;
  rxcui: string;
  name: string;
  onClose: () => void;
}) {
  const t = useText(TEXT);
  const dn = useDrugName();
  const state = useApi<Coverage>('/coverage', { memberId, rxcui });
  const ref = useRef<HTMLDivElement>(null);
  // Move focus to the answer so keyboard and screen-reader users land on it.
  useEffect(() => ref.current?.focus(), [rxcui]);
  return (
    <div ref={ref} tabIndex={-1}>
      <Section title={fill(t.title, { name: dn(name) })}>
        <Async state={state}>{(c) => <CoverageDetails c={c} />}</Async>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </Section>
    </div>
  );
}

function CoverageDetails({ c }: { c: Coverage }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const rules: string[] = [];
  if (c.activeAuthorization)
    rules.push(
      fill(t.auth, {
        number: c.activeAuthorization.number,
        from: formatDate(c.activeAuthorization.effectiveFrom, lang),
        to: formatDate(c.activeAuthorization.effectiveTo, lang),
      }),
    );
  else if (c.priorAuthorizationRequired) rules.push(t.pa);
  if (c.stepTherapy) rules.push(stepTherapyWords(c.stepTherapy, t, lang));
  if (c.quantityLimit)
    rules.push(
      fill(t.ql, { units: c.quantityLimit.units, days: c.quantityLimit.days, max: c.quantityLimit.maxForDaysSupply }),
    );
  if (c.ageLimit)
    rules.push(
      c.ageLimit.met
        ? t.ageMet
        : fill(t.ageNotMet, { range: fill(t.ages, { min: c.ageLimit.minAge ?? 0, max: c.ageLimit.maxAge ?? '—' }) }),
    );
  return (
    <>
      {!c.eligible ? <Notice tone="warning">{t.notEligible}</Notice> : null}
      <KeyValues
        rows={[
          [
            t.coverage,
            <span className={c.covered ? 'badge badge-good' : 'badge badge-bad'}>
              {c.covered ? t.covered : t.notCovered}
            </span>,
          ],
          [t.tier, tierLabel(c.tier, lang)],
          [t.cost, c.estimatedPatientPay !== null ? formatMoney(c.estimatedPatientPay, lang) : t.noCost],
          [t.plan, `${c.planName} (${c.processor.name})`],
        ]}
      />
      <PharmacyPrices prices={c.pharmacyPrices} />
      {c.covered ? (
        <>
          <h3>{t.rules}</h3>
          {rules.length ? (
            <ul>
              {rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p>{t.noRules}</p>
          )}
        </>
      ) : (
        <Notice tone="warning">{t.notOnList}</Notice>
      )}
      {serverWords(c.message, lang) ? (
        <p className="muted">
          {t.planSays} {c.message}
        </p>
      ) : null}
      <Alternatives items={c.alternatives} />
    </>
  );
}

/** Step therapy in words drawn only from the facts the rule read (docs/design.md#words-from-facts). */
function stepTherapyWords(s: NonNullable<Coverage['stepTherapy']>, t: (typeof TEXT)['en'], lang: Lang): string {
  const template =
    s.metBy === 'authorization'
      ? t.stepAuth
      : s.metBy === 'continuing-therapy'
        ? t.stepContinuing
        : s.metBy === 'history'
          ? t.stepHistory
          : s.daysSupplyFound > 0
            ? t.stepShort
            : t.stepNone;
  return fill(template, {
    drug: prerequisiteName(s.prerequisites, lang),
    days: s.lookbackDays,
    found: s.daysSupplyFound,
    min: s.minDaysSupply,
    date: s.lastFillDate ? formatDate(s.lastFillDate, lang) : '—',
  });
}

export function Alternatives({ items }: { items: Alternative[] | undefined }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (!items || items.length === 0) return <p className="muted">{t.noAlternatives}</p>;
  return (
    <TableBox label={t.alternatives}>
      <table>
        <caption>{t.alternatives}</caption>
        <thead>
          <tr>
            <th scope="col">{t.drug}</th>
            <th scope="col">{t.tier}</th>
            <th scope="col">{t.myCost}</th>
            <th scope="col">{t.needsPa}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.rxcui}>
              <td>
                <DrugName name={a.name} />
              </td>
              <td>{tierLabel(a.tier, lang)}</td>
              <td>{a.estimatedPatientPay !== null ? formatMoney(a.estimatedPatientPay, lang) : '—'}</td>
              <td>{a.priorAuthorizationRequired ? t.yes : t.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
