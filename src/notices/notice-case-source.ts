import type { Db } from '../platform/db.js';

/** What notices need to know about the PA case a notice belongs to: its parties, plan and the request's terms. */
export interface NoticeCaseFacts {
  memberId: string;
  prescriberNpi: string;
  pharmacyNpi: string | null;
  planId: string;
  quantity: string | number;
  daysSupply: number;
  urgency: string;
  receivedAt: Date;
  /** The statements of the case's criteria, by rule id (a denial letter quotes the rules not met). */
  criteriaRules?: Record<string, string>;
}

export type NoticeCaseSource = (db: Db, paRequestId: string) => Promise<NoticeCaseFacts | undefined>;
/** Several cases' facts by case id (a case not found is absent). */
export type NoticeCasesSource = (db: Db, paRequestIds: string[]) => Promise<Map<string, NoticeCaseFacts>>;

let source: NoticeCaseSource | null = null;
let manySource: NoticeCasesSource | null = null;

/**
 * Called once by the composition root (src/composition/wire-modules.ts) with priorauth's readers.
 * priorauth queues notices, so it depends on this module; notices reaching into priorauth's
 * repository for the letter and the access check was the priorauth ↔ notices cycle.
 */
export function provideNoticeCaseSource(reader: NoticeCaseSource, readMany: NoticeCasesSource): void {
  source = reader;
  manySource = readMany;
}

/** The facts of several cases in a few statements (a delivery batch's letters), by case id. */
export function findNoticeCases(db: Db, paRequestIds: string[]): Promise<Map<string, NoticeCaseFacts>> {
  if (!manySource) throw new Error('notices: no case source; the composition root (wireModules) provides it');
  return manySource(db, paRequestIds);
}

export function findNoticeCase(db: Db, paRequestId: string): Promise<NoticeCaseFacts | undefined> {
  if (!source) throw new Error('notices: no case source; the composition root (wireModules) provides it');
  return source(db, paRequestId);
}
