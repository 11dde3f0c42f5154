import { addDays } from '../../platform/dates.js';
import type { ReviewClock } from '../../plans/plan-policy.js';
import { formatDate, formatDateAndTime, formatNumber } from './format-letter-values.js';
import { letterStrings, type LetterStrings } from './i18n/index.js';
import type { Audience, LetterInput, LetterLanguage } from './letter.js';
import { readNoticeContent, type DecidedBy, type NoticeContent } from './notice-content.js';
import { planContacts, type PlanContacts } from './plan-contacts.js';

/** What every letter template reads: the input, its language's strings, and ready-made names and formatters. */
export interface LetterContext {
  input: LetterInput;
  t: LetterStrings;
  language: LetterLanguage;
  audience: Audience;
  content: NoticeContent;
  contacts: PlanContacts;
  drug: string;
  memberName: string;
  prescriberName: string;
  pharmacyName: string;
  /** A calendar date (YYYY-MM-DD) in words. */
  date(date: string): string;
  /** An instant (ISO) as the plan's local date and time ("November 23, 2026 at 9:00 AM PST"). */
  dateTime(iso: string): string;
  /** An instant (ISO) as the plan's local date. */
  dateOf(iso: string): string;
  clock(clock: ReviewClock): string;
  number(value: number | string): string;
  /** Last day to appeal (inclusive): the notice date plus the plan's filing window. */
  appealDeadline: string;
  appealFilingDays: number;
  reviewer(decidedBy: DecidedBy | null): { name: string; role: string } | null;
  /** A phone number for the reader, never empty (711 reaches the relay service when a plan has none on file). */
  helpPhone: string;
}

const joinName = (...parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join(' ');

export function letterContext(input: LetterInput, options: { englishCopy?: boolean } = {}): LetterContext {
  const content = readNoticeContent(input.notice.content);
  const { language, t } = options.englishCopy
    ? letterStrings('en')
    : letterStrings(input.notice.language, { translationsRecorded: content.englishAttached !== null });
  const contacts = planContacts(input);
  const tz = input.plan.policy.review.timeZone;
  const locale = t.locale;
  const audience: Audience = input.notice.recipient === 'member' ? 'member' : 'provider';
  const m = input.member;
  const p = input.prescriber;
  const dateTime = (iso: string) => {
    const { date, time } = formatDateAndTime(new Date(iso), locale, tz);
    return t.dateAtTime(date, time);
  };
  // The appeal window is counted from the notice date, in calendar days, filing on the last day
  // being on time: the same rule priorauth/rules/appeal-filing-window.ts enforces (e.g. 42 CFR
  // 438.402(c)(2)(ii) 60 days; 42 CFR 423.582(b) 65 days; 180 days commercial). The window the
  // decision recorded wins over today's plan policy, so a re-rendered letter says what it said.
  const appealFilingDays = content.appealFilingDays ?? input.plan.policy.appeals.filingWindowDays;
  return {
    input,
    t,
    language,
    audience,
    content,
    contacts,
    drug: content.drugName ?? content.scope ?? '-',
    memberName: m ? joinName(m.firstName, m.lastName) : t.printedNotOnFile,
    prescriberName: p
      ? `${joinName(p.firstName, p.lastName)}${p.credential ? `, ${p.credential}` : ''}`
      : t.printedNotOnFile,
    pharmacyName: input.pharmacy?.name ?? t.printedNotOnFile,
    date: (d) => formatDate(d, locale),
    dateTime,
    dateOf: (iso) => formatDateAndTime(new Date(iso), locale, tz).date,
    clock: (c) => t.clock(c),
    number: (v) => formatNumber(Number(v), locale),
    appealDeadline: addDays(input.today, appealFilingDays),
    appealFilingDays,
    reviewer: (d) =>
      d && d.role !== 'system'
        ? { name: `${d.name}${d.credential ? `, ${d.credential}` : ''}`, role: t.reviewerRole(d.role) }
        : null,
    helpPhone: contacts.memberServicesPhone ?? contacts.priorAuthPhone ?? '711',
  };
}
