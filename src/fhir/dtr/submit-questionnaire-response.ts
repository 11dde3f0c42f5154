import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { findPaRequest, findPublishedCriteria } from '../../priorauth/index.js';
import { saveAnswers } from '../../priorauth/save-answers.js';
import { submitRequest } from '../../priorauth/submit-request.js';
import type { FhirRequest, FhirResponse } from '../fhir-request.js';
import { invalidElement } from '../operation-outcome.js';
import { PA_REQUEST_SYSTEM } from '../pas/claim-response.js';
import { actingPrescriber } from '../shared/acting-principal.js';

/**
 * DTR answers for a case: `POST /fhir/QuestionnaireResponse` with `basedOn` naming the PA request
 * (identifier system https://openpbm.org/fhir/sid/pa-request, as PAS and CRD answers give it). A
 * completed response submits the case (approved at once when every criterion is met); an
 * in-progress one is saved as a draft. The case is the same one the portals show.
 */
export async function submitQuestionnaireResponse(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  if (req.caller.kind !== 'client')
    throw new DomainError('FORBIDDEN', 'Answers are sent by the EHR client of the prescriber');
  const qr = req.body as QuestionnaireResponse;
  if (!qr || qr.resourceType !== 'QuestionnaireResponse')
    throw invalidElement('QuestionnaireResponse', 'the body must be a QuestionnaireResponse');
  const caseId = qr.basedOn?.find((b) => b.identifier?.system === PA_REQUEST_SYSTEM)?.identifier?.value;
  if (!caseId)
    throw invalidElement(
      'QuestionnaireResponse.basedOn',
      `must identify the PA request (identifier system ${PA_REQUEST_SYSTEM})`,
    );
  if (qr.status !== 'completed' && qr.status !== 'in-progress')
    throw invalidElement('QuestionnaireResponse.status', 'must be completed (submit) or in-progress (save a draft)');
  const row = await findPaRequest(ctx.database.db, caseId);
  // A case of another practice does not exist for this client.
  if (!row || !req.caller.client.prescriberNpis.includes(row.prescriberNpi)) throw notFound('PA request', caseId);
  const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion))!.body;
  const url = criteria.questionnaire.url;
  if (!qr.questionnaire || qr.questionnaire.split('|')[0] !== url)
    throw invalidElement('QuestionnaireResponse.questionnaire', `must be ${url} (the questionnaire of this request)`);
  const acting = actingPrescriber(req.caller.client, row.prescriberNpi);
  const view =
    qr.status === 'completed'
      ? await submitRequest(ctx, acting, caseId, { answers: qr })
      : await saveAnswers(ctx, acting, caseId, qr);
  const id = `${caseId}-answers`;
  return {
    status: 201,
    body: { ...qr, id, meta: { lastUpdated: ctx.clock.now().toISOString() } },
    headers: {
      location: `${req.baseUrl}/QuestionnaireResponse/${id}`,
      'x-openpbm-pa-status': String((view as { status?: string }).status ?? ''),
    },
  };
}
