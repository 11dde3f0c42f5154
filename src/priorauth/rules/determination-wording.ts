/**
 * A determination's reasons in every letter language (docs/design.md#portal-language): what a
 * member's, prescriber's or agent's screen in Spanish shows in place of the English `reasons`.
 *
 * `reasons` stay as written — the reviewer's own words, or the system's sentence — for English
 * screens, partners and the audit trail. Beside them the determination stores `reasonsByLanguage`
 * ({ en: [...], es: [...] }): for a denial, the plain-language wording of each criterion not met
 * (the reviewer's edit, else the criteria set's, as in the letter); for a decision the system made,
 * its fixed sentence in both languages; otherwise one plain sentence per decision that sends the
 * reader to the letter, which the plan writes in their language. Pure: no I/O.
 */

export type Wording = { en: string; es: string };

/** The sentences the system writes as reasons (callers use `.en` as the reason). */
export const SYSTEM_REASONS = {
  criteriaMet: {
    en: 'Every coverage criterion was met.',
    es: 'Se cumplieron todos los criterios de cobertura.',
  },
  reviewedAndMet: {
    en: 'The coverage criteria were reviewed and met.',
    es: 'Se revisaron los criterios de cobertura y se cumplen.',
  },
  deemed: {
    en: 'The plan did not decide the request within the time the law allows, so it is approved.',
    es: 'El plan no decidió la solicitud en el plazo que permite la ley, así que está aprobada.',
  },
  withdrawn: {
    en: 'Withdrawn by the requester',
    es: 'Retirada por quien la envió',
  },
} satisfies Record<string, Wording>;

/** Closure after the information asked for `count` times did not arrive. */
export function closedNoResponseReason(count: number): Wording {
  return {
    en: `We asked for more information ${count} time${count === 1 ? '' : 's'} and did not receive it in time, so the request is closed. Your prescriber can send a new request with the information, or you can appeal.`,
    es: `Pedimos más información ${count === 1 ? 'una vez' : `${count} veces`} y no la recibimos a tiempo, así que la solicitud se cerró. Su médico puede enviar una nueva solicitud con la información, o usted puede apelar.`,
  };
}

/** When the reasons are a person's own words: one plain sentence per decision, pointing to the letter. */
const PERSON_WROTE: Record<string, Wording> = {
  approved: {
    en: 'A clinical reviewer approved the request.',
    es: 'Un revisor clínico aprobó la solicitud.',
  },
  'partially-approved': {
    en: 'A clinical reviewer approved part of the request. The letter explains why.',
    es: 'Un revisor clínico aprobó una parte de la solicitud. La carta explica por qué.',
  },
  denied: {
    en: 'A clinical reviewer found that the plan’s coverage criteria are not met. The letter explains why.',
    es: 'Un revisor clínico determinó que no se cumplen los criterios de cobertura del plan. La carta explica por qué.',
  },
  'closed-no-response': {
    en: 'The request was closed because the information the plan asked for did not arrive in time.',
    es: 'La solicitud se cerró porque la información que pidió el plan no llegó a tiempo.',
  },
  'deemed-approved': SYSTEM_REASONS.deemed,
  cancelled: {
    en: 'The request was withdrawn.',
    es: 'La solicitud fue retirada.',
  },
};

export interface ReasonsInput {
  decision: string;
  /** The system's own reasons, already in both languages (SYSTEM_REASONS, closedNoResponseReason). */
  wording?: Wording[];
  /** Denials: each criterion not met with its plain wording (reviewer's edit or the set's); null if the set has none. */
  denialWording?: Array<Wording | null>;
}

/** The reasons in English and Spanish, in the same order for both. */
export function reasonsByLanguage(input: ReasonsInput): { en: string[]; es: string[] } {
  const worded = (input.denialWording ?? []).filter((w): w is Wording => w !== null);
  const wordings: Wording[] = input.wording?.length
    ? input.wording
    : input.decision === 'denied' && worded.length
      ? worded
      : [PERSON_WROTE[input.decision] ?? PERSON_WROTE.approved];
  return { en: wordings.map((w) => w.en), es: wordings.map((w) => w.es) };
}
