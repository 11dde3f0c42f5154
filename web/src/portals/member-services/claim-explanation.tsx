import { fill, useLang, useText } from '../../i18n/i18n';
import { formatDate, formatMoney } from '../../ui/format';
import type { ClaimSummary, NextSteps } from '../../api/types';
import { howToRequest, rejectInWords } from './words';
import { useDrugName } from '../../ui/drug-name-view';
import { serverWords } from '../../ui/problem-words';
import { tierLabel } from '../../ui/plain-words';

const TEXT = {
  en: {
    why: 'Why it was not paid',
    told: 'What the pharmacy and the member were told:',
    code: 'Code {code}',
    next: 'What happens next',
    pa: 'Prior authorization from {who}. The prescriber can ask by {how}.',
    paFax: 'Fax {fax}',
    paPhone: 'Phone {phone}',
    other: 'Bill {name} instead: BIN {bin}, PCN {pcn}, group {group}.',
    otherPhone: 'Its help desk: {phone}.',
    refill: 'Can be refilled on {date}.',
    step: 'Try first: {drugs} (within the last {days} days).',
    limit: 'The plan allows {units} per {days} days ({max} for this fill).',
    alternatives: 'Covered alternatives',
    alt: '{name} — tier {tier}, about {pay}',
    altPa: ' (needs approval too)',
  },
  es: {
    why: 'Por qué no se pagó',
    told: 'Lo que se dijo a la farmacia y al afiliado:',
    code: 'Código {code}',
    next: 'Qué sigue',
    pa: 'Autorización previa de {who}. El médico puede pedirla por {how}.',
    paFax: 'Fax {fax}',
    paPhone: 'Teléfono {phone}',
    other: 'Facturar a {name}: BIN {bin}, PCN {pcn}, grupo {group}.',
    otherPhone: 'Su línea de ayuda: {phone}.',
    refill: 'Se puede surtir de nuevo el {date}.',
    step: 'Probar primero: {drugs} (en los últimos {days} días).',
    limit: 'El plan permite {units} cada {days} días ({max} para este surtido).',
    alternatives: 'Alternativas cubiertas',
    alt: '{name} — nivel {tier}, aprox. {pay}',
    altPa: ' (también necesita aprobación)',
  },
};

/** A rejected claim in words: the reason for each reject, then the next steps the API gives. */
export function ClaimExplanation({ claim }: { claim: ClaimSummary }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <div>
      <h4>{t.why}</h4>
      {/* The claim's message is the processor's English words to the pharmacy: quoted on English screens only. */}
      {serverWords(claim.message, lang) ? (
        <p>
          <span className="muted">{t.told}</span> {claim.message}
        </p>
      ) : null}
      <ul>
        {claim.rejects.map((r) => (
          <li key={r.code}>
            <strong>{fill(t.code, { code: r.code })}</strong>
            {lang === 'en' || !rejectInWords(r.code, lang) ? ` (${r.description})` : ''}
            {rejectInWords(r.code, lang) ? `: ${rejectInWords(r.code, lang)}` : ''}
          </li>
        ))}
      </ul>
      {claim.nextSteps ? <NextStepsList steps={claim.nextSteps} /> : null}
    </div>
  );
}

function NextStepsList({ steps }: { steps: NextSteps }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const dn = useDrugName();
  const items: string[] = [];
  const pa = steps.priorAuthorization;
  if (pa?.required) {
    items.push(
      fill(t.pa, { who: pa.processorName, how: pa.howToRequest.map((h) => howToRequest(h, lang)).join(', ') }),
    );
    if (pa.fax) items.push(fill(t.paFax, { fax: pa.fax }));
    if (pa.phone) items.push(fill(t.paPhone, { phone: pa.phone }));
  }
  const o = steps.otherProcessor;
  if (o) {
    items.push(fill(t.other, { name: o.name, bin: o.bin, pcn: o.pcn ?? '—', group: o.groupId ?? '—' }));
    if (o.phone) items.push(fill(t.otherPhone, { phone: o.phone }));
  }
  if (steps.refillAllowedOn) items.push(fill(t.refill, { date: formatDate(steps.refillAllowedOn, lang) }));
  if (steps.stepTherapy)
    items.push(fill(t.step, { drugs: steps.stepTherapy.prerequisites, days: steps.stepTherapy.lookbackDays }));
  if (steps.quantityLimit)
    items.push(
      fill(t.limit, {
        units: steps.quantityLimit.units,
        days: steps.quantityLimit.days,
        max: steps.quantityLimit.maxForDaysSupply,
      }),
    );
  const alternatives = steps.alternatives ?? [];
  if (items.length === 0 && alternatives.length === 0) return null;
  return (
    <>
      <h4>{t.next}</h4>
      {items.length ? (
        <ul>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      ) : null}
      {alternatives.length ? (
        <>
          <p>
            <strong>{t.alternatives}</strong>
          </p>
          <ul>
            {alternatives.map((a) => (
              <li key={a.rxcui}>
                {fill(t.alt, {
                  name: dn(a.name),
                  tier: tierLabel(a.tier, lang),
                  pay: formatMoney(a.estimatedPatientPay, lang),
                })}
                {a.priorAuthorizationRequired ? t.altPa : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
