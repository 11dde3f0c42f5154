import { authorizationFields } from '../sections/authorization-fields.js';
import { memberReasonSections, reviewerBlocks } from '../sections/decision-reasons.js';
import type { LetterContext } from '../letter-context.js';
import type { Section } from '../letter.js';
import { forAudience, paragraphs, type LetterTemplate } from './letter-template.js';

/**
 * Appeal acknowledgment (docs/design.md#appeals): received when, fast or standard, decided by when, by a
 * reviewer who took no part in the first decision, and how to add evidence.
 */
export const appealAcknowledgmentLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.appealAcknowledgment.title),
  body: (c) => {
    const { t, content } = c;
    const received = content.receivedAt ? c.dateOf(content.receivedAt) : c.date(c.input.today);
    const urgency = t.urgencyName(content.urgency ?? 'standard');
    const due = content.dueAt ? c.dateTime(content.dueAt) : null;
    if (c.audience === 'member') {
      const m = t.appealAcknowledgment.member;
      const who =
        content.filedBy === 'representative' && content.representativeName
          ? content.representativeName
          : content.filedBy
            ? t.filedByName(content.filedBy)
            : null;
      return [
        paragraphs(
          m.intro(c.drug, received),
          m.kind(urgency),
          due && m.due(due),
          m.independent,
          who && m.filedBy(who),
          m.more,
        ),
      ];
    }
    const p = t.appealAcknowledgment.provider;
    return [
      paragraphs(p.intro(c.drug, c.memberName, received), due && p.due(urgency, due), p.more(c.contacts.appealsFax)),
    ];
  },
};

type AppealOutcome = 'overturned' | 'partiallyOverturned' | 'upheld';
function outcome(c: LetterContext): AppealOutcome {
  const d = c.content.decision;
  return d === 'overturned' ? 'overturned' : d === 'partially-overturned' ? 'partiallyOverturned' : 'upheld';
}

/**
 * Appeal decision: overturned → the authorization; partly overturned → the authorization and
 * the reasons for the rest; upheld → the reasons. Whatever stays denied goes to the next level
 * (IMR / State Fair Hearing / IRE by line of business) with its deadline as a date.
 */
export const appealDecisionLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.appealDecision.title[outcome(c)]),
  body: (c) => {
    const { t, content } = c;
    const o = outcome(c);
    const member = c.audience === 'member';
    const intro = member ? t.appealDecision.member[o](c.drug) : t.appealDecision.provider[o](c.drug, c.memberName);
    const sections: Section[] = [paragraphs(intro)];
    if (o !== 'upheld')
      sections.push({ blocks: authorizationFields(c, { withRequested: o === 'partiallyOverturned' }) });
    if (o !== 'overturned') {
      if (member) sections.push(...memberReasonSections(c, t.appealDecision.member.whyHeading));
      else if (content.reasons.length)
        sections.push({
          heading: t.appealDecision.provider.whyHeading,
          blocks: [{ type: 'bullets', items: content.reasons }],
        });
    }
    if (o === 'overturned' && member) sections.push(paragraphs(t.approval.member.pharmacy));
    sections.push({ blocks: reviewerBlocks(c) });
    return sections;
  },
  appealPath: (c) => (outcome(c) === 'overturned' ? null : 'next-level'),
};
