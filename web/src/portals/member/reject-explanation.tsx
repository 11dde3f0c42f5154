import { fill, useLang, useText } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import type { NextSteps } from '../../api/types';
import { Alternatives } from './coverage-answer';
import { serverWords } from '../../ui/problem-words';
import { rejectHelp } from './plain-words';

const TEXT = {
  en: {
    why: 'Why',
    next: 'What to do next',
    refill: 'It can be refilled on or after {date}.',
    other: 'Bill {name}: BIN {bin}, PCN {pcn}, group {group}.',
    phone: 'Phone: {phone}',
    pa: '{name} must approve it first. Your prescriber can request it ({how}).',
    step: 'First try: {drug}.',
    ql: 'Limit: {units} every {days} days ({max} for this fill).',
    planSays: 'The plan told the pharmacy:',
  },
  es: {
    why: 'Por qué',
    next: 'Qué hacer',
    refill: 'Se puede volver a surtir a partir del {date}.',
    other: 'Facturar a {name}: BIN {bin}, PCN {pcn}, grupo {group}.',
    phone: 'Teléfono: {phone}',
    pa: '{name} debe aprobarlo primero. Su médico puede pedirlo ({how}).',
    step: 'Primero pruebe: {drug}.',
    ql: 'Límite: {units} cada {days} días ({max} para este surtido).',
    planSays: 'El plan le dijo a la farmacia:',
  },
};

const HOW: Record<string, { en: string; es: string }> = {
  epa: { en: 'electronic request', es: 'solicitud electrónica' },
  portal: { en: 'online portal', es: 'portal en línea' },
  fax: { en: 'fax', es: 'fax' },
  phone: { en: 'phone', es: 'teléfono' },
};

/** One reject on a claim: the reason and the next step in plain words, with the claim's next-step details. */
export function RejectExplanation({
  reject,
  nextSteps,
  message,
}: {
  reject: { code: string; description: string };
  nextSteps?: NextSteps;
  message: string;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const help = rejectHelp(reject.code, reject.description, lang);
  const details: string[] = [];
  const ns = nextSteps ?? {};
  if (reject.code === '79' && ns.refillAllowedOn)
    details.push(fill(t.refill, { date: formatDate(ns.refillAllowedOn, lang) }));
  if (reject.code === '41' && ns.otherProcessor) {
    const o = ns.otherProcessor;
    details.push(fill(t.other, { name: o.name, bin: o.bin, pcn: o.pcn ?? '—', group: o.groupId ?? '—' }));
    if (o.phone) details.push(fill(t.phone, { phone: o.phone }));
  }
  if (reject.code === '75' && ns.priorAuthorization) {
    const p = ns.priorAuthorization;
    details.push(fill(t.pa, { name: p.processorName, how: p.howToRequest.map((h) => HOW[h]?.[lang] ?? h).join(', ') }));
  }
  if (reject.code === '608' && ns.stepTherapy) details.push(fill(t.step, { drug: ns.stepTherapy.prerequisites }));
  if (reject.code === '76' && ns.quantityLimit)
    details.push(
      fill(t.ql, {
        units: ns.quantityLimit.units,
        days: ns.quantityLimit.days,
        max: ns.quantityLimit.maxForDaysSupply,
      }),
    );
  return (
    <div className="reject">
      <p>
        <strong>{t.why}:</strong> {help.reason}
      </p>
      <p>
        <strong>{t.next}:</strong> {help.next}
      </p>
      {details.length ? (
        <ul>
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {serverWords(message, lang) ? (
        <p className="muted">
          {t.planSays} {message}
        </p>
      ) : null}
      {(reject.code === '70' || reject.code === '75' || reject.code === '608') && ns.alternatives?.length ? (
        <Alternatives items={ns.alternatives} />
      ) : null}
    </div>
  );
}
