import type { Lang } from '../i18n/i18n';
import { formatDateTime } from './format';
import { EXCEPTION_KIND_NAMES, isExceptionKind } from '../../../src/shared/exception-kinds';
import type { RequestView } from '../api/types';

const TEXT = {
  en: {
    kind: 'Request for',
    statement: 'Supporting statement received',
    waiting: 'Not yet — the review clock starts when the prescriber’s statement arrives (Medicare Part D)',
  },
  es: {
    kind: 'Solicitud de',
    statement: 'Declaración de apoyo recibida',
    waiting: 'Todavía no: el plazo de revisión empieza cuando llega la declaración del médico (Medicare Parte D)',
  },
};

/** Whether the plan answered the case's line-of-business question with Medicare Part D. */
function isPartD(view: Pick<RequestView, 'answers'>): boolean {
  return Boolean(
    view.answers?.item?.some(
      (i) => i.linkId === 'line-of-business' && i.answer?.some((a) => a.valueCoding?.code === 'medicare-d'),
    ),
  );
}

/**
 * The case-summary rows an exception adds (docs/design.md#exceptions): which exception it is and,
 * on Medicare Part D, when the prescriber's supporting statement arrived — the review clock runs
 * from it (42 CFR 423.568(b)). None for a prior-authorization case.
 */
export function exceptionRows(
  view: Pick<RequestView, 'exceptionKind' | 'supportingStatementReceivedAt' | 'answers'>,
  lang: Lang,
): [string, string][] {
  const kind = view.exceptionKind;
  if (!isExceptionKind(kind)) return [];
  const t = TEXT[lang];
  const rows: [string, string][] = [[t.kind, EXCEPTION_KIND_NAMES[kind][lang]]];
  if (view.supportingStatementReceivedAt)
    rows.push([t.statement, formatDateTime(view.supportingStatementReceivedAt, lang)]);
  else if (isPartD(view)) rows.push([t.statement, t.waiting]);
  return rows;
}
