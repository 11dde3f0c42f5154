import { useReveal } from '../../ui/use-reveal';
import type { ReactNode } from 'react';
import { withQuery } from '../../api/client';
import { Link } from '../../app/router';
import { fill, useLang, useText, type Lang } from '../../i18n/i18n';
import { KeyValues, Notice } from '../../ui/components';
import { formatDate, formatMoney } from '../../ui/format';
import type { Coverage } from '../../api/types';
import { DrugName, useDrugName } from '../../ui/drug-name-view';
import { prerequisiteName, tierLabel } from '../../ui/plain-words';
import { EXCEPTION_KIND_NAMES, isExceptionKind } from '../../../../src/shared/exception-kinds';

const TEXT = {
  en: {
    covered: 'Covered',
    notCovered: 'Not covered',
    tier: 'Tier',
    cost: 'Estimated patient cost (30 days)',
    pa: 'Prior authorization',
    paRequired: 'Required',
    paNotRequired: 'Not required',
    step: 'Step therapy',
    stepMet: 'met: {found} days of {what} in the last {days} days',
    stepMetAuth: 'met by the active authorization',
    stepMetContinuing: 'does not apply: the patient already takes this drug',
    stepNotMet: 'not met: {found} days of {what} in the last {days} days (needs {min})',
    ql: 'Quantity limit',
    qlText: '{units} per {days} days',
    age: 'Age limit',
    ageText: 'ages {min}–{max}',
    ageMet: 'met',
    ageNotMet: 'not met',
    processor: 'Processor',
    active: 'Authorization {number} already covers this drug from {from} through {to}.',
    start: 'Start a prior authorization',
    alternatives: 'Covered alternatives',
    alt: '{name}: tier {tier}, about {pay}',
    altPa: ' (PA required)',
    none: '—',
    startException: 'Request an exception (prior authorization)',
    requestKind: 'Request: {kind}',
    sumNotCovered:
      '{drug} is not on the {plan} formulary. Covered alternatives are listed; a formulary exception can be requested.',
    sumCovered: '{drug} is covered by {plan}.',
    sumCoveredTier: '{drug} is covered by {plan} on the {tier} tier.',
    sumNotEligible: 'The patient is not eligible on {date}.',
    sumClaimPays: 'A claim for {quantity} units, {days} days, on {date} would pay.',
    sumClaimRejects: 'A claim for {quantity} units, {days} days, on {date} would be rejected (reject {codes}).',
  },
  es: {
    covered: 'Cubierto',
    notCovered: 'No cubierto',
    tier: 'Nivel',
    cost: 'Costo estimado para el paciente (30 días)',
    pa: 'Autorización previa',
    paRequired: 'Requerida',
    paNotRequired: 'No requerida',
    step: 'Terapia escalonada',
    stepMet: 'cumplida: {found} días de {what} en los últimos {days} días',
    stepMetAuth: 'cumplida por la autorización vigente',
    stepMetContinuing: 'no se aplica: el paciente ya toma este medicamento',
    stepNotMet: 'no cumplida: {found} días de {what} en los últimos {days} días (necesita {min})',
    ql: 'Límite de cantidad',
    qlText: '{units} cada {days} días',
    age: 'Límite de edad',
    ageText: 'edades {min}–{max}',
    ageMet: 'cumplido',
    ageNotMet: 'no cumplido',
    processor: 'Procesador',
    active: 'La autorización {number} ya cubre este medicamento del {from} al {to}.',
    start: 'Iniciar una autorización previa',
    alternatives: 'Alternativas cubiertas',
    alt: '{name}: nivel {tier}, aproximadamente {pay}',
    altPa: ' (requiere autorización previa)',
    none: '—',
    startException: 'Solicitar una excepción (autorización previa)',
    requestKind: 'Solicitar: {kind}',
    sumNotCovered:
      '{drug} no está en el formulario de {plan}. Se muestran alternativas cubiertas; se puede solicitar una excepción al formulario.',
    sumCovered: '{drug} está cubierto por {plan}.',
    sumCoveredTier: '{drug} está cubierto por {plan} en el nivel {tier}.',
    sumNotEligible: 'El paciente no tiene cobertura el {date}.',
    sumClaimPays: 'Una reclamación de {quantity} unidades, {days} días, el {date} se pagaría.',
    sumClaimRejects: 'Una reclamación de {quantity} unidades, {days} días, el {date} se rechazaría (rechazo {codes}).',
  },
};

/** The real-time benefit answer for one drug, with the way forward (start a PA, or a covered alternative). */
export function CoverageResult({ memberId, coverage: c }: { memberId: string; coverage: Coverage }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const dn = useDrugName();
  // The exception the dry-run claim's reject points to (docs/design.md#exceptions) opens its own question set.
  const claimException = c.claim.exception?.kind;
  const exceptionKind = isExceptionKind(claimException) ? claimException : null;
  const needsRequest = c.priorAuthorizationRequired || (c.stepTherapy && !c.stepTherapy.met);
  // The answer to "Check coverage" is brought into view and focused (docs/design.md#forms-and-answers).
  const revealRef = useReveal<HTMLElement>(c.drug.rxcui);
  const rows: [string, ReactNode][] = [
    [t.tier, c.tier ? tierLabel(c.tier, lang) : t.none],
    [t.cost, formatMoney(c.estimatedPatientPay, lang)],
    [t.pa, c.priorAuthorizationRequired ? <span className="badge badge-wait">{t.paRequired}</span> : t.paNotRequired],
  ];
  if (c.stepTherapy)
    rows.push([
      t.step,
      // Words from the facts the rule read (docs/design.md#words-from-facts), never "met" without saying by what.
      fill(
        c.stepTherapy.metBy === 'authorization'
          ? t.stepMetAuth
          : c.stepTherapy.metBy === 'continuing-therapy'
            ? t.stepMetContinuing
            : c.stepTherapy.met
              ? t.stepMet
              : t.stepNotMet,
        {
          what: prerequisiteName(c.stepTherapy.prerequisites, lang),
          days: c.stepTherapy.lookbackDays,
          found: c.stepTherapy.daysSupplyFound,
          min: c.stepTherapy.minDaysSupply,
        },
      ),
    ]);
  if (c.quantityLimit) rows.push([t.ql, fill(t.qlText, { units: c.quantityLimit.units, days: c.quantityLimit.days })]);
  if (c.ageLimit)
    rows.push([
      t.age,
      `${fill(t.ageText, { min: c.ageLimit.minAge ?? 0, max: c.ageLimit.maxAge ?? '' })} — ${c.ageLimit.met ? t.ageMet : t.ageNotMet}`,
    ]);
  rows.push([
    t.processor,
    `${c.processor.name} (BIN ${c.processor.bin}${c.processor.pcn ? `, PCN ${c.processor.pcn}` : ''}${c.processor.groupId ? `, ${c.processor.groupId}` : ''})`,
  ]);
  return (
    <section className="coverage" aria-live="polite" ref={revealRef} tabIndex={-1}>
      <h3>
        <DrugName name={c.drug.name} secondary={false} />{' '}
        <span className={`badge badge-${c.covered ? 'good' : 'bad'}`}>{c.covered ? t.covered : t.notCovered}</span>
      </h3>
      <p>{coverageSummary(c, t, lang, dn(c.drug.name))}</p>
      <KeyValues rows={rows} />
      {c.activeAuthorization ? (
        <Notice tone="success">
          {fill(t.active, {
            number: c.activeAuthorization.number,
            from: formatDate(c.activeAuthorization.effectiveFrom, lang),
            to: formatDate(c.activeAuthorization.effectiveTo, lang),
          })}
        </Notice>
      ) : null}
      {exceptionKind ? (
        <p>
          <Link
            className="button-link"
            to={withQuery('/prescriber/new', { memberId, rxcui: c.drug.rxcui, kind: exceptionKind })}
          >
            {fill(t.requestKind, { kind: EXCEPTION_KIND_NAMES[exceptionKind][lang] })}
          </Link>
        </p>
      ) : c.covered && needsRequest && !c.activeAuthorization ? (
        <p>
          <Link className="button-link" to={withQuery('/prescriber/new', { memberId, rxcui: c.drug.rxcui })}>
            {c.priorAuthorizationRequired ? t.start : t.startException}
          </Link>
        </p>
      ) : null}
      {c.alternatives?.length ? (
        <>
          <h4>{t.alternatives}</h4>
          <ul>
            {c.alternatives.map((a) => (
              <li key={a.rxcui}>
                {fill(t.alt, {
                  name: dn(a.name),
                  tier: a.tier ? tierLabel(a.tier, lang) : t.none,
                  pay: formatMoney(a.estimatedPatientPay, lang),
                })}
                {a.priorAuthorizationRequired ? t.altPa : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The coverage answer in a sentence or two, in the portal's language. */
export function CoverageSummary({ coverage }: { coverage: Coverage }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const dn = useDrugName();
  return <>{coverageSummary(coverage, t, lang, dn(coverage.drug.name))}</>;
}

/**
 * The answer in one or two sentences, in the portal's language, from the answer's facts (docs/design.md#portal-language):
 * the API's own `message` is English, for partners.
 */
function coverageSummary(c: Coverage, t: (typeof TEXT)['en'], lang: Lang, drug: string): string {
  const claim = { quantity: c.claim.quantity, days: c.claim.daysSupply, date: formatDate(c.claim.dateOfService, lang) };
  if (!c.covered) return fill(t.sumNotCovered, { drug, plan: c.planName });
  return [
    c.tier
      ? fill(t.sumCoveredTier, { drug, plan: c.planName, tier: tierLabel(c.tier, lang) })
      : fill(t.sumCovered, { drug, plan: c.planName }),
    c.eligible ? null : fill(t.sumNotEligible, { date: claim.date }),
    c.claim.wouldPay
      ? fill(t.sumClaimPays, claim)
      : fill(t.sumClaimRejects, { ...claim, codes: c.claim.rejects.map((r) => r.code).join(', ') }),
  ]
    .filter(Boolean)
    .join(' ');
}
