import { describe, expect, it } from 'vitest';
import glp1 from '../../../src/priorauth/criteria-library/glp1-t2dm.json';
import { translationElement } from '../../../src/shared/fhir-translation';
import { informationItemText, informationNote } from './information-words';

const view = {
  questionnaire: glp1.questionnaire,
  requiredDocuments: [{ id: 'labs', text: 'Lab report', _text: translationElement({ es: 'Informe de laboratorio' }) }],
};

describe('informationItemText', () => {
  it('words a question of the set from the set, translated on Spanish screens', () => {
    const item = { question: 'Most recent HbA1c (%)', linkId: 'a1c' };
    expect(informationItemText(item, view, 'es')).toBe('HbA1c más reciente (%)');
    expect(informationItemText(item, view, 'en')).toBe('Most recent HbA1c (%)');
  });

  it('words a required document from the set', () => {
    expect(informationItemText({ document: 'Lab report', documentId: 'labs' }, view, 'es')).toBe(
      'Informe de laboratorio',
    );
  });

  it('keeps a reviewer’s own question as written', () => {
    expect(informationItemText({ question: '¿Cuál es su peso?' }, view, 'es')).toBe('¿Cuál es su peso?');
    expect(informationItemText({ question: 'Gone', linkId: 'no-such' }, view, 'es')).toBe('Gone');
  });
});

describe('informationNote', () => {
  it('the system’s English note is said in Spanish on Spanish screens; a reviewer’s stays', () => {
    const system = { note: 'Still missing required information.', requestedBy: 'system' };
    expect(informationNote(system, 'es')).toBe('A la solicitud le falta información obligatoria.');
    expect(informationNote(system, 'en')).toBe('Still missing required information.');
    expect(informationNote({ note: 'Send the labs.', requestedBy: 'pharmacist' }, 'es')).toBe('Send the labs.');
    expect(informationNote({ note: null, requestedBy: 'system' }, 'es')).toBeNull();
  });
});
