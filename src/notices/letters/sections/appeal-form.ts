import type { LetterContext } from '../letter-context.js';
import type { Block, ExtraPage } from '../letter.js';
import { howToAppealItems } from './appeal-rights.js';

/**
 * The appeal form, on its own page (docs/design.md#notices): filled in with who and what
 * the appeal is about, with room for the reasons, the fast-appeal box (the expedited standard of
 * 42 CFR 438.410 / 423.584: serious jeopardy to life, health or ability to regain maximum
 * function), signature and date, and where to send it by the deadline. It fits on one page.
 */
export function appealFormPage(c: LetterContext): ExtraPage {
  const { t, input } = c;
  const f = t.appealForm;
  const appeals = input.plan.policy.appeals;
  const about: Array<[string, string]> = [[t.labels.member, c.memberName]];
  if (input.member)
    about.push([t.labels.memberId, input.member.id], [t.labels.dateOfBirth, c.date(input.member.dateOfBirth)]);
  about.push([t.labels.drug, c.drug]);
  const requestId = input.notice.paRequestId ?? c.content.paRequestId;
  if (requestId) about.push([t.labels.requestNumber, requestId]);
  about.push([t.labels.noticeDate, c.date(input.today)], [t.labels.plan, input.plan.name]);
  const who: Block[] = [
    { type: 'checkbox', label: f.whoMember },
    { type: 'checkbox', label: f.whoPrescriber },
    { type: 'checkbox', label: f.whoRepresentative },
    { type: 'write-in', label: f.representative, lines: 1 },
  ];
  if (input.plan.lineOfBusiness === 'medicare-d') who.push({ type: 'note', text: f.representativeMedicare });
  who.push({ type: 'write-in', label: f.contactPhone, lines: 1 });
  return {
    title: f.title,
    sections: [
      { blocks: [{ type: 'paragraph', text: f.intro(c.date(c.appealDeadline)), bold: true }] },
      { heading: f.sendHeading, blocks: [{ type: 'bullets', items: howToAppealItems(c) }] },
      { heading: f.aboutHeading, blocks: [{ type: 'fields', rows: about }] },
      { heading: f.whoHeading, blocks: who },
      {
        heading: f.whyHeading,
        blocks: [
          { type: 'note', text: f.why },
          { type: 'write-in', label: '', lines: 5 },
        ],
      },
      {
        heading: f.fastHeading,
        blocks: [{ type: 'checkbox', label: f.fast(c.clock(appeals.standard), c.clock(appeals.expedited)) }],
      },
      { blocks: [{ type: 'signature', labels: [f.signature, f.date] }] },
    ],
  };
}
