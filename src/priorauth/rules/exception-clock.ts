import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { isExceptionKind } from '../../shared/exception-kinds.js';

/** The question every exception question set asks the prescriber on Medicare Part D. */
export const SUPPORTING_STATEMENT_LINK_ID = 'supporting-statement';

/**
 * Medicare Part D exceptions are decided on the prescriber's supporting statement: the 72-hour
 * (24-hour expedited) clock runs from its receipt, not from the request's (42 CFR 423.568(b),
 * 423.570(d), 423.578(a)(4), (b)(5)). Every other case, and every other line of business, runs
 * the PA clock from receipt of the complete request.
 */
export function isStatementClocked(lineOfBusiness: string, kind: string): boolean {
  return lineOfBusiness === 'medicare-d' && isExceptionKind(kind);
}

/** Whether the answers carry a non-empty supporting statement. */
export function hasSupportingStatement(answers: unknown): boolean {
  const walk = (items: QuestionnaireResponseItem[] | undefined): boolean =>
    (items ?? []).some(
      (it) =>
        (it.linkId === SUPPORTING_STATEMENT_LINK_ID &&
          (it.answer ?? []).some((a) => Boolean(a.valueString?.trim() || a.valueAttachment))) ||
        walk(it.item) ||
        (it.answer ?? []).some((a) => walk(a.item)),
    );
  return walk((answers as QuestionnaireResponse | null)?.item);
}

/**
 * When the supporting statement was received: the time already on file, else `arrivedAt` (when
 * these answers reached the plan: now, or when the fax carrying them arrived) if they hold it;
 * null while it has not come. Only Part D exceptions track it.
 */
export function supportingStatementReceipt(args: {
  lineOfBusiness: string;
  kind: string;
  onFile: Date | null;
  answers: unknown;
  arrivedAt: Date;
}): Date | null {
  if (!isStatementClocked(args.lineOfBusiness, args.kind)) return null;
  if (args.onFile) return args.onFile;
  return hasSupportingStatement(args.answers) ? args.arrivedAt : null;
}

/**
 * When the review clock starts: receipt of the complete request, or, for a Part D exception, of
 * the supporting statement (which may have come with an earlier, incomplete submission). Null:
 * the clock cannot start yet (a Part D exception without its statement).
 */
export function reviewClockStart(args: {
  lineOfBusiness: string;
  kind: string;
  completeAt: Date;
  supportingStatementReceivedAt: Date | null;
}): Date | null {
  if (!isStatementClocked(args.lineOfBusiness, args.kind)) return args.completeAt;
  return args.supportingStatementReceivedAt;
}
