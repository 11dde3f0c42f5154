import type { InformationRequestClock } from '../../plans/plan-policy.js';

/** At most `maxRequests` information requests per case (plan policy; two by default). */
export function canRequestInformation(args: { count: number; maxRequests: number }): boolean {
  return args.count < args.maxRequests;
}

/** When the last allowed request expires unanswered the case closes; otherwise it returns to review. */
export function nextStateOnInformationExpiry(args: {
  count: number;
  maxRequests: number;
}): 'closed-no-response' | 'in-review' {
  return args.count >= args.maxRequests ? 'closed-no-response' : 'in-review';
}

/**
 * What a reviewer's information request does to the review clock on this plan: the plan
 * policy's `informationRequests.clock`, else the line of business's default —
 * - medi-cal: `restarts-on-answer` (Medi-Cal Rx: the information request is the 24-hour response
 *   W&I Code §14185(a)(1) requires; the answer starts a new 24 hours);
 * - everything else (medicare-d, commercial, ihss, marketplace): `continues` — Medicare Part D
 *   decides on the record it has by the due time (42 CFR 423.568(b), 423.570(d)), and a
 *   commercial request was complete at receipt, so asking for more never buys the plan time
 *   (California's deemed approval, H&S Code §1367.241(b), still runs from receipt).
 */
export function informationRequestClock(
  policy: { informationRequests: { clock?: InformationRequestClock } },
  lineOfBusiness: string,
): InformationRequestClock {
  return policy.informationRequests.clock ?? (lineOfBusiness === 'medi-cal' ? 'restarts-on-answer' : 'continues');
}
