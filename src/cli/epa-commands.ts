/* eslint-disable @typescript-eslint/no-explicit-any -- the simulator walks the parsed XML of answers OpenPBM validated on its side */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline/promises';
import { XMLParser } from 'fast-xml-parser';
import { DEMO_EPA_HUB } from '../demo/demo-accounts.js';
import { DomainError } from '../platform/errors.js';
import type { Out } from './commands.js';

/** What an integrator passes to `epa simulate` (docs/epa-script.md#certifying-a-connection). */
export interface SimulateArgs {
  to?: string;
  key?: string;
  prescriber?: string;
  member?: string;
  ndc?: string;
  dob?: string;
  answers?: string;
  listen?: string;
  wait?: string;
}

const reader = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['Question', 'Choice', 'DenialReason', 'AttachmentRequest'].includes(name),
});

let seq = 0;
const messageId = () => `SIM${Date.now().toString(36).toUpperCase()}${++seq}`;

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" TransactionDomain="SCRIPT" TransactionVersion="2017071">
  <Header><To Qualifier="P">OPENPBM</To><From Qualifier="ZZZ">epa-simulator</From><MessageID>${messageId()}</MessageID><SentTime>${new Date().toISOString()}</SentTime></Header>
  <Body>${body}</Body>
</Message>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const prescriber = (npi: string) =>
  `<Prescriber><NonVeterinarian><Identification><NPI>${npi}</NPI></Identification></NonVeterinarian></Prescriber>`;

interface Question {
  QuestionID: string;
  QuestionText: string;
  Required: string;
  QuestionType: Record<string, any>;
}

function answerXml(q: Question, value: string): string {
  const type = Object.keys(q.QuestionType)[0];
  const r =
    type === 'Select'
      ? value
          .split(',')
          .map((c) => `<SelectedChoice><ChoiceID>${esc(c.trim())}</ChoiceID></SelectedChoice>`)
          .join('')
      : type === 'Numeric'
        ? `<NumericResponse>${esc(value)}</NumericResponse>`
        : type === 'Date'
          ? `<DateResponse><Date>${esc(value)}</Date></DateResponse>`
          : `<FreeTextResponse>${esc(value)}</FreeTextResponse>`;
  return `<Question><QuestionID>${esc(q.QuestionID)}</QuestionID><QuestionResponse>${r}</QuestionResponse></Question>`;
}

/** The next question after an answer, by the question set's routing (END closes it). */
function nextOf(q: Question, value: string | undefined): string {
  const type = Object.keys(q.QuestionType)[0];
  const t = q.QuestionType[type] ?? {};
  if (type === 'Select') {
    const choice = (t.Choice as Array<{ ChoiceID: string; NextQuestionID: string }>).find(
      (c) => c.ChoiceID === value?.split(',')[0]?.trim(),
    );
    return choice?.NextQuestionID ?? 'END';
  }
  const routes = ([] as Array<{ ComparisonOperator: string; ComparisonValue: string; NextQuestionID: string }>).concat(
    t.ComparisonRouting ?? [],
  );
  for (const r of routes) {
    const v = Number(value);
    const c = Number(r.ComparisonValue);
    const hit = { EQ: v === c, NE: v !== c, GT: v > c, LT: v < c, GE: v >= c, LE: v <= c, EX: value !== undefined }[
      r.ComparisonOperator
    ];
    if (hit) return r.NextQuestionID;
  }
  return t.DefaultNextQuestionID ?? 'END';
}

async function answerQuestions(out: Out, questions: Question[], file: string | undefined): Promise<string> {
  const given: Record<string, string | number | string[]> = file
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | number | string[]>)
    : {};
  const rl = file ? null : createInterface({ input: process.stdin, output: process.stdout });
  const parts: string[] = [];
  try {
    let id = questions[0]?.QuestionID ?? 'END';
    while (id !== 'END') {
      const q = questions.find((x) => x.QuestionID === id);
      if (!q) break;
      let value: string | undefined;
      if (file) {
        const v = given[q.QuestionID];
        value = v === undefined ? undefined : Array.isArray(v) ? v.join(',') : String(v);
      } else {
        const t = q.QuestionType.Select as { Choice: Array<{ ChoiceID: string; ChoiceText: string }> } | undefined;
        const hint = t
          ? ` [${t.Choice.map((c) => `${c.ChoiceID}=${c.ChoiceText}`).join(', ')}]`
          : ` (${Object.keys(q.QuestionType)[0]})`;
        value =
          (await rl!.question(`${q.QuestionText}${hint}${q.Required === 'true' ? ' *' : ''}: `)).trim() || undefined;
      }
      if (value !== undefined) parts.push(answerXml(q, value));
      else if (q.Required === 'true') out.log(`(no answer to required question ${q.QuestionID})`);
      id = nextOf(q, value);
    }
  } finally {
    rl?.close();
  }
  return parts.join('');
}

function describe(response: any): string {
  const [kind] = Object.keys(response ?? {});
  const r = response?.[kind] ?? {};
  switch (kind) {
    case 'Approved':
      return `APPROVED: authorization ${r.AuthorizationNumber}, ${r.AuthorizationPeriod?.EffectiveDate?.Date} to ${r.AuthorizationPeriod?.ExpirationDate?.Date}`;
    case 'Denied':
      return `DENIED: ${[].concat(r.DenialReason ?? []).join('; ')} — ${r.AppealRights ?? ''}`;
    case 'Pended':
      return `PENDED: due ${r.DueTime?.DateTime ?? '?'} (${r.Note ?? ''})`;
    case 'Closed':
      return `CLOSED (${r.ReasonCode}): ${r.Description}${r.AuthorizationNumber ? ` — authorization ${r.AuthorizationNumber}` : ''}`;
    case 'Open':
      return `OPEN: ${r.QuestionSet?.Question?.length ?? 0} question(s), answer by ${r.DeadlineForReply?.DateTime}${r.Note ? ` — ${r.Note}` : ''}`;
    default:
      return JSON.stringify(response);
  }
}

/**
 * `epa simulate`: plays the EHR side of SCRIPT ePA against a running OpenPBM, end to end —
 * PAInitiationRequest, the question set answered from a JSON file or at prompts, PARequest, and
 * for a pended request the decision: a PANotification received on --listen PORT (set the hub's
 * endpoint to it), or else a PARequest status inquiry every few seconds. What an integrator runs
 * to certify a connection.
 */
export async function epaSimulate(out: Out, a: SimulateArgs): Promise<void> {
  for (const k of ['prescriber', 'member', 'ndc'] as const)
    if (!a[k]) throw new DomainError('VALIDATION_FAILED', `epa simulate needs --${k}`);
  const base = (a.to ?? 'http://localhost:3000').replace(/\/$/, '');
  const key = a.key ?? process.env.OPENPBM_API_KEY ?? DEMO_EPA_HUB.apiKey;
  let dob = a.dob;
  if (!dob) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    dob = (await rl.question(`Date of birth of ${a.member} (YYYY-MM-DD): `)).trim();
    rl.close();
  }
  const send = async (body: string) => {
    const xml = envelope(body);
    const res = await fetch(`${base}/api/v1/epa`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${key}` },
      body: xml,
    });
    const text = await res.text();
    if (!res.ok) throw new DomainError('VALIDATION_FAILED', `${base} answered ${res.status}: ${text.slice(0, 500)}`);
    const m = reader.parse(text).Message;
    const [transaction] = Object.keys(m.Body);
    if (transaction === 'Error')
      throw new DomainError(
        'VALIDATION_FAILED',
        `SCRIPT Error ${m.Body.Error.DescriptionCode}: ${m.Body.Error.Description}`,
      );
    return { transaction, body: m.Body[transaction] };
  };
  const init = await send(`<PAInitiationRequest>
  <Patient><HumanPatient><Name><LastName>Patient</LastName></Name><DateOfBirth><Date>${esc(dob)}</Date></DateOfBirth></HumanPatient></Patient>
  <BenefitsCoordination><CardholderID>${esc(a.member!)}</CardholderID></BenefitsCoordination>
  ${prescriber(esc(a.prescriber!))}
  <MedicationPrescribed><DrugCoded><ProductCode><Code>${esc(a.ndc!)}</Code><Qualifier>ND</Qualifier></ProductCode></DrugCoded>
  <Quantity><Value>1</Value></Quantity><DaysSupply>30</DaysSupply></MedicationPrescribed></PAInitiationRequest>`);
  out.log(`PAInitiationResponse: ${describe(init.body.Response)}`);
  const open = init.body.Response.Open;
  if (!open) return;
  const caseId: string = open.PAReferenceID;
  out.log(`PA reference ${caseId}; question set ${open.QuestionSet.QuestionSetID}`);
  const listener = a.listen ? await listen(Number(a.listen)) : null;
  try {
    let questions: Question[] = open.QuestionSet.Question;
    let response: any;
    for (let round = 0; round < 3; round++) {
      const answers = await answerQuestions(out, questions, a.answers);
      response = (
        await send(
          `<PARequest><PAReferenceID>${esc(caseId)}</PAReferenceID>${prescriber(esc(a.prescriber!))}<QuestionSet>${answers}</QuestionSet></PARequest>`,
        )
      ).body.Response;
      out.log(`PAResponse: ${describe(response)}`);
      if (!response.Open) break;
      questions = response.Open.QuestionSet.Question;
    }
    if (!response.Pended) return;
    const waitMs = Number(a.wait ?? 600) * 1000;
    const until = Date.now() + waitMs;
    out.log(
      listener
        ? `Waiting for the PANotification on port ${a.listen}…`
        : 'Waiting for the decision (status inquiry every 5 s)…',
    );
    while (Date.now() < until) {
      if (listener) {
        const n = await listener.next(until - Date.now());
        if (n) {
          const m = reader.parse(n).Message;
          if (m.Body.PANotification?.PAReferenceID === caseId) {
            out.log(`PANotification: ${describe(m.Body.PANotification.Response)}`);
            return;
          }
        }
      } else {
        await new Promise((r) => setTimeout(r, 5000));
        const r = (
          await send(
            `<PARequest><PAReferenceID>${esc(caseId)}</PAReferenceID>${prescriber(esc(a.prescriber!))}</PARequest>`,
          )
        ).body.Response;
        if (!r.Pended) {
          out.log(`Decision: ${describe(r)}`);
          return;
        }
      }
    }
    out.log('No decision yet; inquire later with a PARequest naming the PA reference.');
  } finally {
    listener?.close();
  }
}

/** A local PANotification receiver: resolves with each POSTed message body. */
async function listen(port: number) {
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      queue.push(body);
      res.writeHead(200).end();
      wake?.();
    });
  });
  await new Promise<void>((ok) => server.listen(port, ok));
  return {
    async next(timeoutMs: number): Promise<string | undefined> {
      if (!queue.length)
        await new Promise<void>((ok) => {
          wake = ok;
          setTimeout(ok, Math.max(0, timeoutMs));
        });
      wake = null;
      return queue.shift();
    },
    close: () => server.close(),
  };
}
