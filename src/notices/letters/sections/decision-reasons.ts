import type { LetterContext } from '../letter-context.js';
import type { Block, Section } from '../letter.js';

/**
 * The specific reasons in plain language for a member (docs/design.md#determinations; e.g. 42 CFR 438.404(b),
 * 42 CFR 423.568(g), CA H&S §1367.01(h)(4)): the criteria set's ready wording for each criterion
 * not met, in the letter's language, when it has one; otherwise the reviewer's own reasons. The
 * reviewer's words are always kept (they are the case-specific clinical reasons), marked as
 * written in English when the letter is not.
 */
export function memberReasonSections(c: LetterContext, heading: string): Section[] {
  const { content, language, t } = c;
  const ids = content.criteriaNotMet.length ? content.criteriaNotMet : Object.keys(content.denialLanguage);
  const plain = ids.map((id) => content.denialLanguage[id]?.[language]).filter((x): x is string => Boolean(x));
  const sections: Section[] = [];
  if (plain.length) {
    sections.push({ heading, blocks: [{ type: 'bullets', items: plain }] });
    if (content.reasons.length)
      sections.push({ heading: t.denial.member.reviewerWrote, blocks: [{ type: 'bullets', items: content.reasons }] });
  } else if (content.reasons.length) {
    const blocks: Block[] =
      language === 'en' ? [] : [{ type: 'paragraph', text: t.denial.member.reviewerWrote, bold: true }];
    sections.push({ heading, blocks: [...blocks, { type: 'bullets', items: content.reasons }] });
  }
  return sections;
}

/** The criteria not met, as the criteria set states them (rule text; the id when the text is unknown). */
export function criteriaNotMetItems(c: LetterContext): string[] {
  const rules = c.input.criteriaRules ?? {};
  return c.content.criteriaNotMet.map((id) => rules[id] ?? id);
}

/** Who decided, with their credential (docs/design.md#determinations: the reviewer's credentials). */
export function reviewerBlocks(c: LetterContext, options: { automatedNote?: boolean } = {}): Block[] {
  const { t, content } = c;
  const reviewer = c.reviewer(content.decidedBy);
  if (!reviewer)
    return options.automatedNote && content.decidedBy?.role === 'system'
      ? [{ type: 'paragraph', text: t.decision.automated }]
      : [];
  return [
    {
      type: 'paragraph',
      text:
        c.audience === 'member'
          ? t.decision.reviewedByMember(reviewer.name, reviewer.role)
          : t.decision.reviewedByProvider(reviewer.name, reviewer.role),
    },
  ];
}
