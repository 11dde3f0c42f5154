import type { NoticeKind } from '../../queue-notices.js';
import { appealAcknowledgmentLetter, appealDecisionLetter } from './appeal-letters.js';
import {
  cancellationLetter,
  escalationLetter,
  paNeededLetter,
  renewalReminderLetter,
  requestAcknowledgmentLetter,
  urgencyReclassifiedLetter,
} from './case-update-letters.js';
import {
  approvalLetter,
  closureLetter,
  deemedApprovalLetter,
  denialLetter,
  partialApprovalLetter,
} from './determination-letters.js';
import { incompleteRequestLetter, informationRequestLetter } from './information-request-letters.js';
import type { LetterTemplate } from './letter-template.js';

export type { AppealPath, LetterTemplate } from './letter-template.js';

/** One template per notice kind: a kind added to NOTICE_KINDS without a letter does not compile. */
export const LETTER_TEMPLATES_BY_KIND: Record<NoticeKind, LetterTemplate> = {
  approval: approvalLetter,
  'partial-approval': partialApprovalLetter,
  denial: denialLetter,
  'information-request': informationRequestLetter,
  'incomplete-request': incompleteRequestLetter,
  'closure-no-response': closureLetter,
  'urgency-reclassified': urgencyReclassifiedLetter,
  'deemed-approval': deemedApprovalLetter,
  'renewal-reminder': renewalReminderLetter,
  'pa-needed': paNeededLetter,
  cancellation: cancellationLetter,
  escalation: escalationLetter,
  'appeal-acknowledgment': appealAcknowledgmentLetter,
  'appeal-decision': appealDecisionLetter,
  'request-acknowledgment': requestAcknowledgmentLetter,
};

export function letterTemplateFor(kind: string): LetterTemplate | undefined {
  return (LETTER_TEMPLATES_BY_KIND as Record<string, LetterTemplate>)[kind];
}
