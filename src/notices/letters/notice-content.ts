/**
 * The facts a notice's `content` carries, as queued by its caller (priorauth/record-determination,
 * open-information-request, reclassify-urgency, initiate-request, pa-deadlines; appeals/file-appeal
 * and decide-appeal). Read defensively: a letter must render even from an older row.
 */
export interface DecidedBy {
  name: string;
  credential: string | null;
  role: string | null;
}

export interface AuthorizationFacts {
  authorizationNumber: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  approvedQuantity: number | null;
  perDays: number | null;
}

export interface InformationItem {
  question?: string;
  document?: string;
}

export interface NoticeContent {
  paRequestId: string | null;
  appealId: string | null;
  drugName: string | null;
  /** The drug-form group the authorization covers ("semaglutide Pen Injector"). */
  scope: string | null;
  planName: string | null;
  /** The case decision (approved, partially-approved, denied, closed-no-response, deemed-approved) or the appeal's. */
  decision: string | null;
  reasons: string[];
  /** Rule ids the reviewer found not met. */
  criteriaNotMet: string[];
  decidedAt: string | null;
  decidedBy: DecidedBy | null;
  authorization: AuthorizationFacts | null;
  criteriaTitle: string | null;
  /** Rule id → ready plain-language reason per language (from the criteria set). */
  denialLanguage: Record<string, Record<string, string>>;
  appealFilingDays: number | null;
  nextLevel: string | null;
  items: InformationItem[];
  note: string | null;
  dueAt: string | null;
  sequence: number | null;
  maxRequests: number | null;
  /** Why an urgent request was reclassified. */
  reason: string | null;
  howToRequest: string[];
  processorName: string | null;
  /** The member's own language (when the letter falls back to English). */
  requestedLanguage: string | null;
  urgency: string | null;
  receivedAt: string | null;
  filedBy: string | null;
  representativeName: string | null;
  /** Escalations: who the overdue request was forwarded to (Part D: the IRE), or null. */
  forwardedTo: string | null;
  /**
   * Member letters queued since letters were translated (docs/design.md#notices): true when the letter's language
   * was not reviewed by a qualified translator, so the English letter is attached; null on older
   * notices (a letter in a language other than English or Spanish then renders in English, as it did).
   */
  englishAttached: boolean | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() && Number.isFinite(Number(v))
      ? Number(v)
      : null;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];

function decidedBy(v: unknown): DecidedBy | null {
  if (!isObject(v)) return null;
  const name = str(v.name);
  return name ? { name, credential: str(v.credential), role: str(v.role) } : null;
}

function authorization(v: Json): AuthorizationFacts | null {
  const number = str(v.authorizationNumber);
  if (!number) return null;
  return {
    authorizationNumber: number,
    effectiveFrom: str(v.effectiveFrom),
    effectiveTo: str(v.effectiveTo),
    approvedQuantity: num(v.approvedQuantity),
    perDays: num(v.perDays),
  };
}

function denialLanguage(v: unknown): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (!isObject(v)) return out;
  for (const [ruleId, texts] of Object.entries(v)) {
    if (!isObject(texts)) continue;
    const byLanguage: Record<string, string> = {};
    for (const [lang, text] of Object.entries(texts))
      if (typeof text === 'string' && text.trim()) byLanguage[lang] = text;
    out[ruleId] = byLanguage;
  }
  return out;
}

/** Case determinations nest their facts under `determination`; appeal decisions carry them at the top. */
export function readNoticeContent(content: Json): NoticeContent {
  const d = isObject(content.determination) ? content.determination : content;
  return {
    paRequestId: str(content.paRequestId),
    appealId: str(content.appealId),
    drugName: str(content.drugName),
    scope: str(content.scope),
    planName: str(content.planName),
    decision: str(d.decision),
    reasons: strings(d.reasons),
    criteriaNotMet: strings(d.criteriaNotMet),
    decidedAt: str(d.decidedAt),
    decidedBy: decidedBy(d.decidedBy),
    authorization: authorization(d) ?? authorization(content),
    criteriaTitle: str(content.criteriaTitle),
    denialLanguage: denialLanguage(content.denialLanguage),
    appealFilingDays: num(content.appealFilingDays),
    nextLevel: str(content.nextLevel),
    items: Array.isArray(content.items)
      ? content.items
          .filter(isObject)
          .map((i) => ({ question: str(i.question) ?? undefined, document: str(i.document) ?? undefined }))
          .filter((i) => i.question || i.document)
      : [],
    note: str(content.note),
    dueAt: str(content.dueAt),
    sequence: num(content.sequence),
    maxRequests: num(content.maxRequests),
    reason: str(content.reason),
    howToRequest: strings(content.howToRequest),
    processorName: str(content.processorName),
    requestedLanguage: str(content.requestedLanguage),
    urgency: str(content.urgency),
    receivedAt: str(content.receivedAt),
    filedBy: str(content.filedBy),
    representativeName: str(content.representativeName),
    forwardedTo: str(content.forwardedTo),
    englishAttached: typeof content.englishAttached === 'boolean' ? content.englishAttached : null,
  };
}
