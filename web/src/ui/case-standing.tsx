import { fill, useLang, useText } from '../i18n/i18n';
import type { CaseStandingView, RequestSummary } from '../api/types';
import { Notice, StatusBadge } from './components';
import { formatDate } from './format';

/**
 * Where a case stands (the API's `standing`, src/priorauth/rules/case-standing.ts): an appeal that
 * was won, a deemed or partial approval, an open appeal. Every list and case screen shows this, not
 * the original determination alone, so no one reads "Denied" after the plan approved on appeal.
 */
const TEXT = {
  en: {
    appealOpen: 'appeal in review',
    approvedOnAppeal: 'Approved on appeal — authorization {number}, from {from} to {to}.',
    partlyOnAppeal: 'Partly approved on appeal — authorization {number}, from {from} to {to}.',
    approved: 'Approved — authorization {number}, from {from} to {to}.',
    partly: 'Partly approved — authorization {number}, from {from} to {to}.',
    deemed: 'Approved because the plan did not decide in time — authorization {number}, from {from} to {to}.',
    amount: 'Up to {units} every {days} days.',
    member: 'Ask your pharmacy to run your prescription again; it should go through now.',
    prescriber: 'The pharmacy can run the prescription again; tell the patient.',
    staff: 'Tell the member to ask the pharmacy to run the prescription again.',
    underAppeal: 'An appeal of this decision is being reviewed.',
  },
  es: {
    appealOpen: 'apelación en revisión',
    approvedOnAppeal: 'Aprobada en apelación — autorización {number}, del {from} al {to}.',
    partlyOnAppeal: 'Aprobada en parte en apelación — autorización {number}, del {from} al {to}.',
    approved: 'Aprobada — autorización {number}, del {from} al {to}.',
    partly: 'Aprobada en parte — autorización {number}, del {from} al {to}.',
    deemed: 'Aprobada porque el plan no decidió a tiempo — autorización {number}, del {from} al {to}.',
    amount: 'Hasta {units} cada {days} días.',
    member: 'Pida a su farmacia que vuelva a procesar su receta; ahora debería pasar.',
    prescriber: 'La farmacia puede volver a procesar la receta; avísele al paciente.',
    staff: 'Dígale al afiliado que pida a la farmacia que vuelva a procesar la receta.',
    underAppeal: 'Se está revisando una apelación de esta decisión.',
  },
};

type Audience = 'member' | 'prescriber' | 'staff';

/** The status badge of a case as it stands, with "appeal in review" while an appeal is open. */
export function CaseStatusBadge({ c }: { c: Pick<RequestSummary, 'status' | 'standing'> }) {
  const t = useText(TEXT);
  const standing = c.standing;
  return (
    <>
      <StatusBadge status={standing?.status ?? c.status} />
      {standing?.appeal === 'open' ? <span className="muted"> · {t.appealOpen}</span> : null}
    </>
  );
}

/** One sentence: "Approved on appeal — authorization PA…, from … to …" (null when nothing is approved). */
export function standingSentence(standing: CaseStandingView | undefined, lang: 'en' | 'es'): string | null {
  const a = standing?.authorization;
  if (!standing || !a) return null;
  const t = TEXT[lang];
  const template =
    standing.status === 'approved-on-appeal'
      ? t.approvedOnAppeal
      : standing.status === 'partially-approved-on-appeal'
        ? t.partlyOnAppeal
        : standing.status === 'deemed-approved'
          ? t.deemed
          : standing.status === 'partially-approved'
            ? t.partly
            : t.approved;
  const amount =
    a.maxUnits != null && a.perDays != null ? ` ${fill(t.amount, { units: a.maxUnits, days: a.perDays })}` : '';
  return (
    fill(template, { number: a.number, from: formatDate(a.effectiveFrom, lang), to: formatDate(a.effectiveTo, lang) }) +
    amount
  );
}

/** The banner at the top of a case: what was approved and what to do now, or that an appeal is open. */
export function StandingNotice({ c, audience }: { c: Pick<RequestSummary, 'standing'>; audience: Audience }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const sentence = standingSentence(c.standing, lang);
  if (sentence)
    return (
      <Notice tone="success">
        <strong>{sentence}</strong> {t[audience]}
      </Notice>
    );
  if (c.standing?.appeal === 'open') return <Notice>{t.underAppeal}</Notice>;
  return null;
}
