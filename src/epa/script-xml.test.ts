import { describe, expect, it } from 'vitest';
import { answersOf, coverageOf, medicationOf, patientOf, prescriberNpi } from './read-messages.js';
import { buildScriptMessage, parseScriptMessage } from './script-xml.js';
import { ScriptSchemaError } from './script-schema.js';
import { caseResponseBody, errorBody, initiationResponseBody } from './script-responses.js';

const header = `<Header><To Qualifier="P">OPENPBM</To><From Qualifier="ZZZ">demo-hub</From><MessageID>MSG-1</MessageID><SentTime>2026-11-20T17:00:00Z</SentTime></Header>`;
const wrap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Message xmlns="http://www.ncpdp.org/schema/SCRIPT" TransactionDomain="SCRIPT">${header}<Body>${body}</Body></Message>`;

const initiation = `<PAInitiationRequest>
  <Patient><HumanPatient><Name><LastName>Rivera</LastName><FirstName>Ana</FirstName></Name><Gender>F</Gender><DateOfBirth><Date>1961-03-04</Date></DateOfBirth></HumanPatient></Patient>
  <BenefitsCoordination><PayerIdentification><ProcessorIdentificationNumber>610011</ProcessorIdentificationNumber><MutuallyDefined>BAYRX</MutuallyDefined></PayerIdentification><CardholderID>M000101</CardholderID><GroupID>IHSS01</GroupID></BenefitsCoordination>
  <Prescriber><NonVeterinarian><Identification><NPI>2260010006</NPI></Identification></NonVeterinarian></Prescriber>
  <MedicationPrescribed><DrugDescription>Ozempic</DrugDescription><DrugCoded><ProductCode><Code>00169413211</Code><Qualifier>ND</Qualifier></ProductCode></DrugCoded>
    <Quantity><Value>1.5</Value></Quantity><DaysSupply>28</DaysSupply>
    <Diagnosis><Primary><Code>E119</Code><Qualifier>ABF</Qualifier></Primary></Diagnosis></MedicationPrescribed>
</PAInitiationRequest>`;

function schemaError(xml: string): ScriptSchemaError {
  try {
    parseScriptMessage(xml);
  } catch (e) {
    if (e instanceof ScriptSchemaError) return e;
    throw e;
  }
  throw new Error('the message was accepted');
}

describe('SCRIPT message parser', () => {
  it('reads a PAInitiationRequest: header, patient, benefits, prescriber, medication', () => {
    const m = parseScriptMessage(wrap(initiation));
    expect(m.header).toMatchObject({ from: 'demo-hub', messageId: 'MSG-1', to: 'OPENPBM' });
    expect(m.transaction).toBe('PAInitiationRequest');
    expect(patientOf(m.body)).toEqual({ lastName: 'Rivera', firstName: 'Ana', dateOfBirth: '1961-03-04' });
    expect(coverageOf(m.body)).toEqual({ cardholderId: 'M000101', bin: '610011', pcn: 'BAYRX', groupId: 'IHSS01' });
    expect(prescriberNpi(m.body)).toBe('2260010006');
    expect(medicationOf(m.body)).toEqual({
      description: 'Ozempic',
      ndc: '00169413211',
      rxcui: undefined,
      quantity: 1.5,
      daysSupply: 28,
      diagnosis: 'E119',
    });
  });

  it('reads PARequest answers of every type with their element paths', () => {
    const m = parseScriptMessage(
      wrap(`<PARequest><PAReferenceID>par_1</PAReferenceID>
        <Prescriber><NonVeterinarian><Identification><NPI>2260010006</NPI></Identification></NonVeterinarian></Prescriber>
        <QuestionSet><QuestionSetID>glp1-t2dm|1</QuestionSetID>
          <Question><QuestionID>dx</QuestionID><QuestionResponse><SelectedChoice><ChoiceID>E11.9</ChoiceID></SelectedChoice></QuestionResponse></Question>
          <Question><QuestionID>a1c</QuestionID><QuestionResponse><NumericResponse>8.4</NumericResponse></QuestionResponse></Question>
          <Question><QuestionID>a1c-date</QuestionID><QuestionResponse><DateResponse><Date>2026-10-15</Date></DateResponse></QuestionResponse></Question>
          <Question><QuestionID>detail</QuestionID><QuestionResponse><FreeTextResponse>eGFR 25 &amp; falling</FreeTextResponse></QuestionResponse></Question>
        </QuestionSet></PARequest>`),
    );
    expect(answersOf(m.body, 'B')).toEqual([
      {
        questionId: 'dx',
        path: 'B/QuestionSet/Question[1]',
        choiceIds: ['E11.9'],
        freeText: undefined,
        numeric: undefined,
        date: undefined,
      },
      {
        questionId: 'a1c',
        path: 'B/QuestionSet/Question[2]',
        numeric: '8.4',
        choiceIds: undefined,
        freeText: undefined,
        date: undefined,
      },
      {
        questionId: 'a1c-date',
        path: 'B/QuestionSet/Question[3]',
        date: '2026-10-15',
        choiceIds: undefined,
        freeText: undefined,
        numeric: undefined,
      },
      {
        questionId: 'detail',
        path: 'B/QuestionSet/Question[4]',
        freeText: 'eGFR 25 & falling',
        choiceIds: undefined,
        numeric: undefined,
        date: undefined,
      },
    ]);
  });

  it.each([
    ['not XML at all', 'Message'],
    ['<Message><Header>', 'Message'],
    [
      wrap(initiation.replace('<CardholderID>M000101</CardholderID>', '')),
      'Message/Body/PAInitiationRequest/BenefitsCoordination[1]/CardholderID',
    ],
    [
      wrap(initiation.replace('<NPI>2260010006</NPI>', '<NPI>22600</NPI>')),
      'Message/Body/PAInitiationRequest/Prescriber/NonVeterinarian/Identification/NPI',
    ],
    [
      wrap(initiation.replace('<Date>1961-03-04</Date>', '<Date>1961-02-30</Date>')),
      'Message/Body/PAInitiationRequest/Patient/HumanPatient/DateOfBirth/Date',
    ],
    [
      wrap(initiation.replace('<DaysSupply>28</DaysSupply>', '<DaysSupply>28</DaysSupply><Colour>blue</Colour>')),
      'Message/Body/PAInitiationRequest/MedicationPrescribed/Colour',
    ],
    [
      wrap(initiation.replace('<Qualifier>ND</Qualifier>', '<Qualifier>XX</Qualifier>')),
      'Message/Body/PAInitiationRequest/MedicationPrescribed/DrugCoded/ProductCode/Qualifier',
    ],
    [wrap(''), 'Message/Body'],
    [wrap(initiation).replace('<MessageID>MSG-1</MessageID>', ''), 'Message/Header/MessageID'],
    [wrap(initiation).replace('http://www.ncpdp.org/schema/SCRIPT', 'urn:other'), 'Message/@xmlns'],
    ['<!DOCTYPE x [<!ENTITY a "aaaa">]>' + wrap(initiation), 'Message'],
    [wrap(initiation).replace('<Message ', '<Note ').replace('</Message>', '</Note>'), 'Note'],
  ])('a malformed or schema-invalid message is refused naming the element (%#)', (xml, element) => {
    expect(schemaError(xml).element).toBe(element);
  });

  it('responses build as SCRIPT XML that reads back (escaping included)', () => {
    const xml = buildScriptMessage(
      {
        to: 'demo-hub',
        from: 'OPENPBM',
        messageId: 'R1',
        relatesToMessageId: 'MSG-1',
        sentTime: '2026-11-20T17:00:01Z',
      },
      'PAResponse',
      caseResponseBody('par_1', {
        kind: 'denied',
        reasons: ['HbA1c < 7 & no contraindication'],
        appealRights: 'Appeal within 65 days',
      }),
    );
    expect(xml).toContain('<RelatesToMessageID>MSG-1</RelatesToMessageID>');
    expect(xml).toContain('<DenialReason>HbA1c &lt; 7 &amp; no contraindication</DenialReason>');
    const err = buildScriptMessage(
      { to: 'x', from: 'OPENPBM', messageId: 'R2', sentTime: '2026-11-20T17:00:01Z' },
      'Error',
      errorBody('900', 'SCHEMA', 'bad'),
    );
    expect(err).toMatch(/<Error>\s*<Code>900<\/Code>\s*<DescriptionCode>SCHEMA<\/DescriptionCode>/);
    // A hub's stray control character, echoed back, is written as U+FFFD; a carriage return as a
    // reference, so the answer stays a document any XML parser reads.
    const echoed = buildScriptMessage(
      {
        to: 'x',
        from: 'OPENPBM',
        messageId: 'R4',
        relatesToMessageId: 'a\u0001b\rc\uD800d',
        sentTime: '2026-11-20T17:00:01Z',
      },
      'Error',
      errorBody('900', 'SCHEMA', 'bad \u001F value'),
    );
    // eslint-disable-next-line no-control-regex -- no control character may reach the answer
    expect(echoed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\r]/);
    expect(echoed).toContain('<RelatesToMessageID>a\uFFFDb&#13;c\uFFFDd</RelatesToMessageID>');
    expect(echoed).toContain('bad \uFFFD value');
    const closed = buildScriptMessage(
      { to: 'x', from: 'OPENPBM', messageId: 'R3', sentTime: '2026-11-20T17:00:01Z' },
      'PAInitiationResponse',
      initiationResponseBody({
        kind: 'closed',
        reasonCode: 'NotCovered',
        description: 'Not on the formulary',
        alternatives: [
          {
            rxcui: '1',
            name: 'Alt',
            tier: null,
            estimatedPatientPay: null,
            priorAuthorizationRequired: false,
            termType: 'SBD',
          },
        ],
      }),
    );
    expect(closed).toContain('<ReasonCode>NotCovered</ReasonCode>');
    expect(closed).not.toContain('FormularyTier');
    // A branded alternative is coded SBD, not SCD.
    expect(closed).toMatch(/<DrugDBCode>\s*<Code>1<\/Code>\s*<Qualifier>SBD<\/Qualifier>/);
  });
});
