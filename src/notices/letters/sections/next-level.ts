import { addDays } from '../../../platform/dates.js';
import { addMonths } from '../format-letter-values.js';
import type { LetterContext } from '../letter-context.js';
import type { Block } from '../letter.js';

/** Who reviews after the plan's own appeal, by line of business (docs/design.md#appeals). */
export type NextLevelRoute = 'dmhcImr' | 'stateFairHearing' | 'partDIre';

export function nextLevelRoute(lineOfBusiness: string): NextLevelRoute | null {
  switch (lineOfBusiness) {
    // Knox-Keene plans regulated by the California DMHC: Independent Medical Review (H&S §1374.30).
    case 'commercial':
    case 'ihss':
      return 'dmhcImr';
    // Medicaid: State Fair Hearing after the plan's appeal (42 CFR 438.408(f); W&I Code §10950).
    case 'medi-cal':
      return 'stateFairHearing';
    // Part D: reconsideration by the Independent Review Entity after redetermination (42 CFR 423.600).
    case 'medicare-d':
      return 'partDIre';
    default:
      return null;
  }
}

/**
 * The last day to ask for the next level after the plan's appeal decision: IMR within 6 months
 * (H&S §1374.30(j)); State Fair Hearing within 120 days (42 CFR 438.408(f)(2)); IRE
 * reconsideration within 65 days (42 CFR 423.600(a)).
 */
export function nextLevelDeadline(route: NextLevelRoute, noticeDate: string): string {
  switch (route) {
    case 'dmhcImr':
      return addMonths(noticeDate, 6);
    case 'stateFairHearing':
      return addDays(noticeDate, 120);
    case 'partDIre':
      return addDays(noticeDate, 65);
  }
}

/**
 * What comes after the plan: before an appeal, what happens if the plan says no again; after an
 * appeal decision, the next level with its deadline as a date. Knox-Keene letters carry the
 * DMHC statement (H&S §1368.02(b)).
 */
export function nextLevelBlocks(c: LetterContext, stage: 'after-determination' | 'after-appeal'): Block[] {
  const { t, input, content } = c;
  const route = nextLevelRoute(input.plan.lineOfBusiness);
  if (!route) {
    const text = content.nextLevel ?? input.plan.policy.appeals.nextLevel;
    return text ? [{ type: 'paragraph', text: t.nextLevel.other(text) }] : [];
  }
  const paragraphs =
    stage === 'after-determination'
      ? t.nextLevel[route].afterDetermination
      : t.nextLevel[route].afterAppeal(c.date(nextLevelDeadline(route, input.today)));
  const blocks: Block[] = paragraphs.map((text) => ({ type: 'paragraph', text }));
  if (route === 'dmhcImr' && c.audience === 'member')
    blocks.push({ type: 'note', text: t.nextLevel.dmhcImr.statement(c.helpPhone) });
  return blocks;
}
