import { addDays } from '../../platform/dates.js';
import { ageOn } from '../../claims/rules/eligibility.js';
import type { CriteriaSet } from './criteria-set.js';

export interface FactInput {
  member: { dateOfBirth: string; sex: 'M' | 'F' | 'U' };
  claimHistory: Array<{
    dateOfService: string;
    daysSupply: number;
    ingredient: string;
    drugClass: string;
    groupId: string;
  }>;
  requestedGroupId: string;
  today: string;
}

/**
 * The facts a criteria set declares, computed at `today`. Days-supply counts distinct covered
 * days inside the look-back window: overlapping fills are not double counted and a fill that
 * started before the window counts only its days inside it.
 */
export function computeFacts(set: CriteriaSet, input: FactInput): Record<string, number | string> {
  const facts: Record<string, number | string> = {};
  for (const f of set.facts) {
    switch (f.kind) {
      case 'member-age':
        facts[f.name] = ageOn(input.member.dateOfBirth, input.today);
        break;
      case 'member-sex':
        facts[f.name] = input.member.sex;
        break;
      case 'days-supply-filled': {
        const windowStart = addDays(input.today, -f.lookbackDays + 1);
        const covered = new Set<string>();
        for (const fill of input.claimHistory) {
          const matches =
            (f.ingredients?.includes(fill.ingredient) ?? false) || (f.drugClasses?.includes(fill.drugClass) ?? false);
          if (!matches || (f.excludeRequestedGroup && fill.groupId === input.requestedGroupId)) continue;
          for (let d = 0; d < fill.daysSupply; d++) {
            const day = addDays(fill.dateOfService, d);
            if (day >= windowStart && day <= input.today) covered.add(day);
          }
        }
        facts[f.name] = covered.size;
        break;
      }
    }
  }
  return facts;
}
