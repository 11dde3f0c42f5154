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
