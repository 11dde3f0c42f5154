import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import glp1Set from '../../../src/priorauth/criteria-library/glp1-t2dm.json';
import sglt2Set from '../../../src/priorauth/criteria-library/sglt2.json';
import buprenorphineSet from '../../../src/priorauth/criteria-library/buprenorphine-naloxone.json';
import { I18nProvider } from '../i18n/i18n';
import { QuestionnaireForm, type QuestionnaireFormProps } from './questionnaire-form';
import { emptyResponse, getAnswers, setAnswer } from './questionnaire-response';

// Criteria sets wrap the FHIR Questionnaire: { id, title, …, questionnaire, rules }.
const glp1 = glp1Set.questionnaire as unknown as Questionnaire;
const sglt2 = sglt2Set.questionnaire as unknown as Questionnaire;
const buprenorphine = buprenorphineSet.questionnaire as unknown as Questionnaire;
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const UCUM = 'http://unitsofmeasure.org';

afterEach(cleanup);

/** The form with its response held in state, as a page would; every onChange is recorded. */
function renderForm(questionnaire: Questionnaire, props: Partial<QuestionnaireFormProps> = {}, lang?: 'en' | 'es') {
  const changes: QuestionnaireResponse[] = [];
  function Harness() {
    const [response, setResponse] = useState<QuestionnaireResponse | null>(props.response ?? null);
    return (
      <QuestionnaireForm
        {...props}
        questionnaire={questionnaire}
        response={response}
        onChange={(next) => {
          changes.push(next);
          setResponse(next);
        }}
      />
    );
  }
  render(
    lang ? (
      <I18nProvider lang={lang}>
        <Harness />
      </I18nProvider>
    ) : (
      <Harness />
    ),
  );
  return { changes, last: () => changes.at(-1) ?? null };
}

const group = (name: RegExp) => screen.getByRole('radiogroup', { name });
const choose = (groupName: RegExp, option: string | RegExp) =>
  fireEvent.click(within(group(groupName)).getByLabelText(option));
const type = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('QuestionnaireForm with a real criteria set (GLP-1)', () => {
  it('labels every question, marking required ones in words', () => {
    renderForm(glp1);
    expect(group(/^Diagnosis \(ICD-10-CM\) \(required\)$/)).toBeTruthy();
    expect(screen.getByLabelText('Most recent HbA1c (%) (required)').getAttribute('inputmode')).toBe('decimal');
    expect(screen.getByLabelText('Date of that HbA1c (required)').getAttribute('type')).toBe('date');
    expect(group(/contraindication or intolerance to metformin\? \(required\)$/)).toBeTruthy();
    // Optional: no "(required)".
    expect(screen.getByLabelText('Chart notes (optional)').getAttribute('type')).toBe('file');
    // The follow-up question is hidden until "Yes".
    expect(screen.queryByLabelText(/Describe the contraindication/)).toBeNull();
  });

  it('shows "Answer this question." under each unanswered required question, only when asked to', () => {
    renderForm(glp1);
    expect(screen.queryAllByText('Answer this question.')).toHaveLength(0);
    cleanup();
    renderForm(glp1, { showRequiredErrors: true });
    expect(screen.getAllByText('Answer this question.')).toHaveLength(5);
    const a1c = screen.getByLabelText(/Most recent HbA1c/);
    expect(a1c.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(a1c.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe(
      'Answer this question.',
    );
    expect(group(/weight loss only/).getAttribute('aria-describedby')).toBeTruthy();

    type(/Most recent HbA1c/, '8.2');
    choose(/weight loss only/, 'No');
    expect(screen.getAllByText('Answer this question.')).toHaveLength(3);
    // Answering "Yes" shows a new required question, which is unanswered.
    choose(/metformin\?/, 'Yes');
    expect(screen.getAllByText('Answer this question.')).toHaveLength(3);
    expect(
      within(screen.getByLabelText(/Describe the contraindication/).closest('.field')!).getByText(
        'Answer this question.',
      ),
    ).toBeTruthy();
  });

  it('a choice answer is the option’s valueCoding (system, code, display)', () => {
    const { last } = renderForm(glp1);
    choose(/Diagnosis/, 'Type 2 diabetes mellitus with hyperglycemia');
    expect(getAnswers(last(), 'dx')).toEqual([
      { valueCoding: { system: ICD, code: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' } },
    ]);
    expect(
      (within(group(/Diagnosis/)).getByLabelText('Type 2 diabetes mellitus with hyperglycemia') as HTMLInputElement)
        .checked,
    ).toBe(true);
  });

  it('shows the follow-up when its controlling answer is "Yes", and removes its answer when that changes', () => {
    const { last } = renderForm(glp1);
    choose(/metformin\?/, 'Yes');
    type(/Describe the contraindication/, 'Lactic acidosis history');
    expect(getAnswers(last(), 'metformin-contra-detail')).toEqual([{ valueString: 'Lactic acidosis history' }]);

    choose(/metformin\?/, 'No');
    expect(screen.queryByLabelText(/Describe the contraindication/)).toBeNull();
    expect(getAnswers(last(), 'metformin-contra-detail')).toEqual([]);
    expect(getAnswers(last(), 'metformin-contra')).toEqual([{ valueBoolean: false }]);

    // Back to "Yes": the question is back, empty.
    choose(/metformin\?/, 'Yes');
    expect((screen.getByLabelText(/Describe the contraindication/) as HTMLInputElement).value).toBe('');
  });

  it('builds the response the server expects (QuestionnaireResponse, linkIds, typed answers)', () => {
    const { last } = renderForm(glp1);
    choose(/Diagnosis/, 'Type 2 diabetes mellitus without complications');
    type(/Most recent HbA1c/, '8.2');
    type(/Date of that HbA1c/, '2026-10-01');
    choose(/metformin\?/, 'No');
    choose(/weight loss only/, 'No');
    expect(last()).toEqual({
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      questionnaire: 'https://openpbm.org/Questionnaire/glp1-t2dm|1',
      item: [
        {
          linkId: 'dx',
          text: 'Diagnosis (ICD-10-CM)',
          answer: [
            { valueCoding: { system: ICD, code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' } },
          ],
        },
        { linkId: 'a1c', text: 'Most recent HbA1c (%)', answer: [{ valueDecimal: 8.2 }] },
        { linkId: 'a1c-date', text: 'Date of that HbA1c', answer: [{ valueDate: '2026-10-01' }] },
        {
          linkId: 'metformin-contra',
          text: 'Does the patient have a contraindication or intolerance to metformin?',
          answer: [{ valueBoolean: false }],
        },
        {
          linkId: 'weight-only',
          text: 'Is the drug prescribed for weight loss only?',
          answer: [{ valueBoolean: false }],
        },
      ],
    });
  });

  it('shows saved answers it is given', () => {
    let saved = emptyResponse(glp1);
    saved = setAnswer(saved, 'a1c', [{ valueDecimal: 7.4 }], glp1);
    saved = setAnswer(saved, 'metformin-contra', [{ valueBoolean: true }], glp1);
    saved = setAnswer(saved, 'metformin-contra-detail', [{ valueString: 'eGFR 25' }], glp1);
    renderForm(glp1, { response: saved });
    expect((screen.getByLabelText(/Most recent HbA1c/) as HTMLInputElement).value).toBe('7.4');
    expect((within(group(/metformin\?/)).getByLabelText('Yes') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Describe the contraindication/) as HTMLInputElement).value).toBe('eGFR 25');
  });
});

describe('enableWhen on other real criteria sets', () => {
  it('a coding condition (SGLT2: metformin question only for E11.9)', () => {
    const { last } = renderForm(sglt2);
    expect(screen.queryByRole('radiogroup', { name: /metformin/ })).toBeNull();
    choose(/Diagnosis/, /^Type 2 diabetes mellitus without complications/);
    choose(/metformin/, 'Yes');
    expect(getAnswers(last(), 'metformin-contra')).toEqual([{ valueBoolean: true }]);
    const other = sglt2.item![0].answerOption!.find((o) => o.valueCoding?.code !== 'E11.9')!.valueCoding!.display!;
    choose(/Diagnosis/, other);
    expect(screen.queryByRole('radiogroup', { name: /metformin/ })).toBeNull();
    expect(getAnswers(last(), 'metformin-contra')).toEqual([]);
  });

  it('a ">" condition on a decimal (buprenorphine: reason needed above 24 mg)', () => {
    const { last } = renderForm(buprenorphine);
    type(/daily dose/, '16');
    expect(screen.queryByLabelText(/more than 24 mg/)).toBeNull();
    type(/daily dose/, '32');
    type(/more than 24 mg/, 'Persistent cravings at 24 mg');
    expect(getAnswers(last(), 'dose-over-24-reason')).toEqual([{ valueString: 'Persistent cravings at 24 mg' }]);
    type(/daily dose/, '24');
    expect(screen.queryByLabelText(/more than 24 mg/)).toBeNull();
    expect(getAnswers(last(), 'dose-over-24-reason')).toEqual([]);
    expect(getAnswers(last(), 'daily-dose-mg')).toEqual([{ valueDecimal: 24 }]);
  });
});

const numbers: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'crcl', text: 'Creatinine clearance', type: 'decimal', required: true },
    { linkId: 'fills', text: 'Number of fills', type: 'integer' },
    {
      linkId: 'dose',
      text: 'Dose',
      type: 'quantity',
      required: true,
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
          valueCoding: { system: UCUM, code: 'mg', display: 'mg' },
        },
      ],
    },
    {
      linkId: 'weight',
      text: 'Body weight',
      type: 'quantity',
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
          valueCoding: { system: UCUM, code: 'kg', display: 'kg' },
        },
        {
          url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
          valueCoding: { system: UCUM, code: '[lb_av]', display: 'lb' },
        },
      ],
    },
    {
      linkId: 'age',
      text: 'Age',
      type: 'integer',
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 120 },
      ],
    },
  ],
};

describe('numbers and quantities', () => {
  it.each<[string, RegExp, string, string | null, unknown]>([
    ['decimal', /Creatinine clearance/, '42.5', null, [{ valueDecimal: 42.5 }]],
    [
      'decimal refuses words',
      /Creatinine clearance/,
      'forty',
      'Enter a number, like 7.5 (digits and one decimal point only).',
      [],
    ],
    [
      'decimal refuses commas',
      /Creatinine clearance/,
      '1,200',
      'Enter a number, like 7.5 (digits and one decimal point only).',
      [],
    ],
    [
      'decimal refuses a unit typed in',
      /Creatinine clearance/,
      '42 mL/min',
      'Enter a number, like 7.5 (digits and one decimal point only).',
      [],
    ],
    ['integer', /Number of fills/, '3', null, [{ valueInteger: 3 }]],
    ['integer refuses fractions', /Number of fills/, '2.5', 'Enter a whole number, like 12.', []],
    [
      'integer refuses words',
      /Number of fills/,
      'two',
      'Enter a number, like 7.5 (digits and one decimal point only).',
      [],
    ],
    ['integer above maxValue', /^Age/, '130', 'Enter 120 or less.', []],
  ])('%s', (_name, label, text, message, answers) => {
    const { last } = renderForm(numbers);
    const linkId = screen.getByLabelText(label).closest('[data-link-id]')!.getAttribute('data-link-id')!;
    type(label, '1');
    type(label, text);
    const input = screen.getByLabelText(label) as HTMLInputElement;
    expect(input.value).toBe(text);
    if (message) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(within(input.closest('.field') as HTMLElement).getByText(message)).toBeTruthy();
    } else {
      expect(input.getAttribute('aria-invalid')).toBeNull();
    }
    expect(getAnswers(last(), linkId)).toEqual(answers);
  });

  it('a corrected entry is stored and the message goes away', () => {
    const { last } = renderForm(numbers);
    type(/Creatinine clearance/, '4O');
    expect(screen.getByText(/Enter a number/)).toBeTruthy();
    type(/Creatinine clearance/, '40');
    expect(screen.queryByText(/Enter a number/)).toBeNull();
    expect(getAnswers(last(), 'crcl')).toEqual([{ valueDecimal: 40 }]);
  });

  it('a quantity carries its fixed unit (questionnaire-unit)', () => {
    const { last } = renderForm(numbers);
    const dose = screen.getByLabelText('Dose (required)');
    expect(document.getElementById(dose.getAttribute('aria-describedby')!)?.textContent).toBe('mg');
    type(/^Dose/, '2.5');
    expect(getAnswers(last(), 'dose')).toEqual([
      { valueQuantity: { value: 2.5, unit: 'mg', system: UCUM, code: 'mg' } },
    ]);
  });

  it('a quantity with unit options needs a unit before it is stored', () => {
    const { last } = renderForm(numbers);
    type(/^Body weight/, '70');
    expect(screen.getByText('Choose a unit for this amount.')).toBeTruthy();
    expect(getAnswers(last(), 'weight')).toEqual([]);
    fireEvent.change(screen.getByLabelText('Unit: Body weight'), { target: { value: '[lb_av]' } });
    expect(screen.queryByText('Choose a unit for this amount.')).toBeNull();
    expect(getAnswers(last(), 'weight')).toEqual([
      { valueQuantity: { value: 70, unit: 'lb', system: UCUM, code: '[lb_av]' } },
    ]);
  });
});

const withAttachment: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [{ linkId: 'notes', text: 'Chart notes', type: 'attachment', required: true }],
};

describe('attachments', () => {
  const pdf = () => new File(['%PDF-1.4 test'], 'chart-notes.pdf', { type: 'application/pdf' });

  it('uploads the chosen file and stores its attachment id and name', async () => {
    const onUpload = vi.fn(async (file: File) => ({
      attachmentId: 'att_01TEST',
      fileName: file.name,
      contentType: 'application/pdf',
    }));
    const { last } = renderForm(withAttachment, { onUpload, showRequiredErrors: true });
    expect(screen.getByText('Answer this question.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Chart notes (required)'), { target: { files: [pdf()] } });
    expect(await screen.findByText('Attached: chart-notes.pdf')).toBeTruthy();
    expect(onUpload).toHaveBeenCalledTimes(1);
    expect(onUpload.mock.calls[0][0].name).toBe('chart-notes.pdf');
    expect(getAnswers(last(), 'notes')).toEqual([
      { valueAttachment: { id: 'att_01TEST', title: 'chart-notes.pdf', contentType: 'application/pdf' } },
    ]);
    expect(screen.queryByText('Answer this question.')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remove file' }));
    expect(getAnswers(last(), 'notes')).toEqual([]);
    expect(screen.queryByText(/Attached:/)).toBeNull();
  });

  it('shows why an upload failed, in words, and stores nothing', async () => {
    const onUpload = vi.fn(async () => {
      throw new Error('Attach a PDF, PNG, JPEG or TIFF file (the content is checked, not the name)');
    });
    const { changes } = renderForm(withAttachment, { onUpload });
    fireEvent.change(screen.getByLabelText(/Chart notes/), { target: { files: [pdf()] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'The file was not attached: Attach a PDF, PNG, JPEG or TIFF file (the content is checked, not the name)',
    );
    expect(changes).toHaveLength(0);
    expect(screen.queryByText(/Attached:/)).toBeNull();
  });

  it('answers given while a file uploads are kept when the upload finishes (GLP-1 chart notes)', async () => {
    let finish!: (v: { attachmentId: string }) => void;
    const onUpload = vi.fn(
      () =>
        new Promise<{ attachmentId: string }>((resolve) => {
          finish = resolve;
        }),
    );
    const { last } = renderForm(glp1, { onUpload });
    fireEvent.change(screen.getByLabelText('Chart notes (optional)'), { target: { files: [pdf()] } });
    expect(screen.getByText('Uploading chart-notes.pdf…')).toBeTruthy();
    expect((screen.getByLabelText('Chart notes (optional)') as HTMLInputElement).disabled).toBe(true);
    type(/Most recent HbA1c/, '9.1');
    finish({ attachmentId: 'att_LATE' });
    expect(await screen.findByText('Attached: chart-notes.pdf')).toBeTruthy();
    expect(getAnswers(last(), 'a1c')).toEqual([{ valueDecimal: 9.1 }]);
    expect(getAnswers(last(), 'chart-notes')).toEqual([
      { valueAttachment: { id: 'att_LATE', title: 'chart-notes.pdf', contentType: 'application/pdf' } },
    ]);
  });

  it('without an upload function the file box is disabled and says so', () => {
    renderForm(withAttachment);
    expect((screen.getByLabelText(/Chart notes/) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Files cannot be attached here.')).toBeTruthy();
  });
});

describe('read-only', () => {
  it('shows the answers as text, without inputs, and leaves hidden questions out', () => {
    let r = emptyResponse(glp1);
    r = setAnswer(
      r,
      'dx',
      [{ valueCoding: { system: ICD, code: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' } }],
      glp1,
    );
    r = setAnswer(r, 'a1c', [{ valueDecimal: 8.2 }], glp1);
    r = setAnswer(r, 'a1c-date', [{ valueDate: '2026-10-01' }], glp1);
    r = setAnswer(r, 'metformin-contra', [{ valueBoolean: false }], glp1);
    r = setAnswer(r, 'chart-notes', [{ valueAttachment: { id: 'att_1', title: 'notes.pdf' } }], glp1);
    const { container } = render(
      <QuestionnaireForm
        questionnaire={glp1}
        response={r}
        onChange={() => {}}
        readOnly
        renderAttachment={(a) => <a href={`#${a.id}`}>{a.title}</a>}
      />,
    );
    expect(container.querySelectorAll('input, select, textarea, button')).toHaveLength(0);
    const answerTo = (question: string) => screen.getByText(question).nextElementSibling?.textContent;
    expect(answerTo('Diagnosis (ICD-10-CM)')).toBe('Type 2 diabetes mellitus with hyperglycemia');
    expect(answerTo('Most recent HbA1c (%)')).toBe('8.2');
    expect(answerTo('Date of that HbA1c')).toBe('Oct 1, 2026');
    expect(answerTo('Does the patient have a contraindication or intolerance to metformin?')).toBe('No');
    expect(answerTo('Is the drug prescribed for weight loss only?')).toBe('Not answered');
    expect(screen.getByRole('link', { name: 'notes.pdf' }).getAttribute('href')).toBe('#att_1');
    expect(screen.queryByText(/Describe the contraindication/)).toBeNull();
  });
});

describe('groups, display text and language', () => {
  const q: Questionnaire = {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'intro', text: 'Answer for the current episode of care.', type: 'display' },
      {
        linkId: 'labs',
        text: 'Laboratory results',
        type: 'group',
        item: [
          { linkId: 'ldl', text: 'LDL-C (mg/dL)', type: 'decimal', required: true },
          { linkId: 'panel', text: 'Lipid panel date', type: 'date' },
        ],
      },
      { linkId: 'notes', text: 'Anything else', type: 'text' },
      {
        linkId: 'tried',
        text: 'Drugs tried',
        type: 'choice',
        repeats: true,
        answerOption: [
          { valueCoding: { code: 'atorva', display: 'Atorvastatin' } },
          { valueCoding: { code: 'rosuva', display: 'Rosuvastatin' } },
        ],
      },
    ],
  };

  it('renders groups as fieldsets with legends, display items as text, text items as text areas', () => {
    const { last } = renderForm(q);
    expect(screen.getByText('Answer for the current episode of care.').tagName).toBe('P');
    const labs = screen.getByRole('group', { name: 'Laboratory results' });
    expect(within(labs).getByLabelText('LDL-C (mg/dL) (required)')).toBeTruthy();
    expect(screen.getByLabelText('Anything else').tagName).toBe('TEXTAREA');
    fireEvent.change(within(labs).getByLabelText(/LDL-C/), { target: { value: '160' } });
    expect(last()?.item).toEqual([
      {
        linkId: 'labs',
        text: 'Laboratory results',
        item: [{ linkId: 'ldl', text: 'LDL-C (mg/dL)', answer: [{ valueDecimal: 160 }] }],
      },
    ]);
  });

  it('a repeating choice is check boxes with one valueCoding per ticked option', () => {
    const { last } = renderForm(q);
    const tried = screen.getByRole('group', { name: 'Drugs tried' });
    fireEvent.click(within(tried).getByLabelText('Rosuvastatin'));
    fireEvent.click(within(tried).getByLabelText('Atorvastatin'));
    expect(getAnswers(last(), 'tried')).toEqual([
      { valueCoding: { code: 'atorva', display: 'Atorvastatin' } },
      { valueCoding: { code: 'rosuva', display: 'Rosuvastatin' } },
    ]);
    fireEvent.click(within(tried).getByLabelText('Atorvastatin'));
    expect(getAnswers(last(), 'tried')).toEqual([{ valueCoding: { code: 'rosuva', display: 'Rosuvastatin' } }]);
  });

  it('an open choice takes an option (valueCoding) or typed words (valueString)', () => {
    const open: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        {
          linkId: 'route',
          text: 'Route',
          type: 'open-choice',
          answerOption: [
            { valueCoding: { code: 'po', display: 'By mouth' } },
            { valueCoding: { code: 'sc', display: 'Under the skin' } },
          ],
        },
      ],
    };
    const { last } = renderForm(open);
    const route = group(/^Route$/);
    fireEvent.change(within(route).getByLabelText('Other (type it)'), { target: { value: 'Nasal spray' } });
    expect(getAnswers(last(), 'route')).toEqual([{ valueString: 'Nasal spray' }]);
    fireEvent.click(within(route).getByLabelText('By mouth'));
    expect(getAnswers(last(), 'route')).toEqual([{ valueCoding: { code: 'po', display: 'By mouth' } }]);
    expect((within(route).getByLabelText('Other (type it)') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(route).getByRole('button', { name: 'Clear answer' }));
    expect(getAnswers(last(), 'route')).toEqual([]);
  });

  it('more than six options become a labelled drop-down list', () => {
    const many: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        {
          linkId: 'state',
          text: 'State',
          type: 'choice',
          required: true,
          answerOption: ['CA', 'NV', 'OR', 'WA', 'AZ', 'UT', 'ID'].map((code) => ({
            valueCoding: { code, display: code },
          })),
        },
      ],
    };
    const { last } = renderForm(many);
    const select = screen.getByLabelText('State (required)') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    fireEvent.change(select, { target: { value: '2' } });
    expect(getAnswers(last(), 'state')).toEqual([{ valueCoding: { code: 'OR', display: 'OR' } }]);
    fireEvent.change(select, { target: { value: '' } });
    expect(getAnswers(last(), 'state')).toEqual([]);
  });

  it('speaks Spanish when the page does: its own words and the plan’s translated questions', () => {
    renderForm(glp1, { showRequiredErrors: true }, 'es');
    expect(screen.getByLabelText('HbA1c más reciente (%) (obligatoria)')).toBeTruthy();
    expect(screen.getAllByText('Responda esta pregunta.')).toHaveLength(5);
    expect(within(group(/intolerancia a la metformina/)).getByLabelText('Sí')).toBeTruthy();
    expect(screen.queryByText(/Most recent HbA1c/)).toBeNull();
  });

  it('a translated option is shown in Spanish but answered with the plan’s canonical coding', () => {
    const { last } = renderForm(glp1, {}, 'es');
    choose(/^Diagnóstico \(CIE-10-MC\)/, 'Diabetes mellitus tipo 2 con hiperglucemia');
    expect(getAnswers(last(), 'dx')).toEqual([
      { valueCoding: { system: ICD, code: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' } },
    ]);
    expect(last()?.item?.find((i) => i.linkId === 'dx')?.text).toBe('Diagnosis (ICD-10-CM)');
  });

  it('read-only answers in Spanish name the question and the option in Spanish', () => {
    const response = setAnswer(
      emptyResponse(glp1),
      'dx',
      [{ valueCoding: { system: ICD, code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' } }],
      glp1,
    );
    renderForm(glp1, { readOnly: true, response }, 'es');
    expect(screen.getByText('Diagnóstico (CIE-10-MC)').nextElementSibling?.textContent).toBe(
      'Diabetes mellitus tipo 2 sin complicaciones',
    );
  });

  it('a question without a translation keeps the plan’s English', () => {
    renderForm(q, {}, 'es');
    expect(screen.getByRole('group', { name: 'Laboratory results' })).toBeTruthy();
  });
});
