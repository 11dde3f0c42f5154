import type { LetterContext } from '../letter-context.js';
import type { Block, Section } from '../letter.js';
import { nextLevelBlocks } from './next-level.js';

/** Portal, fax, mail, phone: how a member or prescriber files (or where the appeal form goes). */
export function howToAppealItems(c: LetterContext): string[] {
  const { t, contacts } = c;
  const items = [t.appealRights.portal];
  if (contacts.appealsFax) items.push(t.appealRights.fax(contacts.appealsFax));
  const address = contacts.appealsMailingAddress?.join(', ');
  if (address) items.push(t.appealRights.mailTo(address));
  else
    items.push(
      c.audience === 'member' ? t.appealRights.mail(c.input.plan.name) : t.appealRights.mailProvider(c.input.plan.name),
    );
  if (contacts.appealsPhone) items.push(t.appealRights.phone(contacts.appealsPhone));
  return items;
}

/**
 * Appeal rights on an adverse decision (denial, partial approval, closure; docs/design.md#appeals): the
 * deadline as a date, who may appeal, the plan's standard and expedited appeal clocks, how to
 * appeal, and the next level by line of business. Medicare Part D calls the first appeal a
 * redetermination (42 CFR 423.580).
 */
export function appealRightsSections(c: LetterContext): Section[] {
  const { t, input } = c;
  const appeals = input.plan.policy.appeals;
  const standard = c.clock(appeals.standard);
  const fast = c.clock(appeals.expedited);
  const deadline = c.date(c.appealDeadline);
  const rights: Block[] =
    c.audience === 'member'
      ? [
          {
            type: 'paragraph',
            text: t.appealRights.whatIsIt(
              input.plan.lineOfBusiness === 'medicare-d'
                ? t.appealRights.redeterminationWord
                : t.appealRights.appealWord,
            ),
          },
          {
            type: 'paragraph',
            text: `${t.appealRights.deadline(deadline)} ${t.appealRights.deadlineDays(c.appealFilingDays)}`,
            bold: true,
          },
          { type: 'paragraph', text: t.appealRights.who },
          { type: 'paragraph', text: t.appealRights.review(standard) },
          { type: 'paragraph', text: t.appealRights.fast(standard, fast) },
        ]
      : [{ type: 'paragraph', text: t.appealRights.providerSummary(deadline, standard, fast), bold: true }];
  const sections: Section[] = [
    { heading: c.audience === 'member' ? t.appealRights.heading : t.appealRights.providerHeading, blocks: rights },
    {
      heading: t.appealRights.howHeading,
      blocks: [
        { type: 'bullets', items: howToAppealItems(c) },
        { type: 'paragraph', text: c.audience === 'member' ? t.appealRights.include : t.appealRights.includeProvider },
      ],
    },
  ];
  const next = nextLevelBlocks(c, 'after-determination');
  if (next.length) sections.push({ heading: t.appealRights.nextHeading, blocks: next });
  return sections;
}
