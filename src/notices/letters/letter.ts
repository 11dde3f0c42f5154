import type { MemberRow, PharmacyRow, PrescriberRow } from '../../members/index.js';
import type { PlanRow, ProcessorRow } from '../../plans/index.js';
import type { NoticeRow } from '../notices.repo.js';
import type { LetterLanguage } from './i18n/letter-resources.js';

/**
 * A letter as structured text: what build-letter decides to say, before any layout. The PDF
 * writer lays it out; tests read it without a PDF.
 */
export type Block =
  | { type: 'paragraph'; text: string; bold?: boolean }
  | { type: 'bullets'; items: string[] }
  | { type: 'numbered'; items: string[] }
  /** Label: value rows (identification, authorization number and period). */
  | { type: 'fields'; rows: Array<[label: string, value: string]> }
  /** An empty box to tick on a paper form. */
  | { type: 'checkbox'; label: string }
  /** A label followed by blank ruled lines to write on. */
  | { type: 'write-in'; label: string; lines: number }
  /** Signature and date lines side by side. */
  | { type: 'signature'; labels: string[] }
  | { type: 'note'; text: string };

export interface Section {
  heading?: string;
  blocks: Block[];
}

/** A page that starts on its own sheet after the letter (the appeal form, the taglines). */
export interface ExtraPage {
  title: string;
  sections: Section[];
}

export type { LetterLanguage };
export type Audience = 'member' | 'provider';

export interface Letter {
  /** The template's language (the notice's language, or English when there is no template for it). */
  language: LetterLanguage;
  kind: string;
  audience: Audience;
  letterhead: { name: string; lines: string[] };
  /** The member's own-language tagline on the first page when the letter falls back to English. */
  languageNotice?: string;
  /** The notice date, formatted for the language. */
  date: string;
  recipient: string[];
  /** Who and what the letter is about (member, member id, date of birth, drug, request). */
  reference: Array<[label: string, value: string]>;
  title: string;
  greeting: string;
  sections: Section[];
  closing: string[];
  appealForm?: ExtraPage;
  languageAssistance?: ExtraPage;
  /** Printed at the foot of every page with the page number. */
  footer: string;
  /** "Page 2 of 4" in the letter's language. */
  pageOf: (n: number, total: number) => string;
  metadata: { title: string; subject: string; author: string; lang: string };
}

export type LetterMember = Pick<
  MemberRow,
  'id' | 'firstName' | 'lastName' | 'dateOfBirth' | 'language' | 'addressLine1' | 'city' | 'state' | 'zip'
>;
export type LetterPrescriber = Pick<
  PrescriberRow,
  'npi' | 'firstName' | 'lastName' | 'credential' | 'phone' | 'fax' | 'addressLine1' | 'city' | 'state' | 'zip'
>;
export type LetterPharmacy = Pick<
  PharmacyRow,
  'npi' | 'name' | 'phone' | 'fax' | 'addressLine1' | 'city' | 'state' | 'zip'
>;

/** Everything a letter states. Rendering reads nothing else (no database, no clock). */
export interface LetterInput {
  notice: Pick<
    NoticeRow,
    | 'id'
    | 'kind'
    | 'recipient'
    | 'recipientId'
    | 'channel'
    | 'language'
    | 'content'
    | 'paRequestId'
    | 'appealId'
    | 'address'
  >;
  /** The plan that decided the case (for a carved-out benefit: the pharmacy plan, e.g. Medi-Cal Rx). */
  plan: Pick<PlanRow, 'id' | 'name' | 'lineOfBusiness' | 'policy'>;
  processor: Pick<ProcessorRow, 'name' | 'helpDeskPhone' | 'paFax' | 'paPhone'> | null;
  member: LetterMember | null;
  prescriber: LetterPrescriber | null;
  pharmacy: LetterPharmacy | null;
  /** The case, when the notice is about one: what was asked for and when it arrived. */
  request?: { quantity: string | number; daysSupply: number; urgency: string; receivedAt: Date } | null;
  /** Criteria rule id → its statement ("HbA1c at or above 7% within the last 6 months"). */
  criteriaRules?: Record<string, string>;
  /** The notice date in the plan's time zone (YYYY-MM-DD): the letter's date and day 0 of the appeal window. */
  today: string;
}
