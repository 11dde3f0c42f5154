import type { LetterInput } from './letter.js';

/** The numbers a letter prints: where members call, where prescribers send PA paperwork and appeals. */
export interface PlanContacts {
  /** Member services (the processor's help desk). */
  memberServicesPhone: string | null;
  priorAuthPhone: string | null;
  priorAuthFax: string | null;
  /** Where a written appeal goes by fax (the appeals fax, else the PA fax). */
  appealsFax: string | null;
  /** Where a member calls to appeal or to get help. */
  appealsPhone: string | null;
  /** The appeals mailing address, one line per entry (absent → "the address on your ID card"). */
  appealsMailingAddress: string[] | null;
  /** Who handles PA for the plan ("Medi-Cal Rx", "Bay Area Rx PBM for Poppy Health Plan"). */
  handledBy: string;
}

/**
 * The plan's own numbers first (policy.appeals, policy.priorAuthorization), then its processor's.
 */
export function planContacts(input: Pick<LetterInput, 'plan' | 'processor'>): PlanContacts {
  const pa = input.plan.policy.priorAuthorization;
  const appeals = input.plan.policy.appeals;
  const proc = input.processor;
  const memberServicesPhone = proc?.helpDeskPhone ?? pa.phone ?? proc?.paPhone ?? null;
  const priorAuthPhone = pa.phone ?? proc?.paPhone ?? proc?.helpDeskPhone ?? null;
  const priorAuthFax = pa.fax ?? proc?.paFax ?? null;
  return {
    memberServicesPhone,
    priorAuthPhone,
    priorAuthFax,
    appealsFax: appeals.fax ?? priorAuthFax,
    appealsPhone: appeals.phone ?? memberServicesPhone ?? priorAuthPhone,
    appealsMailingAddress: appeals.mailingAddress?.length ? appeals.mailingAddress : null,
    handledBy: pa.handledBy ?? proc?.name ?? input.plan.name,
  };
}
