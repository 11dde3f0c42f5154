import { authorizationFields } from '../sections/authorization-fields.js';
import { criteriaNotMetItems, memberReasonSections, reviewerBlocks } from '../sections/decision-reasons.js';
import type { LetterContext } from '../letter-context.js';
import type { Section } from '../letter.js';
import { forAudience, paragraphs, type LetterTemplate } from './letter-template.js';

/** Approval: the authorization number, period and amount, and when to renew. */
export const approvalLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.approval.title),
  body: (c) => {
    const { t, content } = c;
    const to = content.authorization?.effectiveTo;
    const renewalDays = c.input.plan.policy.renewalWindowDays;
    if (c.audience === 'member') {
      return [
        paragraphs(t.approval.member.intro(c.drug), c.input.prescriber && t.approval.member.askedBy(c.prescriberName)),
        { blocks: authorizationFields(c) },
        paragraphs(
          content.scope && t.approval.member.covers(content.scope),
          t.approval.member.pharmacy,
          to && t.approval.member.renew(c.date(to), renewalDays),
        ),
        { blocks: reviewerBlocks(c, { automatedNote: true }) },
      ];
    }
    return [
      paragraphs(t.approval.provider.intro(c.drug, c.memberName)),
      { blocks: authorizationFields(c) },
      paragraphs(
        content.scope && to && t.approval.provider.claims(content.scope, c.date(to)),
        t.approval.provider.renew(renewalDays),
      ),
      { blocks: reviewerBlocks(c, { automatedNote: true }) },
    ];
  },
};

/** Partial approval: what was approved against what was asked, the reasons, and appeal rights. */
export const partialApprovalLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.partialApproval.title),
  body: (c) => {
    const { t } = c;
    const intro =
      c.audience === 'member'
        ? t.partialApproval.member.intro(c.drug)
        : t.partialApproval.provider.intro(c.drug, c.memberName);
    const reasons =
      c.audience === 'member'
        ? memberReasonSections(c, t.partialApproval.member.whyHeading)
        : [
            {
              heading: t.partialApproval.provider.whyHeading,
              blocks: [{ type: 'bullets' as const, items: c.content.reasons }],
            },
          ];
    return [
      paragraphs(intro),
      { blocks: authorizationFields(c, { withRequested: true }) },
      ...reasons,
      { blocks: reviewerBlocks(c) },
    ];
  },
  appealPath: () => 'plan-appeal',
};

/**
 * Denial: specific reasons in plain language, the criteria not met, the reviewer and their
 * credential (member letters: the criteria set's wording in the member's language), then the
 * appeal rights and form. Prescribers also get the peer-to-peer number.
 */
export const denialLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.denial.title),
  body: (c) => {
    const { t, content } = c;
    const criteria = criteriaNotMetItems(c);
    const title = content.criteriaTitle ?? '';
    if (c.audience === 'member') {
      const sections: Section[] = [
        paragraphs(t.denial.member.intro(c.drug, c.prescriberName)),
        ...memberReasonSections(c, t.denial.member.whyHeading),
      ];
      // The rules' own statements are in English: Spanish letters rely on the criteria set's Spanish wording above.
      if (c.language === 'en' && criteria.length && c.input.criteriaRules)
        sections.push({ heading: t.denial.member.rulesHeading(title), blocks: [{ type: 'bullets', items: criteria }] });
      sections.push({
        blocks: [
          ...reviewerBlocks(c),
          { type: 'paragraph', text: t.denial.member.copyOfRules(c.helpPhone) },
          { type: 'paragraph', text: t.denial.member.notTheEnd },
        ],
      });
      return sections;
    }
    const sections: Section[] = [paragraphs(t.denial.provider.intro(c.drug, c.memberName))];
    if (content.reasons.length)
      sections.push({ heading: t.denial.provider.whyHeading, blocks: [{ type: 'bullets', items: content.reasons }] });
    if (criteria.length)
      sections.push({
        heading: t.denial.provider.criteriaHeading(title),
        blocks: [{ type: 'bullets', items: criteria }],
      });
    sections.push({
      blocks: [
        ...reviewerBlocks(c),
        ...(c.contacts.priorAuthPhone
          ? [{ type: 'paragraph' as const, text: t.decision.peerToPeer(c.contacts.priorAuthPhone) }]
          : []),
        { type: 'paragraph', text: t.denial.provider.alternatives },
      ],
    });
    return sections;
  },
  appealPath: () => 'plan-appeal',
};

/** Closed for lack of information (docs/design.md#information-requests): how to resubmit or appeal. */
export const closureLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.closure.title),
  body: (c) => {
    const { t, content } = c;
    if (c.audience === 'member') {
      return [
        paragraphs(t.closure.member.intro(c.drug)),
        { heading: t.closure.member.whatNow, blocks: [{ type: 'bullets', items: t.closure.member.options }] },
      ];
    }
    const sections: Section[] = [paragraphs(t.closure.provider.intro(c.drug, c.memberName))];
    if (content.reasons.length)
      sections.push({ heading: t.closure.provider.whyHeading, blocks: [{ type: 'bullets', items: content.reasons }] });
    sections.push(paragraphs(t.closure.provider.resubmit));
    return sections;
  },
  appealPath: () => 'plan-appeal',
};

const KNOX_KEENE = new Set(['commercial', 'ihss']);

/** Deemed approval: the clock ran out where the law grants the request (CA H&S §1367.241). */
export const deemedApprovalLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.deemedApproval.title),
  body: (c: LetterContext) => {
    const { t } = c;
    const intro =
      c.audience === 'member'
        ? t.deemedApproval.member.intro(c.drug)
        : t.deemedApproval.provider.intro(c.drug, c.memberName);
    const to = c.content.authorization?.effectiveTo;
    return [
      paragraphs(intro, KNOX_KEENE.has(c.input.plan.lineOfBusiness) && t.deemedApproval.californiaLaw),
      { blocks: authorizationFields(c) },
      paragraphs(
        c.audience === 'member' ? t.approval.member.pharmacy : null,
        c.audience === 'member' && to
          ? t.approval.member.renew(c.date(to), c.input.plan.policy.renewalWindowDays)
          : null,
      ),
    ];
  },
};
