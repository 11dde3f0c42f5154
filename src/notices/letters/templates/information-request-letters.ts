import type { LetterContext } from '../letter-context.js';
import type { Section } from '../letter.js';
import { forAudience, paragraphs, type LetterTemplate } from './letter-template.js';

/**
 * An information request (docs/design.md#information-requests): exactly the items needed, the due date and time,
 * which request of the plan's maximum this is, what happens when it is not answered (back to the
 * reviewer; after the last one the case closes), and how to send the answer.
 */
function informationRequestBody(c: LetterContext, incomplete: boolean): Section[] {
  const { t, content, contacts } = c;
  const p = t.informationRequest.provider;
  const items = content.items.map((i) => (i.question ? p.question(i.question) : p.document(i.document!)));
  const due = content.dueAt ? c.dateTime(content.dueAt) : null;
  if (c.audience === 'member') {
    const m = t.informationRequest.member;
    return [
      paragraphs(m.intro(c.drug)),
      { heading: m.items, blocks: [{ type: 'numbered', items }] },
      paragraphs(due && m.due(due)),
    ];
  }
  const last = content.sequence !== null && content.maxRequests !== null && content.sequence >= content.maxRequests;
  const how = [p.portal];
  if (contacts.priorAuthFax) how.push(p.fax(contacts.priorAuthFax));
  if (contacts.priorAuthPhone) how.push(p.phone(contacts.priorAuthPhone));
  return [
    paragraphs(incomplete ? p.incompleteIntro(c.drug, c.memberName) : p.intro(c.drug, c.memberName)),
    { blocks: [{ type: 'numbered', items }] },
    paragraphs(content.note && p.reviewerNote(content.note)),
    { blocks: due ? [{ type: 'paragraph', text: p.sendBy(due), bold: true }] : [] },
    paragraphs(
      content.sequence !== null && content.maxRequests !== null
        ? p.sequence(content.sequence, content.maxRequests)
        : null,
      last ? p.ifLateLast : p.ifLate,
    ),
    { heading: p.howHeading, blocks: [{ type: 'bullets', items: how }] },
  ];
}

export const informationRequestLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.informationRequest.title),
  body: (c) => informationRequestBody(c, false),
};

/** An incomplete submission (completeness check, docs/design.md#prior-authorization) asks the same way. */
export const incompleteRequestLetter: LetterTemplate = {
  title: (c) => forAudience(c, c.t.informationRequest.incompleteTitle),
  body: (c) => informationRequestBody(c, true),
};
