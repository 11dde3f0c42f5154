import type { LetterInput } from './letter.js';

/** The numbers a letter prints: where members call, where prescribers send PA paperwork and appeals. */
export interface PlanContacts {
  /** Member services (the processor's help desk). */
  memberServicesPhone: string | null;
  priorAuthPhone: string | null;
  priorAuthFax: string | null;
  /** Where a written appeal goes by fax (the PA fax: the plan has no separate appeals fax on file). */
  appealsFax: string | null;
  /** Where a member calls to appeal or to get help. */
  appealsPhone: string | null;
  /** Who handles PA for the plan ("Medi-Cal Rx", "Bay Area Rx PBM for Poppy Health Plan"). */
  handledBy: string;
}

/**
 * The plan's own numbers first (policy.priorAuthorization), then its processor's. This is the one
 * place to read an appeals mailing address or fax from when plan policy gains them.
 */
export function planContacts(input: Pick<LetterInput, 'plan' | 'processor'>): PlanContacts {
  const pa = input.plan.policy.priorAuthorization;
  const proc = input.processor;
  const memberServicesPhone = proc?.helpDeskPhone ?? pa.phone ?? proc?.paPhone ?? null;
  const priorAuthPhone = pa.phone ?? proc?.paPhone ?? proc?.helpDeskPhone ?? null;
  const priorAuthFax = pa.fax ?? proc?.paFax ?? null;
  return {
    memberServicesPhone,
    priorAuthPhone,
    priorAuthFax,
    appealsFax: priorAuthFax,
    appealsPhone: memberServicesPhone ?? priorAuthPhone,
    handledBy: pa.handledBy ?? proc?.name ?? input.plan.name,
  };
}
