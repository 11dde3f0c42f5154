import { describe, expect, it } from 'vitest';
import { computeDueAt, DEFAULT_CLOCK_POLICIES } from './compute-due-at.js';
import { hasSupportingStatement, reviewClockStart, supportingStatementReceipt } from './exception-clock.js';

const statement = {
  resourceType: 'QuestionnaireResponse',
  item: [{ linkId: 'supporting-statement', answer: [{ valueString: 'Metformin caused lactic acidosis in 2025.' }] }],
};
const noStatement = {
  resourceType: 'QuestionnaireResponse',
  item: [{ linkId: 'alternatives-tried', answer: [{ valueBoolean: true }] }],
};
const blank = {
  resourceType: 'QuestionnaireResponse',
  item: [{ linkId: 'supporting-statement', answer: [{ valueString: '  ' }] }],
};
const t = (iso: string) => new Date(iso);

describe('when the supporting statement was received', () => {
  const cases: Array<[string, Parameters<typeof supportingStatementReceipt>[0], string | null]> = [
    [
      'Part D exception, statement in these answers: when they arrived',
      {
        lineOfBusiness: 'medicare-d',
        kind: 'formulary',
        onFile: null,
        answers: statement,
        arrivedAt: t('2026-03-02T15:00:00Z'),
      },
      '2026-03-02T15:00:00.000Z',
    ],
    [
      'Part D exception, already on file: the first receipt stays',
      {
        lineOfBusiness: 'medicare-d',
        kind: 'tiering',
        onFile: t('2026-03-01T09:00:00Z'),
        answers: statement,
        arrivedAt: t('2026-03-02T15:00:00Z'),
      },
      '2026-03-01T09:00:00.000Z',
    ],
    [
      'Part D exception without a statement: not received',
      {
        lineOfBusiness: 'medicare-d',
        kind: 'quantity-limit',
        onFile: null,
        answers: noStatement,
        arrivedAt: t('2026-03-02T15:00:00Z'),
      },
      null,
    ],
    [
      'Part D exception with a blank statement: not received',
      {
        lineOfBusiness: 'medicare-d',
        kind: 'age-limit',
        onFile: null,
        answers: blank,
        arrivedAt: t('2026-03-02T15:00:00Z'),
      },
      null,
    ],
    [
      'Part D prior authorization: not tracked',
      {
        lineOfBusiness: 'medicare-d',
        kind: 'prior-authorization',
        onFile: null,
        answers: statement,
        arrivedAt: t('2026-03-02T15:00:00Z'),
      },
      null,
    ],
    [
      'commercial exception: not tracked',
      {
        lineOfBusiness: 'commercial',
        kind: 'formulary',
        onFile: null,
        answers: statement,
        arrivedAt: t('2026-03-02T15:00:00Z'),
      },
      null,
    ],
  ];
  it.each(cases)('%s', (_n, input, expected) => {
    expect(supportingStatementReceipt(input)?.toISOString() ?? null).toBe(expected);
  });
  it('reads a statement given as an attachment', () => {
    expect(
      hasSupportingStatement({
        item: [{ linkId: 'supporting-statement', answer: [{ valueAttachment: { title: 'letter.pdf' } }] }],
      }),
    ).toBe(true);
  });
});

describe('when the review clock starts (42 CFR 423.568(b), 423.570)', () => {
  const completeAt = t('2026-03-04T18:00:00Z');
  const cases: Array<[string, Parameters<typeof reviewClockStart>[0], string | null]> = [
    [
      'Part D exception: from the statement, even when the request was completed later',
      {
        lineOfBusiness: 'medicare-d',
        kind: 'formulary',
        completeAt,
        supportingStatementReceivedAt: t('2026-03-02T15:00:00Z'),
      },
      '2026-03-02T15:00:00.000Z',
    ],
    [
      'Part D exception without the statement: not started',
      { lineOfBusiness: 'medicare-d', kind: 'tiering', completeAt, supportingStatementReceivedAt: null },
      null,
    ],
    [
      'Part D prior authorization: from the complete request',
      { lineOfBusiness: 'medicare-d', kind: 'prior-authorization', completeAt, supportingStatementReceivedAt: null },
      completeAt.toISOString(),
    ],
    [
      'Medi-Cal exception: as PA, from the complete request',
      {
        lineOfBusiness: 'medi-cal',
        kind: 'formulary',
        completeAt,
        supportingStatementReceivedAt: t('2026-03-02T15:00:00Z'),
      },
      completeAt.toISOString(),
    ],
    [
      'commercial exception: as PA',
      { lineOfBusiness: 'commercial', kind: 'quantity-limit', completeAt, supportingStatementReceivedAt: null },
      completeAt.toISOString(),
    ],
  ];
  it.each(cases)('%s', (_n, input, expected) => {
    expect(reviewClockStart(input)?.toISOString() ?? null).toBe(expected);
  });

  it('a Part D standard exception is due 72 hours after the statement, expedited 24', () => {
    const start = reviewClockStart({
      lineOfBusiness: 'medicare-d',
      kind: 'formulary',
      completeAt,
      supportingStatementReceivedAt: t('2026-03-02T15:00:00Z'),
    })!;
    const clock = DEFAULT_CLOCK_POLICIES['medicare-d'];
    expect(computeDueAt({ receivedAt: start, urgency: 'standard', clock }).toISOString()).toBe(
      '2026-03-05T15:00:00.000Z',
    );
    expect(computeDueAt({ receivedAt: start, urgency: 'urgent', clock }).toISOString()).toBe(
      '2026-03-03T15:00:00.000Z',
    );
  });
});
