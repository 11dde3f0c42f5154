import { describe, expect, it } from 'vitest';
import { closedNoResponseReason, reasonsByLanguage, SYSTEM_REASONS } from './determination-wording.js';

const glycemic = {
  en: 'Your recent HbA1c blood test is below 7%, or it is more than 6 months old.',
  es: 'Su prueba de sangre HbA1c reciente es menor de 7% o tiene más de 6 meses.',
};

describe('reasonsByLanguage', () => {
  it('a denial says each criterion not met in plain words, both languages, in order', () => {
    const step = { en: 'You need to try metformin first.', es: 'Primero debe probar metformina.' };
    expect(reasonsByLanguage({ decision: 'denied', denialWording: [glycemic, null, step] })).toEqual({
      en: [glycemic.en, step.en],
      es: [glycemic.es, step.es],
    });
  });

  it('a denial with no wording for its criteria says a clinician found them not met', () => {
    const r = reasonsByLanguage({ decision: 'denied', denialWording: [null] });
    expect(r.es).toEqual([
      'Un revisor clínico determinó que no se cumplen los criterios de cobertura del plan. La carta explica por qué.',
    ]);
    expect(r.en).toHaveLength(1);
  });

  it('a decision the system made says its own sentence in both languages', () => {
    expect(reasonsByLanguage({ decision: 'approved', wording: [SYSTEM_REASONS.criteriaMet] })).toEqual({
      en: ['Every coverage criterion was met.'],
      es: ['Se cumplieron todos los criterios de cobertura.'],
    });
    expect(closedNoResponseReason(1).es).toMatch(/^Pedimos más información una vez/);
    expect(closedNoResponseReason(2).en).toMatch(/^We asked for more information 2 times/);
    expect(closedNoResponseReason(2).es).toMatch(/^Pedimos más información 2 veces/);
  });

  it('an approval in a reviewer’s own words gets a plain sentence for each language', () => {
    expect(reasonsByLanguage({ decision: 'approved' }).es).toEqual(['Un revisor clínico aprobó la solicitud.']);
    expect(reasonsByLanguage({ decision: 'cancelled' }).es).toEqual(['La solicitud fue retirada.']);
  });
});
