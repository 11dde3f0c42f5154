import { useLang, useText } from '../i18n/i18n';
import type { CaseStandingView, ClaimSummary, RequestSummary } from '../api/types';
import { Notice } from './components';
import { standingSentence } from './case-standing';

const TEXT = {
  en: {
    member: 'Ask your pharmacy to run this prescription again.',
    staff: 'Tell the member to ask the pharmacy to run this prescription again.',
  },
  es: {
    member: 'Pida a su farmacia que vuelva a procesar esta receta.',
    staff: 'Dígale al afiliado que pida a la farmacia que vuelva a procesar esta receta.',
  },
};

/**
 * The approval that now covers a rejected claim's drug: a case of the member's for the same
 * drug-form group (what an authorization covers) whose authorization ends on or after the claim's
 * date. A claim rejected for prior authorization is then advised "run it again", not "ask your
 * prescriber" — also after an appeal was won or a late decision was deemed approved.
 */
export function approvalFor(claim: ClaimSummary, cases: RequestSummary[] | undefined): CaseStandingView | undefined {
  if (!claim.drugGroupId || !cases) return undefined;
  return cases.find(
    (c) =>
      c.memberId === claim.memberId &&
      c.drug.groupId === claim.drugGroupId &&
      c.standing?.authorization &&
      c.standing.authorization.effectiveTo >= claim.dateOfService,
  )?.standing;
}

export function ApprovedSinceNotice({
  standing,
  audience,
}: {
  standing: CaseStandingView;
  audience: 'member' | 'staff';
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Notice tone="success">
      <strong>{standingSentence(standing, lang)}</strong> {t[audience]}
    </Notice>
  );
}
