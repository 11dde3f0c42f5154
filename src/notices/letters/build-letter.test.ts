import { describe, expect, it } from 'vitest';
import {
  CRITERIA_RULES,
  DECIDED_AT,
  letterInput,
  PLANS,
  contentFor,
  type LineOfBusiness,
} from '../../../test/support/letter-fixtures.js';
import { appealFilingWindow } from '../../priorauth/rules/appeal-filing-window.js';
import { NOTICE_KINDS } from '../queue-notices.js';
import { buildLetter, letterToPlainText } from './build-letter.js';
import { addMonths } from './format-letter-values.js';
import { stringsFor } from './i18n/index.js';
const en = stringsFor('en');
const es = stringsFor('es');
import type { Letter } from './letter.js';
import { unprintableChars } from './write-letter-pdf.js';

const text = (l: Letter) => letterToPlainText(l).replace(/\s+/g, ' ');
const build = (...args: Parameters<typeof letterInput>) => buildLetter(letterInput(...args));

const TAGLINES = [
  'ATTENTION: If you need help in your language',
  'ATENCIÓN: si habla español',
  '注意：如果您使用简体中文',
  'CHÚ Ý: Nếu bạn nói Tiếng Việt',
  'PAUNAWA:',
];
const ADVERSE = new Set(['denial', 'partial-approval', 'closure-no-response']);
// Medi-Cal: 60 days from the notice of 2026-11-20.
const DEADLINE = { en: 'January 19, 2027', es: '19 de enero de 2027' };
const DEADLINE_SENTENCE = {
  en: 'You must ask for an appeal by January 19, 2027.',
  es: 'Debe pedir la apelación a más tardar el 19 de enero de 2027.',
};

/** What each kind's letter must say, per language (besides what every letter says). */
const KINDS: Array<{ kind: string; member?: { en: string[]; es: string[] }; provider: string[] }> = [
  {
    kind: 'approval',
    member: {
      en: [
        'Your drug is approved',
        'PA2612345678',
        'November 20, 2026 through November 19, 2027',
        '3 units every 28 days',
        'made automatically',
      ],
      es: [
        'Su medicamento está aprobado',
        'PA2612345678',
        'del 20 de noviembre de 2026 al 19 de noviembre de 2027',
        '3 unidades cada 28 días',
      ],
    },
    provider: [
      'Prior authorization approved',
      'PA2612345678',
      'November 19, 2027',
      'semaglutide Pen Injector (every strength)',
    ],
  },
  {
    kind: 'partial-approval',
    member: {
      en: ['approved in part', '2 units every 28 days', '3 units for 28 days', 'Approved at the starting dose only'],
      es: [
        'aprobado en parte',
        '2 unidades cada 28 días',
        '3 unidades para 28 días',
        'Approved at the starting dose only',
      ],
    },
    provider: [
      'partially approved',
      '2 units every 28 days',
      'Approved at the starting dose only',
      'Dana Doctor, MD (physician)',
    ],
  },
  {
    kind: 'denial',
    member: {
      en: [
        'We denied your request',
        'Your recent HbA1c blood test is below 7%',
        'try metformin for at least 90 days',
        'HbA1c at or above 7% within the last 6 months',
        'A physician reviewed your request: Dana Doctor, MD',
      ],
      es: [
        'Negamos su solicitud',
        'Su prueba de sangre HbA1c reciente es menor de 7%',
        'Primero debe probar metformina',
        'Un médico revisó su solicitud: Dana Doctor, MD',
      ],
    },
    provider: [
      'Prior authorization denied',
      'HbA1c is 6.4% (2026-10-15)',
      `Criteria not met`,
      CRITERIA_RULES.glycemic,
      CRITERIA_RULES.step,
      'Dana Doctor, MD (physician)',
      'peer-to-peer',
    ],
  },
  {
    kind: 'closure-no-response',
    member: {
      en: ['We closed your request', 'Ask your prescriber to send a new request'],
      es: ['Cerramos su solicitud', 'Pida a su médico que envíe una nueva solicitud'],
    },
    provider: ['information not received', 'We asked for more information 2 times', 'send a new request'],
  },
  {
    kind: 'deemed-approval',
    member: {
      en: ['in the time the law allows', 'PA2612345678'],
      es: ['en el tiempo que permite la ley', 'PA2612345678'],
    },
    provider: ['deemed approved', 'PA2612345678'],
  },
  {
    kind: 'information-request',
    member: {
      en: ['We asked for:', 'Attach the most recent HbA1c', 'November 23, 2026 at 9:00 AM PST'],
      es: ['Le pedimos:', 'Attach the most recent HbA1c', '23 de noviembre de 2026 a las 9:00 a.m. PST'],
    },
    provider: [
      'Request for additional information',
      '1. Question: Attach the most recent HbA1c with its date',
      '2. Document: Chart notes documenting the metformin trial',
      'Please send it by November 23, 2026 at 9:00 AM PST',
      'information request 1 of at most 2',
      "Reviewer's note: Last A1c on file is from 2025.",
    ],
  },
  {
    kind: 'incomplete-request',
    provider: ['Incomplete request', 'missing information', '1. Question: Attach the most recent HbA1c with its date'],
  },
  {
    kind: 'urgency-reclassified',
    member: {
      en: ['standard timeline', 'Routine start of therapy', 'November 23, 2026 at 9:00 AM PST', 'grievance'],
      es: ['plazo estándar', 'Routine start of therapy', '23 de noviembre de 2026 a las 9:00 a.m. PST', 'queja'],
    },
    provider: [
      'Expedited review not granted',
      'serious jeopardy',
      'Routine start of therapy',
      'November 23, 2026 at 9:00 AM PST',
    ],
  },
  {
    kind: 'renewal-reminder',
    member: {
      en: ['ends on November 19, 2027', 'renewal request'],
      es: ['termina el 19 de noviembre de 2027', 'solicitud de renovación'],
    },
    provider: ['ends on November 19, 2027', 'Link it to authorization PA2612345678'],
  },
  {
    kind: 'pa-needed',
    provider: [
      'Prior authorization needed',
      'Lakeshore Pharmacy tried to fill',
      'Electronic prior authorization (ePA)',
      'Provider portal',
      'Phone: 1-800-977-2273',
    ],
  },
  {
    kind: 'appeal-acknowledgment',
    member: {
      en: [
        'We received your appeal',
        'apl_TEST0001',
        'standard appeal',
        'December 20, 2026 at 9:00 AM PST',
        'did not make the first decision',
      ],
      es: [
        'Recibimos su apelación',
        'apl_TEST0001',
        'apelación estándar',
        '20 de diciembre de 2026 a las 9:00 a.m. PST',
      ],
    },
    provider: ['Appeal received', 'apl_TEST0001', 'December 20, 2026 at 9:00 AM PST'],
  },
  {
    kind: 'appeal-decision',
    member: {
      en: [
        'We did not change our decision',
        'The new HbA1c (6.6%) is still below 7%',
        'State Fair Hearing',
        'March 20, 2027',
        'Pat Second, PharmD',
      ],
      es: [
        'No cambiamos nuestra decisión',
        'The new HbA1c (6.6%)',
        'Audiencia Estatal Imparcial',
        '20 de marzo de 2027',
      ],
    },
    provider: ['denial upheld', 'The new HbA1c (6.6%) is still below 7%', 'State Fair Hearing', 'March 20, 2027'],
  },
  {
    kind: 'cancellation',
    member: { en: ['was cancelled'], es: ['fue cancelada'] },
    provider: ['cancelled without a decision'],
  },
  {
    kind: 'escalation',
    member: {
      en: ['taking longer than it should', 'A supervisor is now handling it'],
      es: ['Ahora la atiende un supervisor'],
    },
    provider: ['Decision overdue', 'escalated to the review supervisor'],
  },
  {
    kind: 'request-acknowledgment',
    member: {
      en: ['We received a request for your drug', 'A clinical reviewer is looking at the request'],
      es: ['Recibimos una solicitud para su medicamento', 'Un revisor clínico está revisando la solicitud'],
    },
    provider: ['Prior authorization request received', 'is with a clinical reviewer'],
  },
];

describe('buildLetter: every kind × audience × language', () => {
  it('has a template and a test row for every notice kind', () => {
    expect(new Set(KINDS.map((k) => k.kind))).toEqual(new Set(NOTICE_KINDS));
  });

  const cases = KINDS.flatMap((k) => [
    ...(k.member
      ? (['en', 'es'] as const).map((language) => ({
          ...k,
          recipient: 'member' as const,
          language,
          expected: k.member![language],
        }))
      : []),
    { ...k, recipient: 'prescriber' as const, language: 'en' as const, expected: k.provider },
  ]);

  it.each(cases)('$kind to the $recipient in $language', ({ kind, recipient, language, expected }) => {
    const letter = build({ kind, recipient, language });
    const body = text(letter);
    const t = language === 'es' ? es : en;
    expect(letter.language).toBe(language);
    for (const phrase of expected) expect(body).toContain(phrase);

    // Letterhead, contact numbers, date, who and what.
    expect(letter.letterhead.name).toBe('Medi-Cal Rx (fee-for-service)');
    expect(letter.letterhead.lines.join(' ')).toContain('1-800-977-2273');
    expect(letter.date).toBe(language === 'es' ? '20 de noviembre de 2026' : 'November 20, 2026');
    expect(body).toContain('Ozempic 0.25 MG/DOSE Pen Injector');
    expect(body).toContain('par_TEST0001');
    expect(body).toContain('María José Hernández');
    expect(body).toContain('M100200300');
    if (recipient === 'member') {
      expect(letter.recipient).toEqual(['María José Hernández', '1200 Fruitvale Ave Apt 4', 'Oakland, CA 94601']);
      expect(letter.greeting).toBe(t.greeting.person('María José Hernández'));
      // Every member letter ends with the taglines and the Section 1557 notice.
      expect(letter.languageAssistance).toBeDefined();
      const last = text({ ...letter, sections: [], appealForm: undefined });
      for (const tagline of TAGLINES) expect(last).toContain(tagline);
      expect(last).toContain(language === 'es' ? 'Sección 1557' : 'Section 1557');
      expect(last).toContain('1-800-368-1019');
    } else {
      expect(letter.recipient.slice(0, 3)).toEqual(['Grace Okafor, MD', 'NPI: 1234567893', 'Fax: 1-510-555-0171']);
      expect(letter.reference).toContainEqual(['Date of birth', 'March 5, 1978']);
      expect(letter.languageAssistance).toBeUndefined();
    }

    if (ADVERSE.has(kind)) {
      // The appeal deadline as a date (in the letter itself, not only on the form), how to appeal, the next level, and the form page.
      const letterOnly = text({ ...letter, appealForm: undefined, languageAssistance: undefined });
      expect(letterOnly).toContain(
        recipient === 'member' ? DEADLINE_SENTENCE[language] : `may appeal by ${DEADLINE.en}`,
      );
      expect(body).toContain(
        language === 'es' ? 'Por teléfono: llame al 1-800-977-2273' : 'By phone: call 1-800-977-2273',
      );
      expect(body).toContain(language === 'es' ? 'Audiencia Estatal Imparcial' : 'State Fair Hearing');
      const form = letter.appealForm!;
      expect(form.title).toBe(t.appealForm.title);
      const formText = text({ ...letter, sections: [], languageAssistance: undefined });
      for (const v of [
        'M100200300',
        language === 'es' ? '5 de marzo de 1978' : 'March 5, 1978',
        'par_TEST0001',
        DEADLINE[language],
      ])
        expect(formText).toContain(v);
      const blocks = form.sections.flatMap((s) => s.blocks);
      expect(
        blocks.some(
          (b) => b.type === 'checkbox' && b.label.startsWith(language === 'es' ? 'APELACIÓN RÁPIDA' : 'FAST APPEAL'),
        ),
      ).toBe(true);
      expect(blocks.some((b) => b.type === 'write-in' && b.lines >= 5)).toBe(true);
      expect(blocks).toContainEqual({ type: 'signature', labels: [t.appealForm.signature, t.appealForm.date] });
    } else {
      expect(letter.appealForm).toBeUndefined();
    }

    // Nothing the letter's fonts cannot show.
    expect(unprintableChars(letterToPlainText(letter))).toEqual([]);
  });
});

describe('denial reasons', () => {
  it("member letters use the criteria set's wording in the member's language and keep the reviewer's words", () => {
    const spanish = build({ kind: 'denial', recipient: 'member', language: 'es' });
    const why = spanish.sections.find((s) => s.heading === es.denial.member.whyHeading)!;
    expect(why.blocks).toEqual([
      {
        type: 'bullets',
        items: [
          'Su prueba de sangre HbA1c reciente es menor de 7% o tiene más de 6 meses. El plan necesita un resultado reciente de 7% o más.',
          'Primero debe probar metformina durante al menos 90 días, a menos que no pueda tomarla.',
        ],
      },
    ]);
    expect(spanish.sections.find((s) => s.heading === es.denial.member.reviewerWrote)).toBeDefined();
    // The criteria statements are English: a Spanish letter does not print them.
    expect(text(spanish)).not.toContain(CRITERIA_RULES.glycemic);
  });

  it("falls back to the reviewer's reasons when the criteria set has no wording", () => {
    const content = { ...contentFor('denial', PLANS['medi-cal'].plan), denialLanguage: {} };
    const english = build({ kind: 'denial', recipient: 'member', language: 'en', content });
    expect(english.sections.find((s) => s.heading === en.denial.member.whyHeading)!.blocks).toEqual([
      {
        type: 'bullets',
        items: [
          'HbA1c is 6.4% (2026-10-15), below the 7% threshold.',
          'No metformin trial and no contraindication documented.',
        ],
      },
    ]);
    const spanish = build({ kind: 'denial', recipient: 'member', language: 'es', content });
    const blocks = spanish.sections.find((s) => s.heading === es.denial.member.whyHeading)!.blocks;
    expect(blocks[0]).toEqual({ type: 'paragraph', text: es.denial.member.reviewerWrote, bold: true });
  });
});

describe('the appeal deadline and the next level, by line of business', () => {
  const cases: Array<{ lob: LineOfBusiness; deadline: string; next: string; word: string; afterAppeal: string }> = [
    {
      lob: 'medi-cal',
      deadline: 'January 19, 2027',
      next: 'State Fair Hearing',
      word: 'an appeal.',
      afterAppeal: 'March 20, 2027',
    },
    {
      lob: 'commercial',
      deadline: 'May 19, 2027',
      next: 'Independent Medical Review (IMR)',
      word: 'an appeal.',
      afterAppeal: 'May 20, 2027',
    },
    {
      lob: 'medicare-d',
      deadline: 'January 24, 2027',
      next: 'Independent Review Entity (IRE)',
      word: 'a "redetermination"',
      afterAppeal: 'January 24, 2027',
    },
  ];
  it.each(cases)('$lob: appeal by $deadline; next level $next', ({ lob, deadline, next, word, afterAppeal }) => {
    const letter = build({ kind: 'denial', recipient: 'member', language: 'en', lob });
    const body = text(letter);
    expect(body).toContain(`You must ask for an appeal by ${deadline}.`);
    expect(body).toContain(word);
    expect(body).toContain(next);
    // The date the letter prints is the last day the appeals module accepts.
    const window = appealFilingWindow({
      decidedAt: new Date(DECIDED_AT),
      receivedAt: new Date(DECIDED_AT),
      filingWindowDays: PLANS[lob].plan.policy.appeals.filingWindowDays,
      timeZone: 'America/Los_Angeles',
    });
    expect(letter.date).toBe('November 20, 2026');
    expect(body).toContain(
      en.appealRights.deadline(
        new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${window.deadline}T00:00:00Z`),
        ),
      ),
    );
    // Knox-Keene letters carry the DMHC statement (H&S §1368.02(b)).
    expect(body.includes('The California Department of Managed Health Care is responsible for regulating')).toBe(
      lob === 'commercial',
    );
    // Fax is offered only where the plan has one on file (Medi-Cal Rx does not).
    expect(body.includes('By fax: send the appeal form to 1-510-555-0101.')).toBe(lob !== 'medi-cal');

    const upheld = text(
      build({
        kind: 'appeal-decision',
        recipient: 'member',
        language: 'en',
        lob,
        content: contentFor('appeal-decision', PLANS[lob].plan, { decision: 'upheld' }),
      }),
    );
    expect(upheld).toContain(afterAppeal);
    expect(upheld).toContain(next);
  });

  it('keeps the filing window the decision recorded when plan policy changes later', () => {
    const content = { ...contentFor('denial', PLANS['medi-cal'].plan), appealFilingDays: 90 };
    expect(text(build({ kind: 'denial', recipient: 'member', language: 'en', content }))).toContain(
      'You must ask for an appeal by February 18, 2027. That is 90 days',
    );
  });
});

describe('other letters', () => {
  it('the last information request says the case closes when unanswered', () => {
    const content = { ...contentFor('information-request', PLANS.commercial.plan), sequence: 2 };
    const body = text(build({ kind: 'information-request', recipient: 'prescriber', lob: 'commercial', content }));
    expect(body).toContain('information request 2 of at most 2');
    expect(body).toContain(en.informationRequest.provider.ifLateLast);
    expect(body).toContain('Fax: 1-510-555-0101. Put the request number on every page.');
  });

  it('an overturned appeal gives the authorization and no further appeal', () => {
    const content = contentFor('appeal-decision', PLANS['medi-cal'].plan, { decision: 'overturned' });
    const letter = build({ kind: 'appeal-decision', recipient: 'member', language: 'es', content });
    expect(letter.title).toBe(es.appealDecision.title.overturned.member);
    expect(text(letter)).toContain('PA2612345678');
    expect(text(letter)).not.toContain('Audiencia Estatal Imparcial');
    expect(letter.appealForm).toBeUndefined();
  });

  it('a partly overturned appeal shows what was approved, why not the rest, and the next level', () => {
    const content = contentFor('appeal-decision', PLANS['medi-cal'].plan, { decision: 'partially-overturned' });
    const body = text(build({ kind: 'appeal-decision', recipient: 'prescriber', content }));
    expect(body).toContain('approved in part');
    expect(body).toContain('2 units every 28 days');
    expect(body).toContain('The new HbA1c (6.6%) is still below 7%');
    expect(body).toContain('State Fair Hearing');
  });

  it('a member whose language has no template gets English with their tagline first', () => {
    const letter = build({ kind: 'denial', recipient: 'member', language: 'zh', member: { language: 'zh' } });
    expect(letter.language).toBe('en');
    expect(letter.title).toBe(en.denial.title.member);
    expect(letter.languageNotice).toContain('中文 (Chinese): 注意：');
    expect(build({ kind: 'denial', recipient: 'member', language: 'es' }).languageNotice).toBeUndefined();
  });

  it('a pharmacy letter names the prescriber', () => {
    const letter = build({ kind: 'denial', recipient: 'pharmacy', language: 'en' });
    expect(letter.recipient[0]).toBe('Lakeshore Pharmacy');
    expect(letter.greeting).toBe(en.greeting.pharmacy);
    expect(letter.reference).toContainEqual(['Prescriber', 'Grace Okafor, MD (NPI 1234567893)']);
  });

  it('refuses a kind it has no letter for', () => {
    expect(() => build({ kind: 'mystery', recipient: 'member', content: {} })).toThrow(/No letter template/);
  });
});

describe('templates', () => {
  const keys = (o: unknown, prefix = ''): string[] =>
    typeof o === 'object' && o !== null && !Array.isArray(o)
      ? Object.entries(o).flatMap(([k, v]) => [`${prefix}${k}`, ...keys(v, `${prefix}${k}.`)])
      : [];
  it('Spanish has every English key (the type checks it too) and nothing else', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('adds calendar months for the IMR deadline, clamping to the month end', () => {
    expect(addMonths('2026-11-20', 6)).toBe('2027-05-20');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});

describe('escalation on Medicare Part D: the request was forwarded to the IRE (42 CFR 423.568(h))', () => {
  const content = (plan: Parameters<typeof contentFor>[1]) => ({
    ...contentFor('escalation', plan),
    dueAt: '2026-11-23T17:00:00.000Z',
    forwardedTo: 'the Part D Independent Review Entity (IRE)',
  });
  const partD = PLANS['medicare-d'].plan;

  it.each([
    [
      'member',
      'en',
      [
        'We sent your request to an independent reviewer',
        'Medicare rules treat this as a denial',
        'the Part D Independent Review Entity (IRE)',
        'will write to you with its decision',
      ],
    ],
    [
      'member',
      'es',
      [
        'Enviamos su solicitud a un revisor independiente',
        'consideran esto como una negación',
        'the Part D Independent Review Entity (IRE)',
      ],
    ],
    [
      'prescriber',
      'en',
      [
        'forwarded to the Independent Review Entity',
        '42 CFR 423.568(h)',
        'adverse coverage determination',
        'the Part D Independent Review Entity (IRE)',
      ],
    ],
  ] as const)('to the %s in %s says where the request went and what happens next', (recipient, language, expected) => {
    const body = text(build({ kind: 'escalation', recipient, language, lob: 'medicare-d', content: content(partD) }));
    for (const phrase of expected) expect(body).toContain(phrase);
    // Not the "a supervisor has it" letter other plans get.
    expect(body).not.toContain('supervisor');
  });
});
