import { REJECT } from './reject-codes.js';
import type { Step } from './step.js';

export interface MemberFacts {
  id: string;
  planId: string;
  dateOfBirth: string;
  sex: string;
  effectiveDate: string;
  terminationDate: string | null;
}

/** Member found, date of birth matches the card, coverage in force on the date of service. */
export function checkEligibility(member: MemberFacts | null, dateOfBirth: string, dateOfService: string): Step {
  if (!member) {
    return {
      reject: REJECT.CARDHOLDER,
      message: 'We could not find this member ID. Check the ID card and the cardholder ID sent.',
    };
  }
  if (member.dateOfBirth !== dateOfBirth) {
    return { reject: REJECT.DOB, message: 'The date of birth does not match our records for this member ID.' };
  }
  if (
    dateOfService < member.effectiveDate ||
    (member.terminationDate !== null && dateOfService > member.terminationDate)
  ) {
    const when =
      dateOfService < member.effectiveDate ? `starts on ${member.effectiveDate}` : `ended on ${member.terminationDate}`;
    return {
      reject: REJECT.NOT_COVERED_PATIENT,
      message: `This member's coverage ${when}, so the plan cannot pay for a fill on ${dateOfService}.`,
    };
  }
  return null;
}

/** Whole years between a date of birth and a date (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
