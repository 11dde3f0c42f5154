import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';

let seq = 0;
export const nextMessageId = () => `T${Date.now().toString(36)}${++seq}`;

const header = (messageId: string) =>
  `<Header><To Qualifier="P">OPENPBM</To><From Qualifier="ZZZ">demo-hub</From><MessageID>${messageId}</MessageID><SentTime>2026-11-20T17:00:00Z</SentTime></Header>`;

export const envelope = (body: string, messageId = nextMessageId()) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" TransactionDomain="SCRIPT" TransactionVersion="2017071">${header(messageId)}<Body>${body}</Body></Message>`;

const prescriber = (npi: string) =>
  `<Prescriber><NonVeterinarian><Identification><NPI>${npi}</NPI></Identification></NonVeterinarian></Prescriber>`;

export function initiationBody(o: {
  memberId: string;
  dateOfBirth: string;
  npi: string;
  ndc: string;
  quantity?: number;
  daysSupply?: number;
  urgentReason?: string;
}) {
  return `<PAInitiationRequest>${o.urgentReason ? '<PAPriorityIndicator>EX</PAPriorityIndicator>' : ''}
  <Patient><HumanPatient><Name><LastName>Member</LastName></Name><DateOfBirth><Date>${o.dateOfBirth}</Date></DateOfBirth></HumanPatient></Patient>
  <BenefitsCoordination><CardholderID>${o.memberId}</CardholderID></BenefitsCoordination>
  ${prescriber(o.npi)}
  <MedicationPrescribed><DrugCoded><ProductCode><Code>${o.ndc}</Code><Qualifier>ND</Qualifier></ProductCode></DrugCoded>
    <Quantity><Value>${o.quantity ?? 3}</Value></Quantity><DaysSupply>${o.daysSupply ?? 28}</DaysSupply></MedicationPrescribed>
  ${o.urgentReason ? `<PANote>${o.urgentReason}</PANote>` : ''}
</PAInitiationRequest>`;
}

export type ScriptAnswerSpec = Record<string, string | number | string[] | { date: string }>;

export function answersXml(answers: ScriptAnswerSpec) {
  return Object.entries(answers)
    .map(([id, v]) => {
      const r = Array.isArray(v)
        ? v.map((c) => `<SelectedChoice><ChoiceID>${c}</ChoiceID></SelectedChoice>`).join('')
        : typeof v === 'number'
          ? `<NumericResponse>${v}</NumericResponse>`
          : typeof v === 'object'
            ? `<DateResponse><Date>${v.date}</Date></DateResponse>`
            : `<FreeTextResponse>${v}</FreeTextResponse>`;
      return `<Question><QuestionID>${id}</QuestionID><QuestionResponse>${r}</QuestionResponse></Question>`;
    })
    .join('');
}

export function paRequestBody(o: {
  caseId: string;
  npi: string;
  answers?: ScriptAnswerSpec;
  note?: string;
  attachments?: string;
}) {
  return `<PARequest><PAReferenceID>${o.caseId}</PAReferenceID>${prescriber(o.npi)}${
    o.answers ? `<QuestionSet>${answersXml(o.answers)}</QuestionSet>` : ''
  }${o.attachments ?? ''}${o.note ? `<PANote>${o.note}</PANote>` : ''}</PARequest>`;
}

export const cancelBody = (caseId: string, npi: string) =>
  `<PACancelRequest><PAReferenceID>${caseId}</PAReferenceID>${prescriber(npi)}<CancelReason>Changed therapy</CancelReason></PACancelRequest>`;

export const appealBody = (caseId: string, npi: string, reason: string, attachments = '') =>
  `<PAAppealRequest><PAReferenceID>${caseId}</PAReferenceID>${prescriber(npi)}<AppealReason>${reason}</AppealReason>${attachments}</PAAppealRequest>`;

/** GLP-1 (glp1-t2dm) answers that meet every criterion: HbA1c 8.4 with a metformin contraindication. */
export const GLP1_MEETS: ScriptAnswerSpec = {
  dx: ['E11.9'],
  a1c: 8.4,
  'a1c-date': { date: '2026-10-15' },
  'metformin-contra': ['Y'],
  'metformin-contra-detail': 'eGFR 25',
  'weight-only': ['N'],
};
/** HbA1c 6.0: not every criterion is met, so a clinician reviews (pended). */
export const GLP1_NEEDS_REVIEW: ScriptAnswerSpec = { ...GLP1_MEETS, a1c: 6.0 };

const reader = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['Question', 'Choice', 'Alternative', 'DenialReason', 'AttachmentRequest'].includes(name),
});

/** Reads a SCRIPT answer into a plain object: { Header, Body: { <Transaction>: … } }. */
export function readScript(xml: string): { Header: any; Body: any; transaction: string; body: any } {
  const m = reader.parse(xml).Message;
  const transaction = Object.keys(m.Body)[0];
  return { Header: m.Header, Body: m.Body, transaction, body: m.Body[transaction] };
}

/** POSTs one SCRIPT message to /api/v1/epa (or /rtpb) with a hub credential. */
export async function sendScript(app: FastifyInstance, credential: string | null, xml: string, path = '/api/v1/epa') {
  const r = await app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/xml', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    payload: xml,
  });
  const type = String(r.headers['content-type'] ?? '');
  return {
    status: r.statusCode,
    raw: r.body,
    contentType: type,
    script: type.includes('xml') ? readScript(r.body) : null,
    problem: type.includes('json') ? r.json() : null,
  };
}
