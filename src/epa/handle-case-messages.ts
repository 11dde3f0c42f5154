import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.js';
import { addAppealAttachment } from '../appeals/add-appeal-attachment.js';
import { fileAppeal } from '../appeals/file-appeal.js';
import { actingPrescriber } from '../fhir/shared/acting-principal.js';
import { clientIdentity } from '../fhir/smart/resolve-caller.js';
import type { Principal } from '../platform/roles.js';
import {
  MAX_ATTACHMENT_BYTES,
  prepareAttachment,
  storeAttachment,
  type PreparedAttachment,
} from '../priorauth/add-attachment.js';
import { sniffFileType } from '../priorauth/sniff-file-type.js';
import { cancelRequest } from '../priorauth/cancel-request.js';
import { findPaRequestWithDocuments, type PaRequestRow, findPublishedCriteria } from '../priorauth/index.js';
import { respondToInformationRequest } from '../priorauth/respond-to-information-request.js';
import { buildCaseOutcomeView, type CaseOutcomeView } from '../priorauth/request-view.js';
import type { CriteriaSet } from '../priorauth/rules/criteria-set.js';
import { saveAnswers } from '../priorauth/save-answers.js';
import { mergeAnswers } from '../priorauth/merge-answers.js';
import { assertAnswersValid, missingItems, submitCase } from '../priorauth/submit-request.js';
import type { Hub } from './authenticate-hub.js';
import { caseEvent, caseOutcome, isFinalEvent } from './case-outcome.js';
import { EpaRefusal } from './epa-refusal.js';
import { findEpaCase } from './epa.repo.js';
import type { ClaimedWith, HandledMessage } from './handled-message.js';
import { answersDeadline } from './handle-initiation.js';
import { answersToResponse, informationRequestQuestionSet, toQuestionSet } from './question-set.js';
import { answersOf, attachmentsOf, bodyPath, prescriberNpi } from './read-messages.js';
import { caseResponseBody, type CaseOutcome } from './script-responses.js';
import type { InboundMessage } from './script-xml.js';

interface CaseContext {
  row: PaRequestRow;
  acting: Principal;
  criteria: CriteriaSet;
  /** The case's documents on file, read with the case (a submission checks them). */
  onFile: Array<{ documentId: string | null }>;
}

/**
 * The case a message names, if this hub opened it over ePA and the message's prescriber is the
 * case's: any other case is "not found" (a hub learns nothing of cases it did not send).
 */
async function loadCase(ctx: AppContext, hub: Hub, m: InboundMessage, claimed: ClaimedWith): Promise<CaseContext> {
  const id = m.body.PAReferenceID as string;
  // Read with the message's claim (answer-epa-message.ts); read here when it was not.
  const link = claimed.epaCase === undefined ? await findEpaCase(ctx.database.db, id) : claimed.epaCase;
  // The case with its documents in one read (a PARequest's submission checks them).
  const found =
    link && link.clientId === hub.row.id ? await findPaRequestWithDocuments(ctx.database.db, id) : undefined;
  const row = found?.row;
  if (!row)
    throw new EpaRefusal(
      'CASE_NOT_FOUND',
      `${bodyPath(m)}/PAReferenceID: no ePA request ${id} was opened by this sender`,
    );
  const npi = prescriberNpi(m.body);
  if (npi !== row.prescriberNpi)
    throw new EpaRefusal(
      'NOT_AUTHORIZED',
      `${bodyPath(m)}/Prescriber/NonVeterinarian/Identification/NPI: ${npi} is not the prescriber of request ${id}`,
    );
  const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion))!.body;
  return { row, acting: actingPrescriber(clientIdentity(hub.row), npi), criteria, onFile: found.documents };
}

export async function outcomeOf(ctx: AppContext, view: CaseOutcomeView, criteria: CriteriaSet): Promise<CaseOutcome> {
  const plan = (await ctx.reference.get()).plans.get(view.planId)!;
  return caseOutcome(view, criteria, {
    answersDeadline: answersDeadline(new Date(view.receivedAt), plan.policy.informationRequests.responseWindowHours),
    appealRights: `The prescriber or the member may appeal within ${plan.policy.appeals.filingWindowDays} days of the notice date: PAAppealRequest, the prescriber portal, fax or phone.`,
  });
}

/** Answers the case's current state; that the sender now knows it (no PANotification repeats it) is recorded with the answer. */
async function answerWithCase(
  ctx: AppContext,
  transaction: string,
  view: CaseOutcomeView,
  criteria: CriteriaSet,
): Promise<HandledMessage> {
  const event = caseEvent(view);
  return {
    transaction,
    paRequestId: view.id,
    body: caseResponseBody(view.id, await outcomeOf(ctx, view, criteria)),
    ...(event ? { knownEvent: { event, settledAt: isFinalEvent(event) ? ctx.clock.now() : null } } : {}),
  };
}

/** Refuses a document that is not a PDF, PNG, JPEG or TIFF before anything is changed. */
async function checkAttachments(m: InboundMessage) {
  for (const a of attachmentsOf(m.body, bodyPath(m))) {
    if (!a.data.length) throw new EpaRefusal('SCHEMA', `${a.path}/AttachmentData: is empty`);
    if (a.data.length > MAX_ATTACHMENT_BYTES)
      throw new EpaRefusal('SCHEMA', `${a.path}/AttachmentData: larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    if (!(await sniffFileType(a.data)))
      throw new EpaRefusal(
        'SCHEMA',
        `${a.path}/AttachmentData: is not a PDF, PNG, JPEG or TIFF (the content is checked)`,
      );
  }
}

/**
 * Checks the message's documents for the case, writing nothing yet (their ids are known, so an
 * attachment answering an attachment question is returned as an answer).
 */
async function prepareAttachments(ctx: AppContext, c: CaseContext, m: InboundMessage) {
  const prepared: PreparedAttachment[] = [];
  const answers: NonNullable<QuestionnaireResponse['item']> = [];
  const attachmentItems = new Set(
    (c.criteria.questionnaire.item ?? []).filter((i) => i.type === 'attachment').map((i) => i.linkId),
  );
  const documentIds = new Set(c.criteria.requiredDocuments.map((d) => d.id));
  for (const a of attachmentsOf(m.body, bodyPath(m))) {
    let stored;
    try {
      stored = await prepareAttachment(ctx, c.acting, c.row, {
        filename: a.description ?? `attachment.${a.mimeType.split('/')[1]}`,
        bytes: a.data,
        ...(a.attachmentId && documentIds.has(a.attachmentId) ? { documentId: a.attachmentId } : {}),
      });
    } catch (e) {
      throw new EpaRefusal('SCHEMA', `${a.path}/AttachmentData: ${(e as Error).message}`);
    }
    prepared.push(stored);
    if (a.attachmentId && attachmentItems.has(a.attachmentId))
      answers.push({
        linkId: a.attachmentId,
        answer: [{ valueAttachment: { id: stored.id, title: stored.filename, contentType: stored.contentType } }],
      });
  }
  return { prepared, ids: prepared.map((p) => p.id), answers };
}

/** Stores prepared documents now, in a transaction of their own (when they do not go with a submission). */
async function storeAttachments(ctx: AppContext, c: CaseContext, prepared: PreparedAttachment[]) {
  if (!prepared.length) return;
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    for (const a of prepared) await storeAttachment(tx, a, c.row.status, now);
  });
}

function withItems(r: QuestionnaireResponse | undefined, extra: NonNullable<QuestionnaireResponse['item']>) {
  if (!r && !extra.length) return undefined;
  const base: QuestionnaireResponse = r ?? { resourceType: 'QuestionnaireResponse', status: 'completed', item: [] };
  return { ...base, item: [...(base.item ?? []), ...extra] };
}

/**
 * PARequest → PAResponse. On a case awaiting answers: complete answers are submitted (approved in
 * this response when every criterion is met, else pended for a clinician with the due time);
 * incomplete ones are kept as a draft and answered with the questions still missing (ePA is
 * synchronous: nothing starts until the request is complete, docs/design.md#prior-authorization).
 * On a case with an open information request: the answers respond to it (a further request
 * follows the plan's maximum, two). Otherwise: the case's current outcome (a status inquiry).
 */
export async function handlePaRequest(
  ctx: AppContext,
  hub: Hub,
  m: InboundMessage,
  claimed: ClaimedWith = {},
): Promise<HandledMessage> {
  const c = await loadCase(ctx, hub, m, claimed);
  await checkAttachments(m);
  const scriptAnswers = answersOf(m.body, bodyPath(m));
  const note = typeof m.body.PANote === 'string' ? m.body.PANote : undefined;
  const hasAttachments = Boolean(m.body.Attachment);
  if (c.row.status === 'awaiting-answers') {
    if (!scriptAnswers && !hasAttachments)
      return answerWithCase(ctx, 'PAResponse', await buildCaseOutcomeView(ctx, c.row), c.criteria);
    const fhir = scriptAnswers ? answersToResponse(c.criteria.questionnaire, scriptAnswers) : undefined;
    const stored = await prepareAttachments(ctx, c, m);
    // Answers add to the draft a previous (incomplete) PARequest left, question by question.
    const merged = fhir ? (mergeAnswers(c.row.answers, fhir) as unknown as QuestionnaireResponse) : undefined;
    const answers = withItems(merged ?? (c.row.answers as QuestionnaireResponse | null) ?? undefined, stored.answers);
    if (answers) answers.status = 'completed';
    if (!answers) throw new EpaRefusal('INVALID_ANSWERS', `${bodyPath(m)}/QuestionSet: answer the question set`);
    assertAnswersValid(c.criteria, answers);
    const row = c.row;
    const onFile = c.onFile;
    const completeness = await missingItems(ctx, row, c.criteria, answers, stored.prepared, onFile);
    if (!completeness.complete) {
      await storeAttachments(ctx, c, stored.prepared);
      const view = await saveAnswers(ctx, c.acting, row.id, { ...answers, status: 'in-progress' });
      const outcome = await outcomeOf(ctx, view, c.criteria);
      const missing = informationRequestQuestionSet(
        row.id,
        0,
        completeness.missing.map((x, i) => ({
          id: x.documentId ?? `missing-${i + 1}`,
          ...(x.documentId ? { document: x.text } : { question: x.text, linkId: x.linkId }),
        })),
        toQuestionSet(c.criteria.questionnaire, c.criteria),
      );
      return {
        transaction: 'PAResponse',
        paRequestId: row.id,
        body: caseResponseBody(row.id, {
          kind: 'open',
          questionSet: { ...missing, id: `${c.criteria.id}|${c.criteria.version}`, title: 'Still needed' },
          deadline: outcome.kind === 'open' ? outcome.deadline : ctx.clock.now().toISOString(),
          note: `The request is incomplete: ${completeness.missing.map((x) => x.text).join('; ')}. The review clock starts when it is complete.`,
        }),
      };
    }
    // The documents are stored in the submission's transaction; the case is not read again, and
    // the answer reads only what it states (buildCaseOutcomeView), not the portals' full view.
    const submitted = await submitCase(
      ctx,
      c.acting,
      row.id,
      { answers },
      { row, attachments: stored.prepared, onFile },
    );
    return answerWithCase(ctx, 'PAResponse', await buildCaseOutcomeView(ctx, submitted), c.criteria);
  }
  if (c.row.status === 'awaiting-information' && (scriptAnswers || hasAttachments || note)) {
    const open = (await buildCaseOutcomeView(ctx, c.row)).informationRequests.find((r) => r.status === 'open');
    const asked = new Map(
      ((open?.items ?? []) as Array<{ id: string; question?: string; linkId?: string }>)
        .filter((i) => i.question && !i.linkId)
        .map((i) => [i.id, i.question!]),
    );
    // Answers to the reviewer's own questions (free text) go in the note; criteria questions are answers.
    const free = (scriptAnswers ?? []).filter((a) => asked.has(a.questionId));
    const criteriaAnswers = (scriptAnswers ?? []).filter((a) => !asked.has(a.questionId));
    const fhir = criteriaAnswers.length ? answersToResponse(c.criteria.questionnaire, criteriaAnswers) : undefined;
    const stored = await prepareAttachments(ctx, c, m);
    await storeAttachments(ctx, c, stored.prepared);
    const text = [
      ...free.map(
        (a) => `${asked.get(a.questionId)} — ${a.freeText ?? a.numeric ?? a.date ?? a.choiceIds?.join(', ')}`,
      ),
      ...(note ? [note] : []),
    ].join('\n');
    const view = await respondToInformationRequest(ctx, c.acting, c.row.id, {
      ...(fhir || stored.answers.length ? { answers: withItems(fhir, stored.answers) } : {}),
      ...(text ? { note: text } : {}),
      ...(stored.ids.length ? { attachmentIds: stored.ids } : {}),
    });
    return answerWithCase(ctx, 'PAResponse', view, c.criteria);
  }
  return answerWithCase(ctx, 'PAResponse', await buildCaseOutcomeView(ctx, c.row), c.criteria);
}

/** PACancelRequest → PACancelResponse: the requester withdraws an open case (its clocks stop). */
export async function handleCancel(
  ctx: AppContext,
  hub: Hub,
  m: InboundMessage,
  claimed: ClaimedWith = {},
): Promise<HandledMessage> {
  const c = await loadCase(ctx, hub, m, claimed);
  const reason = typeof m.body.CancelReason === 'string' ? m.body.CancelReason : undefined;
  const view = await cancelRequest(ctx, c.acting, c.row.id, { reason: reason ?? 'Withdrawn by the prescriber (ePA)' });
  return {
    transaction: 'PACancelResponse',
    paRequestId: view.id,
    // The sender knows of the cancellation from this answer: recorded with it, in its statement (completeMessage).
    knownEvent: { event: 'cancelled', settledAt: ctx.clock.now() },
    body: {
      PAReferenceID: view.id,
      Response: { Cancelled: { Description: 'The request is withdrawn; its clocks stopped.' } },
    },
  };
}

/**
 * PAAppealRequest → PAAppealResponse: the prescriber appeals a denial, partial approval or closure
 * (fileAppeal: the plan's filing window, one open appeal per case, the appeal clock, an
 * independent reviewer); documents go to the appeal.
 */
export async function handleAppeal(
  ctx: AppContext,
  hub: Hub,
  m: InboundMessage,
  claimed: ClaimedWith = {},
): Promise<HandledMessage> {
  const c = await loadCase(ctx, hub, m, claimed);
  await checkAttachments(m);
  const urgent = m.body.PAPriorityIndicator === 'EX';
  const appeal = await fileAppeal(ctx, c.acting, {
    paRequestId: c.row.id,
    urgency: urgent ? 'urgent' : 'standard',
    statement: m.body.AppealReason as string,
    filedBy: 'prescriber',
  });
  for (const a of attachmentsOf(m.body, bodyPath(m))) {
    try {
      await addAppealAttachment(ctx, c.acting, appeal.id, {
        filename: a.description ?? `appeal-document.${a.mimeType.split('/')[1]}`,
        bytes: a.data,
      });
    } catch (e) {
      throw new EpaRefusal('SCHEMA', `${a.path}/AttachmentData: ${(e as Error).message}`);
    }
  }
  return {
    transaction: 'PAAppealResponse',
    paRequestId: c.row.id,
    body: {
      PAReferenceID: c.row.id,
      Response: {
        Received: {
          AppealID: appeal.id,
          DueTime: { DateTime: appeal.dueAt },
          Note: 'An independent reviewer decides the appeal by the due time; the decision is sent by letter and fax.',
        },
      },
    },
  };
}
